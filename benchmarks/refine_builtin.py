"""Train a refiner (`dance_now.puppet.PuppetRefiner`) over a built-in puppet, on synthetic frames, and measure it.

    python benchmarks/refine_builtin.py --characters aoi kenta mika [--steps 1600] [--n 1200] [--work W] [--ship]
    python benchmarks/refine_builtin.py --characters kenta mika --more --steps 600 --seed 1 --ship    # go on training the shipped refiners

For each character: its shipped puppet draws `--n` synthetic frames at 256 (`synthetic_frames`, every framing of
`TRAINING_FRAMINGS`, seed 4242: not the held-out seed), then `--steps` steps of `refiner_step` (L1 + SSIM loss on
random 128-pixel windows, Adam 5e-4, 8 windows a step), then the framing table's SSIM on 32 held-out synthetic poses
a framing, puppet alone and refined. `--more` goes on from the shipped refiner instead of a new one (then the
"before" column is the shipped refiner's), `--seed` picks other windows than the first run's. `--ship` writes the
character back to dance_now/weights (float16), else to `--work`. The shipped refiners were trained this way (with a time budget in place of `--steps`: see 08b_puppet).
"""
import argparse, time, warnings
from pathlib import Path
import numpy as np, torch
from dance_now.character import load_character, save_character, builtin_weights, DrawnCharacter
from dance_now.characters import draw_character
from dance_now.synthetic import synthetic_frames, TRAINING_FRAMINGS
from dance_now.puppet import PuppetRefiner, refiner_step
from dance_now.evaluate import framing_cases, framing_truth, ssim, TABLE_FRAMINGS
from machine import cpu_summary

class Frames:
    "Synthetic `(picture, pose)` pairs at `size` drawn by `name`, as `PuppetPictures` gives a training folder's"
    def __init__(self, name, n, size, seed):
        self.size, fr = size, list(synthetic_frames(n, size, seed=seed, framings=TRAINING_FRAMINGS))
        self.items = [(draw_character(f.drawn, name, size, depth=f.depth), f.pose) for f in fr]
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]

def by_framing(ch, name, n=32):
    "SSIM a framing of `ch` against the truth on `n` held-out synthetic poses"
    drawn = DrawnCharacter(name, ch.size)
    out = {}
    for fr in TABLE_FRAMINGS:
        cases = framing_cases(fr, n, ch.size)
        out[fr] = ssim(np.stack(ch.generate([c.pose for c in cases])), np.stack(framing_truth(drawn, cases)))
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--characters', nargs='+', default=['aoi', 'kenta', 'mika'])
    ap.add_argument('--steps', type=int, default=1600); ap.add_argument('--n', type=int, default=1200)
    ap.add_argument('--lr', type=float, default=5e-4); ap.add_argument('--work', default='refine_work')
    ap.add_argument('--ship', action='store_true'); ap.add_argument('--more', action='store_true', help="go on from the shipped refiner")
    ap.add_argument('--seed', type=int, default=0, help="the windows' random order"); ap.add_argument('--threads', type=int, default=None)
    a = ap.parse_args()
    print(cpu_summary())
    if a.threads: torch.set_num_threads(a.threads)
    warnings.simplefilter('ignore')
    for name in a.characters:
        ch = load_character(name)
        model = ch.model
        if a.more and model.refiner is None: raise SystemExit(f"--more: {name} has no refiner to go on from")
        if not a.more: model.refiner = None                                  # the puppet alone
        before = by_framing(ch, name)
        pics = Frames(name, a.n, ch.size, 4242)
        torch.manual_seed(0)
        if a.more: model.refiner.float()
        else: model.refiner = PuppetRefiner(32, ch.size)
        opt = torch.optim.Adam(model.refiner.parameters(), a.lr)
        plain, losses, t0 = {}, [], time.time()
        for step in range(a.steps):
            rng = np.random.default_rng([a.seed, step])
            losses.append(refiner_step(model, opt, pics, plain, rng.choice(len(pics), 8, replace=False), 128, rng))
            if (step + 1) % 200 == 0: print(f"{name} step {step + 1}: loss {np.mean(losses[-200:]):.4f}, {time.time() - t0:.0f} s", flush=True)
        model.eval()
        run = dict(steps=a.steps, n=a.n, seed=4242, windows_seed=a.seed, lr=a.lr, minutes=round((time.time() - t0) / 60, 1),
                   script='benchmarks/refine_builtin.py' + (' --more' if a.more else ''))
        tr = ch.meta.setdefault('training', {})
        if a.more: tr['refine_more'] = tr.get('refine_more', []) + [run]
        else: tr['refine'] = run
        after = by_framing(ch, name)
        print(f"| {name} | " + ' | '.join(f"{before[f]:.3f} -> {after[f]:.3f}" for f in TABLE_FRAMINGS) + f" | {(time.time() - t0) / 60:.1f} min |", flush=True)
        out = builtin_weights(name) if a.ship else Path(a.work)/f'{name}.pth'
        out.parent.mkdir(parents=True, exist_ok=True)
        save_character(ch, out, half=True)

if __name__ == '__main__': main()
