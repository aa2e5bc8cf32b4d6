"""How a character holds up at each framing: full body, knees up, waist up, head + shoulders.

    python benchmarks/framing_table.py [--characters aoi kenta mika] [--n 32] [--size S] [--json out.json] [--pictures DIR]

For each character (a built-in name or a character file) and each framing, on held-out synthetic poses
(`dance_now.synthetic.synthetic_frames` with that framing only, a seed no training set uses) and on "poses from
real photos" (the real OpenPose files of ../shared/openpose_samples, when present, each cut to the framing by
`dance_now.synthetic.frame_pose`):

- SSIM of the generated picture (`load_character(c).generate(poses)`) against the truth
  (`DrawnCharacter(style, size).generate(poses)`, the procedural drawing of the same pose in the same frame);
- sharpness: mean |Laplacian| of the generated pictures over the truth's (1 = as sharp);
- face SSIM: SSIM of the face boxes the face stage enhances (`dance_now.evaluate.face_crops`), where there is a face;
- skeleton SSIM: the truth against the label map's skeleton drawn on the background (`dance_now.render.draw_skeleton`),
  and the generated picture against it; "closer": the share of poses whose generated picture is closer (SSIM) to the
  truth than to the skeleton. A generator that draws stick lines has generated~skeleton near or above its SSIM.

Prints one markdown table per character.
"""
import argparse, json, warnings
from pathlib import Path
import numpy as np, cv2
from dance_now.keypoints import find_keypoint_files, read_openpose, main_person, BODY
from dance_now.render import draw_skeleton, render_label_map, fit_square, save_image
from dance_now.characters import CHARACTERS
from dance_now.synthetic import synthetic_frames, frame_pose, FRAMING_NAMES
from dance_now.character import DrawnCharacter, load_character
from dance_now.evaluate import ssim, face_crops

TABLE_FRAMINGS = ('full', 'knees', 'waist', 'head')
HELD_OUT_SEED = 777_001                      # no training set of the project uses it
SAMPLES = Path(__file__).resolve().parents[2]/'shared'/'openpose_samples'

def synthetic_poses(framing, n, size, seed=HELD_OUT_SEED):
    "`n` held-out random poses at `framing` in a `size` frame, as OpenPose would report them"
    return [f.pose for f in synthetic_frames(n, size, seed, dance_frac=0, framings={framing: 1})]

def real_poses(framing, size, samples=SAMPLES, n=None):
    "The main person of each real OpenPose file of `samples`, cut to `framing` in a `size` frame (`[]` when absent)"
    if not Path(samples).exists(): return []
    poses = [p for p in (main_person(read_openpose(f)) for f in find_keypoint_files(samples)) if p is not None]
    if framing != 'full': poses = [p for p in poses if has_upper_body(p)]      # legs alone have no head and shoulders
    return [frame_pose(p, framing, size, rng=k)[1] for k, p in enumerate(poses[:n])]

def has_upper_body(pose, thresh=0.1):
    "Whether `pose` shows the neck and a shoulder (a close framing is built on them)"
    ok = pose.present('body', thresh)
    return bool(ok[BODY['Neck']] and (ok[BODY['RShoulder']] or ok[BODY['LShoulder']]))

def sharpness(img):
    "Mean |Laplacian| of an RGB uint8 picture's grey"
    return float(np.abs(cv2.Laplacian(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY).astype(np.float32), cv2.CV_32F)).mean())

def skeletons(poses, size, background):
    "The label map's skeleton of each pose, drawn on the character's background"
    return [draw_skeleton(fit_square(p, size)[1], size, img=np.full((size, size, 3), background, np.uint8)) for p in poses]

