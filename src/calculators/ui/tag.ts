/**
 * The one naming rule of calculators: id `float-inspector` ↔ widget module
 * src/calculators/widgets/float-inspector.ts (default export: the element class) ↔ element
 * `<afm-float-inspector data-calc="float-inspector">`. CalcShell.astro renders the element and
 * the loader (loader.ts) defines it, both by this function.
 */
export function calcTag(id: string): string {
  return `afm-${id}`;
}
