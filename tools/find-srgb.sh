#!/bin/sh
# find-srgb.sh — prints the path of an sRGB ICC profile from a Debian package,
# for the PDF's output intent (src/render/pdfpost.c embeds it at build time).
#
# Asks dpkg where icc-profiles-free (tools/deps.sh installs it) or colord-data
# put their sRGB profile, then tries the usual paths; each candidate must be
# an ICC profile (signature "acsp" at byte 36) of an RGB colour space
# (bytes 16-19 "RGB "), version 2 or 4 (PDF/A-2 accepts both). Exit 1 with a
# message when none is found.
set -u
candidates=$( { dpkg -L icc-profiles-free colord-data 2>/dev/null | grep -i '/srgb[^/]*\.ic[cm]$';
                echo /usr/share/color/icc/sRGB.icc;
                echo /usr/share/color/icc/colord/sRGB.icc; } | awk '!seen[$0]++')
for f in $candidates; do
    [ -f "$f" ] || continue
    sig=$(dd if="$f" bs=1 skip=36 count=4 2>/dev/null)
    space=$(dd if="$f" bs=1 skip=16 count=4 2>/dev/null)
    major=$(od -An -tu1 -j8 -N1 "$f" 2>/dev/null | tr -d ' ')
    if [ "$sig" = acsp ] && [ "$space" = "RGB " ] && { [ "$major" = 2 ] || [ "$major" = 4 ]; }; then
        echo "$f"
        exit 0
    fi
done
echo "find-srgb.sh: no sRGB ICC profile found; install icc-profiles-free (apt-get install icc-profiles-free)" >&2
exit 1
