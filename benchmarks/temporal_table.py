"""Frame by frame against temporal (Everybody Dance Now's previous frame in + pair judge), on the CPU, small settings.

Trains two aoi characters on the same synthetic dance clips for the same time budget (`--minutes` each), one
frame by frame (`train_temporal(temporal=False)`) and one temporal, then measures both on held-out dances
(`dance_now.temporal.temporal_table`: SSIM per frame, flicker against the truth's, still flicker, drift over a
1,000-frame dance) and writes the table (`table.json`, `table.md`) and a GIF truth | frame by frame | temporal.

    python benchmarks/temporal_table.py --size 64 --minutes 4 --out benchmarks/_out/temporal
"""
import argparse, json, time, warnings
from pathlib import Path
warnings.filterwarnings('ignore')
import torch
from dance_now.synthetic import make_synthetic_dataset
from dance_now.train import export_character
from dance_now.character import load_character
from dance_now.temporal import train_temporal, temporal_table, print_temporal_table, side_by_side_gif

ap = argparse.ArgumentParser()
ap.add_argument('--size', type=int, default=64)
ap.add_argument('--frames', type=int, default=480)
ap.add_argument('--minutes', type=float, default=4.)
ap.add_argument('--bs', type=int, default=8)
ap.add_argument('--out', default='benchmarks/_out/temporal')
a = ap.parse_args()
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
data = make_synthetic_dataset(out/f'aoi_dance_{a.size}', 'aoi', n=a.frames, size=a.size, dance_frac=1.0, progress=False)
chars, info = {}, {}
for name, temporal in (('frame by frame', False), ('temporal', True)):
    t = time.perf_counter()
    learn = train_temporal(data, size=a.size, bs=a.bs, minutes=a.minutes, temporal=temporal, out=out/f'run_{int(temporal)}',
                           device='cpu', num_workers=0)
    f = export_character(learn, out/f"aoi_{'temporal' if temporal else 'frames'}_{a.size}.pth")
    chars[name] = load_character(f, 'cpu', amp=False)
    info[name] = dict(seconds=round(time.perf_counter() - t), epochs=learn.settings.get('epochs'), pairs=learn.settings['pairs'])
rows = temporal_table(chars, 'aoi')
print(f"torch threads {torch.get_num_threads()}; trained {info}")
print_temporal_table(rows)
(out/'table.json').write_text(json.dumps({'size': a.size, 'minutes': a.minutes, 'training': info, 'rows': rows}, indent=1))
md = ['| | SSIM/frame | flicker | still flicker | drift SSIM (last 100 vs first 100) |', '|---|---|---|---|---|']
md += [f"| {k} | {r['ssim']:.4f} | {r['flicker']:.2f} | {r['still_flicker']:.2f} | {r['drift']:.4f} |" for k, r in rows.items()]
(out/'table.md').write_text('\n'.join(md) + '\n')
print('gif:', side_by_side_gif(out/'side_by_side.gif', chars, 'aoi'))
