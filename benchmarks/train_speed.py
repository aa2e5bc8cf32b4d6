"""Training throughput (images/s) and generation throughput (frames/s) of the preset models, on this machine.

    python benchmarks/train_speed.py [--train-sizes 128 256] [--gen-sizes 256 512] [--device cpu|cuda]

Training: full conditional-GAN steps (generator + face stage forward, discriminator step, generator step) on
random label maps, as `CondGANTrainer` does them, after one warm-up step. Generation: `Character.generate`
on rendered dance poses (label maps drawn on the CPU, generator on the device), batches of 16.
The baseline in the same run is the generator's forward pass alone (training step / forward ratio).
"""
import argparse, time, warnings
import numpy as np, torch
from dance_now.render import N_LABEL_CHANNELS
from dance_now.models import generator_loss, discriminator_loss, count_params, build_model, build_discriminators
from dance_now.character import Character, default_device, fast_low_precision
from dance_now.skeleton import dance

def train_rate(size, bs, device, steps=3, amp=False):
    "Images/s of full GAN training steps at `size` (in `fast_low_precision(device)` when `amp`)"
    amp_dtype = fast_low_precision(device) or torch.float32
    m, d = build_model(size).to(device), build_discriminators(size).to(device)
    og, od = torch.optim.Adam(m.parameters(), 2e-4, betas=(.5, .999)), torch.optim.Adam(d.parameters(), 2e-4, betas=(.5, .999))
    lab = (torch.rand(bs, N_LABEL_CHANNELS, size, size, device=device) > .97).float()
    real = torch.rand(bs, 3, size, size, device=device) * 2 - 1
    pair = lambda x: torch.cat([lab, x], 1)
    def step():
        with torch.autocast(device.type, dtype=amp_dtype, enabled=amp):
            fake = m(lab)
            dl, _ = discriminator_loss(d['D'](pair(fake.detach())), d['D'](pair(real)))
        od.zero_grad(); dl.backward(); od.step()
        with torch.autocast(device.type, dtype=amp_dtype, enabled=amp):
            with torch.no_grad(): dr = d['D'](pair(real))
            gl, _ = generator_loss(d['D'](pair(fake)), dr, fake, real)
        og.zero_grad(); gl.backward(); og.step()
    step()
    if device.type == 'cuda': torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(steps): step()
    if device.type == 'cuda': torch.cuda.synchronize()
    return bs * steps / (time.perf_counter() - t), count_params(m.G)

def gen_rate(size, device, n=32, amp=None):
    "Frames/s of `Character.generate` (label maps + generator) at `size` with the preset generator"
    ch = Character('bench', size, build_model(size), device, amp=amp)
    poses = dance(n, fps=24, seed=0, size=size)
    ch.generate(poses[:4])
    t = time.perf_counter(); ch.generate(poses); dt = time.perf_counter() - t
    lm = torch.from_numpy(ch.label_maps(poses[:16])).to(ch.device).float()
    with torch.inference_mode():
        ch.model.G(lm)
        t = time.perf_counter(); ch.model.G(lm); fwd = 16 / (time.perf_counter() - t)
    return n / dt, fwd

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--train-sizes', nargs='*', type=int, default=[128, 256])
    ap.add_argument('--gen-sizes', nargs='*', type=int, default=[256, 512])
    ap.add_argument('--device', default=None)
    a = ap.parse_args()
    device = torch.device(a.device) if a.device else default_device()
    print(f"device: {device}, torch threads: {torch.get_num_threads()}")
    for s in a.train_sizes:
        bs = 8 if s <= 128 else 4
        r, p = train_rate(s, bs, device)
        line = f"train {s}x{s} bs {bs}: {r:7.1f} images/s (generator {p / 1e6:.1f} M params)"
        if fast_low_precision(device) is not None:
            line += f", {str(fast_low_precision(device))[6:]}: {train_rate(s, bs, device, amp=True)[0]:7.1f} images/s"
        print(line, flush=True)
    for s in a.gen_sizes:
        for amp in ([False, True] if fast_low_precision(device) is not None else [False]):
            fps, fwd = gen_rate(s, device, amp=amp)
            print(f"generate {s}x{s} {str(fast_low_precision(device))[6:] if amp else 'float32'}: {fps:7.1f} frames/s end to end "
                  f"(generator forward alone, float32 {fwd:7.1f} frames/s)", flush=True)

if __name__ == '__main__': main()
