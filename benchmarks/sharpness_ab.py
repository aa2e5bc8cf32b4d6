"""Sharpness levers, measured: fine-tune a shipped character's drawing with each variant, then its framing table.

    python benchmarks/sharpness_ab.py [--character aoi] [--minutes 10] [--variants base grad=10 face_size=32] [--parallel]

Each variant starts from the same weights (`train_character(base=...)`: the character's frame-by-frame drawing,
generator and face stage; fresh discriminators) and trains for `--minutes` of GAN phase only (no L1 warm-up, Adam
2e-4) on the same synthetic dataset of `TRAINING_FRAMINGS` at the character's size. Variants: `base` (the recipe as it
is), `grad=W` (`grad_weight` W, the gradient L1 beside the L1's 10), `face_size=S` (the face stage on S-pixel crops).
Then `evaluate.framing_table` of each (SSIM, sharpness, face SSIM per framing; held-out synthetic poses and the
shared real OpenPose poses).
With `--parallel` the variants train at once, one thread each (a fair race on a shared machine).
"""
import argparse, json, subprocess, sys, time, warnings
from pathlib import Path
import torch
from machine import cpu_summary

SAMPLES = Path(__file__).resolve().parents[2]/'shared'/'openpose_samples'

def variant_kw(v):
    "`train_character` keywords of a variant name"
    if v == 'base': return {}
    k, _, x = v.partition('=')
    try:
        if k == 'grad': return {'grad_weight': float(x)}
        if k == 'face_size': return {'model_kw': {'face_size': int(x)}}
    except ValueError: pass
    raise ValueError(f"--variants: unknown variant {v!r} (base, grad=W, face_size=S)")

def run_variant(a, v):
    "Fine-tune, export and measure one variant; its figures as a dict"
    from dance_now.synthetic import make_synthetic_dataset, TRAINING_FRAMINGS
    from dance_now.train import train_character, export_character
    from dance_now.character import load_character
    from dance_now.evaluate import framing_table
    base = load_character(a.character, device='cpu', amp=False)
    work = Path(a.work)
    data = make_synthetic_dataset(work/f'data_{a.character}_{base.size}', a.character, n=a.n, size=base.size, seed=0,
                                  framings=TRAINING_FRAMINGS, progress=False)

    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        t0 = time.time()
        learn = train_character(data, size=base.size, warmup=0., lr=2e-4, out=work/v/'train', name=a.character, show=False,
                                resume=False, minutes=a.minutes, base=base, **variant_kw(v))
        secs = time.time() - t0
        f = export_character(learn, work/v/f'{a.character}.pth', half=True)
        t = framing_table(load_character(f), a.n_eval, truth=a.character, samples=a.samples)
    return {'steps': len(learn.cond_gan.history['g']), 'seconds': round(secs), 'table': t.markdown(),
            'rows': {f"{s}/{fr}": m for (s, fr), m in t.rows.items()}}

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--character', default='aoi')
    ap.add_argument('--minutes', type=float, default=10.)
    ap.add_argument('--variants', nargs='+', default=['base', 'grad=10', 'face_size=32'])
    ap.add_argument('--n', type=int, default=1500, help="synthetic training pictures")
    ap.add_argument('--n-eval', type=int, default=32, help="held-out synthetic poses per framing")
    ap.add_argument('--samples', default=str(SAMPLES))
    ap.add_argument('--parallel', action='store_true', help="train the variants at once, one thread each")
    ap.add_argument('--work', default=str(Path(__file__).parent/'_out'/'sharpness'))
    ap.add_argument('--one', default=None, help=argparse.SUPPRESS)      # a child process of --parallel: this variant only
    a = ap.parse_args()
    for v in a.variants: variant_kw(v)                                  # a clear error now, before any work
    out = Path(a.work); out.mkdir(parents=True, exist_ok=True)
    if a.one:
        torch.set_num_threads(1)
        (out/a.one).mkdir(parents=True, exist_ok=True)
        (out/a.one/'figures.json').write_text(json.dumps(run_variant(a, a.one), indent=1)); return
    print(cpu_summary(), '; float32' if not getattr(torch.cpu, '_is_amx_tile_supported', lambda: False)() else '')
    if a.parallel:
        args = [sys.argv[0], '--character', a.character, '--minutes', str(a.minutes), '--n', str(a.n), '--n-eval', str(a.n_eval),
                '--samples', a.samples, '--work', a.work]
        procs = [subprocess.Popen([sys.executable, *args, '--one', v]) for v in a.variants]
        if any(p.wait() for p in procs): sys.exit("a variant failed: see its output above")
        figs = {v: json.loads((out/v/'figures.json').read_text()) for v in a.variants}
    else: figs = {v: run_variant(a, v) for v in a.variants}
    for v, f in figs.items(): print(f"\n## {v}: {f['steps']} GAN steps in {f['seconds']} s\n{f['table']}")
    (out/'figures.json').write_text(json.dumps(figs, indent=1))

if __name__ == '__main__': main()
