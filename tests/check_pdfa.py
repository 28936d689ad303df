#!/usr/bin/python3
"""The archive preflight: reads a rendered PDF with qpdf's JSON and checks
each rule of the archive form (README "Archive form") -- the PDF/A-2b
rules cairo 1.16's output could break, and what the archive pass adds.

    check_pdfa.py FILE.pdf [--first-page N] [--bleed MM] [--links N] [-v]
    check_pdfa.py --self-test FILE.pdf

--self-test      damages copies of a good FILE (qpdf --update-from-json), one
                 rule at a time, and fails unless the check names each rule

--first-page N   the first page's label must be N (default 1)
--bleed MM       TrimBox and BleedBox must be MM mm apart on every side
                 (default: no bleed; then neither box is needed)
--links N        at least N link annotations (web or internal)
-v               print every rule checked, not only the broken ones

It checks what can be read from the file's objects; it is not a PDF/A
validator (veraPDF is in none of our package sources): content-stream
rules (e.g. .notdef glyphs) and font-program rules are not checked.
Prints one line per broken rule; exit 0 when all hold.
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

RULES = {
    "header": "header %PDF-1.n (n <= 7) and a binary comment line (6.1.2)",
    "id": "trailer /ID of two 16-byte strings (6.1.3)",
    "encrypt": "no encryption (6.1.3)",
    "catalog": "/Lang zh-CN, /MarkInfo /Marked true, /StructTreeRoot, "
               "/ViewerPreferences /DisplayDocTitle true",
    "xmp": "/Metadata: an unfiltered XML stream, an XMP packet that parses, "
           "pdfaid:part 2, pdfaid:conformance B (6.6.2)",
    "info-sync": "Info and XMP agree: Title, Author, Subject, Keywords, Creator, "
                 "Producer, CreationDate, ModDate (6.6.3)",
    "intent": "one GTS_PDFA1 output intent with an embedded RGB ICC profile, /N 3, "
              "ICC version 2 or 4 (6.2.3)",
    "fonts": "every font embedded (FontFile, 2 or 3) with a ToUnicode map; "
             "CIDFontType2 with /CIDToGIDMap; no /CIDSet (6.2.11)",
    "filters": "no LZWDecode, no external streams (/F) (6.1.7)",
    "actions": "no JavaScript, Launch, ImportData, Sound, Movie, Hide, ResetForm, "
               "SubmitForm, SetOCGState, Rendition or GoTo3DView action; no /AA; "
               "no /JavaScript name tree (6.5, 6.6.1)",
    "extgstate": "blend modes among the standard ones; no /TR; /TR2 only /Default; "
                 "no /HTP (6.2.5, 6.2.10)",
    "colour": "no DeviceCMYK with the RGB output intent; transparency groups in "
              "DeviceRGB (6.2.4)",
    "images": "no /Interpolate true, /Alternates, /OPI, PostScript or reference "
              "XObjects (6.2.8, 6.2.9)",
    "annots": "every annotation printable (/F has Print, not Hidden, Invisible, "
              "NoView, ToggleNoView); allowed subtypes; appearance streams where "
              "needed (6.3)",
    "links": "web links: /URI an ASCII string beginning http:// or https://; "
             "internal links name a destination that exists",
    "dests": "/Dests names unique",
    "alt": "every Figure structure element has a non-empty /Alt",
    "labels": "/PageLabels present; the first page's label as expected",
    "boxes": "TrimBox inside BleedBox inside MediaBox; their distance the bleed",
    "embedded": "no embedded files, no optional content, no /PieceInfo (6.8, 6.9)",
}

STANDARD_BLEND = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay",
                  "/Darken", "/Lighten", "/ColorDodge", "/ColorBurn", "/HardLight",
                  "/SoftLight", "/Difference", "/Exclusion", "/Hue", "/Saturation",
                  "/Color", "/Luminosity"}
FORBIDDEN_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/Sound", "/Movie", "/Hide",
                     "/ResetForm", "/SubmitForm", "/SetOCGState", "/Rendition",
                     "/GoTo3DView", "/Trans"}
ALLOWED_ANNOTS = {"/Text", "/Link", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon",
                  "/PolyLine", "/Highlight", "/Underline", "/Squiggly", "/StrikeOut",
                  "/Stamp", "/Caret", "/Ink", "/Popup", "/Widget", "/PrinterMark",
                  "/TrapNet", "/Watermark", "/Redact"}


class Pdf:
    def __init__(self, path):
        out = subprocess.run(["qpdf", "--json", "--json-stream-data=inline",
                              "--decode-level=generalized", path],
                             check=True, capture_output=True).stdout
        self.json = json.loads(out)
        self.objects = self.json["qpdf"][1]
        with open(path, "rb") as f:
            self.raw_head = f.read(64)

    def get(self, ref):
        """The value of an indirect reference ("12 0 R"), or ref itself."""
        if isinstance(ref, str) and re.fullmatch(r"\d+ \d+ R", ref):
            o = self.objects.get("obj:" + ref, {})
            if "value" in o:
                return o["value"]
            if "stream" in o:
                return o["stream"]["dict"]
            return None
        return ref

    def stream(self, ref):
        o = self.objects.get("obj:" + ref, {})
        return o.get("stream")

    def data(self, ref):
        s = self.stream(ref)
        return base64.b64decode(s["data"]) if s and "data" in s else None

    def values(self):
        """Every object's value (stream dictionaries included), with its key."""
        for key, o in self.objects.items():
            if not key.startswith("obj:"):
                continue
            if "value" in o:
                yield key, o["value"]
            elif "stream" in o:
                yield key, o["stream"]["dict"]


