"""Would an EDN face stage help a shipped puppet? Train one over it and measure the framing table's SSIM and face SSIM.

    python benchmarks/puppet_face_stage.py --character kenta [--steps 600] [--face-size 64] [--n 1200] [--threads 2]

The face stage of `dance_now.models` (`FaceEnhancer`: a residual network on the face box's crop of the picture and
of the label map, `face_boxes_from_label`, pasted back feathered by `paste_faces`), trained over the character as it
ships (puppet and refiner) on the face crops of `--n` synthetic frames at 256 (every framing of `TRAINING_FRAMINGS`,
seed 4242), L1 + SSIM + 2 x `edge_energy_l1` to the truth's crops, Adam 5e-4, 16 crops a step. Then, on the framing
table's poses (32 held-out synthetic ones a framing, and the real OpenPose files of ../shared/openpose_samples cut to
each), SSIM / face SSIM / sharpness without and with it. Nothing is written to the character.
"""
import argparse, time, warnings
from pathlib import Path
import numpy as np, torch
from dance_now.character import load_character, DrawnCharacter
from dance_now.render import render_label_map, fit_square, N_LABEL_CHANNELS
from dance_now.models import Pix2PixModel, FaceEnhancer, face_boxes_from_label, crop_faces, ssim_loss, edge_energy_l1
from dance_now.evaluate import real_framing_cases, framing_cases, framing_truth, face_crops, ssim, sharpness, TABLE_FRAMINGS
from machine import cpu_summary
from refine_builtin import Frames

SAMPLES = Path(__file__).resolve().parents[2]/'shared'/'openpose_samples'

def to_tensor(imgs): return torch.from_numpy(np.stack(imgs)).permute(0, 3, 1, 2).float() / 127.5 - 1

def label_of(pose, size):
    "The label map `(1, C, size, size)` of `pose`, in [0, 1]"
    return torch.from_numpy(render_label_map(pose, size)).float()[None] / 255

def face_of(pose, size):
    "The label map of `pose` and its face box, or `None` without a face"
    lm = label_of(pose, size)
    boxes, valid = face_boxes_from_label(lm)
    return (lm, boxes) if valid[0] else None

def training_crops(ch, name, n, fs):
    "`(label, drawn, truth)` face crops `(N, C, fs, fs)` of `n` synthetic frames, drawn by `ch` as it ships"
    out = []
    for img, pose in Frames(name, n, ch.size, 4242).items:
        if (f := face_of(pose, ch.size)) is None: continue
        lm, boxes = f
        out.append((crop_faces(lm, boxes, fs)[0], crop_faces(to_tensor(ch.model.draw([pose], ch.size)), boxes, fs)[0],
                    crop_faces(to_tensor([img]), boxes, fs)[0]))
    return [torch.stack(t) for t in zip(*out)]

def train(L, X, Y, steps, seed=0):
    "A `FaceEnhancer` trained `steps` steps on the crops; the loss of the first and last 100 steps"
    torch.manual_seed(seed)
    net = FaceEnhancer(N_LABEL_CHANNELS + 3, ngf=32, n_blocks=3, n_down=1)
    opt, rng, losses = torch.optim.Adam(net.parameters(), 5e-4, betas=(.5, .999)), np.random.default_rng(seed), []
    for _ in range(steps):
        i = torch.from_numpy(rng.choice(len(L), 16, replace=False))
        out = (X[i] + net.residual(L[i], X[i])).clamp(-1, 1)
        loss = (out - Y[i]).abs().mean() + ssim_loss(out, Y[i]) + 2 * edge_energy_l1(out, Y[i])
        opt.zero_grad(); loss.backward(); opt.step(); losses.append(loss.item())
    return net.eval(), (np.mean(losses[:100]), np.mean(losses[-100:]))

@torch.no_grad()
def enhanced(net, fs, pictures, poses, size):
    "The pictures with the face stage `net` (crops of `fs` pixels) over them, as `Pix2PixModel.enhance` pastes it"
    stage, out = Pix2PixModel(None, face=net, face_size=fs), []
    for g, p in zip(pictures, poses):
        y = stage.enhance(label_of(fit_square(p, size)[1], size), to_tensor([g]))
        out.append(((y[0].permute(1, 2, 0) + 1) * 127.5).round().clamp(0, 255).byte().numpy())
    return out

def figures(pictures, truth, lms):
    "SSIM / face SSIM / sharpness of `pictures` against `truth`"
    ft, fp = face_crops(truth, lms), face_crops(pictures, lms)
    ok = [i for i, f in enumerate(ft) if f is not None]
    face = ssim(np.stack([fp[i] for i in ok]), np.stack([ft[i] for i in ok])) if ok else float('nan')
    return f"{ssim(np.stack(pictures), np.stack(truth)):.3f} / {face:.3f} / {sum(map(sharpness, pictures)) / sum(map(sharpness, truth)):.2f}"

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--character', default='kenta'); ap.add_argument('--steps', type=int, default=600)
    ap.add_argument('--face-size', type=int, default=64); ap.add_argument('--n', type=int, default=1200)
    ap.add_argument('--threads', type=int, default=None); ap.add_argument('--samples', default=str(SAMPLES))
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    warnings.simplefilter('ignore')
    print(cpu_summary())
    ch, t0 = load_character(a.character), time.time()
    L, X, Y = training_crops(ch, a.character, a.n, a.face_size)
    net, (l0, l1) = train(L, X, Y, a.steps)
    print(f"{a.character}: {len(L)} face crops, {a.steps} steps, loss {l0:.4f} -> {l1:.4f}, {(time.time() - t0) / 60:.1f} min\n")
    print('| poses | framing | without the face stage (SSIM / face SSIM / sharpness) | with it |\n|---|---|---|---|')
    drawn = DrawnCharacter(a.character, ch.size)
    for source in ('synthetic', 'real photos'):
        for fr in TABLE_FRAMINGS:
            cases = framing_cases(fr, 32, ch.size) if source == 'synthetic' else real_framing_cases(fr, ch.size, a.samples)
            if not cases: continue
            truth, poses = framing_truth(drawn, cases), [c.pose for c in cases]
            lms = np.stack([render_label_map(fit_square(p, ch.size)[1], ch.size) for p in poses])
            g = ch.generate(poses)
            print(f"| {source} | {fr} | {figures(g, truth, lms)} | {figures(enhanced(net, a.face_size, g, poses, ch.size), truth, lms)} |", flush=True)

if __name__ == '__main__': main()
