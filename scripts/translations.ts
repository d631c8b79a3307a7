/**
 * Which notes have drifted from their counterpart in the other language, and marking a pair
 * as checked again.
 *
 *   npm run translations                      list every note whose counterpart changed since it was checked
 *   npm run translations -- --mark FILE...    after checking a pair, record it (either language's file)
 *   npm run translations -- --mark-all        record every pair as checked (only after checking them all)
 *
 * See docs/TRANSLATIONS.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { sourceHash, translationState, withCheckedAgainst } from '../src/build/translation-sync.ts';

const root = join(import.meta.dirname, '..');
const contentDir = join(root, 'content');
const languages = ['en', 'zh'] as const;

function notesOf(lang: string): string[] {
  const files = readdirSync(join(contentDir, lang), { recursive: true, encoding: 'utf8' });
  return files
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

const fileOf = (lang: string, path: string) => join(contentDir, lang, path);
const checkedAgainst = (source: string) => /^checked_against:\s*(\S+)/m.exec(source)?.[1];

function markPair(path: string): void {
  const [en, zh] = languages.map((lang) => readFileSync(fileOf(lang, path), 'utf8'));
  writeFileSync(fileOf('en', path), withCheckedAgainst(en!, sourceHash(zh!)));
  writeFileSync(fileOf('zh', path), withCheckedAgainst(zh!, sourceHash(en!)));
  console.log(`marked as checked: content/{en,zh}/${path}`);
}

const args = process.argv.slice(2);
const paths = notesOf('en');
if (args[0] === '--mark-all') {
  paths.forEach(markPair);
} else if (args[0] === '--mark') {
  const targets = args.slice(1);
  if (targets.length === 0) throw new Error('--mark needs the files to mark, e.g. content/zh/probability/bayes.mdx');
  for (const target of targets) {
    const match = /content\/(?:en|zh)\/(.+\.mdx?)$/.exec(target.split(sep).join('/'));
    if (!match || !paths.includes(match[1]!)) throw new Error(`${target}: not a note under content/en or content/zh`);
    markPair(match[1]!);
  }
} else {
  let drifted = 0;
  for (const path of paths) {
    for (const lang of languages) {
      const other = lang === 'en' ? 'zh' : 'en';
      const own = readFileSync(fileOf(lang, path), 'utf8');
      const state = translationState(checkedAgainst(own), readFileSync(fileOf(other, path), 'utf8'));
      if (state === 'in-step') continue;
      drifted += 1;
      const why = state === 'never-checked' ? 'never checked against' : 'out of step with';
      console.log(`content/${lang}/${path}: ${why} content/${other}/${path}`);
    }
  }
  console.log(
    drifted === 0 ? `All ${paths.length} note pairs are in step.` : `${drifted} of ${paths.length * 2} notes need checking against their counterpart.`,
  );
}
