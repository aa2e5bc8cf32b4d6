"""Train a refiner (`dance_now.puppet.PuppetRefiner`) over a built-in puppet, on synthetic frames, and measure it.

    python benchmarks/refine_builtin.py --characters aoi kenta mika [--steps 1600] [--n 1200] [--work W] [--ship]
    python benchmarks/refine_builtin.py --characters kenta mika --more --steps 600 --seed 1 --ship    # go on training the shipped refiners
    python benchmarks/refine_builtin.py --more --parts head_back --textures 300 --steps 400 --seed 2 --ship  # a part the files lack, then the refiner
    python benchmarks/refine_builtin.py --more --parts torso lower --textures 300 --steps 400 --seed 3 --edge 2 --ship  # hips guessed, edges
    python benchmarks/refine_builtin.py --more --steps 500 --seed 6 --frames-seed 6161 --framings full=.2 knees=.2 waist=.25 head=.3 wide=.05 --ship  # close framings
    python benchmarks/refine_builtin.py --characters kenta --more --steps 600 --seed 7 --face-share .5 --framings full=.25 knees=.2 waist=.25 head=.25 wide=.05 --ship  # faces
    python benchmarks/refine_builtin.py --characters aoi --more --steps 600 --seed 8 --cosine --face-share .5 --framings full=.25 knees=.2 waist=.25 head=.25 wide=.05 --ship  # faces, the rate falling (all three)
    python benchmarks/refine_builtin.py --characters aoi --more --steps 600 --seed 10 --frames-seed 5353 --cosine --face-share .25 --hand-share .35 --framings full=.2 knees=.2 waist=.25 head=.3 wide=.05 --ship  # hands and elbows
    python benchmarks/refine_builtin.py --characters aoi --more --hands 300 --steps 600 --seed 12 --frames-seed 5555 --cosine --face-share .25 --hand-share .35 --framings full=.2 knees=.2 waist=.25 head=.3 wide=.05 --ship  # hands drawn from their points

For each character: its shipped puppet draws `--n` synthetic frames at 256 (`synthetic_frames`, every framing of
`TRAINING_FRAMINGS` or `--framings`, seed 4242 or `--frames-seed`: not the held-out seed), then `--steps` steps of `refiner_step` (L1 + SSIM loss + `--edge` x
`edge_energy_l1` on random 128-pixel windows, `--face-share` of them on the face and `--hand-share` on a hand or an elbow (`refiner_window`), Adam 5e-4 (`--lr`; `--cosine`: down to 3% of it), 8 windows a step), then the framing table's SSIM on 32 held-out synthetic poses
a framing, puppet alone and refined. `--more` goes on from the shipped refiner instead of a new one (then the
"before" column is the shipped refiner's), `--seed` picks other windows than the first run's. `--parts P... --textures K`
first trains the textures of those parts alone (`puppet_step`, the other parts' gradients masked, on the frames of
`--parts-n` more that draw one of them; a part a file lacks, added transparent by `PuppetModel`'s loading, starts as a new one).
`--hands K` first switches a file of texture hands to hands drawn from their points (`PuppetModel.hands`) and fits their
`hand_style` alone for K steps (`puppet_step` on 64-pixel windows at a hand or an elbow, Adam `--tex-lr` on a cosine). `--ship` writes the
character back to dance_now/weights (float16), else to `--work`. The shipped refiners were trained this way (with a time budget in place of `--steps`: see 08b_puppet).
"""
import argparse, time, warnings
from pathlib import Path
import numpy as np, torch
from dance_now.character import load_character, save_character, builtin_weights, DrawnCharacter
from dance_now.characters import draw_character
from dance_now.synthetic import synthetic_frames, check_framings, TRAINING_FRAMINGS
from dance_now.puppet import PuppetRefiner, refiner_step, puppet_step, cosine_rate, part_frames, frame_tensors, refiner_window, PART_INDEX, PUPPET_PARTS, _batch
from dance_now.evaluate import framing_cases, framing_truth, ssim, TABLE_FRAMINGS
from machine import cpu_summary

