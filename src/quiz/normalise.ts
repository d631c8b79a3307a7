/**
 * Unicode normalisation of a learner's input (QUIZ-FORMAT.md, "Reading the learner's input").
 * One pass, no Intl, no NFKC on the whole input (NFKC would turn `10²³` into `1023`); only
 * vulgar fractions are decomposed (`½` -> `1⁄2` -> `1/2`).
 * The ideographic full stop `。` is kept so the reader can reject it with a helpful message.
 */

// superscript digits, ⁺ and ⁻; their compatibility forms are the digits, + and − (see SINGLE)
const SUPER = /[\u2070\xb2\xb3\xb9\u2074-\u207b]+/g;
// vulgar fractions ½ ¼ ¾ ⅐–⅞ ↉; their compatibility decomposition is `1⁄2` (with U+2044, see SINGLE)
const VULGAR = '[½¼¾\u2150-\u215e\u2189]';
// minus and dash look-alikes, multiplication signs, division slashes, π, ∞, 、【】｡ and √;
// the character at index i becomes entry i of SINGLE_AS
const SINGLE = '\u2212\u2013\u2010\u2011\u2012\uFE63×·⋅∙∗÷\u2215\u2044π∞、【】｡√';
const SINGLE_AS = '-|-|-|-|-|-|*|*|*|*|*|/|/|/|pi|inf|,|[|]|。|sqrt '.split('|');

/**
 * Map one learner string to plain ASCII-ish text; never throws. A few whole-string passes,
 * in this order: drop zero-width characters; full-width ASCII to ASCII; a run of superscripts
 * to an exponent (10²³ -> 10^23, never 1023); vulgar fractions (1½ is the mixed number 1 1/2);
 * single look-alike characters; every run of spaces (any Unicode space) to one space.
 */
export function normaliseInput(raw: string): string {
  if (/^[\x21-\x7e ]*$/.test(raw)) return raw.replace(/ {2,}/g, ' ').trim(); // plain ASCII: fast path
  return raw
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SUPER, (run) => '^' + run.normalize('NFKC'))
    .replace(RegExp(VULGAR, 'g'), (v, at: number, text: string) =>
      (RegExp(`\\d|${VULGAR}`).test(text[at - 1] ?? '') ? ' ' : '') + v.normalize('NFKD'),
    )
    .replace(RegExp(`[${SINGLE}]`, 'g'), (c) => SINGLE_AS[SINGLE.indexOf(c)]!)
    .replace(/\s+/g, ' ')
    .trim();
}
