"""Frame by frame against temporal (Everybody Dance Now's previous frame in, pair judge, blend head) for the shipped
characters, on the CPU: train each temporal character from its frame-by-frame drawing and measure both.

For each character: a synthetic dataset of dance clips at the character's size, `train_temporal(base=...)` for
`--minutes` (the base's drawing kept, only the blend head learns: `keep_base`), then `temporal_table` on held-out
dances (SSIM per frame, flicker against the truth's, still flicker, drift over a 1,000-frame dance) for the same
character drawn frame by frame (`FrameByFrame`: `generate`) and temporal (`animate`). Writes table.json, table.md and
a GIF truth | frame by frame | temporal per character to --out; `--ship` writes the temporal characters into
dance_now/weights/<name>_gan.pth (half precision; the built-in names are the textured puppets).

    python benchmarks/temporal_table.py --characters aoi kenta mika --minutes 10 [--ship] [--out benchmarks/_out/temporal]
    python benchmarks/temporal_table.py --measure-only      # the table of the characters as they are shipped
"""
import argparse, json, shutil, time, warnings
from pathlib import Path
warnings.filterwarnings('ignore')
import torch
from machine import cpu_summary
from dance_now.characters import CHARACTERS
from dance_now.synthetic import make_synthetic_dataset
from dance_now.train import export_character
from dance_now.character import load_character, builtin_weights, is_temporal
from dance_now.temporal import train_temporal, temporal_table, print_temporal_table, side_by_side_gif, both_ways

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument('--characters', nargs='+', default=CHARACTERS)
ap.add_argument('--frames', type=int, default=960, help="frames of dance clips to train on (48 a clip)")
ap.add_argument('--minutes', type=float, default=10.)
ap.add_argument('--zoom', type=float, default=.5, help="share of the training pairs zoomed in (both frames through one window)")
ap.add_argument('--warmup', type=float, default=.5)
ap.add_argument('--bs', type=int, default=8)
ap.add_argument('--measure-only', action='store_true', help="no training: the table of the characters as they are")
ap.add_argument('--ship', action='store_true', help="write the temporal characters into dance_now/weights/")
ap.add_argument('--out', default=str(Path(__file__).parent/'_out'/'temporal'))
a = ap.parse_args()
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
print(cpu_summary(), "; float32")
rows, info = {}, {}
for name in a.characters:
    base = load_character(f'{name}_gan', 'cpu', amp=False)          # the shipped pix2pix version
    ch = base
    if not a.measure_only:
        size = base.size
        data = make_synthetic_dataset(out/f'{name}_dance_{size}', name, n=a.frames, size=size, dance_frac=1.0, progress=False)
        t = time.perf_counter()
        learn = train_temporal(data, minutes=a.minutes, base=base, zoom_p=a.zoom, warmup=a.warmup, bs=a.bs,
                               out=out/f'run_{name}', device='cpu')
        f = export_character(learn, out/f'{name}.pth', half=True)
        info[name] = dict(seconds=round(time.perf_counter() - t), steps=len(learn.cond_gan.history['g']), pairs=learn.settings['pairs'])
        ch = load_character(f, 'cpu', amp=False)
        if a.ship: shutil.copyfile(f, builtin_weights(f'{name}_gan'))       # the shipped pix2pix version
    if not is_temporal(ch): print(f"{name}: frame by frame (no temporal model to compare)")
    r = temporal_table(both_ways(ch) if is_temporal(ch) else {name: ch}, name)
    rows.update({k: v for k, v in r.items() if k != 'truth'}); rows[f'{name} truth'] = r['truth']
    print(name, info.get(name, '')); print_temporal_table(r)
    side_by_side_gif(out/f'{name}_side_by_side.gif', both_ways(ch) if is_temporal(ch) else {name: ch}, name)
(out/'table.json').write_text(json.dumps({'minutes': a.minutes, 'training': info, 'rows': rows}, indent=1))
md = ['| | SSIM/frame | flicker | still flicker | drift SSIM (last 100 vs first 100) |', '|---|---|---|---|---|']
md += [f"| {k} | {r['ssim']:.4f} | {r['flicker']:.2f} | {r['still_flicker']:.3f} | {r['drift']:.4f} |" for k, r in rows.items()]
(out/'table.md').write_text('\n'.join(md) + '\n')
print('\n'.join(md))
