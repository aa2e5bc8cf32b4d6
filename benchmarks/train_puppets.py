"""Train the built-in characters as textured puppets (`dance_now.puppet.train_puppet`) and print their framing tables.

    python benchmarks/train_puppets.py [--characters aoi kenta mika] [--size 256] [--n 2000] [--steps 1500] [--refine 4000]
        [--framings full=.25,knees=.2,waist=.25,head=.25,wide=.05] [--work DIR] [--ship]

The defaults are the recipe of the shipped characters (one run each, 31-56 minutes on a 2-core AMD EPYC, float32; 31-34 alone).

For each character: a synthetic dataset of `--n` frames at `--size` with the `--framings` mix
(`make_synthetic_dataset`, kept in `--work`), `train_puppet` on it (its time printed with the machine), then
`framing_table` against the procedural truth, on held-out synthetic poses and on the real OpenPose poses of
../shared/openpose_samples cut to each framing. `--ship` writes them into dance_now/weights (float16), their training record naming the command.
"""
import argparse, json, sys, time
from pathlib import Path
import torch
from dance_now.synthetic import make_synthetic_dataset
from dance_now.puppet import train_puppet
from dance_now.evaluate import framing_table
from dance_now.character import builtin_weights, load_character, save_character
from dance_now.render import save_image
from machine import cpu_summary

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent/'shared'/'openpose_samples'

def framings(s):
    "`full=.3,head=.2` as a dict"
    return {k: float(v) for k, v in (x.split('=') for x in s.split(','))}

def ship(file, name, framings, seconds_data, command):
    "Write the character `file` into dance_now/weights as `name`, its training record given the dataset's framings, time and the command"
    ch = load_character(file)
    ch.meta['training'].update(framings=framings, data_seconds=round(seconds_data, 1), script=command, cpu=cpu_summary())
    save_character(ch, builtin_weights(name), half=True)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--characters', nargs='+', default=['aoi', 'kenta', 'mika'])
    ap.add_argument('--size', type=int, default=256)
    ap.add_argument('--n', type=int, default=2000, help="training frames")
    ap.add_argument('--steps', type=int, default=1500)
    ap.add_argument('--refine', type=int, default=4000, help="the refiner's steps after the textures' (0: none)")
    ap.add_argument('--crop', type=int, default=128)
    ap.add_argument('--tex', type=int, default=192, help="texels a part's texture has on its side (192: under 10 MB a character)")
    ap.add_argument('--framings', type=framings, default=framings('full=.25,knees=.2,waist=.25,head=.25,wide=.05'))
    ap.add_argument('--work', default='puppet_work')
    ap.add_argument('--n-eval', type=int, default=32, help="held-out synthetic poses per framing")
    ap.add_argument('--ship', action='store_true', help="write the trained characters into dance_now/weights")
    a = ap.parse_args()
    torch.set_num_threads(max(1, torch.get_num_threads()))
    print(cpu_summary(), f'{torch.get_num_threads()} threads, float32', flush=True)
    work, out = Path(a.work), {}
    for name in a.characters:
        t0 = time.time()
        data = make_synthetic_dataset(work/f'data_{name}_{a.size}', name, a.n, a.size, framings=a.framings, progress=False)
        t_data, t0 = time.time() - t0, time.time()
        ch = train_puppet(data, work/f'{name}.pth', size=a.size, steps=a.steps, refine=a.refine, crop=a.crop, tex=a.tex, progress=False)
        secs = time.time() - t0
        t = framing_table(work/f'{name}.pth', a.n_eval, truth=name, samples=SAMPLES)
        print(f"{name}: dataset {t_data:.0f} s, {a.steps} + {a.refine} steps in {secs:.0f} s ({secs / 60:.1f} min), file {(work/f'{name}.pth').stat().st_size / 1e6:.1f} MB")
        print(t.markdown(), '\n', flush=True)
        save_image(work/f'framings_{name}.png', t.sheet())
        out[name] = dict(seconds=round(secs), rows={f"{s}/{f}": m for (s, f), m in t.rows.items()})
        if a.ship: ship(work/f'{name}.pth', name, a.framings, t_data, ' '.join(['python benchmarks/train_puppets.py', *sys.argv[1:]]))
    (work/'puppets.json').write_text(json.dumps(out, indent=1))

if __name__ == '__main__': main()
