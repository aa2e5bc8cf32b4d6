"""Speed of `dance_now live` on a recorded video fed at 30 fps: fps out, median/p95 latency (frame in → character
out), frames dropped, at character sizes 128 and 256; MediaPipe alone (one thread, every frame) as the baseline.

    python benchmarks/live_speed.py [--frames 150] [--sizes 128 256] [--character drawn:aoi]
"""
import argparse, platform, tempfile, time
from pathlib import Path
import numpy as np, torch

def cpu_name():
    try: return next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
    except (OSError, StopIteration): return platform.processor() or 'unknown'

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--frames', type=int, default=150); ap.add_argument('--sizes', type=int, nargs='+', default=[128, 256])
    ap.add_argument('--character', default='drawn:aoi', help="'drawn:NAME' (procedural) or a built-in/trained character")
    a = ap.parse_args()
    from dance_now.transfer import stage_video
    from dance_now.estimate import PoseEstimator
    from dance_now.live import LivePipeline, feed_realtime
    tmp = Path(tempfile.mkdtemp(prefix='dn_live_bench_'))
    _, frames = stage_video(tmp/'stage.mp4', n=a.frames, blank=0, size=(640, 480), fps=30)
    video = tmp/'stage.mp4'
    print(f"CPU: {cpu_name()}, {torch.get_num_threads()} torch threads; float32; {a.frames} frames of 640x480 fed at 30 fps")
    with PoseEstimator(video=True) as est:
        t0 = time.perf_counter()
        for f in frames: est(f)
        mp = len(frames) / (time.perf_counter() - t0)
    print(f"MediaPipe Holistic alone (every frame, one thread): {mp:.1f} fps")
    for size in a.sizes:
        ch = a.character if not a.character.startswith('drawn:') else f"{a.character.split(':')[0]}:{a.character.split(':')[1]}:{size}"
        with LivePipeline(ch, window=10_000) as pipe:
            feed_realtime(pipe, video, tag_source=False)
            pipe.wait_idle(30); s = pipe.stats()
        print(f"live {ch} at {size}: {s['fps']:.1f} fps out, latency median {s['latency_ms_median']:.0f} ms, "
              f"p95 {s['latency_ms_p95']:.0f} ms, dropped {s['dropped']} of {s['frames_in']}")

if __name__ == '__main__': main()
