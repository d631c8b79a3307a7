/**
 * The one naming rule the calculator loader (src/calculators/ui/loader.ts, widgets.ts) relies on: every id
 * in info.ts has a widget module src/calculators/widgets/ID.ts whose default export is the
 * element class (the loader defines it as `<afm-ID>`), and no component loads a widget itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculatorInfo } from '../../../src/components/calculators/info.ts';
import { calcTag } from '../../../src/calculators/ui/tag.ts';

const root = join(import.meta.dirname, '../../..');
const widgetDir = join(root, 'src/calculators/widgets');
const componentDir = join(root, 'src/components/calculators');
const ids = Object.keys(calculatorInfo).sort();

describe('calculator loader naming', () => {
  it('has one widget file per calculator id, and none without an id', () => {
    const widgets = readdirSync(widgetDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(widgets).toEqual(ids);
  });

  it.each(ids)('%s: the widget exports its element class by default and defines no element itself', (id) => {
    const code = readFileSync(join(widgetDir, `${id}.ts`), 'utf8');
    expect(code).toMatch(/^export default class \w+ extends (CalculatorElement|DistributionCalculator)\b/m);
    expect(code).not.toContain('customElements.define');
  });

  it('names the element after the id', () => {
    expect(calcTag('float-inspector')).toBe('afm-float-inspector');
  });

  it('leaves loading to the page script: no calculator component has a script of its own or writes a tag name', () => {
    const offenders = readdirSync(componentDir)
      .filter((f) => f.endsWith('.astro') && f !== 'CalcShell.astro')
      .filter((f) => /<script\b|afm-|defineWhenVisible/.test(readFileSync(join(componentDir, f), 'utf8')));
    expect(offenders).toEqual([]);
    // CalcShell writes the tag (from tag.ts) and a JSON block of strings, and has no script of its own.
    expect(readFileSync(join(componentDir, 'CalcShell.astro'), 'utf8')).not.toMatch(/<script>/);
    expect(readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'scripts', 'islands.ts'), 'utf8')).toContain(
      "start('[data-calc]', () => import('../calculators/ui/loader.ts'));",
    );
  });
});
