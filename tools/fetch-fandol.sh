#!/bin/sh
# fetch-fandol.sh OUTDIR — puts the Fandol fonts (FandolFang-Regular.otf,
# FandolKai-Regular.otf) and their licence text into OUTDIR, for
# tools/make-fonts.py.
#
# They ship in Debian's texlive-lang-chinese, a 49 MB package we do not
# install (it would pull in TeX Live): apt-get download fetches the .deb
# (apt checks it against the signed package lists), cached in out/deb/;
# dpkg-deb checks that it is a well-formed package of that name and lists
# the files we take; only those are extracted. Run by `make fonts`, never by
# `make`: the prepared fonts are committed.
set -eu
out=${1:?usage: fetch-fandol.sh OUTDIR}
pkg=texlive-lang-chinese
cache=out/deb
fandol=./usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
doc=./usr/share/doc/texlive-doc/fonts/fandol
files="$fandol/FandolFang-Regular.otf $fandol/FandolKai-Regular.otf $doc/COPYING.gz $doc/README"

mkdir -p "$cache" "$out"
deb=$(ls "$cache"/${pkg}_*.deb 2>/dev/null | tail -n 1 || true)
if [ -z "$deb" ]; then
    echo "fetch-fandol: downloading Debian's $pkg (49 MB, once; cached in $cache/) for the Fandol fonts"
    # apt-get download writes into the working directory.
    (cd "$cache" && apt-get download "$pkg") || {
        echo "fetch-fandol: apt-get download $pkg failed; run 'apt-get update' (as root) and make fonts again" >&2
        exit 1
    }
    deb=$(ls "$cache"/${pkg}_*.deb | tail -n 1)
fi
name=$(dpkg-deb --field "$deb" Package 2>/dev/null || true)
if [ "$name" != "$pkg" ]; then
    echo "fetch-fandol: $deb is not a valid $pkg package; removing it, run make fonts again" >&2
    rm -f "$deb"
    exit 1
fi
listing=$(dpkg-deb --contents "$deb")
for f in $files; do
    printf '%s\n' "$listing" | grep -q " $f\$" || {
        echo "fetch-fandol: $deb has no $f" >&2
        exit 1
    }
done
echo "fetch-fandol: $(basename "$deb"): extracting the Fandol fonts into $out/"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086 # the file list is word-split on purpose
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" $files
for f in $files; do
    cp "$tmp/$f" "$out/"
done
gzip -dc "$out/COPYING.gz" >"$out/COPYING" && rm -f "$out/COPYING.gz"
dpkg-deb --field "$deb" Version >"$out/VERSION"
