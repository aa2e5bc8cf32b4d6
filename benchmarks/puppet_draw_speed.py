"""Pictures per second of a textured puppet at several sizes: `render_parts` (each part only in its box, what
`PuppetModel.draw` uses) against the dense `render` (every part at every pixel, what training uses), in the same
process, one pose at a time, float32.

    python benchmarks/puppet_draw_speed.py [--character aoi] [--sizes 256 512 1024] [--n 8]
"""
import argparse, time
import torch
from dance_now.character import load_character
from dance_now.puppet import frame_tensors
from dance_now.skeleton import random_pose
from machine import cpu_summary

def per_second(fn, poses):
    "Poses a second of `fn(pose)` over `poses`, after one warm-up call"
    fn(poses[0]); t = time.perf_counter()
    for p in poses: fn(p)
    return len(poses) / (time.perf_counter() - t)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--character', default='aoi')
    ap.add_argument('--sizes', type=int, nargs='+', default=[256, 512, 1024])
    ap.add_argument('--n', type=int, default=8, help="poses timed at each size")
    a = ap.parse_args()
    m = load_character(a.character, device='cpu').model
    print(cpu_summary(), f'{torch.get_num_threads()} threads, float32')
    print('| size | render_parts (draw), poses/s | dense render, poses/s | ratio |\n|---|---|---|---|')
    with torch.inference_mode():
        atlas = m.atlas()
        for s in a.sizes:
            poses = [random_pose(i, s) for i in range(a.n)]
            parts = per_second(lambda p: m.render_parts(frame_tensors([p], s), s, atlas), poses)
            dense = per_second(lambda p: m.render(frame_tensors([p], s), s), poses)
            print(f'| {s} | {parts:.2f} | {dense:.2f} | {parts / dense:.1f}x |', flush=True)

if __name__ == '__main__': main()
