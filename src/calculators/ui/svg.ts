/**
 * Small SVG plotting helpers for calculators: line plots and bar charts as markup strings.
 * Colours come from CSS custom properties so plots follow the light and dark themes.
 */
export type Series = { label: string; points: Array<[number, number]>; colour?: number; dashed?: boolean };
export type Box = { xMin: number; xMax: number; yMin: number; yMax: number };

const W = 320;
const H = 200;
const PAD = { left: 40, right: 10, top: 10, bottom: 24 };

/** The bounding box of all finite points, padded so a flat line is still visible. */
export function boundsOf(series: Series[]): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of series) {
    for (const [x, y] of s.points) {
      if (Number.isFinite(x) && Number.isFinite(y)) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length === 0) return { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };
  let [yMin, yMax] = [Math.min(...ys), Math.max(...ys)];
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];
  return { xMin: Math.min(...xs), xMax: Math.max(...xs) || 1, yMin, yMax };
}

/** An axis label: three figures, the minus sign U+2212 as in every number on the site. */
function shortNumber(x: number): string {
  const text = Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-2 && x !== 0) ? x.toExponential(1) : String(Number(x.toPrecision(3)));
  return text.replace(/-/g, '−');
}

/** A line plot with axes; `title` becomes the SVG's accessible name. */
export function linePlot(series: Series[], title: string, box: Box = boundsOf(series)): string {
  const sx = (x: number) => PAD.left + ((x - box.xMin) / (box.xMax - box.xMin || 1)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - ((y - box.yMin) / (box.yMax - box.yMin || 1)) * (H - PAD.top - PAD.bottom);
  const clampY = (y: number) => Math.min(H, Math.max(0, sy(y)));
  const paths = series
    .map((s, i) => {
      const d = s.points
        .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
        .map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${clampY(y).toFixed(1)}`)
        .join('');
      return `<path d="${d}" fill="none" stroke="var(--plot-${(s.colour ?? i) % 5})" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''}><title>${escapeXml(s.label)}</title></path>`;
    })
    .join('');
  const axes = `<path d="M${PAD.left},${PAD.top}V${H - PAD.bottom}H${W - PAD.right}" fill="none" stroke="var(--plot-axis)"/>`;
  const labels =
    `<text x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end">${shortNumber(box.yMax)}</text>` +
    `<text x="${PAD.left - 4}" y="${H - PAD.bottom}" text-anchor="end">${shortNumber(box.yMin)}</text>` +
    `<text x="${PAD.left}" y="${H - 8}">${shortNumber(box.xMin)}</text>` +
    `<text x="${W - PAD.right}" y="${H - 8}" text-anchor="end">${shortNumber(box.xMax)}</text>`;
  const legend = series.map((s, i) => `<tspan fill="var(--plot-${(s.colour ?? i) % 5})">■ ${escapeXml(s.label)}</tspan>`).join(' ');
  return `<svg viewBox="0 0 ${W} ${H + 16}" role="img" aria-label="${escapeXml(title)}" class="plot">${axes}${paths}<g class="plot-labels">${labels}</g><text x="${PAD.left}" y="${H + 12}" class="plot-legend">${legend}</text></svg>`;
}

/** A bar chart of values in [0, max]; `labels` name the bars. */
export function barChart(values: number[], labels: string[], title: string, max = Math.max(...values, 1e-12)): string {
  const n = Math.max(values.length, 1);
  const band = (W - PAD.left - PAD.right) / n;
  const bars = values
    .map((v, i) => {
      const h = Number.isFinite(v) ? (Math.max(0, v) / max) * (H - PAD.top - PAD.bottom) : 0;
      const x = PAD.left + i * band + band * 0.1;
      return (
        `<rect x="${x.toFixed(1)}" y="${(H - PAD.bottom - h).toFixed(1)}" width="${(band * 0.8).toFixed(1)}" height="${h.toFixed(1)}" fill="var(--plot-${i % 5})"><title>${escapeXml(labels[i] ?? '')}: ${shortNumber(v)}</title></rect>` +
        `<text x="${(x + band * 0.4).toFixed(1)}" y="${H - 8}" text-anchor="middle">${escapeXml(labels[i] ?? '')}</text>`
      );
    })
    .join('');
  const axis = `<path d="M${PAD.left},${H - PAD.bottom}H${W - PAD.right}" stroke="var(--plot-axis)"/>`;
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(title)}" class="plot">${axis}<g class="plot-labels">${bars}</g></svg>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
