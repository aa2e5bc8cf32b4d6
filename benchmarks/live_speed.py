"""Speed of `dance_now live` on a recorded video fed at 30 fps: fps out, median/p95 latency (frame in → character
out), frames dropped. Baselines in the same run: each pose estimator alone (one thread, every frame) and each
character alone (ms a frame). Estimators: MediaPipe Holistic on every frame (`PoseEstimator`, `light=False`) and
`LightPoseEstimator` (pose-only model every frame, Holistic's face and hands every `--detail-every`-th frame; the
live default). Characters: the shipped `aoi` (a trained 128 generator), an untrained 256 preset generator (the same
work as a trained one), and the procedural drawing `drawn:aoi` at 256. float32 (bfloat16 only where the CPU has AMX;
`Character`'s `amp=None` decides).

    python benchmarks/live_speed.py [--frames 150] [--detail-every 4] [--only light holistic] [--torch-threads 1]

`--torch-threads 1` (the default) leaves the second core to the pose thread: on a machine busy with other work, two
torch threads next to MediaPipe's were five times slower than one (OpenMP threads waiting on each other).
"""
import argparse, tempfile, time
from pathlib import Path
import numpy as np, torch
from machine import cpu_summary

def estimators(detail_every):
    "(label, factory) of the estimators measured"
    from dance_now.estimate import PoseEstimator, LightPoseEstimator
    return {'holistic': ('Holistic every frame', lambda: PoseEstimator(video=True)),
            'light': (f'light (detail every {detail_every})', lambda: LightPoseEstimator(detail_every=detail_every)),
            'body': ('light, body only (detail 0)', lambda: LightPoseEstimator(detail_every=0))}

def characters():
    "(label, character) pairs measured"
    from dance_now.character import Character, resolve_character
    from dance_now.models import build_model
    yield 'aoi (shipped, 128)', resolve_character('aoi')
    yield '256 preset (untrained)', Character('256 preset', 256, build_model(256), 'cpu')
    yield 'drawn:aoi at 256', resolve_character('drawn:aoi:256')

def alone_fps(make, frames):
    "Frames a second of an estimator made by `make`, alone on every frame (after 5 warm-up frames)"
    with make() as est:
        for f in frames[:5]: est(f)
        t0 = time.perf_counter()
        for f in frames[5:]: est(f)
        return (len(frames) - 5) / (time.perf_counter() - t0)

def generate_ms(ch, poses):
    "Milliseconds a frame for `ch.generate` alone, one pose at a time"
    ch.generate(poses[0]); ch.generate(poses[1]); t0 = time.perf_counter()
    for p in poses[1:]: ch.generate(p)
    return 1000 * (time.perf_counter() - t0) / (len(poses) - 1)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--frames', type=int, default=150); ap.add_argument('--detail-every', type=int, default=4)
    ap.add_argument('--only', nargs='+', default=['holistic', 'light'], choices=['holistic', 'light', 'body'],
                    help="estimators to run live with (all three are measured alone)")
    ap.add_argument('--torch-threads', type=int, default=1, help="torch's threads for the character (0: torch's default)")
    a = ap.parse_args()
    if a.torch_threads: torch.set_num_threads(a.torch_threads)
    from dance_now.transfer import stage_video
    from dance_now.live import LivePipeline, feed_realtime
    tmp = Path(tempfile.mkdtemp(prefix='dn_live_bench_'))
    truth, frames = stage_video(tmp/'stage.mp4', n=a.frames, blank=0, size=(640, 480), fps=30)
    video = tmp/'stage.mp4'
    print(f"{cpu_summary()}; {a.frames} frames of 640x480 fed at 30 fps")
    ests = estimators(a.detail_every)
    for key, (label, make) in ests.items(): print(f"{label} alone: {alone_fps(make, frames):.1f} fps", flush=True)
    chars = list(characters())
    for label, ch in chars:
        print(f"{label} alone: {generate_ms(ch, truth[:12]):.1f} ms a frame ({'float32' if ch.__dict__.get('amp_dtype') is None else ch.amp_dtype})", flush=True)
    for key in a.only:
        est_label, make = ests[key]
        for label, ch in chars:
            with make() as est, LivePipeline(ch, estimator=est, window=10_000) as pipe:
                feed_realtime(pipe, video, tag_source=False)
                pipe.wait_idle(30); s = pipe.stats()
            print(f"live, {est_label}, {label}: {s['fps']:.1f} fps out, latency median {s['latency_ms_median']:.0f} ms, "
                  f"p95 {s['latency_ms_p95']:.0f} ms, dropped {s['dropped']} of {s['frames_in']}", flush=True)

if __name__ == '__main__': main()
