#!/usr/bin/env python3
"""ofd_to_svg.py OFD PAGE OUT.svg — draws page PAGE (1-based) of an OFD
package as SVG, from the package alone (zipfile + ElementTree): PathObjects
with their boundary, CTM, clips, fills, strokes and dashes; TextObjects as
text placed character by character at TextCode X/DeltaX (in the family the
package names; the SVG renderer finds it through fontconfig).

A second reading of our packages: the test rasterizes the SVG with
rsvg-convert and compares it with the PDF page, so a wrong path, colour or
position shows. It is ours, not an independent OFD implementation."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

NS = "http://www.ofdspec.org/2016"
Q = lambda t: "{%s}%s" % (NS, t)


def nums(s):
    out, toks, i = [], (s or "").split(), 0
    while i < len(toks):
        if toks[i] == "g":
            out += [float(toks[i + 2])] * int(toks[i + 1])
            i += 3
        else:
            out.append(float(toks[i]))
            i += 1
    return out


def svg_path(data):
    """OFD abbreviated data (M L B Q A C S) to SVG path data."""
    toks = (data or "").split()
    out, i = [], 0
    while i < len(toks):
        op = toks[i]
        i += 1
        n = {"M": 2, "S": 2, "L": 2, "B": 6, "Q": 4, "A": 7, "C": 0}.get(op)
        if n is None:
            raise ValueError("unknown path operator %r" % op)
        args = toks[i:i + n]
        i += n
        out.append({"S": "M", "B": "C", "C": "Z"}.get(op, op) + " " + " ".join(args))
    return " ".join(out)


def main():
    path, page_no, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    z = zipfile.ZipFile(path)
    root = ET.fromstring(z.read("OFD.xml"))
    docroot = root.find(Q("DocBody")).findtext(Q("DocRoot"))
    base = docroot.rsplit("/", 1)[0] + "/"
    doc = ET.fromstring(z.read(docroot))
    cd = doc.find(Q("CommonData"))
    box = nums(cd.findtext(Q("PageArea") + "/" + Q("PhysicalBox")))
    spaces, fonts = {}, {}
    for loc in [e.text for e in cd.findall(Q("PublicRes"))] + [e.text for e in cd.findall(Q("DocumentRes"))]:
        res = ET.fromstring(z.read(base + loc))
        for cs in res.iter(Q("ColorSpace")):
            spaces[cs.get("ID")] = cs.get("Type")
        for f in res.iter(Q("Font")):
            fonts[f.get("ID")] = f
    page = doc.findall(Q("Pages") + "/" + Q("Page"))[page_no - 1]
    content = ET.fromstring(z.read(base + page.get("BaseLoc")))

    def color(e, default):
        if e is None:
            return default
        v = [int(x) for x in e.get("Value", "0").split()]
        if spaces.get(e.get("ColorSpace")) == "GRAY" or len(v) == 1:
            v = v * 3
        return "rgb(%d,%d,%d)" % tuple(v[:3])

    clip_n = [0]
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%gmm" height="%gmm" viewBox="0 0 %g %g">'
             % (box[2], box[3], box[2], box[3]), '<rect width="100%" height="100%" fill="white"/>']

    def unit_open(e):
        b = nums(e.get("Boundary"))
        clip_n[0] += 1
        cid = "c%d" % clip_n[0]
        # the boundary clips the unit
        parts.append('<clipPath id="%s"><rect x="%g" y="%g" width="%g" height="%g"/></clipPath>'
                     % (cid, b[0], b[1], b[2], b[3]))
        parts.append('<g clip-path="url(#%s)"><g transform="translate(%g %g)">' % (cid, b[0], b[1]))
        ctm = nums(e.get("CTM")) if e.get("CTM") else None
        if ctm:
            parts.append('<g transform="matrix(%s)">' % " ".join("%g" % v for v in ctm))
        close = "</g></g>" + ("</g>" if ctm else "")
        for clip in e.findall(Q("Clips") + "/" + Q("Clip")):
            for area in clip.findall(Q("Area")):
                p = area.find(Q("Path"))
                if p is None:
                    continue
                clip_n[0] += 1
                cid = "c%d" % clip_n[0]
                parts.append('<clipPath id="%s"><path d="%s"/></clipPath>'
                             % (cid, svg_path(p.findtext(Q("AbbreviatedData")))))
                parts.append('<g clip-path="url(#%s)">' % cid)
                close = "</g>" + close
        return close

    for e in content.iter():
        if e.tag == Q("PathObject"):
            close = unit_open(e)
            fill = color(e.find(Q("FillColor")), "black") if e.get("Fill") == "true" else "none"
            stroke = color(e.find(Q("StrokeColor")), "black") if e.get("Stroke", "true") == "true" else "none"
            dash = e.get("DashPattern")
            parts.append('<path d="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="%s"%s/>'
                         % (svg_path(e.findtext(Q("AbbreviatedData"))), fill, stroke,
                            e.get("LineWidth", "0.353"), (e.get("Join") or "miter").lower(),
                            ' stroke-dasharray="%s"' % dash if dash else ""))
            parts.append(close)
        elif e.tag == Q("TextObject"):
            close = unit_open(e)
            f = fonts[e.get("Font")]
            fill = color(e.find(Q("FillColor")), "black")
            for tc in e.findall(Q("TextCode")):
                s = tc.text or ""
                x, y = float(tc.get("X")), float(tc.get("Y"))
                dx = nums(tc.get("DeltaX"))
                xs = [x]
                for d in dx:
                    xs.append(xs[-1] + d)
                family = f.get("FamilyName") or f.get("FontName")
                # one element per character: librsvg takes only the first
                # value of an x list
                parts.append('<g font-family=%s font-weight="%s" font-size="%s" fill="%s">'
                             % (quoteattr(family), "bold" if f.get("Bold") == "true" else "normal",
                                e.get("Size"), fill))
                for ch, cx in zip(s, xs):
                    if not ch.isspace():
                        parts.append('<text x="%.3f" y="%g">%s</text>' % (cx, y, escape(ch)))
                parts.append("</g>")
            parts.append(close)
    parts.append("</svg>")
    open(out, "w").write("\n".join(parts))


if __name__ == "__main__":
    main()
