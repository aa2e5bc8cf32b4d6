"""Time of one slider move of `PoseSliders` (dance_now.widgets), stage by stage, at a 256x256 display with the
skeleton overlay on: a shipped 128x128 character shown at 256, the procedural DrawnCharacter at 256, and an
untrained 256x256 generator (build_model(256) in a Character on the CPU: the same work as trained weights).
Each with torch's own thread setting (the widget's default) and with one thread; next to a naive redraw (pose at
512 cut and resized by the character, PIL's PNG at its default compression, torch's default threads) in the
same run.

    python benchmarks/widget_speed.py [--moves 15] [--slow-moves 5] [--size 256]
"""
import argparse, io, time, warnings
import numpy as np, torch, cv2
from PIL import Image
from dance_now.render import overlay_pose
from dance_now.models import build_model
from dance_now.character import Character, DrawnCharacter
from dance_now.widgets import PoseSliders, STAGES, fit_picture, torch_threads

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

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--moves', type=int, default=15, help='moves timed per configuration')
    ap.add_argument('--slow-moves', type=int, default=5, help='moves timed for the 256x256 generator')
    ap.add_argument('--size', type=int, default=256, help='display size')
    a = ap.parse_args()
    warnings.simplefilter('ignore')
    torch.manual_seed(0)
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

if __name__ == '__main__': main()
