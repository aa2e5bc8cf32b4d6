"""A peer baseline: the train step of junyanz's pix2pix (pytorch-CycleGAN-and-pix2pix) beside dance_now's, same CPU, same size.

    python benchmarks/pix2pix_peer.py [--size 256] [--bs 1] [--steps 3] [--repeat 3] [--threads N]

pytorch-CycleGAN-and-pix2pix is not on PyPI, so its networks are written here as its `models/networks.py`
defines them for `train.py --model pix2pix` with its defaults: `UnetGenerator(3, 3, 8, ngf=64, BatchNorm2d,
use_dropout=True)` (`--netG unet_256`, dropout on unless `--no_dropout`), `NLayerDiscriminator(6, 64, n_layers=3,
BatchNorm2d)` (`--netD basic`), `init_type normal` (std 0.02), vanilla GAN loss (BCE with logits), L1 x 100,
Adam 2e-4 with beta1 = 0.5, batch 1. One step is theirs: G forward; D on (A, fake.detach()) and (A, B), D step;
G loss on D(A, fake) + 100 L1, G step. dance_now's step at the same size and batch is `train_speed.train_step`
(the size's preset generator + face stage, multi-scale D with feature matching). Each is timed `--repeat` times,
interleaved, and the median is printed as images/s.
"""
import argparse, functools, statistics, sys, time
from pathlib import Path
import torch, torch.nn as nn
sys.path.insert(0, str(Path(__file__).parent))
from train_speed import make_train_step
from machine import cpu_summary

class UnetSkipConnectionBlock(nn.Module):
    "junyanz's U-Net block: down conv, the `submodule`, up (transposed) conv, the input concatenated (not outermost)"
    def __init__(self, outer_nc, inner_nc, input_nc=None, submodule=None, outermost=False, innermost=False,
                 norm_layer=nn.BatchNorm2d, use_dropout=False):
        super().__init__()
        self.outermost = outermost
        use_bias = norm_layer == nn.InstanceNorm2d
        input_nc = outer_nc if input_nc is None else input_nc
        downconv = nn.Conv2d(input_nc, inner_nc, 4, 2, 1, bias=use_bias)
        downrelu, downnorm = nn.LeakyReLU(0.2, True), norm_layer(inner_nc)
        uprelu, upnorm = nn.ReLU(True), norm_layer(outer_nc)
        if outermost:
            model = [downconv, submodule, uprelu, nn.ConvTranspose2d(inner_nc * 2, outer_nc, 4, 2, 1), nn.Tanh()]
        elif innermost:
            model = [downrelu, downconv, uprelu, nn.ConvTranspose2d(inner_nc, outer_nc, 4, 2, 1, bias=use_bias), upnorm]
        else:
            model = [downrelu, downconv, downnorm, submodule, uprelu,
                     nn.ConvTranspose2d(inner_nc * 2, outer_nc, 4, 2, 1, bias=use_bias), upnorm]
            if use_dropout: model.append(nn.Dropout(0.5))
        self.model = nn.Sequential(*model)
    def forward(self, x): return self.model(x) if self.outermost else torch.cat([x, self.model(x)], 1)

class UnetGenerator(nn.Module):
    "junyanz's `unet_256`: `num_downs=8` halvings (256 -> 1), ngf 64, skips at every level"
    def __init__(self, input_nc=3, output_nc=3, num_downs=8, ngf=64, norm_layer=nn.BatchNorm2d, use_dropout=True):
        super().__init__()
        b = UnetSkipConnectionBlock(ngf * 8, ngf * 8, innermost=True, norm_layer=norm_layer)
        for _ in range(num_downs - 5): b = UnetSkipConnectionBlock(ngf * 8, ngf * 8, submodule=b, norm_layer=norm_layer, use_dropout=use_dropout)
        for k in (4, 2, 1): b = UnetSkipConnectionBlock(ngf * k, ngf * k * 2, submodule=b, norm_layer=norm_layer)
        self.model = UnetSkipConnectionBlock(output_nc, ngf, input_nc=input_nc, submodule=b, outermost=True, norm_layer=norm_layer)
    def forward(self, x): return self.model(x)

