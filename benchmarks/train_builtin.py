"""Train the three built-in characters as pix2pix GANs and ship their weights (dance_now/weights/<name>_gan.pth), with a quality table.

    python benchmarks/train_builtin.py [--size 128] [--n 1200] [--epochs 12] [--minutes M] [--framings full=.5,head=.5]
                                       [--base DIR_OR_FILE] [--characters aoi kenta mika]

For each character: a synthetic dataset (dance_now.characters), `train_character` on it (the CPU unless a GPU
is there), `export_character` in half precision into the package, then `evaluate_character` (the one evaluator) on held-out poses
(SSIM, PSNR, L1, face SSIM with and without the face stage, and the nearest-neighbour baseline), written to
<work>/quality_<size>.json (default benchmarks/_out/builtin/) and printed as a markdown table.
"""
import argparse, json, time, warnings
from pathlib import Path
import numpy as np, torch
from dance_now.characters import CHARACTERS
from dance_now.synthetic import make_synthetic_dataset, TRAINING_FRAMINGS
from dance_now.train import train_character, export_character
from dance_now.character import load_character, builtin_weights
from dance_now.evaluate import evaluate_character, random_pairs

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--size', type=int, default=128)
    ap.add_argument('--n', type=int, default=1200)
    ap.add_argument('--epochs', type=int, default=12)
    ap.add_argument('--minutes', type=float, default=None, help="a time budget per character (instead of --epochs)")
    ap.add_argument('--framings', default=None, help="the dataset's framing mix, e.g. full=.7,head=.3 (default: synthetic.TRAINING_FRAMINGS, the shipped characters')")
    ap.add_argument('--base', default=None, help="a character file, or a folder of <name>.pth, to start from: its generator is the global one from 256 up, else the whole character is trained on")
    ap.add_argument('--freeze', type=float, default=None, help="with --base from 256 up: the share of training with the global generator fixed")
    ap.add_argument('--ndf', type=int, default=None, help="the discriminators' width (default: build_discriminators')")
    ap.add_argument('--bs', type=int, default=8)
    ap.add_argument('--lr', type=float, default=None, help="Adam's learning rate (default: train_character's)")
    ap.add_argument('--skips', type=int, default=None, help="1/0: U-Net skips in the generator or not (default: the preset's)")
    ap.add_argument('--warmup', type=float, default=None, help="share of training as L1-only warm-up (default: train_character's)")
    ap.add_argument('--n-eval', type=int, default=64)
    ap.add_argument('--characters', nargs='+', default=CHARACTERS)
    ap.add_argument('--work', default=str(Path(__file__).parent/'_out'/'builtin'))
    ap.add_argument('--resume', action='store_true', help="go on from the checkpoints of an interrupted run (default: train from scratch)")
    ap.add_argument('--no-ship', action='store_true', help="do not write into dance_now/weights/")
    a = ap.parse_args()
    work, results = Path(a.work), {}
    framings = {k: float(v) for k, v in (x.split('=') for x in a.framings.split(','))} if a.framings else TRAINING_FRAMINGS
    for name in a.characters:
        data = make_synthetic_dataset(work/f'data_{name}_{a.size}', name, n=a.n, size=a.size, seed=0, framings=framings, progress=False)
        t0 = time.time()
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            kw = ({} if a.warmup is None else {'warmup': a.warmup}) | ({} if a.skips is None else {'model_kw': {'skips': bool(a.skips)}})
            if a.base: kw |= {'base': Path(a.base)/f'{name}.pth' if Path(a.base).is_dir() else a.base, 'freeze': a.freeze}
            if a.ndf: kw |= {'disc_kw': {'ndf': a.ndf}}
            learn = train_character(data, size=a.size, epochs=a.epochs, bs=a.bs, lr=a.lr, out=work/f'train_{name}_{a.size}', name=name,
                                    show=False, resume=a.resume, minutes=a.minutes, **kw)
        secs = time.time() - t0
        f = export_character(learn, work/f'{name}.pth' if a.no_ship else builtin_weights(f'{name}_gan'), half=True)   # the shipped pix2pix version
        ch = load_character(f)
        held = random_pairs(name, a.n_eval, a.size, seed=12345)     # held-out random poses, truth drawn with the skeleton's depth
        rep = evaluate_character(ch, held, truth=name, baseline=data, without_face_stage=True,
                                 n_pose=0, n_dance=0, use_lpips=False, n_show=0)
        results[name] = {'train_seconds': round(secs, 1), 'epochs': learn.settings['epochs'], 'n': a.n, 'framings': framings, 'device': str(ch.device),
                         'file_mb': round(f.stat().st_size / 1e6, 2), **rep.by_variant()}
        print(name, json.dumps(results[name]), flush=True)
    out = Path(a.work)/f'quality_{a.size}.json'
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"\n| character | train s | SSIM | PSNR | L1 | face SSIM | face SSIM w/o face stage | NN SSIM | NN face SSIM |\n|---|---|---|---|---|---|---|---|---|")
    for k, r in results.items():
        m, w, b = r['model'], r['model_without_face_stage'], r['nearest_neighbour']
        print(f"| {k} | {r['train_seconds']:.0f} | {m['ssim']:.3f} | {m['psnr']:.1f} | {m['l1']:.1f} | {m['face_ssim']:.3f} | "
              f"{w['face_ssim']:.3f} | {b['ssim']:.3f} | {b['face_ssim']:.3f} |")

if __name__ == '__main__': main()