class Frames:
    "Synthetic `(picture, pose)` pairs at `size` drawn by `name`, as `PuppetPictures` gives a training folder's"
    def __init__(self, name, n, size, seed, keep=None, framings=TRAINING_FRAMINGS):
        "`n` frames of seed `seed` at `framings` (`{framing: share}`), those `keep(pose)` is true of (`None`: all)"
        self.size, fr = size, [f for f in synthetic_frames(n, size, seed=seed, framings=framings) if keep is None or keep(f.pose)]
        self.items = [(draw_character(f.drawn, name, size, depth=f.depth), f.pose) for f in fr]
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]

def train_parts(model, name, n, parts, steps, lr, seed, crop=128, bs=8):
    "`steps` of `puppet_step` on the textures of `parts` alone, on those of `n` synthetic frames that draw one of them (cosine from `lr`)"
    ix = [PART_INDEX[p] for p in parts]
    pics = Frames(name, n, model.refiner.size if model.refiner else 256, 5151, keep=lambda p: part_frames(p)['valid'][ix].any())
    keep = list(range(len(pics)))
    if not keep: raise SystemExit(f"--parts {' '.join(parts)}: no training frame draws them")
    model.float()
    with torch.no_grad():
        for p in ix:
            if (model.textures()[3, p] < -20).all():                 # added transparent on loading: start it as a new part
                for l in model.levels: l[:, p] = 0
                model.levels[-1][3, p] = -3.
    mask = torch.zeros(1, len(PUPPET_PARTS), 1, 1); mask[:, ix] = 1
    hooks = [l.register_hook(lambda g: g * mask) for l in model.levels]
    opt, losses = torch.optim.Adam(list(model.levels), lr), []
    for step in range(steps):
        rng = np.random.default_rng([seed, 10**6 + step])
        opt.param_groups[0]['lr'] = cosine_rate(lr, step, steps)
        losses.append(puppet_step(model, opt, *_batch(pics, rng.choice(keep, min(bs, len(keep)), replace=False), crop, rng), crop))
    for h in hooks: h.remove()
    print(f"  textures of {', '.join(parts)}: {steps} steps on {len(keep)} frames, loss {np.mean(losses[:20]):.4f} -> {np.mean(losses[-20:]):.4f}", flush=True)
    return dict(parts=list(parts), steps=steps, frames=len(keep), lr=lr)

