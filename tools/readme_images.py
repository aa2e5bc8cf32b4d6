"""Make the README's pictures from the shipped characters (dance_now/weights/):

    python tools/readme_images.py

nbs/images/characters.png: each built-in character drawn by its trained generator in the same random poses, with
the label map the generator saw; nbs/images/dance.gif: skeleton | aoi | kenta | mika, dancing.
"""
from pathlib import Path
import numpy as np
from dance_now.render import render_label_map, label_map_to_rgb, draw_skeleton, save_image, save_gif
from dance_now.skeleton import random_pose, dance
from dance_now.characters import CHARACTERS
from dance_now.train import load_character

IMAGES = Path(__file__).resolve().parents[1]/'nbs'/'images'

def main(size=128, n=5, seed=7):
    chars = [load_character(c, device='cpu') for c in CHARACTERS]
    rng = np.random.default_rng(seed)
    poses = [random_pose(rng, size) for _ in range(n)]
    rows = [np.concatenate([label_map_to_rgb(render_label_map(p, size)) for p in poses], 1)]
    rows += [np.concatenate(ch.generate(poses), 1) for ch in chars]
    print('wrote', save_image(IMAGES/'characters.png', np.concatenate(rows, 0)))
    frames = dance(48, fps=12, seed=3, style='hiphop', size=size)
    gens = [ch.generate(frames) for ch in chars]
    gif = [np.concatenate([draw_skeleton(p, size)] + [g[k] for g in gens], 1) for k, p in enumerate(frames)]
    print('wrote', save_gif(IMAGES/'dance.gif', gif, fps=12))

if __name__ == '__main__': main()
