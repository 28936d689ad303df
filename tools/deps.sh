#!/bin/sh
# deps.sh build|test|fonts|fuzz — makes sure this Debian (or UOS/Kylin) machine has what
# factsheet needs, and installs what is missing with apt-get.
#
# Silent when everything is there. Runs apt-get update first when the package
# lists are missing or older than a week (and once more if an install fails),
# through sudo when not root; when neither works it stops and prints the
# exact command to run.
set -u
mode=${1:-build}
missing=""

need() { # need PACKAGE: add once
    case " $missing " in *" $1 "*) ;; *) missing="$missing $1" ;; esac
}

command -v cc >/dev/null 2>&1 || need gcc
command -v pkg-config >/dev/null 2>&1 || need pkg-config
if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists cairo || need libcairo2-dev
    pkg-config --exists pangocairo pangoft2 || need libpango1.0-dev
    pkg-config --exists fontconfig || need libfontconfig-dev
    pkg-config --exists jansson || need libjansson-dev
    pkg-config --exists libqpdf || need libqpdf-dev
    # --format ofd: the zip package, its XML, the font subsets
    pkg-config --exists libzip || need libzip-dev
    pkg-config --exists libxml-2.0 || need libxml2-dev
    pkg-config --exists harfbuzz-subset || need libharfbuzz-dev
else
    need libcairo2-dev; need libpango1.0-dev; need libfontconfig-dev; need libjansson-dev
    need libqpdf-dev; need libzip-dev; need libxml2-dev; need libharfbuzz-dev
fi
# The sRGB profile the PDF's output intent embeds (tools/find-srgb.sh).
sh "$(dirname "$0")/find-srgb.sh" >/dev/null 2>&1 || need icc-profiles-free
for f in NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc NotoSerifCJK-Regular.ttc NotoSerifCJK-Bold.ttc; do
    [ -f "/usr/share/fonts/opentype/noto/$f" ] || need fonts-noto-cjk
done
[ -f /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf ] || need fonts-lxgw-wenkai
command -v msgfmt >/dev/null 2>&1 || need gettext

if [ "$mode" = fuzz ]; then
    command -v clang >/dev/null 2>&1 || need clang
    ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
        need libclang-rt-14-dev
fi

if [ "$mode" = fonts ]; then
    /usr/bin/python3 -c "import fontTools" 2>/dev/null || need python3-fonttools
fi

if [ "$mode" = test ]; then
    command -v pdftoppm >/dev/null 2>&1 || need poppler-utils
    command -v qpdf >/dev/null 2>&1 || need qpdf
    command -v clang-format >/dev/null 2>&1 || need clang-format   # make check-format
    pkg-config --exists cmocka 2>/dev/null || need libcmocka-dev
    command -v valgrind >/dev/null 2>&1 || need valgrind
    command -v man >/dev/null 2>&1 || need man-db        # the manual page is tested
    command -v groff >/dev/null 2>&1 || need groff-base
    [ -x /usr/bin/python3 ] || need python3
    /usr/bin/python3 -c "import jsonschema" 2>/dev/null || need python3-jsonschema
    command -v unzip >/dev/null 2>&1 || need unzip                # OFD packages are opened
    command -v rsvg-convert >/dev/null 2>&1 || need librsvg2-bin  # OFD pages drawn back
    # the independent OFD reader: ofd.js (npm, into out/ofdjs) in headless chromium
    command -v chromium >/dev/null 2>&1 || need chromium
    command -v chromedriver >/dev/null 2>&1 || need chromium-driver
    command -v npm >/dev/null 2>&1 || need npm
fi

# The Chinese messages are tested for real: a bare Debian has no zh_CN locale.
need_locale=""
if [ "$mode" = test ] && ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    [ -f /usr/share/i18n/locales/zh_CN ] && command -v localedef >/dev/null 2>&1 || need locales
    need_locale=1
fi

if [ -z "$missing" ] && [ -z "$need_locale" ]; then
    exit 0
fi

cmd="apt-get install -y --no-install-recommends$missing"
[ -n "$missing" ] && echo "deps.sh: installing:$missing"
if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "deps.sh: not root and no sudo. Run as root, then make again:" >&2
    echo "    apt-get update && $cmd" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
lists_fresh() {
    [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mtime -7 2>/dev/null | head -n 1)" ]
}
if ! lists_fresh; then
    $sudo apt-get update -q || { echo "deps.sh: apt-get update failed; run: sudo apt-get update && sudo $cmd" >&2; exit 1; }
fi
if [ -n "$missing" ] && ! $sudo $cmd; then
    $sudo apt-get update -q && $sudo $cmd || {
        echo "deps.sh: could not install the packages. Run, then make again:" >&2
        echo "    sudo apt-get update && sudo $cmd" >&2
        exit 1
    }
fi
if [ -n "$need_locale" ]; then
    echo "deps.sh: generating the zh_CN.UTF-8 locale for the Chinese message tests"
    $sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 || {
        echo "deps.sh: could not generate zh_CN.UTF-8; run: sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8" >&2
        exit 1
    }
fi
