"""How far any character can go at head + shoulders: the exact procedural drawing given the cut pose, and what it lacks.

    python benchmarks/head_ceiling.py [--characters aoi kenta mika] [--n 32]

A portrait's frame cuts the person off at the chest, so the pose a character gets has no hips: the torso's direction
below the frame is guessed (`dance_now.characters.guess_hips`). For each character, SSIM against the truth
(`framing_truth`: the whole person drawn and framed) on `--n` held-out synthetic poses and on the real OpenPose poses
of ../shared/openpose_samples, at head + shoulders, of its own procedural drawing (`DrawnCharacter`, no learning):

- given the cut pose (the framing table's "exact drawing, cut pose" column, the bound a generator of the cut pose meets);
- given the cut pose and the true hips (what the frame took away);
- hedged: the mean of the drawings with the guessed torso turned -8, 0 and +8 degrees about the neck (weights 1, 2, 1),
  the picture an L1- or SSIM-trained generator would draw where it cannot tell; and its sharpness over the truth's.

Then the mean error in degrees of the torso's direction (neck -> mid-hip) of three guesses, on the same poses: the
frame's down, the head's down, `guess_hips`.
"""
import argparse, warnings
from pathlib import Path
import numpy as np
import dance_now.characters as C
from dance_now.characters import body_unit, head_frame, _xy_ok
from dance_now.character import DrawnCharacter
from dance_now.evaluate import framing_cases, real_framing_cases, framing_truth, ssim, sharpness
from machine import cpu_summary

SAMPLES = Path(__file__).resolve().parents[2]/'shared'/'openpose_samples'
shipped_guess = C.guess_hips

def turned_guess(degrees):
    "`guess_hips`, its hips turned `degrees` about the neck"
    a = np.radians(degrees); R = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    return lambda b, u, up=None: tuple(b[1] + R @ (p - b[1]) for p in shipped_guess(b, u, up))

def drawn_turned(drawn, poses, degrees):
    "`drawn`'s pictures of `poses` (float32) with the guessed torso turned `degrees`"
    C.guess_hips = turned_guess(degrees)
    try: return [x.astype(np.float32) for x in drawn.generate(poses)]
    finally: C.guess_hips = shipped_guess

def with_true_hips(c):
    "The cut pose of `FramingCase` `c` given the whole person's hips"
    p, t = c.pose.copy(), c.shown.resize(c.pose.size).body
    p.body[[8, 9, 12]] = t[[8, 9, 12]]
    return p

def angle(v): return np.degrees(np.arctan2(v[0], v[1]))

def direction_errors(cases):
    "Mean |error| in degrees of the torso's direction guessed by the frame's down, the head's down and `guess_hips`"
    err = {'frame down': [], 'head down': [], 'guess_hips': []}
    for c in cases:
        b, ok = _xy_ok(c.pose, 'body'); t = c.shown.resize(c.pose.size).body
        hf = head_frame(c.pose, body_unit(c.pose)) if ok[1] and ok[2] and ok[5] and t[8, 2] > 0 else None
        if hf is None: continue
        true = angle(t[8, :2] - b[1])
        for k, v in (('frame down', (0., 1.)), ('head down', -np.asarray(hf.up)), ('guess_hips', shipped_guess(b, body_unit(c.pose), hf.up)[2] - b[1])):
            err[k].append(abs((true - angle(v) + 180) % 360 - 180))
    return {k: float(np.mean(v)) for k, v in err.items()}, len(err['frame down'])

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--characters', nargs='+', default=['aoi', 'kenta', 'mika']); ap.add_argument('--n', type=int, default=32)
    a = ap.parse_args()
    warnings.simplefilter('ignore')
    print(cpu_summary())
    sources = {'synthetic': framing_cases('head', a.n, 256), 'real': real_framing_cases('head', 256, SAMPLES)}
    print('| character | poses | cut pose | + true hips | hedged ±8° | hedged sharpness |\n|---|---|---|---|---|---|')
    for name in a.characters:
        drawn = DrawnCharacter(name, 256)
        for src, cases in sources.items():
            if not cases: continue
            truth, poses = framing_truth(drawn, cases), [c.pose for c in cases]
            score = lambda pics: float(np.mean([ssim(p, t) for p, t in zip(pics, truth)]))
            turned = {d: drawn_turned(drawn, poses, d) for d in (-8, 8)}
            cut = drawn.generate(poses)
            hedged = [((turned[-8][i] + 2 * cut[i].astype(np.float32) + turned[8][i]) / 4).round().astype(np.uint8) for i in range(len(poses))]
            sharp = np.mean([sharpness(h) / sharpness(t) for h, t in zip(hedged, truth)])
            print(f"| {name} | {src} ({len(cases)}) | {score(cut):.3f} | {score(drawn.generate([with_true_hips(c) for c in cases])):.3f} "
                  f"| {score(hedged):.3f} | {sharp:.2f} |", flush=True)
    print('\n| poses | torso direction error (degrees): frame down | head down | guess_hips |\n|---|---|---|---|')
    for src, cases in sources.items():
        if not cases: continue
        e, n = direction_errors(framing_cases('head', 300, 256) if src == 'synthetic' else cases)
        print(f"| {src} ({n}) | {e['frame down']:.1f} | {e['head down']:.1f} | {e['guess_hips']:.1f} |")

if __name__ == '__main__': main()