def walk(v):
    """Every dictionary inside v, v included (direct objects only)."""
    if isinstance(v, dict):
        yield v
        for x in v.values():
            yield from walk(x)
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)


def text(v):
    """A PDF string from qpdf's JSON ("u:…" text, "b:…" hex bytes)."""
    if not isinstance(v, str):
        return None
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        return bytes.fromhex(v[2:]).decode("latin-1")
    return v


def pdf_date(s):
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'\d\d'?)?(00'00')?", s or "")
    if not m:
        return None
    tz = (m.group(7) or "Z").replace("'", "")
    tz = "+0000" if tz in ("Z", "+0000", "-0000") else tz
    return "%s-%s-%sT%s:%s:%s%s" % (m.group(1), m.group(2), m.group(3), m.group(4), m.group(5),
                                    m.group(6), tz)


def xmp_date(s):
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(Z|[+-]\d\d:\d\d)", s or "")
    if not m:
        return None
    tz = m.group(7).replace(":", "")
    tz = "+0000" if tz in ("Z", "-0000") else tz
    return "%s-%s-%sT%s:%s:%s%s" % (m.groups()[:6] + (tz,))


NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdf": "http://ns.adobe.com/pdf/1.3/",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
      "x": "adobe:ns:meta/"}


def xmp_fields(xml):
    root = ET.fromstring(xml)
    out = {}
    for d in root.iter("{%s}Description" % NS["rdf"]):
        for child in d:
            ns, _, name = child.tag[1:].partition("}")
            prefix = next((p for p, u in NS.items() if u == ns), ns)
            lis = child.findall(".//{%s}li" % NS["rdf"])
            out[prefix + ":" + name] = [li.text or "" for li in lis] if lis else (child.text or "")
        for k, v in d.attrib.items():  # the attribute form of simple properties
            ns, _, name = k[1:].partition("}")
            prefix = next((p for p, u in NS.items() if u == ns), None)
            if prefix:
                out[prefix + ":" + name] = v
    return out


