#!/usr/bin/env bash
# Makes src/styles/fonts/stix-two-math-subset.woff2: STIX Two Math (OFL, from @fontsource/stix-two-math)
# cut down to what formulas use, with its OpenType MATH table and the size variants it points to.
# The whole font is 403 KB; Lighthouse's first paint waited for it on every note (BENCHMARKS.md §4).
# Kept: ASCII, Greek, and every other character found in a <math> of the built site (run after
# `npm run build`); hinting dropped (browsers draw math glyphs well without it). A character
# outside it still shows, in the browser's own math font. 26 KB: every byte of it is fetched
# before a formula note's first paint on a slow phone (BENCHMARKS.md §7b). Needs Python's
# fontTools and brotli (pip install fonttools brotli).
set -euo pipefail
dist=${1:-dist}
font=node_modules/@fontsource/stix-two-math/files/stix-two-math-latin-400-normal.woff2
chars=$(mktemp)
find "$dist" \( -name '*.html' -o -name '*.json' \) -print0 | xargs -0 cat |
  python3 -c 'import re,sys; t="".join(re.sub(r"<[^>]+>","",m) for m in re.findall(r"<math\b.*?</math>", sys.stdin.read(), re.S)); print("".join(sorted({c for c in t if not ("\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")})))' >"$chars"
pyftsubset "$font" --text-file="$chars" --unicodes='U+0020-007E,U+0391-03C9' --layout-features='*' --no-hinting --flavor=woff2 \
  --output-file=src/styles/fonts/stix-two-math-subset.woff2
# What the file covers, for tests/built/site.test.ts: every character in a built formula must be in it.
python3 -c 'import sys; from fontTools.ttLib import TTFont; print("".join(sorted(chr(c) for c in TTFont(sys.argv[1]).getBestCmap())))' \
  src/styles/fonts/stix-two-math-subset.woff2 >src/styles/fonts/stix-two-math-subset.chars.txt
rm "$chars"
ls -l src/styles/fonts/stix-two-math-subset.woff2
