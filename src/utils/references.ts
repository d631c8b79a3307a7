/**
 * The one check of references between collections: calculator → note (registry), glossary
 * entry → note, quiz → note (its topic), and note → calculator (`<Calculator id="…">` in any
 * note, the guide included, and links to a calculator's place on the calculators page,
 * `/en/calculators/#calc-<id>`). Pure: it gets plain lists and returns or throws; `allNotes()` in
 * notes.ts runs it on the real collections, so a dangling reference fails the build (and dev)
 * naming the file that refers and the target that is missing.
 */

/** A note as the check sees it: its slug, its language, its source file and its MDX body. */
export type NoteRef = { slug: string; lang: string; file: string; body: string };

export type ReferenceSources = {
  notes: NoteRef[];
  /** Calculator id → the slug of the note that teaches it. */
  calculators: Array<{ id: string; note: string }>;
  /** The ids `<Calculator>` may use; by default those of `calculators`. */
  calculatorIds?: string[];
  /** The file that declares the calculators (named in messages). */
  calculatorsFile: string;
  glossary: Array<{ id: string; note: string; file: string }>;
  quizzes: Array<{ topic: string; file: string }>;
};

export type ReferenceProblem = { file: string; message: string };

/** Fenced code blocks and inline code are shown, not rendered: a `<Calculator>` inside is no use. */
function withoutCode(body: string): string {
  return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/**
 * The calculator ids a note embeds, in order. A `<Calculator>` whose id is not a plain string
 * (or is missing) comes back as null so the check can name it rather than pass it by.
 */
export function calculatorUses(body: string): Array<string | null> {
  const uses: Array<string | null> = [];
  for (const tag of withoutCode(body).matchAll(/<Calculator\b([^>]*)>/g)) {
    const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/.exec(tag[1] ?? '');
    uses.push(id ? (id[1] ?? id[2] ?? id[3] ?? '') : null);
  }
  return uses;
}

/** The calculator ids a note links to on the calculators page: `](/zh/calculators/#calc-attention)`. */
export function calculatorLinks(body: string): string[] {
  return [...withoutCode(body).matchAll(/\]\(\s*(?:\/[a-z]{2})?\/calculators\/#calc-([^)\s]+)\s*\)/g)].map((m) => m[1] ?? '');
}

/** Every dangling reference, in a stable order (empty when all is well). */
export function referenceProblems(src: ReferenceSources): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const langs = [...new Set(src.notes.map((n) => n.lang))].sort();
  const slugsOf = new Map(langs.map((lang) => [lang, new Set(src.notes.filter((n) => n.lang === lang).map((n) => n.slug))]));
  /** The languages in which no note has this slug (a target must exist in every language). */
  const missingIn = (slug: string) => langs.filter((lang) => !slugsOf.get(lang)?.has(slug));
  const noteTarget = (slug: string) => {
    const missing = missingIn(slug);
    return missing.length === 0 ? null : `no note has the slug "${slug}"${missing.length < langs.length ? ` in ${missing.join(', ')}` : ''}`;
  };

  for (const calc of src.calculators) {
    const why = noteTarget(calc.note);
    if (why) problems.push({ file: src.calculatorsFile, message: `calculator "${calc.id}", field note: ${why}` });
  }
  for (const entry of src.glossary) {
    const why = noteTarget(entry.note);
    if (why) problems.push({ file: entry.file, message: `glossary entry "${entry.id}", field note: ${why}` });
  }
  for (const quiz of src.quizzes) {
    const why = noteTarget(quiz.topic);
    if (why) problems.push({ file: quiz.file, message: `field topic: ${why} (a quiz's topic is its note's file name, or an area id for the overview)` });
  }
  const calculatorIds = new Set(src.calculatorIds ?? src.calculators.map((c) => c.id));
  for (const note of src.notes) {
    for (const id of calculatorUses(note.body)) {
      if (id === null) problems.push({ file: note.file, message: '<Calculator> needs id="…" written as a plain string' });
      else if (!calculatorIds.has(id)) {
        problems.push({ file: note.file, message: `<Calculator id="${id}">: no calculator has that id (known: ${[...calculatorIds].sort().join(', ')})` });
      }
    }
    for (const id of calculatorLinks(note.body)) {
      if (!calculatorIds.has(id)) problems.push({ file: note.file, message: `link to the calculators page #calc-${id}: no calculator has the id "${id}"` });
    }
  }
  return problems;
}

/** Throws one error listing every dangling reference, each as "file: what is missing". */
export function checkReferences(src: ReferenceSources): void {
  const problems = referenceProblems(src);
  if (problems.length === 0) return;
  throw new Error(`Broken reference${problems.length === 1 ? '' : 's'} between collections:\n` + problems.map((p) => `  ${p.file}: ${p.message}`).join('\n'));
}
