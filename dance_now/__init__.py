"""Teach an anime character to dance like a person: OpenPose keypoints, label maps and a pix2pixHD-style conditional GAN, in literate notebooks

Modules:

- `dance_now.character`: One owner for "a character": the trained one, the procedural one and the built-in names; its file format; `load_character` and `resolve_character`. Inference only: torch and the networks, never fastai.
- `dance_now.characters`: Procedural anime characters drawn from OpenPose keypoints: three styles, depth order, face, hands and clothes.
- `dance_now.cli`: `dance_now demo`, `data`, `train`, `generate`, `render`, `dance`, `replace` and `live`: the library's main jobs from a shell.
- `dance_now.data`: Pairs of (label map, image) for one character in either layout (side by side, or the seed's sibling img/label folders), the data report, augmentation, and fastai `DataLoaders`.
- `dance_now.estimate`: OpenPose keypoints for any picture or video with MediaPipe Holistic, offline on the CPU, and a new character's training set made from a video of a person dancing.
- `dance_now.evaluate`: How good is a trained character? Picture metrics on held-out pairs (SSIM, PSNR, L1, LPIPS when it is installed), pose consistency as in Everybody Dance Now, temporal flicker on a dance, and a report with pictures.
- `dance_now.evalwidgets`: Browse a character's results in Jupyter: held-out frames side by side with their truth, sorted, filtered by framing, zoomed on the face; a dance or a video frame by frame with its flicker; two characters or checkpoints on the same poses.
- `dance_now.keypoints`: Reading, writing and transforming OpenPose keypoints: the `Pose` every other part of dance_now speaks.
- `dance_now.live`: The character moves as you move: a webcam's frames → pose → online smoothing and normalisation → the character, in real time on a CPU, in a browser page served on localhost.
- `dance_now.models`: The pix2pixHD-style networks and losses: a label-map-to-image generator, a multi-scale PatchGAN discriminator, the GAN / feature-matching / L1 / VGG losses, and the face-enhancement stage.
- `dance_now.motion`: Everybody Dance Now's pose normalisation between a dancer and a character, and temporal smoothing of keypoints.
- `dance_now.render`: Drawing a `Pose` into the label map the generator reads, and into pictures for people.
- `dance_now.replace`: The person in a photo painted out and the character drawn in their pose, place and size: segmentation, inpainting and compositing.
- `dance_now.skeleton`: A small 3D articulated body that makes full OpenPose poses: random poses, dances, and a fit to real poses.
- `dance_now.synthetic`: Training sets in the seed dataset's layout, drawn by the procedural characters: clips of dances and random poses, written safely.
- `dance_now.temporal`: Everybody Dance Now's previous-frame generator and temporal discriminator: pairs of consecutive frames, a judge of pairs, a schedule that turns the temporal part on, and the figures that say whether it helped.
- `dance_now.train`: The conditional GAN as a fastai `Learner` of small callbacks: `train_character`, checkpoints and resume that check the dataset, time budgets, and export to a self-contained character file.
- `dance_now.transfer`: A person's video (or photo) in, the character dancing (or posing) like them out: the pipeline (decode once, estimate, hold, smooth, normalise, draw, compose, encode) with its checks before the work, and nothing half-written.
- `dance_now.video`: Reading and writing videos through PyAV: H.264 MP4s that play in every browser, phone videos the right way up, videos shown inline in notebooks.
- `dance_now.widgets`: A widget that draws a character live while you move its joints with sliders: presets, random poses, a real dancer's pose to start from, and export as OpenPose JSON and PNG."""

__version__ = "0.1.0"
