"""Check the pose sliders and the evaluation browser in a real browser: Voila serves a small notebook showing
`PoseSliders('aoi')`, headless Chromium (driven by Playwright) opens it, waits for the picture, moves the right
shoulder's slider with the keyboard and waits for the picture to change; then the same with a notebook showing
`EvalBrowser('aoi')` (dance_now.evalwidgets) and its frame slider. Screenshots before and after go to OUTDIR
(eval_before.png, eval_after.png for the browser), with the servers' logs.

    python tools/widget_browser_check.py OUTDIR [--chromium /usr/bin/chromium] [--timeout 180] [--steps 30] [--only sliders|eval]

Needs `voila` and `playwright` (the Python package only: the browser is the system's Chromium, never a download).
Exits non-zero with a message saying what failed; the server is always stopped.
"""
import argparse, json, os, shutil, signal, socket, subprocess, sys, tempfile, time
from pathlib import Path
from browser import CHROMIUM_ARGS as BASE_ARGS, free_port, need_browser

CHROMIUM_ARGS = BASE_ARGS
SLIDER = 'r_shoulder_raise'      # the slider moved, on the 'right arm' tab
CELLS = ["from dance_now.widgets import PoseSliders\nw = PoseSliders('aoi', size=256, overlay=True, device='cpu')\nw"]
EVAL_FRAMES = 12                 # frames of the evaluation browser's synthetic set
EVAL_CELLS = ["from dance_now.evalwidgets import EvalBrowser\n"
              f"b = EvalBrowser('aoi', n={EVAL_FRAMES}, size=256, device='cpu')\nb.sort_menu.value = 'SSIM (worst first)'\nb"]

class CheckFailed(Exception): pass

def write_notebook(folder, cells=CELLS, name='pose_sliders'):
    "A notebook of `cells` (showing a widget), in `folder`"
    nb = {'cells': [{'cell_type': 'code', 'execution_count': None, 'id': f'c{i}', 'metadata': {}, 'outputs': [],
                     'source': src} for i, src in enumerate(cells)],
          'metadata': {'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'},
                       'language_info': {'name': 'python'}},
          'nbformat': 4, 'nbformat_minor': 5}
    path = Path(folder)/f'{name}.ipynb'
    path.write_text(json.dumps(nb))
    return path

