"""Frames/s of each stage of the video pipeline (`dance_now.transfer.transfer`), and of the whole of it, on this machine.

    python benchmarks/transfer_speed.py [--sizes 128 256 512] [--frames 48] [--threads 2 1] [--amp auto off]
    python benchmarks/transfer_speed.py --encode-only [--presets ultrafast veryfast medium] [--crfs 18 20 23]

The encode table (printed first) is ms per frame of `dance_now.video.VideoWriter` (H.264 through PyAV) for each x264
preset and CRF, at 256x256 and 640x480, on a drawn dance and on the same frames with generator-like grain (Gaussian
noise, sigma 6), against OpenCV's `mp4v` writer on the same frames (the ratio: H.264 time / mp4v time).

The source is a 640x480 stage video of a drawn character dancing (`stage_video`). The characters are each size's
preset generator with its initial weights (the same work as a trained one), the 128 preset run at 256 (the small
generator the shipped characters use), and the procedural drawing. `--amp auto` is the default precision
(bfloat16 on a CPU with AMX, float16 on CUDA), `off` float32. The baseline, printed first and in every ratio, is
MediaPipe Holistic alone in video mode on the same frames: no pipeline that estimates poses can beat it. Below each
character, the milliseconds a frame that `transfer` itself spent encoding (the H.264 `VideoWriter`, its default
preset and CRF) next to those it spent generating, from its own stage timer.
"""
import argparse, tempfile, time, warnings
from pathlib import Path
import cv2, numpy as np, torch
from dance_now.skeleton import dance
from dance_now.characters import draw_character
from dance_now.video import VideoWriter, DEFAULT_PRESET, DEFAULT_CRF
from dance_now.keypoints import main_person
from dance_now.render import render_label_map
from dance_now.estimate import get_estimator
from dance_now.models import build_model
from dance_now.character import Character, DrawnCharacter
from dance_now.motion import character_stats, smooth_poses, frame_poses
from dance_now.transfer import stage_video, transfer, _compose, place_character

def fps(f, n):
    "Frames a second of `f()`, which handles `n` frames"
    t0 = time.perf_counter(); f(); return n / (time.perf_counter() - t0)

def ms_per_frame(write, frames, reps=2):
    "Best of `reps` runs of `write(frames)`, in ms per frame (encoding and finishing the file)"
    best = float('inf')
    for _ in range(reps):
        t0 = time.perf_counter(); write(frames); best = min(best, time.perf_counter() - t0)
    return 1000 * best / len(frames)

def write_mp4v(path, frames, fps=24):
    "The old way: OpenCV's MPEG-4 Part 2 writer"
    vw = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*'mp4v'), fps, frames[0].shape[1::-1])
    for f in frames: vw.write(np.ascontiguousarray(f[..., ::-1]))
    vw.release()

def write_h264(path, frames, preset, crf, fps=24):
    "`VideoWriter` with `preset` and `crf`"
    with VideoWriter(path, fps, crf=crf, preset=preset) as vw:
        for f in frames: vw.write(f)
        vw.commit()

def encode_table(tmp, n, presets, crfs):
    "Print ms per frame of H.264 (each preset and CRF) and of OpenCV mp4v, and the file sizes"
    rng = np.random.default_rng(0)
    print(f"encode, ms per frame ({n} frames; size in kB; ratio = H.264 time / OpenCV mp4v time):")
    for w, h in ((256, 256), (640, 480)):
        drawn = [draw_character(p, 'kenta', (w, h)) for p in dance(n, fps=24, size=(w, h))]
        grainy = [np.clip(f + rng.normal(0, 6, f.shape), 0, 255).astype(np.uint8) for f in drawn]
        for label, frames in (('drawn', drawn), ('grainy', grainy)):
            base = ms_per_frame(lambda fr: write_mp4v(tmp/'old.mp4', fr), frames)
            print(f"  {w}x{h} {label:6s} OpenCV mp4v: {base:5.2f} ms, {(tmp/'old.mp4').stat().st_size / 1024:6.0f} kB", flush=True)
            for preset in presets:
                for crf in crfs:
                    t = ms_per_frame(lambda fr: write_h264(tmp/'new.mp4', fr, preset, crf), frames)
                    print(f"  {w}x{h} {label:6s} H.264 {preset:>9s} crf {crf}: {t:5.2f} ms, "
                          f"{(tmp/'new.mp4').stat().st_size / 1024:6.0f} kB, ratio {t / base:4.2f}", flush=True)

