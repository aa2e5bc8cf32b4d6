"""Check `dance_now live` in a real browser: serve it on a free port, open its page in headless Chromium (driven by
Playwright) with a fake camera playing a y4m made from a stage video (a built-in character dancing), wait for the
character's frames, read /stats, take a screenshot, send malformed frames and check the server still serves.

    python tools/live_browser_check.py OUTDIR [--chromium /usr/bin/chromium] [--timeout 120] [--frames 10]

Needs `playwright` (the Python package only: the browser is the system's Chromium, never a download).
Exits non-zero with a message saying what failed; the server is always stopped.
"""
import argparse, json, sys, tempfile, time, urllib.request
from pathlib import Path
import numpy as np, cv2
from browser import CHROMIUM_ARGS as BASE_ARGS, free_port, need_browser

CHROMIUM_ARGS = BASE_ARGS + ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']

class CheckFailed(Exception): pass

def write_y4m(path, frames, fps=12):
    "RGB frames (even sides) as a YUV4MPEG2 4:2:0 file, the format Chromium's fake camera plays"
    h, w = frames[0].shape[:2]
    with open(path, 'wb') as f:
        f.write(f"YUV4MPEG2 W{w} H{h} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for fr in frames: f.write(b'FRAME\n' + cv2.cvtColor(fr, cv2.COLOR_RGB2YUV_I420).tobytes())
    return path

def stats(url): 
    with urllib.request.urlopen(url + 'stats', timeout=10) as r: return json.loads(r.read())

def check(page, url, out, timeout, n_frames):
    t0 = time.time()
    page.goto(url, timeout=timeout * 1000)
    try: page.wait_for_function(f"() => (+document.getElementById('character').dataset.frames || 0) >= {n_frames}",
                                timeout=timeout * 1000)
    except Exception as e:
        page.screenshot(path=str(out/'failed.png'))
        raise CheckFailed(f"{n_frames} character frames did not arrive within {timeout} s; page says: "
                          f"{page.inner_text('#error')!r}, stats {stats(url)}") from e
    shown = time.time() - t0
    page.wait_for_timeout(1500)
    page.screenshot(path=str(out/'live.png'))
    s = stats(url)
    for k in ('frames_in', 'frames_out', 'fps', 'latency_ms_median', 'latency_ms_p95', 'dropped', 'character'):
        if k not in s: raise CheckFailed(f"/stats lacks {k!r}: {s}")
    if s['frames_out'] < n_frames: raise CheckFailed(f"/stats counts {s['frames_out']} frames out, the page saw more: {s}")
    # a new frame's blob has no size until it is decoded (naturalWidth 0): read the size of a decoded one
    size = page.wait_for_function("""() => { const i = document.getElementById('character');
        return i.complete && i.naturalWidth > 0 ? [i.naturalWidth, i.naturalHeight] : null; }""", timeout=20_000).json_value()
    if size != [256, 256]: raise CheckFailed(f"the character's picture is {size}, expected 256x256")
    # malformed frames over the page's own socket: not an image, a truncated JPEG
    page.evaluate("""() => { const ws = new WebSocket('ws://' + location.host + '/ws'); ws.binaryType = 'arraybuffer';
        window._second = ws; ws.onmessage = ev => { window._refused = ev.data; }; }""")
    page.wait_for_function("() => window._refused !== undefined", timeout=20_000)
    refused = page.evaluate("() => window._refused")
    if 'already open' not in refused: raise CheckFailed(f"a second tab was not refused clearly: {refused!r}")
    before = stats(url)['bad_frames']
    return dict(shown_s=round(shown, 1), stats=s, refused=refused, bad_before=before)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('outdir'); ap.add_argument('--chromium', default='/usr/bin/chromium')
    ap.add_argument('--timeout', type=float, default=120.); ap.add_argument('--frames', type=int, default=10)
    a = ap.parse_args()
    out = Path(a.outdir); out.mkdir(parents=True, exist_ok=True)
    sync_playwright = need_browser(a.chromium)
    from dance_now.transfer import stage_video
    from dance_now.live import serve, MAX_FRAME_BYTES
    tmp = Path(tempfile.mkdtemp(prefix='dn_live_check_'))
    _, frames = stage_video(tmp/'stage.mp4', n=36, blank=0, size=(320, 240))
    y4m = write_y4m(tmp/'camera.y4m', frames)
    srv = serve('drawn:aoi', port=free_port())
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=a.chromium, args=CHROMIUM_ARGS + [f'--use-file-for-fake-video-capture={y4m}'])
            try:
                page = b.new_page(viewport={'width': 900, 'height': 560})
                r = check(page, srv.url, out, a.timeout, a.frames)
                page.close()                                # the tab goes: a plain client becomes the tab
            finally: b.close()
        time.sleep(.5)
        bad = send_bad(srv.url)                         # outside Playwright's event loop
        s = stats(srv.url)
        if s['bad_frames'] < r['bad_before'] + bad: raise CheckFailed(f"malformed frames were not counted: {s}")
        with urllib.request.urlopen(srv.url, timeout=10) as resp:
            if b'getUserMedia' not in resp.read(): raise CheckFailed("the page is not served after malformed frames")
        print(f"OK: {a.frames} character frames in {r['shown_s']} s; /stats {json.dumps(s)}; second tab: {r['refused']}; "
              f"screenshot {out/'live.png'}")
    except CheckFailed as e: sys.exit(f"FAILED: {e}")
    finally: srv.stop()

def send_bad(url):
    "Connect as the tab and send frames that are not an image, truncated and too big; how many were sent"
    import asyncio, tornado.websocket
    from dance_now.live import encode_jpeg, MAX_FRAME_BYTES
    async def go():
        ws = await tornado.websocket.websocket_connect(url.replace('http', 'ws') + 'ws')
        good = encode_jpeg(np.zeros((64, 64, 3), np.uint8))
        bads = [b'not an image', good[:len(good) // 2], b'\xff\xd8' + b'x' * (MAX_FRAME_BYTES + 10)]
        for m in bads: await ws.write_message(m, binary=True)
        await ws.write_message(good, binary=True)
        reply = await asyncio.wait_for(ws.read_message(), 30)
        if not (isinstance(reply, bytes) and reply[:1] == b'C'): raise CheckFailed("no character frame after malformed frames")
        ws.close(); return len(bads)
    return asyncio.run(go())

if __name__ == '__main__': main()
