import { chartData, checkSize, xTicks, yTicks, type ChartOptions, type Series } from './chart-data.js';

/** Line colours, in order (then they repeat): a palette that stays apart for common colour blindness. */
const colours = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#f0e442'] as const;
const colourOf = (i: number): string => colours[i % colours.length] ?? '#000000';

/** Text made safe inside an XML element or attribute. */
function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const px = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * A line chart as a standalone SVG document (no scripts, no external files): a `width` x
 * `height` pixel plot area (defaults 640 x 320) with labelled axes, grid lines at the ticks, the
 * optional title and axis names, and a legend for several series. Points that cannot be drawn
 * (NaN, infinities; values <= 0 with `logY`) are left out and break the line. Returns the text.
 *
 * @example
 * writeFileSync('loss.svg', lineChartSvg([{ name: 'loss', values: losses }], { xLabel: 'step', logY: true }));
 */
export function lineChartSvg(series: readonly Series[], options: ChartOptions = {}): string {
  const owner = 'lineChartSvg';
  const width = checkSize(owner, 'width', options.width, 640, 32);
  const height = checkSize(owner, 'height', options.height, 320, 32);
  const data = chartData(owner, series, options.logY);
  const left = 72;
  const top = (options.title === undefined ? 8 : 28) + (options.yLabel === undefined ? 8 : 20);
  const legendRows = data.names.length > 1 ? data.names.length : 0;
  const bottom = 44 + (options.xLabel === undefined ? 0 : 18) + legendRows * 18;
  const total = { width: left + width + 24, height: top + height + bottom };
  const x = (v: number) => left + ((v - data.x.min) / (data.x.max - data.x.min)) * width;
  const y = (v: number) => top + ((data.y.max - v) / (data.y.max - data.y.min)) * height;

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total.width}" height="${total.height}" viewBox="0 0 ${total.width} ${total.height}" font-family="sans-serif" font-size="12">`,
    `<rect x="0" y="0" width="${total.width}" height="${total.height}" fill="#ffffff"/>`,
  ];
  if (options.title !== undefined) {
    out.push(`<text x="${px(left + width / 2)}" y="20" text-anchor="middle" font-size="14">${escapeXml(options.title)}</text>`);
  }
  if (options.yLabel !== undefined) {
    out.push(`<text x="${left}" y="${top - 8}">${escapeXml(options.yLabel)}</text>`);
  }
  out.push('<g stroke="#dddddd" stroke-width="1">');
  const ys = data.empty ? [] : yTicks(data, 4);
  const xs = data.empty ? [] : xTicks(data, 4);
  for (const tick of ys) out.push(`<line x1="${left}" y1="${px(y(tick.at))}" x2="${left + width}" y2="${px(y(tick.at))}"/>`);
  for (const tick of xs) out.push(`<line x1="${px(x(tick.at))}" y1="${top}" x2="${px(x(tick.at))}" y2="${top + height}"/>`);
  out.push('</g>');
  out.push(`<path d="M${left} ${top}V${top + height}H${left + width}" fill="none" stroke="#333333" stroke-width="1"/>`);
  for (const tick of ys) {
    out.push(`<text x="${left - 6}" y="${px(y(tick.at) + 4)}" text-anchor="end">${escapeXml(tick.label)}</text>`);
  }
  for (const tick of xs) {
    out.push(`<text x="${px(x(tick.at))}" y="${top + height + 18}" text-anchor="middle">${escapeXml(tick.label)}</text>`);
  }
  if (options.xLabel !== undefined) {
    out.push(`<text x="${px(left + width / 2)}" y="${top + height + 38}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  }
  if (data.empty) {
    out.push(`<text x="${px(left + width / 2)}" y="${px(top + height / 2)}" text-anchor="middle">(no finite values to draw)</text>`);
  }
  data.runs.forEach((runs, i) => {
    const colour = colourOf(i);
    for (const run of runs) {
      const [only] = run;
      if (run.length === 1 && only !== undefined) {
        out.push(`<circle cx="${px(x(only.x))}" cy="${px(y(only.y))}" r="2" fill="${colour}"/>`);
      } else {
        const points = run.map((p) => `${px(x(p.x))},${px(y(p.y))}`).join(' ');
        out.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-linejoin="round"/>`);
      }
    }
  });
  if (legendRows > 0) {
    const first = top + height + bottom - legendRows * 18 + 4;
    data.names.forEach((name, i) => {
      const ly = first + i * 18;
      out.push(`<line x1="${left}" y1="${ly}" x2="${left + 20}" y2="${ly}" stroke="${colourOf(i)}" stroke-width="2"/>`);
      out.push(`<text x="${left + 26}" y="${ly + 4}">${escapeXml(name)}</text>`);
    });
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
