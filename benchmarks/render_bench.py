"""Label maps per second at 512x512 over the shared OpenPose samples, on one thread,
next to the seed project's naive drawing (np.linspace points + one dilation per channel) in the same run.

    python benchmarks/render_bench.py [--samples ../shared/openpose_samples] [--size 512] [--seconds 3]
"""
import argparse, time
from pathlib import Path
import numpy as np, cv2
from dance_now.keypoints import read_openpose, main_person, find_keypoint_files, Pose
from dance_now.render import render_label_map, LABEL_SEGMENTS, LABEL_KINDS, N_LABEL_CHANNELS, line_thickness

def naive_label_map(pose, size):
    "The seed loader's way: per channel, set the pixels of a np.linspace line, then dilate for the thickness"
    out = np.zeros((N_LABEL_CHANNELS, size, size), np.uint8)
    if pose is None: out[0] = 255; return out
    kp = pose.keypoints
    xy = kp[:, :2] * np.float32([size / pose.size[0], size / pose.size[1]])
    ok = kp[:, 2] > 0
    for c, (pairs, kind) in enumerate(zip(LABEL_SEGMENTS, LABEL_KINDS), start=1):
        for a, b in pairs:
            if not (ok[a] and ok[b]): continue
            n = int(np.ceil(np.abs(xy[b] - xy[a]).max())) + 1      # one point per pixel step
            xs = np.round(np.linspace(xy[a, 0], xy[b, 0], n)).astype(int)
            ys = np.round(np.linspace(xy[a, 1], xy[b, 1], n)).astype(int)
            inside = (xs >= 0) & (xs < size) & (ys >= 0) & (ys < size)
            out[c, ys[inside], xs[inside]] = 255
        t = line_thickness(size, kind)
        out[c] = cv2.dilate(out[c], cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (t + 1, t + 1)))
    out[0] = 255 - out[1:].max(0)
    return out

def rate(f, poses, size, seconds):
    "Maps per second of `f` over `poses`, repeated for at least `seconds`"
    n, t0 = 0, time.perf_counter()
    while True:
        for p in poses: f(p, size)
        n += len(poses)
        dt = time.perf_counter() - t0
        if dt >= seconds: return n / dt

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--samples', default=str(Path(__file__).resolve().parents[1].parent / 'shared' / 'openpose_samples'))
    ap.add_argument('--size', type=int, default=512)
    ap.add_argument('--seconds', type=float, default=3.)
    a = ap.parse_args()
    cv2.setNumThreads(1)
    files = find_keypoint_files(a.samples)
    if not files: raise SystemExit(f"no *_keypoints.json files in {a.samples}")
    poses = [main_person(read_openpose(f)) for f in files]      # None for the zero-person frames: empty maps
    fast = rate(render_label_map, poses, a.size, a.seconds)
    aa = rate(lambda p, s: render_label_map(p, s, line_type=cv2.LINE_AA), poses, a.size, a.seconds)
    naive = rate(naive_label_map, poses, a.size, a.seconds)
    alloc = rate(lambda p, s: np.zeros((N_LABEL_CHANNELS, s, s), np.uint8), poses, a.size, a.seconds)
    print(f"{len(files)} files, {a.size}x{a.size}, {N_LABEL_CHANNELS} channels, 1 thread")
    print(f"render_label_map          : {fast:8.1f} maps/s")
    print(f"render_label_map (LINE_AA): {aa:8.1f} maps/s")
    print(f"naive linspace + dilate   : {naive:8.1f} maps/s")
    print(f"speed-up over naive       : {fast / naive:8.1f}x")
    print(f"floor: zeroed output alone: {alloc:8.1f} maps/s ({N_LABEL_CHANNELS * a.size * a.size / 2**20:.1f} MiB a map)")

if __name__ == '__main__': main()
