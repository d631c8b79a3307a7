/**
 * Result tables for calculators as markup strings: a caption, column headers and row headers
 * with `scope`, so screen readers can name every cell. Optional shading (0…1 per cell) turns
 * a table into a heat map that follows the theme's `--plot-0` colour.
 */
import { escapeXml } from './svg.ts';

export type TableRow = { head: string; cells: string[]; shade?: number[] };

/** Cells and headers are plain text (escaped here); `corner` heads the row-header column. */
export function dataTable(caption: string, columns: string[], rows: TableRow[], corner = ''): string {
  const head = `<tr><th scope="col">${escapeXml(corner)}</th>${columns.map((c) => `<th scope="col">${escapeXml(c)}</th>`).join('')}</tr>`;
  const body = rows
    .map((r) => {
      const cells = r.cells
        .map((cell, j) => {
          const s = r.shade?.[j];
          const style =
            s === undefined || !Number.isFinite(s)
              ? ''
              : ` style="background:color-mix(in srgb,var(--plot-0) ${Math.round(Math.max(0, Math.min(1, s)) * 60)}%,transparent)"`;
          return `<td${style}>${escapeXml(cell)}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeXml(r.head)}</th>${cells}</tr>`;
    })
    .join('');
  return `<table class="calc-table" tabindex="0"><caption>${escapeXml(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** Plots side by side (stacked on narrow screens), each under a visible title; `svg` is trusted markup. */
export function pair(plots: Array<[title: string, svg: string]>): string {
  const cells = plots.map(([title, svg]) => `<figure style="margin:0"><figcaption>${escapeXml(title)}</figcaption>${svg}</figure>`).join('');
  return `<div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem">${cells}</div>`;
}
