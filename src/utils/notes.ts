/**
 * Notes as the site sees them: where each lives (URL), how they group into areas, and the
 * check that every note exists in both languages. Preconditions: entries come from the
 * `notes` collection, whose ids look like `en/information-theory/index`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { areaIds, type AreaId } from './areas.ts';
import { languages, type Lang } from './lang.ts';
import { checkReferences } from './references.ts';
import { calculatorInfo } from '../components/calculators/info.ts';

export type NoteEntry = CollectionEntry<'notes'>;

export type Note = {
  entry: NoteEntry;
  lang: Lang;
  /** Path below the language folder without extension: `information-theory/index`, `guide`. */
  path: string;
  /** Unique across the site: the file name, or the area id for an overview. */
  slug: string;
  area: AreaId | 'site';
  /** Site-relative route without base: `information-theory/` or `information-theory/entropy/`. */
  route: string;
  /** The source file, relative to the repository root. */
  sourceFile: string;
};

function toNote(entry: NoteEntry): Note {
  const [lang, ...rest] = entry.id.split('/');
  const path = rest.join('/');
  const parts = path.split('/');
  const isOverview = parts.length === 2 && parts[1] === 'index';
  const slug = isOverview ? (parts[0] ?? path) : (parts.at(-1) ?? path);
  const route = isOverview ? `${parts[0]}/` : `${path}/`;
  return {
    entry,
    lang: lang as Lang,
    path,
    slug,
    area: entry.data.area,
    route,
    sourceFile: entry.filePath ?? `content/${entry.id}.mdx`,
  };
}

let cache: Promise<Note[]> | undefined;
let quizzesOnce: Promise<CollectionEntry<'quizzes'>[]> | undefined;
let glossaryOnce: Promise<CollectionEntry<'glossary'>[]> | undefined;
let questionCountsOnce: Promise<Map<string, number>> | undefined;

/**
 * The quiz and glossary collections, read once a build. Every note page needs them (sidebar,
 * quiz, search terms), and getCollection copies a collection on each call and, when it is empty
 * (content without quizzes or glossary terms), logs a warning on each call: one per page.
 */
export function allQuizzes(): Promise<CollectionEntry<'quizzes'>[]> {
  return (quizzesOnce ??= getCollection('quizzes'));
}
export function allGlossary(): Promise<CollectionEntry<'glossary'>[]> {
  return (glossaryOnce ??= getCollection('glossary'));
}

/** Each quiz's number of questions by topic: progress-marks.ts shows mastery beside a link from them. */
export function questionCounts(): Promise<Map<string, number>> {
  return (questionCountsOnce ??= allQuizzes().then((quizzes) => new Map(quizzes.map(({ data }) => [data.topic, data.questions.length]))));
}

/**
 * All notes of both languages. Fails the build, naming the file, when a note exists in one
 * language only, when a folder and the `area` field disagree, when two notes share a slug, or
 * when a reference between collections has no target (see references.ts).
 */
export function allNotes(): Promise<Note[]> {
  cache ??= getCollection('notes').then(async (entries) => {
    const notes = entries.map(toNote);
    const byLang = new Map(languages.map((lang) => [lang, new Set(notes.filter((n) => n.lang === lang).map((n) => n.path))]));
    for (const note of notes) {
      for (const other of languages) {
        if (!byLang.get(other)?.has(note.path)) {
          throw new Error(`${note.sourceFile}: this note has no ${other} counterpart (expected content/${other}/${note.path}.md or .mdx)`);
        }
      }
      const folder = note.path.includes('/') ? note.path.split('/')[0] : 'site';
      if (folder !== note.area) {
        throw new Error(`${note.sourceFile}: field area is "${note.area}" but the file is in the "${folder}" folder`);
      }
    }
    for (const lang of languages) {
      const seen = new Map<string, string>();
      for (const note of notes.filter((n) => n.lang === lang)) {
        const clash = seen.get(note.slug);
        if (clash) throw new Error(`${note.sourceFile}: slug "${note.slug}" is already used by ${clash}; file names must be unique`);
        seen.set(note.slug, note.sourceFile);
      }
    }
    const [glossary, quizzes] = await Promise.all([allGlossary(), allQuizzes()]);
    checkReferences({
      notes: notes.map((n) => ({ slug: n.slug, lang: n.lang, file: n.sourceFile, body: n.entry.body ?? '' })),
      // The calculators belong to the site's own notes: a build of other content (a test
      // fixture, AFM_CONTENT_DIR) checks the notes' <Calculator> ids but not the calculators' notes.
      calculators: process.env.AFM_CONTENT_DIR ? [] : Object.entries(calculatorInfo).map(([id, info]) => ({ id, note: info.note })),
      calculatorIds: Object.keys(calculatorInfo),
      calculatorsFile: 'src/components/calculators/info.ts',
      glossary: glossary.map(({ data }) => ({ id: data.id, note: data.note, file: data.file })),
      quizzes: quizzes.map(({ data }) => ({ topic: data.topic, file: data.file })),
    });
    return notes;
  });
  return cache;
}

/** Lists made from one array of notes, kept so that each page does not filter and sort the whole site again. */
const listsOf = new WeakMap<Note[], Map<string, readonly Note[]>>();
function listOnce(notes: Note[], key: string, make: () => Note[]): readonly Note[] {
  let lists = listsOf.get(notes);
  if (!lists) listsOf.set(notes, (lists = new Map()));
  let list = lists.get(key);
  if (!list) lists.set(key, (list = make()));
  return list;
}

/** The notes of one area in one language, overview first, then by `order`. */
export function notesOfArea(notes: Note[], lang: Lang, area: AreaId): readonly Note[] {
  return listOnce(notes, `${lang}/${area}`, () =>
    notes.filter((n) => n.lang === lang && n.area === area).sort((a, b) => a.entry.data.order - b.entry.data.order || a.slug.localeCompare(b.slug)),
  );
}

/** Reading order across the whole site: areas in teaching order, notes by order. */
export function readingOrder(notes: Note[], lang: Lang): readonly Note[] {
  return listOnce(notes, lang, () => areaIds.flatMap((area) => notesOfArea(notes, lang, area)));
}

/** A site-relative href (with base) for a route like `information-theory/`. */
export function href(lang: Lang, route = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${lang}/${route}`;
}
