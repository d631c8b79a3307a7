/**
 * Calculator strings live in src/i18n/{en,zh}.json, not in the code: every key a component asks
 * for with `s('…')`, a `<ResultList>` or `options(…)` exists as `calc.<id>.…`, every key a widget asks for with `this.s('…')`
 * exists as `calc.<id>.js.…` (or the shared `calc.js.…`), and no component or widget carries
 * a text in both languages (`{ en: …, zh: … }` or `L('…', '…')`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/en.json';
import { calculatorInfo } from '../../../src/components/calculators/info.ts';

const root = join(import.meta.dirname, '../../..');
const componentDir = join(root, 'src/components/calculators');
const widgetDir = join(root, 'src/calculators/widgets');
const keys = new Set(Object.keys(en));
const ids = Object.keys(calculatorInfo);

/** The string keys of `s(…)` calls: a literal first argument, or each branch of a ternary. */
export function keysAsked(code: string, call: RegExp): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(call)) {
    const rest = code.slice(m.index + m[0].length);
    const literal = /^\s*'([^']+)'\s*[,)]/.exec(rest);
    if (literal) {
      out.push(literal[1]!);
      continue;
    }
    // `s(cond ? 'a' : other ? 'b' : 'c')`: the literals right after `?` or `:` up to the first comma or closing parenthesis at depth 0.
    let depth = 0;
    let end = 0;
    for (; end < rest.length; end++) {
      const c = rest[end];
      if (c === '(') depth++;
      else if (c === ')' && depth-- === 0) break;
      else if (c === ',' && depth === 0) break;
    }
    for (const b of rest.slice(0, end).matchAll(/[?:]\s*'([^']+)'/g)) out.push(b[1]!);
  }
  return out;
}

/**
 * The keys a component asks for without writing them out: `out.<name>` for each name of a
 * `<ResultList names={[…]} />` that its `labels` do not label, and `field.<field>.<value>` for
 * each value of `options('<field>', […])`.
 */
export function keysDerived(code: string): string[] {
  const out: string[] = [];
  const quoted = (list: string) => [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  for (const [tag] of code.matchAll(/<ResultList\b[\s\S]*?\/>/g)) {
    const labelled = new Set([...(/labels=\{\{([^}]*)\}\}/.exec(tag)?.[1]?.matchAll(/(\w+):/g) ?? [])].map((m) => m[1]));
    for (const name of quoted(/names=\{\[([^\]]*)\]\}/.exec(tag)?.[1] ?? '')) if (!labelled.has(name)) out.push(`out.${name}`);
  }
  for (const m of code.matchAll(/\boptions\(\s*'([^']+)',\s*\[([^\]]*)\]/g)) out.push(...quoted(m[2]!).map((value) => `field.${m[1]}.${value}`));
  return out;
}

const componentOf = (id: string) =>
  readdirSync(componentDir).find((f) => f.endsWith('.astro') && readFileSync(join(componentDir, f), 'utf8').includes(`calcText(Astro.url, '${id}')`));

describe('calculator strings', () => {
  it.each(ids)('%s: every key the component and the widget ask for exists', (id) => {
    const component = componentOf(id);
    expect(component, `a component calling calcText(Astro.url, '${id}')`).toBeDefined();
    const code = readFileSync(join(componentDir, component!), 'utf8');
    expect(code, component).toContain("import { calcText } from './text.ts';");
    const asked = [...keysAsked(code, /(?<![\w.])s\(/g), ...keysDerived(code)].map((k) => `calc.${id}.${k}`);
    asked.push(`calc.${id}.intro`);
    const widget = keysAsked(readFileSync(join(widgetDir, `${id}.ts`), 'utf8'), /\bthis\.s\(/g);
    const missing = [
      ...asked.filter((k) => !keys.has(k)),
      ...widget.filter((k) => k !== 'listSep' && !keys.has(`calc.${id}.js.${k}`) && !keys.has(`calc.js.${k}`)).map((k) => `calc.${id}.js.${k}`),
    ];
    expect(missing).toEqual([]);
    expect(widget.length).toBeGreaterThan(0);
  });

  it('keeps no text of both languages in calculator code', () => {
    const files = [
      ...readdirSync(componentDir)
        .filter((f) => /\.(astro|ts)$/.test(f))
        .map((f) => join(componentDir, f)),
      ...readdirSync(widgetDir).map((f) => join(widgetDir, f)),
      ...['base.ts', 'loader.ts', 'widgets.ts', 'lazy.ts', 'svg.ts', 'table.ts'].map((f) => join(root, 'src/calculators/ui', f)),
    ];
    const bilingual = files.filter((f) => /\bzh:\s*['`]|\bL\(\s*'/.test(readFileSync(f, 'utf8')) && !f.endsWith('info.ts'));
    expect(bilingual.map((f) => f.slice(root.length + 1))).toEqual([]);
  });

  it('reads the keys a result list and an options list imply', () => {
    const code = `<ResultList s={s} names={['a', 'bB', 'c']} labels={{ bB: 'B', c: s('out.x') }} />
      <Field options={options('mode', ['lists', 'logits'])} />`;
    expect(keysDerived(code)).toEqual(['out.a', 'field.mode.lists', 'field.mode.logits']);
  });

  it('reads keys from calls, literal or ternary', () => {
    expect(keysAsked(`this.s('a', { x: this.s(y ? 'b' : 'c') }); this.s(p > 0 && q === 'no' ? 'd' : 'e')`, /\bthis\.s\(/g)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
