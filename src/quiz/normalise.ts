/**
 * Unicode normalisation of a learner's input (QUIZ-FORMAT.md, "Reading the learner's input").
 * One pass, no Intl, no NFKC on the whole input (NFKC would turn `10²³` into `1023`); only
 * vulgar fractions are decomposed (`½` -> `1⁄2` -> `1/2`).
 * The ideographic full stop `。` is kept so the reader can reject it with a helpful message.
 */

// characters that show nothing but can ride along in copied or typed text: soft hyphen,
// Arabic letter mark, Mongolian vowel separator, zero-width space/joiners, left-to-right and
// right-to-left marks and embeddings, word joiner, bidi isolates, byte order mark
const INVISIBLE = /[\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
// mathematical bold, double-struck, sans-serif, sans-serif bold and monospace digits
// U+1D7CE–U+1D7FF (surrogate pairs): ten of each style, so the digit is the offset mod 10
const MATH_DIGIT = /\ud835[\udfce-\udfff]/g;
// superscript digits, ⁺ and ⁻; their compatibility forms are the digits, + and − (see SINGLE)
const SUPER = /[\u2070\xb2\xb3\xb9\u2074-\u207b]+/g;
// vulgar fractions ½ ¼ ¾ ⅐–⅞ ↉; their compatibility decomposition is `1⁄2` (with U+2044, see SINGLE)
const VULGAR = '[½¼¾\u2150-\u215e\u2189]';
// minus and dash look-alikes, multiplication signs, division slashes, π, ∞, 、【】｡ and √;
// the character at index i becomes entry i of SINGLE_AS
const SINGLE = '\u2212\u2013\u2010\u2011\u2012\uFE63×·⋅∙∗÷\u2215\u2044π∞、【】｡√';
const SINGLE_AS = '-|-|-|-|-|-|*|*|*|*|*|/|/|/|pi|inf|,|[|]|。|sqrt '.split('|');

/**
 * A line break separates the rows of a matrix, so it becomes `;`, except where a row cannot
 * end or begin (after `[ ( , ;`, before `] )`, at either end): there it is only a space.
 */
function lineBreak(run: string, at: number, text: string): string {
  const before = text[at - 1];
  const after = text[at + run.length];
  return before === undefined || after === undefined || '[(,;'.includes(before) || '])'.includes(after) ? ' ' : ';';
}

/**
 * Map one learner string to plain ASCII-ish text; never throws. A few whole-string passes,
 * in this order: drop invisible characters; full-width ASCII and mathematical digits to
 * ASCII; a run of superscripts to an exponent (10²³ -> 10^23, never 1023); vulgar fractions
 * (1½ is the mixed number 1 1/2); single look-alike characters; line breaks between rows to
 * `;`; every other run of spaces (any Unicode space) to one space.
 */
export function normaliseInput(raw: string): string {
  if (/^[\x21-\x7e ]*$/.test(raw)) return raw.replace(/ {2,}/g, ' ').trim(); // plain ASCII: fast path
  return raw
    .replace(INVISIBLE, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(MATH_DIGIT, (c) => String((c.charCodeAt(1) - 0xdfce) % 10))
    .replace(SUPER, (run) => '^' + run.normalize('NFKC'))
    .replace(RegExp(VULGAR, 'g'), (v, at: number, text: string) => (RegExp(`\\d|${VULGAR}`).test(text[at - 1] ?? '') ? ' ' : '') + v.normalize('NFKD'))
    .replace(RegExp(`[${SINGLE}]`, 'g'), (c) => SINGLE_AS[SINGLE.indexOf(c)]!)
    .trim()
    .replace(/\s*[\n\r\v\f\x85\u2028\u2029]\s*/g, lineBreak)
    .replace(/\s+/g, ' ')
    .trim();
}
