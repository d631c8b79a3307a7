/**
 * Where the learner stands, read straight from the stored progress (no quiz code, no store):
 * "N due today" in the header and on the home page, a mastery mark beside each note with a
 * quiz in the sidebar and on area pages, and "continue where you left off" on the home page.
 * The header script loads this only when progress is stored, so a first visit pays nothing.
 *
 * It reads the stored JSON as it is, of any version: records written before version 3 have
 * no review count, so attempts stand in for it.
 */
type StoredRecord = { attempts?: number; reviews?: number; due?: string; stability?: number; seenAt?: string; lastAt?: string };

/** Stability (days of 90% recall) from which a question counts as mastered: a week. */
const MASTERED_DAYS = 7;

export function showProgressMarks(text: string): void {
  let questions: Record<string, StoredRecord>;
  try {
    questions = (JSON.parse(text) as { questions?: Record<string, StoredRecord> }).questions ?? {};
  } catch {
    return; // The quiz and progress pages say what is wrong with it; here there is nothing to show.
  }
  const records = Object.entries(questions);
  const now = Date.now();
  const due = records.filter(([, r]) => (r.reviews ?? r.attempts ?? 0) > 0 && Date.parse(r.due ?? '') <= now).length;
  for (const el of document.querySelectorAll<HTMLElement>('.due-count')) {
    if (!due) continue;
    el.textContent = (el.dataset.text ?? '').replace('{n}', String(due));
    el.hidden = false;
  }

  // Mastery per note: data-topic and data-questions on the note links of the sidebar (Sidebar.astro)
  // and of the home page's map.
  const nav = document.getElementById('site-nav');
  const label = (state: string) => nav?.dataset[state] ?? '';
  const states = new Map<string, string>();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-topic]')) {
    const mine = records.filter(([key]) => key.startsWith(`${link.dataset.topic}/`)).map(([, r]) => r);
    const mastered = mine.filter((r) => (r.stability ?? 0) >= MASTERED_DAYS).length >= Number(link.dataset.questions);
    const state = mastered ? 'mastered' : mine.some((r) => r.attempts || r.seenAt) ? 'practising' : 'notStarted';
    states.set(link.pathname, state);
  }
  const mark = (link: HTMLAnchorElement) => {
    const state = states.get(link.pathname);
    if (!state || link.querySelector('.mastery-mark')) return;
    const span = document.createElement('span');
    span.className = 'mastery-mark';
    span.dataset.state = state;
    span.title = label(state);
    span.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ` (${label(state)})` }));
    link.append(span);
  };
  document.querySelectorAll<HTMLAnchorElement>('a[data-topic]').forEach(mark);
  // On an area's page, its list of notes too.
  if (document.querySelector('.sidebar-area[aria-current]')) document.querySelectorAll<HTMLAnchorElement>('article.note a[href]').forEach(mark);

  // Home: the note of the question answered last, at that question.
  const cont = document.querySelector<HTMLElement>('.home-continue');
  const last = records.filter(([, r]) => r.lastAt && (r.attempts || r.seenAt)).sort(([, a], [, b]) => Date.parse(b.lastAt!) - Date.parse(a.lastAt!))[0];
  if (cont && last) {
    const [topic, id] = last[0].split('/');
    const note = document.querySelector<HTMLAnchorElement>(`a[data-topic="${CSS.escape(topic ?? '')}"]`);
    const link = cont.querySelector('a');
    if (note && link) {
      link.href = `${note.pathname}#q-${id}`;
      // The title only, not the mastery mark appended to the link above.
      link.textContent = note.firstChild?.textContent?.trim() ?? '';
      cont.hidden = false;
    }
  }
}
