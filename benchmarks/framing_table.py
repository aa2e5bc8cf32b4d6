"""How a character holds up at each framing: full body, knees up, waist up, head + shoulders.

    python benchmarks/framing_table.py [--characters aoi kenta mika] [--n 32] [--size S] [--json out.json] [--pictures DIR]

`dance_now.evaluate.framing_table` for each character (a built-in name or a character file), on held-out synthetic
poses (`synthetic_frames` with that framing only, a seed no training set uses) and on "poses from real photos" (the
real OpenPose files of ../shared/openpose_samples, when present, each cut to the framing by `synthetic.frame_pose`):

- SSIM of the generated picture (`load_character(c).generate(poses)`) against the truth
  (`DrawnCharacter(style, size).generate(poses)`, the procedural drawing of the same pose in the same frame);
- truth drawn from the cut pose: SSIM of that procedural drawing given only the cut pose (what the character is
  given) against the truth (drawn from the whole person): how far any character can go at that framing;
- sharpness: mean |Laplacian| of the generated pictures over the truth's (1 = as sharp);
- face SSIM: SSIM of the face boxes the face stage enhances (`dance_now.evaluate.face_crops`), where there is a face;
- skeleton SSIM: the truth against the label map's skeleton drawn on the background (`dance_now.render.draw_skeleton`),
  and the generated picture against it; "closer": the share of poses whose generated picture is closer (SSIM) to the
  truth than to the skeleton. A generator that draws stick lines has generated~skeleton near or above its SSIM.

Prints one markdown table per character.
"""
import argparse, json, warnings
from pathlib import Path
from dance_now.render import save_image
from dance_now.character import load_character
from dance_now.evaluate import framing_table

SAMPLES = Path(__file__).resolve().parents[2]/'shared'/'openpose_samples'

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--characters', nargs='+', default=['aoi', 'kenta', 'mika'], help="built-in names or character files")
    ap.add_argument('--n', type=int, default=32, help="held-out synthetic poses per framing")
    ap.add_argument('--size', type=int, default=None, help="the truth's size (default: each character's own)")
    ap.add_argument('--truth', default=None, help="the built-in style a character file is measured against (default: its training data's)")
    ap.add_argument('--samples', default=str(SAMPLES), help="a folder of real OpenPose files")
    ap.add_argument('--json', default=None, help="also write the figures to this JSON file")
    ap.add_argument('--pictures', default=None, help="a folder for one PNG per character: truth / generated / skeleton")
    a = ap.parse_args()
    out = {}
    for c in a.characters:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            ch = load_character(c)
            t = framing_table(ch, a.n, a.size, a.truth, a.samples)
        if Path(c).suffix: t.name = f"{ch.name} ({c})"
        print(t.markdown(), '\n', flush=True)
        out[str(c)] = {f"{s}/{f}": m for (s, f), m in t.rows.items()}
        if a.pictures:
            Path(a.pictures).mkdir(parents=True, exist_ok=True)
            save_image(Path(a.pictures)/f"framings_{Path(str(c)).stem}.png", t.sheet())
    if a.json: Path(a.json).write_text(json.dumps(out, indent=1))

if __name__ == '__main__': main()
