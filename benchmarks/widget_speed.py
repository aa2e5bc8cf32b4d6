"""Time of one slider move of `PoseSliders` (dance_now.widgets), stage by stage, at a 256x256 display with the
skeleton overlay on: a shipped 128x128 character shown at 256, the procedural DrawnCharacter at 256, and an
untrained 256x256 generator (build_model(256) in a Character on the CPU: the same work as trained weights).
Each with torch's own thread setting (the widget's default) and with one thread; next to a naive redraw (pose at
512 cut and resized by the character, PIL's PNG at its default compression, torch's default threads) in the
same run.

Then one move of the evaluation browser's frame slider (`EvalBrowser('aoi')` of dance_now.evalwidgets, every
picture at 256): to a frame shown the first time (its row composed and PNG-encoded, then kept) and to one shown
before (the kept PNG), next to a naive redraw in the same run that draws the frame again, measures it, composes the
row and encodes it with PIL on every move; and the sequence scrubber's move (cached).

    python benchmarks/widget_speed.py [--moves 15] [--slow-moves 5] [--size 256] [--eval-frames 24] [--eval-only]
"""
import argparse, io, time, warnings
import numpy as np, torch, cv2
from PIL import Image
from dance_now.render import overlay_pose
from dance_now.models import build_model
from dance_now.character import Character, DrawnCharacter
from dance_now.widgets import PoseSliders, STAGES, fit_picture, torch_threads
from dance_now.evalwidgets import EvalBrowser, SequenceScrubber, frame_metrics
from dance_now.render import render_label_map
from machine import cpu_summary

SHORT = dict(zip(STAGES, ('pose', 'generate', 'overlay', 'png', 'widget')))

