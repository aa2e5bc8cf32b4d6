"""What the real-browser checks (tools/*_browser_check.py) share: the system's Chromium, driven by Playwright.

Needs `playwright` (the Python package only: the browser is the system's Chromium, never a download)."""
import socket, sys
from pathlib import Path

CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                 '--disable-background-networking', '--disable-component-update', '--disable-sync',
                 '--disable-dev-shm-usage']

def free_port():
    "A TCP port on 127.0.0.1 that nothing listens on now"
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]

def need_browser(chromium):
    "Playwright's `sync_playwright`, once `chromium` and the playwright package are there; else exit saying what is missing"
    if not Path(chromium).exists(): sys.exit(f"FAILED: no Chromium at {chromium} (Debian: apt-get install -y chromium)")
    try: from playwright.sync_api import sync_playwright
    except ImportError: sys.exit("FAILED: the playwright package is missing (pip install playwright; no browser download needed)")
    return sync_playwright