def characters(sizes, amp):
    "(label, character) pairs to measure"
    for s in sizes:
        yield f'{s} preset', Character(f'{s} preset', s, build_model(s), 'cpu', amp=amp)
        if s == 256: yield '128 preset at 256', Character('small', 256, build_model(256, ngf=16, n_down=3, n_blocks=4, max_ch=128), 'cpu', amp=amp)
    yield 'procedural drawing', DrawnCharacter('aoi', 256)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--sizes', nargs='+', type=int, default=[128, 256, 512])
    ap.add_argument('--frames', type=int, default=48)
    ap.add_argument('--threads', nargs='+', type=int, default=[torch.get_num_threads()])
    ap.add_argument('--amp', nargs='+', default=['auto', 'off'], choices=['auto', 'off'])
    ap.add_argument('--presets', nargs='+', default=['ultrafast', 'veryfast', 'medium'])
    ap.add_argument('--crfs', nargs='+', type=int, default=[18, 20, 23])
    ap.add_argument('--encode-only', action='store_true', help='only the encode table')
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    encode_table(tmp, a.frames, a.presets, a.crfs)
    if a.encode_only: return
    _, frames = stage_video(tmp/'bench.mp4', n=a.frames, blank=0, size=(640, 480), fps=24)
    est = get_estimator(video=True); est.reset()
    mp = fps(lambda: [est(f) for f in frames], len(frames))
    est.reset(); poses = [main_person(est(f)) for f in frames]
    print(f"MediaPipe Holistic alone, video mode, 640x480: {mp:.1f} frames/s (the baseline)")
    for threads in a.threads:
        torch.set_num_threads(threads)
        for amp in a.amp:
            print(f"torch threads: {threads}, precision: {'auto (' + str(Character('x', 128, build_model(128), 'cpu').amp_dtype or 'float32: no bfloat16 units') + ')' if amp == 'auto' else 'float32'}")
            for label, ch in characters(a.sizes, None if amp == 'auto' else False):
                if amp == 'off' and isinstance(ch, DrawnCharacter): continue
                size, n = ch.size, 16
                tst, sm = character_stats(ch), smooth_poses(poses, fps=24)
                f_norm = fps(lambda: [render_label_map(p, size) for p in frame_poses(sm, tst)[0]], len(sm))
                framed, tfs, _ = frame_poses(sm, tst)
                norm, tfs = framed[:n], tfs[:n]
                ch.generate(norm[:2], bs=2)
                f_gen = fps(lambda: ch.generate(norm, bs=8), n)
                imgs = ch.generate(norm, bs=8)
                bg = tuple(int(v) for v in imgs[0][0, 0])
                compose = lambda: [_compose(place_character(im, tf, (640, 480), (640, 480), bg), p, f, True, True)
                                   for im, tf, p, f in zip(imgs, tfs, sm, frames)]
                f_comp = fps(compose, n)
                comp = compose()
                f_enc = fps(lambda: write_h264(tmp/'enc.mp4', comp, DEFAULT_PRESET, DEFAULT_CRF), n)
                r = transfer(tmp/'bench.mp4', ch, tmp/'out.mp4', progress=False, quiet=True)
                whole = r['frames'] / r['total']
                r2 = transfer(tmp/'bench.mp4', ch, tmp/'out.mp4', side_by_side=True, skeleton=True, progress=False, quiet=True)
                enc_ms = [1000 * x['seconds']['encode'] / x['frames'] for x in (r, r2)]
                gen_ms = [1000 * x['seconds']['generate'] / x['frames'] for x in (r, r2)]
                print(f"  {label:>18s}: normalise+render {f_norm:5.0f}, generate {f_gen:6.2f}, composite {f_comp:4.0f}, "
                      f"encode {f_enc:4.0f} frames/s; whole transfer {whole:5.2f} frames/s ({whole / mp:.2f} x MediaPipe alone), "
                      f"side by side + skeleton {r2['frames'] / r2['total']:5.2f}\n"
                      f"  {'':>18s}  inside transfer: encode {enc_ms[0]:.2f} ms a frame ({r['width']}x{r['height']}) vs generate "
                      f"{gen_ms[0]:.1f}; side by side + skeleton encode {enc_ms[1]:.2f} ms ({r2['width']}x{r2['height']}) vs generate "
                      f"{gen_ms[1]:.1f}", flush=True)

if __name__ == '__main__':
    with warnings.catch_warnings():
        warnings.simplefilter('ignore'); main()