def start_voila(nb, port, log):
    "Voila serving `nb` on 127.0.0.1:`port`, its output into the open file `log`"
    cmd = [sys.executable, '-m', 'voila', str(nb), '--no-browser', f'--port={port}', '--Voila.ip=127.0.0.1',
           '--show_tracebacks=True']
    return subprocess.Popen(cmd, cwd=nb.parent, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

def stop(proc):
    "Stop the server and everything it started (its kernel)"
    if proc.poll() is not None: return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        try: os.killpg(proc.pid, signal.SIGKILL); proc.wait(5)
        except (subprocess.TimeoutExpired, ProcessLookupError): pass      # never hide the check's own result

def wait_for_server(proc, port, timeout):
    "Wait until the server takes connections on `port`; fail early if it died"
    t0 = time.time()
    while time.time() - t0 < timeout:
        if proc.poll() is not None: raise CheckFailed(f"voila exited with code {proc.returncode} before serving")
        try:
            with socket.create_connection(('127.0.0.1', port), timeout=2): return time.time() - t0
        except OSError: time.sleep(.5)
    raise CheckFailed(f"voila did not listen on port {port} within {timeout} s")

def open_picture(page, url, pic, out, failed, what, timeout):
    "Open `url` and wait for the widget picture `pic` (a CSS selector) to be drawn; seconds it took"
    t0 = time.time()
    try: page.goto(url, timeout=timeout * 1000)
    except Exception as e: raise CheckFailed(f"the page {url} did not load within {timeout} s ({type(e).__name__})") from e
    try: page.wait_for_selector(f'{pic}[src^="blob:"]', timeout=timeout * 1000)
    except Exception as e:
        page.screenshot(path=str(out/failed), full_page=True)
        text = page.inner_text('body')[-1500:]
        raise CheckFailed(f"{what} did not appear within {timeout} s; page text ends: {text!r}") from e
    return time.time() - t0

def slide_and_wait(page, slider, presses, pic, out, failed, what, timeout):
    "Press ArrowRight `presses` times on the slider handle `slider`, and wait for picture `pic` to change; seconds it took"
    before = page.get_attribute(pic, 'src')
    handle = page.locator(f'{slider} .noUi-handle').first
    handle.wait_for(state='visible', timeout=10_000)
    handle.focus()
    t1 = time.time()
    for _ in range(presses): page.keyboard.press('ArrowRight')
    try:
        page.wait_for_function(f"b => {{ const i = document.querySelector('{pic}'); return i && i.src !== b; }}",
                               arg=before, timeout=timeout * 1000)
    except Exception as e:
        page.screenshot(path=str(out/failed), full_page=True)
        raise CheckFailed(f"{what} did not change within {timeout} s after moving the slider") from e
    return time.time() - t1

def natural_size(page, pic):
    "`[width, height]` of the picture `pic` as drawn (not as shown)"
    return page.evaluate(f"() => {{ const i = document.querySelector('{pic}'); return [i.naturalWidth, i.naturalHeight]; }}")

def check(page, url, out, timeout, steps):
    "Open the page, move the slider, and see the picture change; a dict of what happened"
    pic = 'img.dn-picture'
    shown = open_picture(page, url, pic, out, 'failed.png', "the widget's picture", timeout)
    page.wait_for_timeout(500)                                  # let the layout settle for the screenshot
    page.screenshot(path=str(out/'before.png'), full_page=True)
    readout0 = page.inner_text(f'.dn-{SLIDER} .widget-readout')
    page.get_by_text('right arm', exact=True).first.click()
    changed = slide_and_wait(page, f'.dn-{SLIDER}', steps, pic, out, 'failed.png', 'the picture', timeout)
    page.wait_for_timeout(300)
    readout1 = page.inner_text(f'.dn-{SLIDER} .widget-readout')
    if readout1 == readout0: raise CheckFailed(f"the slider's readout stayed at {readout0} after {steps} arrow presses")
    page.screenshot(path=str(out/'after.png'), full_page=True)
    size = natural_size(page, pic)
    if size != [256, 256]: raise CheckFailed(f"the picture is {size[0]}x{size[1]}, expected 256x256")
    box = page.locator(pic).bounding_box()
    if abs(box['width'] - box['height']) > 2: raise CheckFailed(f"the picture is shown distorted: {box['width']:.0f}x{box['height']:.0f} px")
    return dict(shown=shown, changed=changed, readout=(readout0, readout1), size=size)

def check_eval(page, url, out, timeout, steps):
    "Open the evaluation browser's page, move its frame slider, and see the picture change; a dict of what happened"
    pic, what = 'img.dn-eval-picture', "the evaluation browser's picture"
    shown = open_picture(page, url, pic, out, 'eval_failed.png', what, timeout)
    page.wait_for_timeout(500)
    page.screenshot(path=str(out/'eval_before.png'), full_page=True)
    info0 = page.inner_text('.dn-eval-info')
    changed = slide_and_wait(page, '.dn-eval-slider', min(steps, EVAL_FRAMES - 1), pic, out, 'eval_failed.png', what, timeout)
    page.wait_for_timeout(500)
    info1 = page.inner_text('.dn-eval-info')
    if info1 == info0: raise CheckFailed("the evaluation browser's figures stayed the same after moving its slider")
    page.screenshot(path=str(out/'eval_after.png'), full_page=True)
    size = natural_size(page, pic)
    if size[1] != 256 or size[0] % 256: raise CheckFailed(f"the evaluation picture is {size[0]}x{size[1]}, expected a row of 256x256 pictures")
    return dict(shown=shown, changed=changed, info=(info0.splitlines()[0], info1.splitlines()[0]), size=size)

def serve_and_check(nb, out, log_name, a, fn):
    "Serve `nb` with Voila, open it in Chromium and run `fn(page, url, out, timeout, steps)`; its result, the server's start time and page errors"
    from playwright.sync_api import sync_playwright
    port = free_port()
    url, proc = f'http://127.0.0.1:{port}/', None
    try:
        with open(out/log_name, 'w') as log:
            proc = start_voila(nb, port, log)
            up = wait_for_server(proc, port, a.timeout)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=a.chromium, args=CHROMIUM_ARGS, headless=True)
                try:
                    page = browser.new_page(viewport={'width': 1100, 'height': 720})
                    errors = []
                    page.on('pageerror', lambda e: errors.append(str(e)))
                    return fn(page, url, out, a.timeout, a.steps), up, url, errors
                finally: browser.close()
    finally:
        if proc is not None: stop(proc)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('outdir', help='folder for the screenshots and the server log')
    ap.add_argument('--chromium', default='/usr/bin/chromium', help='the Chromium to drive')
    ap.add_argument('--timeout', type=float, default=180., help='seconds to wait for each step')
    ap.add_argument('--steps', type=int, default=30, help='arrow presses on the slider')
    ap.add_argument('--only', choices=('sliders', 'eval'), help='check only the pose sliders or only the evaluation browser')
    a = ap.parse_args()
    out = Path(a.outdir); out.mkdir(parents=True, exist_ok=True)
    sync_playwright = need_browser(a.chromium)
    tmp = Path(tempfile.mkdtemp(prefix='dn_widget_check_'))
    try:
        if a.only in (None, 'sliders'):
            r, up, url, errors = serve_and_check(write_notebook(tmp), out, 'voila.log', a, check)
            print(f"voila answered at {url} after {up:.1f} s")
            print(f"widget picture shown {r['shown']:.1f} s after opening the page ({r['size'][0]}x{r['size'][1]})")
            print(f"slider {SLIDER}: {r['readout'][0]} -> {r['readout'][1]} by {a.steps} ArrowRight presses; "
                  f"picture changed {r['changed']:.2f} s later")
            if errors: print(f"page errors (not fatal): {errors[:3]}")
            print(f"screenshots: {out/'before.png'} {out/'after.png'}; server log: {out/'voila.log'}")
        if a.only in (None, 'eval'):
            r, up, url, errors = serve_and_check(write_notebook(tmp, EVAL_CELLS, 'eval_browser'), out, 'voila_eval.log', a, check_eval)
            print(f"evaluation browser: voila answered at {url} after {up:.1f} s; picture shown {r['shown']:.1f} s after "
                  f"opening the page ({r['size'][0]}x{r['size'][1]})")
            print(f"frame slider moved by {min(a.steps, EVAL_FRAMES - 1)} ArrowRight presses: {r['info'][0]!r} -> {r['info'][1]!r}; "
                  f"picture changed {r['changed']:.2f} s later")
            if errors: print(f"page errors (not fatal): {errors[:3]}")
            print(f"screenshots: {out/'eval_before.png'} {out/'eval_after.png'}; server log: {out/'voila_eval.log'}")
        print("OK")
    except CheckFailed as e:
        sys.exit(f"FAILED: {e} (server logs in {out})")
    except Exception as e:
        sys.exit(f"FAILED: {type(e).__name__}: {e} (server logs in {out})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

if __name__ == '__main__': main()
