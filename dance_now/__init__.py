"""Teach an anime character to dance like a person: OpenPose keypoints, label maps and a pix2pixHD-style conditional GAN, in literate notebooks

Modules:

- `dance_now.characters`: Procedural anime characters drawn from OpenPose keypoints, and a writer for synthetic training sets in the seed dataset's layout.
- `dance_now.estimate`: OpenPose keypoints for any picture or video with MediaPipe Holistic, offline on the CPU, and a new character's training set made from a video of a person dancing.
- `dance_now.evaluate`: How good is a trained character? Picture metrics on held-out pairs (SSIM, PSNR, L1, LPIPS when it is installed), pose consistency as in Everybody Dance Now, temporal flicker on a dance, and a report with pictures.
- `dance_now.models`: The pix2pixHD-style networks and losses: a label-map-to-image generator, a multi-scale PatchGAN discriminator, the GAN / feature-matching / L1 / VGG losses, and the face-enhancement stage.
- `dance_now.transfer`: A person's video (or photo) in, the character dancing (or posing) like them out: pose normalisation between the two, temporal smoothing, the whole pipeline with its checks, and the person in a photo replaced by the character.
- `dance_now.widgets`: A widget that draws a character live while you move its joints with sliders: presets, random poses, a real dancer's pose to start from, and export as OpenPose JSON and PNG."""

__version__ = "0.1.0"
