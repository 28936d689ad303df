#!/usr/bin/env python3
"""ofd_reader.py READER_JS DIFF_DIR LABEL OFD PDF [LABEL OFD PDF ...] — has
an independent OFD reader draw every page of each OFD package and compares
each page with the same page of its PDF.

The reader is ofd.js (npm, Apache-2.0: it unzips the package with JSZip,
parses the XML and draws each page as HTML/SVG in a browser), READER_JS the
path of its lib/ofd.umd.js. Debian's chromium runs it headless, driven by
chromedriver through the W3C WebDriver protocol (plain HTTP: urllib, nothing
installed from PyPI). Each page is rendered at 72 dpi and screenshot; the
PDF page is rasterized by pdftoppm at 72 dpi.

ofd.js does not load the fonts a package embeds: it asks the browser for
the Font's FamilyName in the TextObject's Weight. The test runs chromium
with FONTCONFIG_FILE=fonts/fonts.conf, as an office machine with the
fonts installed, so the family names find the full fonts our subsets were
cut from (without them Chromium falls back to Debian's Noto CJK: the serif
and 仿宋 text of the official style comes out sans, up to 168 blocks off).
Skia and poppler still antialias differently, so the comparison is coarse:
both images are averaged over 8x8 pixel blocks (2.8 mm), and a block is
off when one of its mean channels differs by more than BLOCK_TOL of 255. A
page matches when at most MAX_BLOCKS of its blocks are off. Measured on
the 2025 sheet: every bundled page at most 14 blocks off; a line of text
removed 47-56, the two ring charts 30, the header band 1111; one ring
sector (16) or a five-character label (7) is too small to be seen.

Prints one line per page (LABEL page N: blocks off, pixels off by more
than 96), then "LABEL: ok" or "LABEL: FAIL" for each package; for a page
that does not match, the reference faded and the blocks off in red go to
DIFF_DIR/ofdjs-LABEL-N.png. Exits 0 when every package matches, 1 when one
does not, 2 when the browser could not be started. One browser serves all
the packages (starting it and loading ofd.js take some 4 s)."""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