def check(pdf, first_page, bleed_mm, min_links):
    bad = {}

    def fail(rule, msg):
        bad.setdefault(rule, []).append(msg)

    trailer = pdf.objects["trailer"]["value"]
    root = pdf.get(trailer["/Root"])

    # header
    m = re.match(rb"%PDF-1\.([0-9])\r?\n%(....)", pdf.raw_head, re.S)
    if not m or int(m.group(1)) > 7 or any(b < 128 for b in m.group(2)):
        fail("header", "header %r" % pdf.raw_head[:16])

    # id
    ids = trailer.get("/ID")
    if not (isinstance(ids, list) and len(ids) == 2 and
            all(isinstance(i, str) and i.startswith("b:") and len(i) == 34 for i in ids)):
        fail("id", "trailer /ID is %r" % (ids,))
    if "/Encrypt" in trailer:
        fail("encrypt", "the file is encrypted")

    # catalog
    if text(root.get("/Lang")) != "zh-CN":
        fail("catalog", "/Lang is %r" % root.get("/Lang"))
    if (pdf.get(root.get("/MarkInfo")) or {}).get("/Marked") is not True:
        fail("catalog", "/MarkInfo /Marked is not true")
    if "/StructTreeRoot" not in root:
        fail("catalog", "no /StructTreeRoot")
    if (pdf.get(root.get("/ViewerPreferences")) or {}).get("/DisplayDocTitle") is not True:
        fail("catalog", "/ViewerPreferences /DisplayDocTitle is not true")

    # xmp, info-sync
    meta_ref = root.get("/Metadata")
    xmp = {}
    st = pdf.stream(meta_ref) if isinstance(meta_ref, str) else None
    if not st:
        fail("xmp", "no /Metadata stream in the catalog")
    else:
        d = st["dict"]
        if d.get("/Type") != "/Metadata" or d.get("/Subtype") != "/XML":
            fail("xmp", "/Metadata is not /Type /Metadata /Subtype /XML")
        if "/Filter" in d:
            fail("xmp", "/Metadata is filtered (%s)" % d["/Filter"])
        raw = pdf.data(meta_ref)
        if not raw or b"<?xpacket begin=" not in raw or b"<?xpacket end=" not in raw:
            fail("xmp", "no xpacket header and trailer")
        try:
            xmp = xmp_fields(raw)
        except ET.ParseError as e:
            fail("xmp", "the XMP does not parse: %s" % e)
        if xmp.get("pdfaid:part") != "2" or xmp.get("pdfaid:conformance") != "B":
            fail("xmp", "pdfaid:part %r, conformance %r" %
                 (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")))
    info = pdf.get(trailer.get("/Info")) or {}
    pairs = [("/Title", "dc:title", lambda v: v[0] if isinstance(v, list) and len(v) == 1 else v),
             ("/Author", "dc:creator", lambda v: v[0] if isinstance(v, list) and len(v) == 1 else v),
             ("/Subject", "dc:description", lambda v: v[0] if isinstance(v, list) and len(v) == 1 else v),
             ("/Keywords", "pdf:Keywords", lambda v: v),
             ("/Creator", "xmp:CreatorTool", lambda v: v),
             ("/Producer", "pdf:Producer", lambda v: v)]
    for ik, xk, norm in pairs:
        iv = text(info.get(ik))
        xv = norm(xmp.get(xk)) if xk in xmp else None
        if iv != xv:
            fail("info-sync", "Info %s %r but XMP %s %r" % (ik, iv, xk, xv))
    for ik, xk in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        iv, xv = pdf_date(text(info.get(ik))), xmp_date(xmp.get(xk))
        if iv is None or iv != xv:
            fail("info-sync", "Info %s %r but XMP %s %r" % (ik, text(info.get(ik)), xk,
                                                           xmp.get(xk)))
    if not text(info.get("/Title")):
        fail("info-sync", "no Title")

    # intent
    intents = pdf.get(root.get("/OutputIntents")) or []
    pdfa = [pdf.get(i) for i in intents if (pdf.get(i) or {}).get("/S") == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        fail("intent", "%d GTS_PDFA1 output intents" % len(pdfa))
    else:
        prof = pdfa[0].get("/DestOutputProfile")
        pst = pdf.stream(prof) if isinstance(prof, str) else None
        icc = pdf.data(prof) if pst else None
        if not icc or len(icc) < 128 or icc[36:40] != b"acsp":
            fail("intent", "no embedded ICC profile")
        else:
            if icc[16:20] != b"RGB " or pst["dict"].get("/N") != 3:
                fail("intent", "the profile is not RGB with /N 3")
            if icc[8] not in (2, 4):
                fail("intent", "ICC version %d" % icc[8])
        if not text(pdfa[0].get("/OutputConditionIdentifier")):
            fail("intent", "no /OutputConditionIdentifier")

    # walk every object once for the per-object rules
    names = None
    n_links = 0
    for key, v in pdf.values():
        for d in walk(v):
            t = d.get("/Type")
            if t == "/Font" or "/BaseFont" in d and "/Subtype" in d:
                sub = d.get("/Subtype")
                if sub == "/Type3":
                    pass
                elif sub == "/Type0":
                    if "/ToUnicode" not in d:
                        fail("fonts", "%s: %s has no ToUnicode" % (key, d.get("/BaseFont")))
                elif sub in ("/CIDFontType0", "/CIDFontType2", "/TrueType", "/Type1",
                             "/MMType1"):
                    fd = pdf.get(d.get("/FontDescriptor")) or {}
                    if not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        fail("fonts", "%s: %s is not embedded" % (key, d.get("/BaseFont")))
                    if "/CIDSet" in fd:
                        fail("fonts", "%s: %s has a /CIDSet we cannot verify" %
                             (key, d.get("/BaseFont")))
                    if sub == "/CIDFontType2" and "/CIDToGIDMap" not in d:
                        fail("fonts", "%s: %s has no /CIDToGIDMap" % (key, d.get("/BaseFont")))
                    if sub in ("/TrueType", "/Type1") and "/ToUnicode" not in d:
                        fail("fonts", "%s: %s has no ToUnicode" % (key, d.get("/BaseFont")))
            f = d.get("/Filter")
            fl = f if isinstance(f, list) else [f]
            if "/LZWDecode" in fl:
                fail("filters", "%s uses LZWDecode" % key)
            if "/Length" in d and ("/F" in d or "/FFilter" in d):
                fail("filters", "%s is an external stream" % key)
            s = d.get("/S")
            if s in FORBIDDEN_ACTIONS:
                fail("actions", "%s: a %s action" % (key, s))
            if "/AA" in d:
                fail("actions", "%s has additional actions (/AA)" % key)
            if "/JS" in d:
                fail("actions", "%s holds JavaScript" % key)
            if t == "/ExtGState" or "/BM" in d or "/TR" in d or "/TR2" in d:
                bm = d.get("/BM")
                for b in (bm if isinstance(bm, list) else [bm] if bm else []):
                    if b not in STANDARD_BLEND:
                        fail("extgstate", "%s: blend mode %s" % (key, b))
                if "/TR" in d:
                    fail("extgstate", "%s has /TR" % key)
                if "/TR2" in d and d["/TR2"] != "/Default":
                    fail("extgstate", "%s has /TR2 %s" % (key, d["/TR2"]))
                if "/HTP" in d:
                    fail("extgstate", "%s has /HTP" % key)
            for x in d.values():
                if x == "/DeviceCMYK":
                    fail("colour", "%s uses DeviceCMYK" % key)
            if t == "/Group" and d.get("/S") == "/Transparency" and \
                    d.get("/CS") not in (None, "/DeviceRGB", "/DeviceGray"):
                fail("colour", "%s: transparency group in %s" % (key, d.get("/CS")))
            if d.get("/Subtype") == "/Image" or d.get("/Subtype") == "/Form":
                if d.get("/Interpolate") is True:
                    fail("images", "%s: /Interpolate true" % key)
                for k in ("/Alternates", "/OPI", "/Ref"):
                    if k in d:
                        fail("images", "%s has %s" % (key, k))
            if d.get("/Subtype") == "/PS" or d.get("/Subtype2") == "/PS":
                fail("images", "%s is a PostScript XObject" % key)
            if t == "/Annot" or (d.get("/Subtype") in ALLOWED_ANNOTS and "/Rect" in d):
                sub = d.get("/Subtype")
                flags = d.get("/F", 0)
                if not isinstance(flags, int) or not flags & 4 or flags & (1 | 2 | 32 | 256):
                    fail("annots", "%s (%s): /F %r" % (key, sub, d.get("/F")))
                if sub not in ALLOWED_ANNOTS:
                    fail("annots", "%s: subtype %s" % (key, sub))
                if sub not in ("/Link", "/Popup") and not (pdf.get(d.get("/AP")) or {}).get("/N"):
                    fail("annots", "%s (%s) has no appearance stream" % (key, sub))
                if sub == "/Link":
                    n_links += 1
                    a = pdf.get(d.get("/A")) or {}
                    if a.get("/S") == "/URI":
                        raw = a.get("/URI", "")
                        u = text(raw)
                        if not u or not re.match(r"(?i)https?://[^/ ]", u) or \
                                any(ord(c) > 126 or ord(c) < 32 for c in u):
                            fail("links", "%s: /URI %r" % (key, raw))
                    elif a.get("/S") not in (None, "/GoTo"):
                        fail("links", "%s: action %s" % (key, a.get("/S")))
                    dest = d.get("/Dest") or a.get("/D")
                    if isinstance(dest, str) and dest.startswith(("u:", "b:")):
                        names = names if names is not None else dest_names(pdf, root, fail)
                        if text(dest) not in names:
                            fail("links", "%s: destination %r does not exist" % (key, text(dest)))
            if t == "/StructElem" and d.get("/S") == "/Figure":
                if not text(d.get("/Alt")):
                    fail("alt", "%s: a Figure without /Alt" % key)
            for k in ("/EmbeddedFiles", "/OCProperties", "/PieceInfo"):
                if k in d:
                    fail("embedded", "%s has %s" % (key, k))
    if names is None:
        dest_names(pdf, root, fail)
    if n_links < min_links:
        fail("links", "%d link annotations, expected at least %d" % (n_links, min_links))

    # labels
    labels = pdf.json.get("pagelabels") or []
    if "/PageLabels" not in root or not labels:
        fail("labels", "no /PageLabels")
    else:
        first = labels[0]
        lab = first.get("label", {})
        if first.get("index") != 0 or lab.get("/S") != "/D" or lab.get("/St", 1) != first_page:
            fail("labels", "the first page's label is %r, expected %d" % (first, first_page))

    # boxes
    bleed = bleed_mm * 72 / 25.4
    for i, page in enumerate(pdf.json["pages"], 1):
        p = pdf.get(page["object"])
        media = p.get("/MediaBox")
        trim, bl = p.get("/TrimBox"), p.get("/BleedBox")
        if bleed_mm == 0:
            if trim is not None or bl is not None:
                if not (trim and bl):
                    fail("boxes", "page %d: a TrimBox without BleedBox" % i)
            continue
        if not trim or not bl:
            fail("boxes", "page %d: TrimBox %r, BleedBox %r" % (i, trim, bl))
            continue
        if not (inside(trim, bl) and inside(bl, media)):
            fail("boxes", "page %d: Trim %r, Bleed %r, Media %r not nested" % (i, trim, bl, media))
        gaps = [trim[0] - bl[0], trim[1] - bl[1], bl[2] - trim[2], bl[3] - trim[3]]
        if any(abs(g - bleed) > 0.01 for g in gaps):
            fail("boxes", "page %d: bleed %r pt, expected %.2f" % (i, gaps, bleed))
    return bad


def inside(a, b):
    return a[0] >= b[0] - 0.001 and a[1] >= b[1] - 0.001 and a[2] <= b[2] + 0.001 and \
        a[3] <= b[3] + 0.001


def dest_names(pdf, root, fail):
    """The names of /Names /Dests (failing on a name given twice)."""
    names = pdf.get(root.get("/Names")) or {}
    seen = []

    def collect(node, depth=0):
        node = pdf.get(node) or {}
        arr = node.get("/Names") or []
        for i in range(0, len(arr) - 1, 2):
            seen.append(text(arr[i]))
        for kid in node.get("/Kids") or []:
            if depth < 32:
                collect(kid, depth + 1)

    if "/Dests" in names:
        collect(names["/Dests"])
    dup = sorted({n for n in seen if seen.count(n) > 1})
    if dup:
        fail("dests", "%d names given more than once: %s" % (len(dup), ", ".join(dup[:5])))
    return set(seen)


def mutations(pdf):
    """(rule, {object key: new value}) pairs, each breaking one rule."""
    trailer = pdf.objects["trailer"]["value"]
    root_key = "obj:" + trailer["/Root"]
    root = pdf.objects[root_key]["value"]
    out = []

    def with_root(**changes):
        r = dict(root)
        for k, v in changes.items():
            k = "/" + k
            if v is None:
                r.pop(k, None)
            else:
                r[k] = v
        return {root_key: {"value": r}}

    out.append(("catalog", with_root(Lang=None)))
    out.append(("intent", with_root(OutputIntents=None)))
    out.append(("labels", with_root(PageLabels=None)))
    out.append(("actions", with_root(OpenAction={"/S": "/JavaScript", "/JS": "u:app.alert(1)"})))
    info_key = "obj:" + trailer["/Info"]
    info = dict(pdf.objects[info_key]["value"])
    info["/Title"] = "u:另一个标题"
    out.append(("info-sync", {info_key: {"value": info}}))
    for key, v in pdf.values():
        if not isinstance(v, dict) or pdf.objects[key].get("stream"):
            continue
        if v.get("/S") == "/Figure" and not any(r == "alt" for r, _ in out):
            w = dict(v)
            w.pop("/Alt", None)
            out.append(("alt", {key: {"value": w}}))
        if v.get("/Subtype") == "/Link" and not any(r == "annots" for r, _ in out):
            w = dict(v)
            w["/F"] = 0
            out.append(("annots", {key: {"value": w}}))
            w = dict(v)
            w["/A"] = {"/S": "/URI", "/URI": "u:javascript:alert(1)"}
            out.append(("links", {key: {"value": w}}))
        if "/ExtGState" in v and isinstance(v["/ExtGState"], dict) and \
                not any(r == "extgstate" for r, _ in out):
            w = json.loads(json.dumps(v))
            for g in w["/ExtGState"].values():
                if isinstance(g, dict):
                    g["/BM"] = "/Brighten"
                    break
            out.append(("extgstate", {key: {"value": w}}))
        names = v.get("/Names")
        if isinstance(names, list) and len(names) >= 4 and not any(r == "dests" for r, _ in out):
            w = dict(v)
            w["/Names"] = names[:2] + names[:2] + names[2:]
            out.append(("dests", {key: {"value": w}}))
    return out


def self_test(path):
    import os
    import tempfile
    good = Pdf(path)
    if check(good, 1, 0, 0):
        sys.exit("%s: the good file does not pass; nothing to damage" % path)
    failures = 0
    with tempfile.TemporaryDirectory() as t:
        for rule, objs in mutations(good):
            head = dict(good.json["qpdf"][0])
            upd = os.path.join(t, "update.json")
            with open(upd, "w") as f:
                json.dump({"qpdf": [head, objs]}, f)
            damaged = os.path.join(t, "damaged.pdf")
            subprocess.run(["qpdf", "--update-from-json=" + upd, path, damaged], check=True)
            bad = check(Pdf(damaged), 1, 0, 0)
            if rule not in bad:
                print("%s: damaging %s is not found (found: %s)" % (path, rule, sorted(bad)))
                failures += 1
            else:
                print("ok  damaged %-10s found: %s" % (rule, bad[rule][0]))
    sys.exit(1 if failures else 0)


def main():
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "--self-test":
        self_test(args[1])
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    opts = {"--first-page": 1, "--bleed": 0.0, "--links": 0}
    files = []
    i = 0
    while i < len(args):
        if args[i] in opts:
            opts[args[i]] = type(opts[args[i]])(args[i + 1])
            i += 2
        else:
            files.append(args[i])
            i += 1
    if len(files) != 1:
        sys.exit(__doc__)
    bad = check(Pdf(files[0]), opts["--first-page"], opts["--bleed"], opts["--links"])
    for rule, what in RULES.items():
        if rule in bad:
            for msg in bad[rule][:5]:
                print("%s: %s: %s" % (files[0], rule, msg))
            if len(bad[rule]) > 5:
                print("%s: %s: … and %d more" % (files[0], rule, len(bad[rule]) - 5))
        elif verbose:
            print("ok  %-10s %s" % (rule, what))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
