"""Data-parallel training under `accelerate launch` (fastai's `distrib_ctx`), checked on the CPU with 2 processes (gloo).

    accelerate launch --cpu --num_processes 2 benchmarks/distributed_train.py [--n 64] [--size 64] [--epochs 2]

`train_character` sees the launcher's environment (WORLD_SIZE) and trains inside `learn.distrib_ctx()`:
each process gets a shard of every batch, DistributedDataParallel averages the generator's gradients, and
the trainer averages the discriminators'. Rank 0 alone writes checkpoints, samples and the exported file.
At the end every process prints a checksum of its generator: all the same means the replicas stayed in step.
"""
import argparse, os, time, warnings
from pathlib import Path
import torch
from fastai.torch_core import rank_distrib, num_distrib
from dance_now.synthetic import make_synthetic_dataset
from dance_now.train import train_character, export_character, unwrap

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--n', type=int, default=64)
    ap.add_argument('--size', type=int, default=64)
    ap.add_argument('--epochs', type=int, default=2)
    ap.add_argument('--work', default=str(Path(__file__).parent/'_out'/'distributed'))
    a = ap.parse_args()
    work = Path(a.work)
    data = work/'data'
    if rank_distrib() == 0: make_synthetic_dataset(data, 'aoi', n=a.n, size=a.size, seed=0, progress=False)
    if num_distrib() > 1:                       # the others wait for the data
        import torch.distributed as dist
        if not dist.is_initialized(): dist.init_process_group('gloo')
        dist.barrier()
    t0 = time.time()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        learn = train_character(data, size=a.size, epochs=a.epochs, bs=4, out=work/'train', resume=False, show=False,
                                num_workers=0, model_kw=dict(ngf=8, n_blocks=1), disc_kw=dict(n_scales=1))
    g = unwrap(learn.model).G
    checksum = sum(float(p.detach().double().sum()) for p in g.parameters())
    print(f"rank {rank_distrib()} of {max(1, num_distrib())}: {len(learn.cond_gan.history['g'])} steps in "
          f"{time.time() - t0:.1f} s, generator checksum {checksum:.6f}", flush=True)
    if rank_distrib() == 0: print("exported", export_character(learn, work/'aoi_distributed.pth'))

if __name__ == '__main__': main()