DPI = 72
BLOCK = 8
BLOCK_TOL = 48
MAX_BLOCKS = 24
PIXEL_TOL = 96

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<style>html,body{margin:0;padding:0;background:#fff}#pages>div{margin:0!important}</style>
<script src="%s"></script>
</head><body><div id="pages"></div></body></html>
"""

# Runs in the page (WebDriver execute/async): parse, render every page at
# DPI, keep the page divs in window.ofdPages; answers their count or an error.
PARSE = """
const [b64, dpi, done] = arguments;
try {
  const bin = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  ofd.parseOfdDocument({
    ofd: bin.buffer,
    success(docs) {
      try {
        ofd.setPageScale(dpi / 25.4);
        window.ofdPages = ofd.renderOfdByScale(docs[0]);
        done({pages: window.ofdPages.length});
      } catch (e) { done({error: 'render: ' + e}); }
    },
    fail(e) { done({error: 'parse: ' + e}); }
  });
} catch (e) { done({error: String(e)}); }
"""

# Runs in the page: both PNGs decoded by the browser, averaged over BLOCK
# pixel blocks; answers the sizes, the blocks off, the pixels off and, when
# more than MAX_BLOCKS blocks are off, a diff image (the reference faded,
# the blocks off in red) as a data: URL.
COMPARE = """
const [refB64, outB64, B, blockTol, pixelTol, maxBlocks, done] = arguments;
const load = b64 => new Promise((res, rej) => {
  const im = new Image();
  im.onload = () => {
    const c = document.createElement('canvas');
    c.width = im.naturalWidth; c.height = im.naturalHeight;
    const g = c.getContext('2d');
    g.fillStyle = '#fff'; g.fillRect(0, 0, c.width, c.height);
    g.drawImage(im, 0, 0);
    res({w: c.width, h: c.height, d: g.getImageData(0, 0, c.width, c.height).data});
  };
  im.onerror = () => rej('cannot decode an image');
  im.src = 'data:image/png;base64,' + b64;
});
Promise.all([load(refB64), load(outB64)]).then(([r, o]) => {
  const w = Math.min(r.w, o.w), h = Math.min(r.h, o.h);
  let pixels = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * r.w + x) * 4, j = (y * o.w + x) * 4;
      if (Math.abs(r.d[i] - o.d[j]) > pixelTol || Math.abs(r.d[i + 1] - o.d[j + 1]) > pixelTol ||
          Math.abs(r.d[i + 2] - o.d[j + 2]) > pixelTol) pixels++;
    }
  const bad = [];
  let nb = 0;
  for (let by = 0; by + B <= h; by += B)
    for (let bx = 0; bx + B <= w; bx += B) {
      nb++;
      const sr = [0, 0, 0], so = [0, 0, 0];
      for (let y = by; y < by + B; y++)
        for (let x = bx; x < bx + B; x++)
          for (let k = 0; k < 3; k++) {
            sr[k] += r.d[(y * r.w + x) * 4 + k];
            so[k] += o.d[(y * o.w + x) * 4 + k];
          }
      if (Math.max(...[0, 1, 2].map(k => Math.abs(sr[k] - so[k]))) > blockTol * B * B) bad.push([bx, by]);
    }
  let diff = null;
  if (bad.length > maxBlocks) {
    const c = document.createElement('canvas');
    c.width = r.w; c.height = r.h;
    const g = c.getContext('2d'), im = g.createImageData(r.w, r.h);
    for (let i = 0; i < r.d.length; i += 4) {
      for (let k = 0; k < 3; k++) im.data[i + k] = (r.d[i + k] >> 2) + 191;
      im.data[i + 3] = 255;
    }
    g.putImageData(im, 0, 0);
    g.fillStyle = '#f00';
    for (const [x, y] of bad) g.fillRect(x, y, B, B);
    diff = c.toDataURL('image/png');
  }
  done({rw: r.w, rh: r.h, ow: o.w, oh: o.h, blocks: bad.length, nb, pixels, npx: w * h, diff});
}).catch(e => done({error: String(e)}));
"""

SHOW = """
const box = document.getElementById('pages');
box.replaceChildren(window.ofdPages[arguments[0]]);
window.scrollTo(0, 0);
return document.fonts.ready.then(() => null);
"""


class WebDriver:
    def __init__(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen(
            ["chromedriver", "--port=%d" % self.port],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = "http://127.0.0.1:%d" % self.port
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": shutil.which("chromium") or "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--allow-file-access-from-files", "--hide-scrollbars",
                         "--force-device-scale-factor=1", "--window-size=1400,1400",
                         "--font-render-hinting=none"]}}}}
        try:
            self.session = self.call("POST", "/session", caps)["sessionId"]
        except BaseException:
            self.proc.terminate()
            self.proc.wait()
            raise

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return json.load(r)["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError("webdriver %s %s: %s" % (method, path, e.read()[:500]))

    def s(self, method, path, body=None):
        return self.call(method, "/session/%s%s" % (self.session, path), body)

    def close(self):
        try:
            self.s("DELETE", "")
        finally:
            self.proc.terminate()
            self.proc.wait()


def check(wd, tmp, label, ofd_path, pdf, diff):
    """One package against its PDF: prints a line per page; True when all match."""
    for n in os.listdir(tmp):
        if n.startswith("ref"):
            os.unlink(os.path.join(tmp, n))
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", pdf, os.path.join(tmp, "ref")], check=True)
    refs = sorted((n for n in os.listdir(tmp) if n.startswith("ref")),
                  key=lambda n: int(n[4:-4]))
    b64 = base64.b64encode(open(ofd_path, "rb").read()).decode()
    got = wd.s("POST", "/execute/async", {"script": PARSE, "args": [b64, DPI]})
    if "error" in got:
        print("%s: ofd.js could not read the package: %s" % (label, got["error"]))
        return False
    if got["pages"] != len(refs):
        print("%s: ofd.js reads %d pages, the PDF has %d" % (label, got["pages"], len(refs)))
        return False
    good = True
    for i, name in enumerate(refs):
        wd.s("POST", "/execute/sync", {"script": SHOW, "args": [i]})
        el = wd.s("POST", "/element", {"using": "css selector", "value": "#pages > div"})
        shot = wd.s("GET", "/element/%s/screenshot" % list(el.values())[0])
        ref = base64.b64encode(open(os.path.join(tmp, name), "rb").read()).decode()
        c = wd.s("POST", "/execute/async", {"script": COMPARE, "args": [
            ref, shot, BLOCK, BLOCK_TOL, PIXEL_TOL, MAX_BLOCKS]})
        if "error" in c:
            print("%s page %d: %s" % (label, i + 1, c["error"]))
            return False
        size = "" if (c["rw"], c["rh"]) == (c["ow"], c["oh"]) else \
            " (the PDF's page %dx%d px, the reader's %dx%d)" % (c["rw"], c["rh"], c["ow"], c["oh"])
        ok = c["blocks"] <= MAX_BLOCKS and abs(c["rw"] - c["ow"]) <= 1 and abs(c["rh"] - c["oh"]) <= 1
        print("%s page %d: %d of %d blocks off (at most %d), %.2f %% of pixels off by more than %d%s%s"
              % (label, i + 1, c["blocks"], c["nb"], MAX_BLOCKS, 100.0 * c["pixels"] / c["npx"],
                 PIXEL_TOL, size, "" if ok else " MISMATCH"))
        if not ok:
            good = False
            if diff and c["diff"]:
                with open(os.path.join(diff, "ofdjs-%s-%d.png" % (label, i + 1)), "wb") as f:
                    f.write(base64.b64decode(c["diff"].split(",", 1)[1]))
    return good


def main():
    args = sys.argv[1:]
    if len(args) < 5 or (len(args) - 2) % 3:
        sys.exit(__doc__)
    reader, diff, jobs = args[0], args[1], [args[i:i + 3] for i in range(2, len(args), 3)]
    tmp = tempfile.mkdtemp(prefix="ofd-reader.")
    wd = None
    try:
        html = os.path.join(tmp, "page.html")
        with open(html, "w", encoding="utf-8") as f:
            f.write(PAGE % ("file://" + os.path.abspath(reader)))
        try:
            wd = WebDriver()
            wd.s("POST", "/url", {"url": "file://" + html})
        except (OSError, RuntimeError, KeyError) as e:
            print("the reader did not run: %s" % e)
            return 2
        status = 0
        for label, ofd_path, pdf in jobs:
            try:
                good = check(wd, tmp, label, ofd_path, pdf, diff)
            except (OSError, RuntimeError, KeyError, subprocess.CalledProcessError) as e:
                print("%s: %s" % (label, e))
                good = False
            print("%s: %s" % (label, "ok" if good else "FAIL"))
            status = status or (0 if good else 1)
        return status
    finally:
        if wd:
            wd.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
