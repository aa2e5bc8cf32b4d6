"""Check that the videos dance_now writes play in a real browser: an H.264 MP4 written by `dance_now.video.VideoWriter`
(a drawn dance), and for contrast the same frames through OpenCV's `mp4v` writer (what dance_now wrote before), are
served from OUTDIR on 127.0.0.1 and opened in headless Chromium (driven by Playwright), one `<video>` each.

    python tools/video_browser_check.py OUTDIR [--chromium /usr/bin/chromium] [--timeout 60] [--size 320 240]

Passes when the H.264 video reaches `readyState` >= 2 (a frame can be shown) with the `videoWidth` it was written with,
and the rotated phone-style one (stored landscape, display matrix 90 degrees) shows portrait. The `mp4v` one's
outcome is reported (Chromium: `error.code` 4, MEDIA_ERR_SRC_NOT_SUPPORTED); it is not required to fail. The videos,
the page and a screenshot (`videos.png`) stay in OUTDIR.

Needs `playwright` (the Python package only: the browser is the system's Chromium, never `playwright install`).
Exits non-zero with a message saying what failed; the server is always stopped.
"""
import argparse, functools, http.server, json, sys, threading
from pathlib import Path
import cv2, numpy as np, av
from browser import CHROMIUM_ARGS as BASE_ARGS, need_browser

CHROMIUM_ARGS = BASE_ARGS + ['--autoplay-policy=no-user-gesture-required']

class CheckFailed(Exception): pass

def dance_frames(size, n=24, fps=12):
    "A drawn character dancing, `n` RGB frames of `size` `(w, h)`"
    from dance_now.skeleton import dance
    from dance_now.characters import draw_character
    return [draw_character(p, 'kenta', size) for p in dance(n, fps=fps, size=size)]

def write_mp4v(path, frames, fps):
    "The same frames through OpenCV's MPEG-4 Part 2 (`mp4v`) writer"
    vw = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*'mp4v'), fps, frames[0].shape[1::-1])
    for f in frames: vw.write(np.ascontiguousarray(f[..., ::-1]))
    vw.release()
    return path

def write_phone(path, frames, fps):
    "A phone-style portrait video: landscape frames (the portrait ones turned a quarter left), display matrix 90° clockwise"
    stored = [np.ascontiguousarray(np.rot90(f)) for f in frames]
    with av.open(str(path), 'w', options={'movflags': '+faststart'}) as c:
        s = c.add_stream('libx264', rate=fps)
        s.height, s.width = stored[0].shape[:2]; s.pix_fmt = 'yuv420p'
        s.set_display_rotation(-90)
        for f in stored:
            for p in s.encode(av.VideoFrame.from_ndarray(f, format='rgb24')): c.mux(p)
        for p in s.encode(): c.mux(p)
    return path

VIDEOS = (('h264', 'dance_h264.mp4'), ('mp4v', 'dance_mp4v.mp4'), ('phone', 'phone_h264.mp4'))

def write_page(out):
    "index.html with one labelled `<video>` per file"
    cells = ''.join(f'<figure style="margin:8px"><video id="{k}" src="{name}" muted autoplay loop playsinline '
                    f'style="background:#ccc;border:1px solid #888"></video><figcaption>{k}: {name}</figcaption></figure>'
                    for k, name in VIDEOS)
    (out/'index.html').write_text(f'<!doctype html><html><body style="display:flex;align-items:flex-start;'
                                  f'font:13px sans-serif">{cells}</body></html>')

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    "Serves files, logging nothing"
    def log_message(self, *a): pass

def serve(folder):
    "An HTTP server for `folder` on a free port of 127.0.0.1, in a daemon thread; `(server, url)`"
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f'http://127.0.0.1:{srv.server_address[1]}/'

STATE = """id => { const v = document.getElementById(id);
  return {readyState: v.readyState, videoWidth: v.videoWidth, videoHeight: v.videoHeight,
          error: v.error ? v.error.code : null, message: v.error ? v.error.message : null}; }"""

def video_state(page, key, timeout):
    "Wait until video `key` can show a frame or has failed (or `timeout` s pass); its state"
    try: page.wait_for_function(f"id => {{ const v = document.getElementById(id); return v.readyState >= 2 || v.error; }}",
                                arg=key, timeout=timeout * 1000)
    except Exception: pass                                     # reported from the state below
    return page.evaluate(STATE, key)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('outdir', help='folder for the videos, the page and the screenshot')
    ap.add_argument('--chromium', default='/usr/bin/chromium', help='the Chromium to drive')
    ap.add_argument('--timeout', type=float, default=60., help='seconds to wait for each video')
    ap.add_argument('--size', nargs=2, type=int, default=[320, 240], metavar=('W', 'H'), help='size of the dance video')
    a = ap.parse_args()
    out = Path(a.outdir); out.mkdir(parents=True, exist_ok=True)
    sync_playwright = need_browser(a.chromium)
    from dance_now.video import VideoWriter
    w, h = a.size
    frames = dance_frames((w, h))
    with VideoWriter(out/'dance_h264.mp4', 12) as vw:
        for f in frames: vw.write(f)
        vw.commit()
    write_mp4v(out/'dance_mp4v.mp4', frames, 12)
    write_phone(out/'phone_h264.mp4', dance_frames((240, 320), n=12), 12)
    write_page(out)
    srv, url = serve(out)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=a.chromium, args=CHROMIUM_ARGS, headless=True)
            try:
                page = browser.new_page(viewport={'width': 960, 'height': 380})
                page.goto(url + 'index.html', timeout=a.timeout * 1000)
                states = {k: video_state(page, k, a.timeout) for k, _ in VIDEOS}
                page.wait_for_timeout(800)                     # a few frames played, for the screenshot
                page.screenshot(path=str(out/'videos.png'))
            finally: browser.close()
    except Exception as e: sys.exit(f"FAILED: {type(e).__name__}: {e}")
    finally: srv.shutdown(); srv.server_close()
    (out/'result.json').write_text(json.dumps(states, indent=1))
    for k, name in VIDEOS:
        print(f"{k:5s} {name}: {json.dumps(states[k])}")
    h264, mp4v, phone = states['h264'], states['mp4v'], states['phone']
    fails = []
    if h264['readyState'] < 2 or h264['error']: fails.append(f"the H.264 video did not play: {h264}")
    if (h264['videoWidth'], h264['videoHeight']) != (w + w % 2, h + h % 2):
        fails.append(f"the H.264 video shows {h264['videoWidth']}x{h264['videoHeight']}, written {w}x{h}")
    if phone['readyState'] < 2 or (phone['videoWidth'], phone['videoHeight']) != (240, 320):
        fails.append(f"the rotated phone video is not shown portrait 240x320: {phone}")
    print(f"mp4v (OpenCV, the old writer): " + (f"error code {mp4v['error']} ({mp4v['message']})" if mp4v['error'] else
          f"played, readyState {mp4v['readyState']}, videoWidth {mp4v['videoWidth']}"))
    print(f"screenshot: {out/'videos.png'}")
    if fails: sys.exit("FAILED: " + '; '.join(fails))
    print("OK")

if __name__ == '__main__': main()
