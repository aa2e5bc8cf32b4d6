"""Seconds a training step of a textured puppet takes, against the way it was done before, in the same process.

    python benchmarks/puppet_train_speed.py [--n 64] [--steps 20] [--repeat 3] [--tex 192] [--threads N]

- textures (`puppet_step`, 8 windows of 128 px of 256-px pictures, every part): `PuppetModel.render` samples each part
  only at the pixels inside its texture square, in back-to-front order, against the dense render it replaced (every
  part sampled at every pixel, then reordered; kept below as `dense_render`), the same picture and gradients.
(The refiner's steps are its convolutions': channels-last inputs measured 1.01x, so they are not used.)

On synthetic aoi frames at 256 (`refine_builtin.Frames`: `synthetic_frames`, every framing). Each figure is the median of `--repeat` runs of
`--steps` steps, after warm-up steps; the runs follow in brackets. The first line names the CPU and whether it has AMX
(these are float32 figures either way).
"""
import argparse, math, statistics, time, warnings
import numpy as np, torch, torch.nn.functional as F
from dance_now.puppet import PuppetModel, N_PARTS, _batch, _texture_coords, _atlas_grid
from machine import cpu_summary
from refine_builtin import Frames

def dense_render(model, frames, window):
    "The render before: every part sampled at every pixel of the window, then put in back-to-front order"
    x0, y0, w = window
    B = frames['frames'].shape[0]
    corner = lambda v: torch.as_tensor(v, dtype=torch.float32).reshape(-1, 1).expand(B, 1)
    xs, ys = (torch.arange(w)[None] + corner(v) + .5 for v in (x0, y0))
    st = _texture_coords(frames['frames'], xs, ys)
    P, cols = st.shape[1], math.ceil(math.sqrt(N_PARTS)); rows = math.ceil(N_PARTS / cols)
    smp = F.grid_sample(model.atlas(), _atlas_grid(st, model.tex, cols, rows).reshape(1, B * P * w, w, 2), mode='bilinear', padding_mode='zeros', align_corners=False)
    smp = smp.view(4, B, P, w, w).permute(1, 2, 0, 3, 4)
    inside = (st.abs() <= 1).all(-1)[:, :, None] & frames['valid'][:, :, None, None, None]
    a = torch.sigmoid(smp[:, :, 3:]) * inside
    rgb = torch.sigmoid(smp[:, :, :3]) * (1 - torch.sigmoid(model.shade - 2) * frames['behind'].view(B, P, 1, 1, 1))
    idx = frames['rank'].argsort(1).view(B, P, 1, 1, 1)
    rgb, a = rgb.gather(1, idx.expand_as(rgb)), a.gather(1, idx.expand_as(a))
    out = torch.sigmoid(model.bg).expand(B, 3, w, w)
    for k in range(P): out = a[:, k] * rgb[:, k] + (1 - a[:, k]) * out
    return out

def texture_step(model, opt, pics, step, dense):
    "One texture step, as `puppet_step` takes it, with the library's render or the dense one"
    rng = np.random.default_rng([0, step])
    frames, target, wins = _batch(pics, rng.choice(len(pics), 8, replace=False), 128, rng)
    window = ([w[0] for w in wins], [w[1] for w in wins], 128)
    out = dense_render(model, frames, window) if dense else model.render(frames, window=window)
    loss = (out - target).abs().mean(); opt.zero_grad(); loss.backward(); opt.step()

def timed(fn, steps, repeat, warm=3):
    "Median seconds a call of `fn(step)` over `repeat` runs of `steps` calls, and the runs"
    for s in range(warm): fn(s)
    runs = []
    for r in range(repeat):
        t = time.perf_counter()
        for s in range(steps): fn(warm + r * steps + s)
        runs.append((time.perf_counter() - t) / steps)
    return statistics.median(runs), runs

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--n', type=int, default=64); ap.add_argument('--steps', type=int, default=20)
    ap.add_argument('--repeat', type=int, default=3); ap.add_argument('--tex', type=int, default=192)
    ap.add_argument('--threads', type=int, default=None)
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    warnings.simplefilter('ignore')
    print(cpu_summary())
    pics = Frames('aoi', a.n, 256, 0)
    fmt = lambda m, runs: f"{m:.3f} s ({', '.join(f'{r:.3f}' for r in runs)})"
    res = {}
    for dense in (True, False):
        torch.manual_seed(0)
        model = PuppetModel(a.tex, 5, background=(230, 235, 245))
        with torch.no_grad():
            for l in model.levels: l.normal_(0, .5)
        opt = torch.optim.Adam(list(model.levels), .03)
        res[dense] = timed(lambda s: texture_step(model, opt, pics, s, dense), a.steps, a.repeat)
    print(f"textures, float32: dense {fmt(*res[True])}, sparse (the library's) {fmt(*res[False])}: {res[True][0] / res[False][0]:.2f}x")

if __name__ == '__main__': main()
