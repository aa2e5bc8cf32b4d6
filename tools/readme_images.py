"""Make the README's pictures from the shipped characters (dance_now/weights/):

    python tools/readme_images.py

nbs/images/characters.png: each built-in character (256 px) drawn in the same random poses, with
the label map the generator saw, whole and then framed closer (knees, waist, head and shoulders up);
nbs/images/dance.gif: skeleton | aoi | kenta | mika, dancing; nbs/images/replaced.png: the portrait that ships with
matplotlib, and each character in her place (`dance_now replace`);
nbs/images/contact_sheet.png: the contact sheet `dance_now data` draws of the demo's dataset (made as
`dance_now demo` makes it, then `dance_now data DIR --out FOLDER` run on it).
"""
import tempfile
from pathlib import Path
import numpy as np
from dance_now.render import render_label_map, label_map_to_rgb, draw_skeleton, save_image, save_gif
from dance_now.skeleton import random_pose, dance
from dance_now.characters import CHARACTERS
from dance_now.character import load_character
from dance_now.synthetic import frame_pose, TRAINING_FRAMINGS

IMAGES = Path(__file__).resolve().parents[1]/'nbs'/'images'

def contact_sheet(character='aoi', n=900, size=128, seed=0):
    "`dance_now data` on the dataset the demo makes (its defaults), its contact sheet copied into nbs/images/"
    from dance_now.synthetic import make_synthetic_dataset
    from dance_now.cli import main as cli
    with tempfile.TemporaryDirectory() as tmp:
        data = make_synthetic_dataset(Path(tmp)/'data', character, n=n, size=size, seed=seed, framings=TRAINING_FRAMINGS, progress=False)
        assert cli(['data', str(data), '--out', str(Path(tmp)/'report')]) == 0
        sheet = (Path(tmp)/'report'/'contact_sheet.png').read_bytes()
    (IMAGES/'contact_sheet.png').write_bytes(sheet)
    print('wrote', IMAGES/'contact_sheet.png')

CLOSE = ('knees', 'waist', 'head', 'waist', 'head')      # the framing row: each pose framed closer

def replaced(chars):
    "The portrait, and each character in her place"
    from dance_now.replace import replace_person
    from dance_now.transfer import sample_photo
    from dance_now.render import read_image
    pics = [read_image(sample_photo())] + [replace_person(sample_photo(), ch) for ch in chars]
    print('wrote', save_image(IMAGES/'replaced.png', np.concatenate(pics, 1)))

def main(size=256, n=5, seed=7):
    chars = [load_character(c, device='cpu') for c in CHARACTERS]
    rng = np.random.default_rng(seed)
    poses = [random_pose(rng, size) for _ in range(n)]
    close = [frame_pose(p, f, size, rng=k)[1] for k, (p, f) in enumerate(zip(poses, CLOSE))]
    rows = []
    for ps in (poses, close):
        rows += [np.concatenate([label_map_to_rgb(render_label_map(p, size)) for p in ps], 1)]
        rows += [np.concatenate(ch.generate(ps), 1) for ch in chars]
    print('wrote', save_image(IMAGES/'characters.png', np.concatenate(rows, 0)))
    replaced(chars)
    frames = dance(48, fps=12, seed=3, style='hiphop', size=size)
    gens = [ch.animate(frames) for ch in chars]           # a motion: the temporal characters draw each frame knowing the last
    gif = [np.concatenate([draw_skeleton(p, size)] + [g[k] for g in gens], 1) for k, p in enumerate(frames)]
    print('wrote', save_gif(IMAGES/'dance.gif', gif, fps=12))

if __name__ == '__main__': main(); contact_sheet()
