/**
 * The variants of a question after the page's first, from its note's quiz data file
 * (src/pages/[lang]/quiz-data/[topic].json.ts), fetched once a page. A question's entry is
 * either the list of its variants' HTML, or, when every variant is its text with other
 * numbers, one template and each variant's numbers: `{ t, n: [param names], v: [[values], …] }`,
 * filled in here as the quiz engine fills `{{name}}` at build time (`{{@}}` is the variant's
 * number, in element ids). The build checked that filling gives each variant's HTML exactly.
 *
 * Formulas come as TeX (`<span class="math-tex">`, src/integrations/rehype-math-tex.ts) and are
 * typeset here into what rehype-math puts in the page at build time, with the same Temml
 * version and options (src/integrations/math.ts). Like the build, a display formula sits in a
 * box that can take focus (it may scroll sideways, rehype-scrollable.ts) and a formula in a
 * label names itself (utils/math-label.ts).
 *
 * Its own chunk (with Temml), loaded only when a learner needs a variant other than the first.
 */
import { renderMath } from '../integrations/math.ts';

export type QuizData = Record<string, string[] | { t: string; n: string[]; v: string[][] }>;

const files = new Map<string, Promise<QuizData>>();
function quizData(url: string): Promise<QuizData> {
  let file = files.get(url);
  if (!file) {
    file = fetch(url).then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json() as Promise<QuizData>;
    });
    // A failed fetch (offline before the site was saved) is tried again next time.
    file.catch(() => files.delete(url));
    files.set(url, file);
  }
  return file;
}

/** Variant `index` (≥ 1) of an entry, formulas still TeX; the same `{{…}}` pattern as the engine's fillText. */
export function variantSource(entry: QuizData[string], index: number): string | undefined {
  if (Array.isArray(entry)) return entry[index - 1];
  const values = entry.v[index - 1];
  if (!values) return undefined;
  return entry.t.replace(/\{\{([^{}]*)\}\}/g, (whole, name: string) => (name === '@' ? String(index) : (values[entry.n.indexOf(name)] ?? whole)));
}

export function typeset(html: string): string {
  const variant = document.createElement('template');
  variant.innerHTML = html;
  for (const span of variant.content.querySelectorAll('.math-tex')) {
    const tex = span.textContent ?? '';
    const display = span.hasAttribute('data-display');
    const formula = document.createElement('template');
    formula.innerHTML = display ? `<div class="math-display" tabindex="0">${renderMath(tex, true)}</div>` : renderMath(tex, false);
    if (span.closest('label')) formula.content.querySelector('math')?.setAttribute('aria-label', tex.trim().replace(/\s+/g, ' '));
    span.replaceWith(formula.content);
  }
  return variant.innerHTML;
}

/**
 * Each question's variant 0 as the page had it, kept when the question first moves to another
 * variant (every move goes through variantHtml, and a question starts on variant 0).
 */
const firstVariants = new WeakMap<HTMLElement, string>();

/** Variant `index` of `question` (an <afm-question>, Quiz.astro), typeset. */
export async function variantHtml(question: HTMLElement, index: number): Promise<string> {
  if (!firstVariants.has(question)) firstVariants.set(question, question.querySelector('.q-body')!.innerHTML);
  if (!index) return firstVariants.get(question)!;
  const url = question.dataset.variants!;
  const id = question.id.slice('q-'.length);
  const entry = (await quizData(url))[id];
  const html = entry && variantSource(entry, index);
  if (html === undefined) throw new Error(`${url} has no variant ${index} of ${id}`);
  return typeset(html);
}
