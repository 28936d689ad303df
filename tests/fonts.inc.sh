# tests/fonts.inc.sh — which face a text is set in. Sourced by tests/run.sh:
# uses ok/ko/check, $BIN, $T, $PY.
#
# Texts are set on the prepared faces of fonts/ through a font map of their
# own; a text with a character they lack is set, whole, in the full face
# (Debian's Noto CJK; LXGW WenKai for the official 楷体) through a second
# map made only then. Both must print every character, in the face named.

mkdir -p "$T/fonts"
"$PY" - "$T/fonts" <<'PYEOF'
import json, sys
t = sys.argv[1]
s = json.load(open("tests/good/minimal.json", encoding="utf-8"))
s["sections"][0]["blocks"][1]["text"] = "朱镕基与王喆、李昇到访。正文照常。"
s["sections"].append({"title": "再一节", "blocks": [{"type": "text", "text": "只用常用字的一段。"}]})
json.dump(s, open(f"{t}/rare.json", "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
for style in default gongwen; do
    args=""
    [ "$style" = gongwen ] && args="--style gongwen"
    # shellcheck disable=SC2086
    if "$BIN" $args -o "$T/fonts/rare-$style.pdf" "$T/fonts/rare.json" 2>/dev/null; then
        fonts=$(pdffonts "$T/fonts/rare-$style.pdf" 2>/dev/null | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort -u | tr '\n' ' ')
        text=$(pdftotext "$T/fonts/rare-$style.pdf" - 2>/dev/null | tr -d ' \n')
        full=NotoSansCJKsc-Regular
        [ "$style" = gongwen ] && full=NotoSerifCJKsc-Regular
        prepared=FactsheetSansSC-Regular
        [ "$style" = gongwen ] && prepared=FactsheetFangSC-Regular
        case "$text" in
        *朱镕基与王喆、李昇到访。正文照常。*只用常用字的一段。*)
            if printf '%s\n' $fonts | grep -qx "$full" && printf '%s\n' $fonts | grep -qx "$prepared"; then
                ok "$style: a text with rare characters is set whole in the full face ($full), the others in $prepared"
            else
                ko "$style: a text with rare characters is set whole in the full face" "fonts: $fonts"
            fi ;;
        *) ko "$style: a text with rare characters prints every character" "text: $text" ;;
        esac
    else
        ko "$style: a text with rare characters renders"
    fi
done