class PatchGAN(nn.Module):
    "junyanz's `NLayerDiscriminator` (`--netD basic`): 70x70 PatchGAN, 4x4 convs, padding 1"
    def __init__(self, input_nc=6, ndf=64, n_layers=3, norm_layer=nn.BatchNorm2d):
        super().__init__()
        use_bias = norm_layer == nn.InstanceNorm2d
        seq, mult = [nn.Conv2d(input_nc, ndf, 4, 2, 1), nn.LeakyReLU(0.2, True)], 1
        for n in range(1, n_layers + 1):
            prev, mult = mult, min(2**n, 8)
            seq += [nn.Conv2d(ndf * prev, ndf * mult, 4, 2 if n < n_layers else 1, 1, bias=use_bias), norm_layer(ndf * mult), nn.LeakyReLU(0.2, True)]
        seq += [nn.Conv2d(ndf * mult, 1, 4, 1, 1)]
        self.model = nn.Sequential(*seq)
    def forward(self, x): return self.model(x)

def init_normal(net, std=0.02):
    "junyanz's `init_weights(net, 'normal', 0.02)`"
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0., std)
            if m.bias is not None: nn.init.zeros_(m.bias)
        elif isinstance(m, nn.BatchNorm2d): nn.init.normal_(m.weight, 1., std); nn.init.zeros_(m.bias)
    return net

def make_peer_step(size=256, bs=1, lambda_l1=100.):
    "One pix2pix `optimize_parameters()` (their defaults) on random (A, B) pairs of `size`; returns `(step, G params)`"
    G, D = init_normal(UnetGenerator()), init_normal(PatchGAN())
    og = torch.optim.Adam(G.parameters(), 2e-4, betas=(.5, .999)); od = torch.optim.Adam(D.parameters(), 2e-4, betas=(.5, .999))
    A, B = torch.rand(bs, 3, size, size) * 2 - 1, torch.rand(bs, 3, size, size) * 2 - 1
    bce, l1 = nn.BCEWithLogitsLoss(), nn.L1Loss()
    gan = lambda pred, real: bce(pred, torch.full_like(pred, float(real)))
    def step():
        fake = G(A)
        for p in D.parameters(): p.requires_grad_(True)
        od.zero_grad()
        loss_d = (gan(D(torch.cat([A, fake.detach()], 1)), False) + gan(D(torch.cat([A, B], 1)), True)) * 0.5
        loss_d.backward(); od.step()
        for p in D.parameters(): p.requires_grad_(False)
        og.zero_grad()
        loss_g = gan(D(torch.cat([A, fake], 1)), True) + l1(fake, B) * lambda_l1
        loss_g.backward(); og.step()
    return step, sum(p.numel() for p in G.parameters())

def rate(step, bs, steps):
    "Images/s of `steps` calls of `step` (after one warm-up call)"
    step(); t = time.perf_counter()
    for _ in range(steps): step()
    return bs * steps / (time.perf_counter() - t)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--size', type=int, default=256)
    ap.add_argument('--bs', type=int, default=1)
    ap.add_argument('--steps', type=int, default=3)
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--threads', type=int, default=None)
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    print(cpu_summary())
    torch.manual_seed(0)
    peer, peer_p = make_peer_step(a.size, a.bs)
    ours, ours_p = make_train_step(a.size, a.bs, torch.device('cpu'))
    r = {'peer': [], 'ours': []}
    for _ in range(a.repeat):
        r['peer'].append(rate(peer, a.bs, a.steps)); r['ours'].append(rate(ours, a.bs, a.steps))
    med = {k: statistics.median(v) for k, v in r.items()}
    print(f"pix2pix unet_256 + PatchGAN, {a.size}x{a.size} bs {a.bs}: {med['peer']:6.2f} images/s (G {peer_p / 1e6:.1f} M params; runs {', '.join(f'{x:.2f}' for x in r['peer'])})")
    print(f"dance_now {a.size} preset + face + 2-scale D, {a.size}x{a.size} bs {a.bs}: {med['ours']:6.2f} images/s (G {ours_p / 1e6:.1f} M params; runs {', '.join(f'{x:.2f}' for x in r['ours'])})")
    print(f"dance_now / pix2pix: {med['ours'] / med['peer']:.2f}x")

if __name__ == '__main__': main()
