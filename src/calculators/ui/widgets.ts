/**
 * Every calculator widget, by id, each in a chunk of its own. Loaded by loader.ts only when a
 * calculator comes into view, so the list itself costs a page nothing up front.
 */
import { calcTag } from './tag.ts';

type WidgetModule = { default: CustomElementConstructor };
const widgets = import.meta.glob<WidgetModule>('../widgets/*.ts');

/** Imports src/calculators/widgets/ID.ts and defines its element `<afm-ID>`. */
export async function defineCalculator(id: string): Promise<void> {
  const load = widgets[`../widgets/${id}.ts`];
  if (!load) throw new Error(`no widget src/calculators/widgets/${id}.ts for calculator "${id}"`);
  const { default: element } = await load();
  const tag = calcTag(id);
  if (!customElements.get(tag)) customElements.define(tag, element);
}