def moves(w, n):
    "Seconds per stage of the median one of `n` moves of the right-shoulder slider (after 3 to warm up), and its total"
    rows = []
    for i in range(n + 3):
        w.sliders['r_shoulder_raise'].value = 20. + (i * 37) % 150         # a real move: the slider's observer redraws
        if i >= 3: rows.append([w.timings.get(s, 0.) for s in STAGES])
    rows = np.array(rows)
    mid = rows[np.argsort(rows.sum(1))[len(rows) // 2]]
    return mid, float(mid.sum())

def naive_move(w, value):
    "One redraw the naive way: the pose in a 512 frame, the character cuts and resizes it, PIL encodes the PNG"
    sk = w.skeleton.set(r_shoulder_raise=value)
    pose = sk.to_pose(512)
    with torch_threads(w.painter.threads): img = w.character.generate(pose)
    img = overlay_pose(fit_picture(img, w.size), pose)
    buf = io.BytesIO(); Image.fromarray(img).save(buf, format='PNG')
    w.view.value = buf.getvalue()

def naive(w, n):
    "Median seconds of `n` naive redraws (after 3 to warm up)"
    ts = []
    for i in range(n + 3):
        t0 = time.perf_counter(); naive_move(w, 20. + (i * 37) % 150); dt = time.perf_counter() - t0
        if i >= 3: ts.append(dt)
    return float(np.median(ts))

def timed(f):
    "Seconds `f()` takes"
    t0 = time.perf_counter(); f(); return time.perf_counter() - t0

def naive_eval_move(b, i):
    "One move the naive way: frame `i` drawn again, measured, its row composed and encoded by PIL"
    f = b.frames[i]
    g = fit_picture(b.characters[0].generate(f.pose), f.truth.shape[0])
    frame_metrics([g], [f.truth], render_label_map(f.pose, f.truth.shape[0])[None])
    row = b.picture(i)
    buf = io.BytesIO(); Image.fromarray(row).save(buf, format='PNG')
    b.view.value = buf.getvalue()

def eval_speed(size, n):
    "Print the evaluation browser's and the scrubber's move times"
    t0 = time.perf_counter()
    b = EvalBrowser('aoi', n=n, size=size, device='cpu')
    start = time.perf_counter() - t0
    first = [timed(lambda v=v: setattr(b.slider, 'value', v)) for v in range(1, n)]       # each frame the first time
    again = [timed(lambda v=v: setattr(b.slider, 'value', v)) for v in range(n - 1, -1, -1)]  # all kept now
    naive_ms = [timed(lambda v=v: naive_eval_move(b, v)) for v in range(min(n, 6))]
    b.zoom_toggle.value = True
    zoom_first = [timed(lambda v=v: setattr(b.slider, 'value', v)) for v in range(1, min(n, 8))]
    s = SequenceScrubber('aoi', n=n, size=size, device='cpu')
    seq_first = [timed(lambda v=v: setattr(s.slider, 'value', v)) for v in range(1, n)]
    seq_again = [timed(lambda v=v: setattr(s.slider, 'value', v)) for v in range(n - 1, -1, -1)]
    med = lambda ts: float(np.median(ts)) * 1000
    print(f"\nevaluation browser: EvalBrowser('aoi', n={n}) at {size} per picture ({len(b.columns)} pictures a row); "
          f"starting (drawing and measuring every frame): {start:.1f} s")
    print(f"{'move':44s} {'median ms':>10s} {'max ms':>8s}")
    for what, ts in (('frame shown the first time (compose + PNG)', first), ('frame shown before (kept PNG)', again),
                     ('face zoom, first time', zoom_first), ('naive: draw + measure + compose + PIL PNG', naive_ms),
                     ('sequence scrubber, first time', seq_first), ('sequence scrubber, shown before', seq_again)):
        print(f"{what:44s} {med(ts):10.1f} {max(ts) * 1000:8.1f}")
    print(f"naive / kept: {med(naive_ms) / med(again):.0f}x; naive / first time: {med(naive_ms) / med(first):.1f}x")

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--moves', type=int, default=15, help='moves timed per configuration')
    ap.add_argument('--slow-moves', type=int, default=5, help='moves timed for the 256x256 generator')
    ap.add_argument('--size', type=int, default=256, help='display size')
    ap.add_argument('--eval-frames', type=int, default=24, help="frames of the evaluation browser's set")
    ap.add_argument('--eval-only', action='store_true', help='only the evaluation browser and the scrubber')
    a = ap.parse_args()
    warnings.simplefilter('ignore')
    torch.manual_seed(0)
    print(cpu_summary())
    if a.eval_only: return eval_speed(a.size, a.eval_frames)
    configs = [('aoi 128 shown at 256', lambda: 'aoi', a.moves),
               ('DrawnCharacter 256', lambda: DrawnCharacter('aoi', 256), a.moves),
               ('untrained generator 256', lambda: Character('g256', 256, build_model(256), device='cpu'), a.slow_moves)]
    print(f"one slider move at {a.size}x{a.size}, skeleton overlay on, CPU, torch's default threads: {torch.get_num_threads()}")
    print("ms of the median move; naive: the pose at 512 cut and resized by the character, PIL PNG, torch's default threads")
    head = (f"{'character':26s} {'threads':>7s} " + ' '.join(f"{SHORT[s]:>8s}" for s in STAGES) +
            f" {'total':>8s} {'naive':>8s} {'naive/this':>10s}")
    print(head); print('-' * len(head))
    for name, make, n in configs:
        ch, base = make(), None
        for threads in (None, 1):
            w = PoseSliders(ch, size=a.size, overlay=True, threads=threads, device='cpu', continuous_update=False)
            ch = w.character                                                      # keep it loaded for the next run
            if base is None: base = naive(w, n)
            stages, total = moves(w, n)
            print(f"{name:26s} {str(threads or 'torch'):>7s} " + ' '.join(f"{t * 1000:8.1f}" for t in stages) +
                  f" {total * 1000:8.1f} {base * 1000:8.1f} {base / total:9.1f}x")
    eval_speed(a.size, a.eval_frames)

if __name__ == '__main__': main()
