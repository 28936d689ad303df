"""Writes a one-page PDF with the word "Footnote" and a horizontal rule:
through the word (struck) or 6 pt under it (clear), to test that
tests/check_overlap.py notices text struck through by a rule.

usage: struck_pdf.py OUT.pdf struck|clear"""
import sys

out, mode = sys.argv[1], sys.argv[2]
rule_y = 103 if mode == "struck" else 94  # the text's baseline is at y 100
content = f"BT /F1 12 Tf 72 100 Td (Footnote) Tj ET 0.5 w 60 {rule_y} m 300 {rule_y} l S".encode()
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
pdf = b"%PDF-1.4\n"
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    pdf += b"%010d 00000 n \n" % off
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(out, "wb").write(pdf)