def fit_hands(model, pics, steps, lr, seed, crop=64, bs=8):
    "Draw the hands from their points (`PuppetModel.hands`) and fit their `hand_style` alone: `steps` of `puppet_step` on `crop` windows at a hand or an elbow of `pics` (cosine from `lr`)"
    model.float(); model.hands = 'points'
    opt, losses = torch.optim.Adam([model.hand_style], lr), []
    for step in range(steps):
        rng = np.random.default_rng([seed, 2 * 10**6 + step])
        opt.param_groups[0]['lr'] = cosine_rate(lr, step, steps)
        items = [pics[int(i)] for i in rng.choice(len(pics), bs, replace=False)]
        wins = [refiner_window(p, pics.size, crop, rng, hand_share=1.) for _, p in items]
        target = torch.from_numpy(np.stack([img[y:y + crop, x:x + crop] for (img, _), (x, y) in zip(items, wins)])).permute(0, 3, 1, 2).float() / 255
        losses.append(puppet_step(model, opt, frame_tensors([p for _, p in items], pics.size), target, wins, crop))
    print(f"  hands drawn from their points: {steps} steps, loss {np.mean(losses[:20]):.4f} -> {np.mean(losses[-20:]):.4f}, style {[round(v, 3) for v in model.hand_style.tolist()]}", flush=True)
    return dict(steps=steps, lr=lr, crop=crop)

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
    ap.add_argument('--lr', type=float, default=5e-4); ap.add_argument('--edge', type=float, default=2., help="the edge energy's weight (0: L1 + SSIM alone)"); ap.add_argument('--work', default='refine_work')
    ap.add_argument('--ship', action='store_true'); ap.add_argument('--more', action='store_true', help="go on from the shipped refiner")
    ap.add_argument('--face-share', type=float, default=0., help="the share of the refiner's windows on the face")
    ap.add_argument('--hand-share', type=float, default=0., help="the share of the refiner's windows on a hand or an elbow")
    ap.add_argument('--cosine', action='store_true', help="the refiner's rate from --lr down to 3%% of it on a cosine (as train_puppet's textures), not constant")
    ap.add_argument('--seed', type=int, default=0, help="the windows' random order"); ap.add_argument('--threads', type=int, default=None)
    ap.add_argument('--parts', nargs='+', default=[], choices=PUPPET_PARTS, help="train these parts' textures first")
    ap.add_argument('--textures', type=int, default=300, help="their steps"); ap.add_argument('--tex-lr', type=float, default=.03)
    ap.add_argument('--parts-n', type=int, default=3000, help="synthetic frames (seed 5151) whose ones that draw the parts they train on")
    ap.add_argument('--hands', type=int, default=0, help="first draw the hands from their points and fit their colours and widths for this many steps")
    ap.add_argument('--frames-seed', type=int, default=4242, help="the refiner's synthetic frames (the first runs': 4242)")
    ap.add_argument('--framings', nargs='+', default=None, metavar='FRAMING=SHARE',
                    help="the refiner's frames at these framings, e.g. full=.2 knees=.2 waist=.25 head=.3 wide=.05 (default: TRAINING_FRAMINGS)")
    a = ap.parse_args()
    try: framings = check_framings({k: float(v) for k, v in (f.split('=') for f in a.framings)}) if a.framings else TRAINING_FRAMINGS
    except ValueError as e: ap.error(f"--framings {' '.join(a.framings)}: expected FRAMING=SHARE pairs ({e})")
    if not 0 <= a.face_share <= 1: ap.error(f"--face-share: expected a share in [0, 1], got {a.face_share}")
    if not 0 <= a.hand_share <= 1 - a.face_share: ap.error(f"--hand-share: expected a share in [0, 1 - --face-share], got {a.hand_share}")
    print(cpu_summary())
    if a.threads: torch.set_num_threads(a.threads)
    warnings.simplefilter('ignore')
    for name in a.characters:
        ch = load_character(name)
        model = ch.model
        if a.more and model.refiner is None: raise SystemExit(f"--more: {name} has no refiner to go on from")
        if not a.more: model.refiner = None                                  # the puppet alone
        before = by_framing(ch, name)
        pics = Frames(name, a.n, ch.size, a.frames_seed, framings=framings)
        torch.manual_seed(0)
        tex_run = train_parts(model, name, a.parts_n, a.parts, a.textures, a.tex_lr, a.seed) if a.parts else None
        hand_run = fit_hands(model, pics, a.hands, a.tex_lr, a.seed) if a.hands else None
        if a.more: model.refiner.float()
        else: model.refiner = PuppetRefiner(32, ch.size)
        opt = torch.optim.Adam(model.refiner.parameters(), a.lr)
        plain, losses, t0 = {}, [], time.time()
        for step in range(a.steps):
            rng = np.random.default_rng([a.seed, step])
            if a.cosine: opt.param_groups[0]['lr'] = cosine_rate(a.lr, step, a.steps)
            losses.append(refiner_step(model, opt, pics, plain, rng.choice(len(pics), 8, replace=False), 128, rng, a.edge, a.face_share, a.hand_share))
            if (step + 1) % 200 == 0: print(f"{name} step {step + 1}: loss {np.mean(losses[-200:]):.4f}, {time.time() - t0:.0f} s", flush=True)
        model.eval()
        run = dict(steps=a.steps, n=a.n, seed=a.frames_seed, framings=framings, windows_seed=a.seed, lr=a.lr, edge_weight=a.edge, face_share=a.face_share, **({'hand_share': a.hand_share} if a.hand_share else {}), **({'cosine': True} if a.cosine else {}), minutes=round((time.time() - t0) / 60, 1),
                   script='benchmarks/refine_builtin.py' + (' --more' if a.more else ''), **({'textures': tex_run} if tex_run else {}), **({'hands': hand_run} if hand_run else {}))
        tr = ch.meta.setdefault('training', {})
        if a.more: tr['refine_more'] = tr.get('refine_more', []) + [run]
        else: tr['refine'] = run
        after = by_framing(ch, name)
        print(f"| {name} | " + ' | '.join(f"{before[f]:.3f} -> {after[f]:.3f}" for f in TABLE_FRAMINGS) + f" | {(time.time() - t0) / 60:.1f} min |", flush=True)
        out = builtin_weights(name) if a.ship else Path(a.work)/f'{name}.pth'
        out.parent.mkdir(parents=True, exist_ok=True)
        save_character(ch, out, half=True)

if __name__ == '__main__': main()