def framing_metrics(character, truth, poses):
    "The figures of the table for one set of poses, with the pictures"
    size = truth.size
    real = truth.generate(poses)
    fake = [cv2.resize(g, (size, size), interpolation=cv2.INTER_AREA) if g.shape[0] != size else g for g in character.generate(poses)]
    skel = skeletons(poses, size, truth.background)
    lms = np.stack([render_label_map(fit_square(p, size)[1], size) for p in poses])
    faces = [(f, r) for f, r in zip(face_crops(fake, lms), face_crops(real, lms)) if f is not None]
    per = [(ssim(f, r), ssim(f, s)) for f, r, s in zip(fake, real, skel)]
    return dict(n=len(poses), ssim=ssim(np.stack(fake), np.stack(real)),
                sharpness=sum(map(sharpness, fake)) / max(1e-6, sum(map(sharpness, real))),
                face_ssim=ssim(np.stack([f for f, _ in faces]), np.stack([r for _, r in faces])) if faces else None,
                n_faces=len(faces), truth_skeleton_ssim=ssim(np.stack(real), np.stack(skel)),
                generated_skeleton_ssim=ssim(np.stack(fake), np.stack(skel)),
                closer_to_truth=float(np.mean([a > b for a, b in per]))), (real, fake, skel)

def character_table(character, n=32, size=None, truth_style=None, samples=SAMPLES):
    "`{(source, framing): figures}` and `{(source, framing): pictures}` of one character"
    character = load_character(character) if isinstance(character, (str, Path)) else character
    style = truth_style or character.name
    if style not in CHARACTERS: raise ValueError(f"{character.name}: not a built-in style; give --truth (one of {', '.join(CHARACTERS)})")
    truth = DrawnCharacter(style, size or character.size)
    rows, pics = {}, {}
    for source in ('synthetic', 'real photos'):
        for fr in TABLE_FRAMINGS:
            poses = synthetic_poses(fr, n, truth.size) if source == 'synthetic' else real_poses(fr, truth.size, samples)
            if not poses: continue
            rows[source, fr], pics[source, fr] = framing_metrics(character, truth, poses)
    return rows, pics

def _f(v, fmt='{:.2f}'): return '-' if v is None else fmt.format(v)

def markdown(name, size, rows):
    "One character's table in markdown"
    out = [f"**{name}** ({size} px)", '',
           '| poses | framing | SSIM | sharpness | face SSIM | truth~skeleton SSIM | generated~skeleton SSIM | closer to truth |',
           '|---|---|---|---|---|---|---|---|']
    for (source, fr), m in rows.items():
        out.append(f"| {source} ({m['n']}) | {FRAMING_NAMES[fr]} | {_f(m['ssim'])} | {_f(m['sharpness'])} | {_f(m['face_ssim'])} "
                   f"| {_f(m['truth_skeleton_ssim'])} | {_f(m['generated_skeleton_ssim'])} | {_f(m['closer_to_truth'], '{:.0%}')} |")
    return '\n'.join(out)

def picture_sheet(pics, k=2):
    "A picture: for each (poses, framing), `k` poses side by side, rows truth / generated / skeleton"
    blocks = [np.concatenate([np.concatenate(row[:k], 1) for row in trip], 0) for trip in pics.values()]
    gap = np.full((blocks[0].shape[0], 4, 3), 255, np.uint8)
    return np.concatenate([x for b in blocks for x in (b, gap)][:-1], 1)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--characters', nargs='+', default=['aoi', 'kenta', 'mika'], help="built-in names or character files")
    ap.add_argument('--n', type=int, default=32, help="held-out synthetic poses per framing")
    ap.add_argument('--size', type=int, default=None, help="the truth's size (default: each character's own)")
    ap.add_argument('--truth', default=None, help="the built-in style a character file is measured against (default: its name)")
    ap.add_argument('--samples', default=str(SAMPLES), help="a folder of real OpenPose files")
    ap.add_argument('--json', default=None, help="also write the figures to this JSON file")
    ap.add_argument('--pictures', default=None, help="a folder for one PNG per character: truth / generated / skeleton")
    a = ap.parse_args()
    out = {}
    for c in a.characters:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            ch = load_character(c)
            rows, pics = character_table(ch, a.n, a.size, a.truth, a.samples)
        size = a.size or ch.size
        print(markdown(f"{ch.name} ({c})" if Path(c).suffix else ch.name, size, rows), '\n', flush=True)
        out[str(c)] = {f"{s}/{f}": m for (s, f), m in rows.items()}
        if a.pictures:
            Path(a.pictures).mkdir(parents=True, exist_ok=True)
            save_image(Path(a.pictures)/f"framings_{Path(str(c)).stem}.png", picture_sheet(pics))
    if a.json: Path(a.json).write_text(json.dumps(out, indent=1))

if __name__ == '__main__': main()
