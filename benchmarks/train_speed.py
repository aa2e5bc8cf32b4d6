"""Training throughput (images/s) and generation throughput (frames/s) of the preset models, on this machine.

    python benchmarks/train_speed.py [--train-sizes 128 256] [--gen-sizes 256 512] [--device cpu|cuda]
                                     [--repeat 3] [--threads N] [--channels-last]

Training: full conditional-GAN steps (generator + face stage forward, discriminator step, generator step) on
random label maps, as `CondGANTrainer` does them, after one warm-up step. Generation: `Character.generate`
on rendered dance poses (label maps drawn on the CPU, generator on the device), batches of 16.
The baseline in the same run is the generator's forward pass alone (training step / forward ratio).
The first line names the CPU and says whether it has AMX (bfloat16 rows are printed only where
`fast_low_precision` picks bfloat16, i.e. on AMX). Each figure is the median of `--repeat` runs (the machine may
be shared: figures are noisy); the single runs follow in brackets.
"""
import argparse, statistics, time, warnings
import numpy as np, torch
from dance_now.render import N_LABEL_CHANNELS
from dance_now.models import generator_loss, discriminator_loss, count_params, build_model, build_discriminators
from dance_now.character import Character, default_device, fast_low_precision
from dance_now.skeleton import dance
from machine import cpu_summary

def make_train_step(size, bs, device, amp=False, channels_last=False):
    "`(step, generator params)`: one full GAN training step at `size` (in `fast_low_precision(device)` when `amp`)"
    amp_dtype = fast_low_precision(device) or torch.float32
    m, d = build_model(size).to(device), build_discriminators(size).to(device)
    og, od = torch.optim.Adam(m.parameters(), 2e-4, betas=(.5, .999)), torch.optim.Adam(d.parameters(), 2e-4, betas=(.5, .999))
    lab = (torch.rand(bs, N_LABEL_CHANNELS, size, size, device=device) > .97).float()
    real = torch.rand(bs, 3, size, size, device=device) * 2 - 1
    if channels_last:
        m, d = m.to(memory_format=torch.channels_last), d.to(memory_format=torch.channels_last)
        lab, real = lab.contiguous(memory_format=torch.channels_last), real.contiguous(memory_format=torch.channels_last)
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
    return step, count_params(m.G)

def train_rate(size, bs, device, steps=3, amp=False, channels_last=False):
    "`(images/s, generator params)` of full GAN training steps at `size`, after one warm-up step"
    step, n_params = make_train_step(size, bs, device, amp, channels_last)
    step()
    if device.type == 'cuda': torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(steps): step()
    if device.type == 'cuda': torch.cuda.synchronize()
    return bs * steps / (time.perf_counter() - t), n_params

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
    ap.add_argument('--repeat', type=int, default=3, help="runs of each figure; the median is printed (default: %(default)s)")
    ap.add_argument('--threads', type=int, default=None, help="torch.set_num_threads (default: torch's)")
    ap.add_argument('--channels-last', action='store_true', help="channels_last models and batches in the training rows")
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    device = torch.device(a.device) if a.device else default_device()
    low = fast_low_precision(device)
    print(cpu_summary())
    print(f"device: {device}, torch threads: {torch.get_num_threads()}, channels_last: {a.channels_last}")
    med = lambda xs: f"{statistics.median(xs):7.2f}"
    runs = lambda xs: ', '.join(f"{x:.2f}" for x in xs)
    for s in a.train_sizes:
        bs = 8 if s <= 128 else 4
        r = [train_rate(s, bs, device, channels_last=a.channels_last) for _ in range(a.repeat)]
        line = f"train {s}x{s} bs {bs} float32: {med([x for x, _ in r])} images/s ({runs([x for x, _ in r])}; generator {r[0][1] / 1e6:.1f} M params)"
        if low is not None:
            rl = [train_rate(s, bs, device, amp=True, channels_last=a.channels_last)[0] for _ in range(a.repeat)]
            line += f", {str(low)[6:]}: {med(rl)} images/s ({runs(rl)})"
        print(line, flush=True)
    for s in a.gen_sizes:
        for amp in ([False, True] if low is not None else [False]):
            r = [gen_rate(s, device, amp=amp) for _ in range(a.repeat)]
            print(f"generate {s}x{s} {str(low)[6:] if amp else 'float32'}: {med([f for f, _ in r])} frames/s end to end ({runs([f for f, _ in r])}) "
                  f"(generator forward alone, float32 {med([f for _, f in r])} frames/s)", flush=True)

if __name__ == '__main__': main()
