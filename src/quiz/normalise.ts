/**
 * Unicode normalisation of a learner's input (QUIZ-FORMAT.md, "Reading the learner's input").
 * One pass, no Intl, no NFKC (NFKC would turn `10²³` into `1023` and `½` into `1⁄2`).
 * The ideographic full stop `。` is kept so the reader can reject it with a helpful message.
 */

const VULGAR = new Map<string, string>(Object.entries({
  '½': '1/2', '⅓': '1/3', '⅔': '2/3', '¼': '1/4', '¾': '3/4', '⅕': '1/5', '⅖': '2/5',
  '⅗': '3/5', '⅘': '4/5', '⅙': '1/6', '⅚': '5/6', '⅐': '1/7', '⅛': '1/8', '⅜': '3/8',
  '⅝': '5/8', '⅞': '7/8', '⅑': '1/9', '⅒': '1/10', '↉': '0/3',
}));
const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SINGLE = new Map<string, string>(Object.entries({
  '\u2212': '-', '\u2013': '-', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\uFE63': '-',
  '×': '*', '·': '*', '⋅': '*', '∙': '*', '∗': '*',
  '÷': '/', '\u2215': '/', '\u2044': '/',
  'π': 'pi', '∞': 'inf', '、': ',', '【': '[', '】': ']', '｡': '。',
}));

function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

/** Map one learner string to plain ASCII-ish text; never throws. */
export function normaliseInput(raw: string): string {
  if (/^[\x21-\x7e ]*$/.test(raw)) return raw.replace(/ {2,}/g, ' ').trim(); // plain ASCII: fast path
  let out = '';
  let pendingSpace = false;
  let inSuper = false;
  for (const ch of raw) {
    let c = ch.codePointAt(0)!;
    if (isSpace(c)) {
      pendingSpace = out.length > 0;
      inSuper = false;
      continue;
    }
    if (c === 0x200b || c === 0xfeff || c === 0x200c || c === 0x200d) continue; // zero-width
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
    let s = String.fromCodePoint(c);
    const sup = SUPER.indexOf(s);
    if (sup >= 0 || s === '⁻' || s === '⁺') {
      const digit = sup >= 0 ? String(sup) : s === '⁻' ? '-' : '+';
      // superscripts after a base become an exponent: 10²³ -> 10^23, never 1023
      if (!inSuper) {
        if (pendingSpace) out += ' ';
        out += '^';
      }
      out += digit;
      inSuper = true;
      pendingSpace = false;
      continue;
    }
    inSuper = false;
    if (s === '√') {
      s = 'sqrt ';
    } else if (VULGAR.has(s)) {
      // 1½ is the mixed number 1 1/2
      s = (/[0-9]$/.test(out) && !pendingSpace ? ' ' : '') + VULGAR.get(s)!;
    } else if (SINGLE.has(s)) {
      s = SINGLE.get(s)!;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += s;
  }
  // 'sqrt ' may leave a double or trailing space
  return out.replace(/ {2,}/g, ' ').trim();
}
