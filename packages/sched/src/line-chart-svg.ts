import { chartData, checkChartOptions, checkSize, xTicks, yTicks, type ChartOptions, type Series } from './chart-data.js';

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

function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end', extra = ''): string {
  const align = anchor === 'start' ? '' : ` text-anchor="${anchor}"`;
  return `<text x="${px(x)}" y="${px(y)}"${align}${extra}>${escapeXml(content)}</text>`;
}

const line = (x1: number, y1: number, x2: number, y2: number, extra = ''): string =>
  `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}"${extra}/>`;

/**
 * A line chart as a standalone SVG document (no scripts, no external files): a `width` x
 * `height` pixel plot area (defaults 640 x 320) with labelled axes, grid lines at the ticks, the
 * optional title and axis names, and a legend for several series. Points that cannot be drawn
 * (NaN, infinities; values <= 0 on a log axis, `logX` or `logY`) are left out and break the line. Returns the text.
 *
 * @param series - the lines to draw, each with a name and values (and optionally xs)
 * @param options - size, title, axis names and log scales (see ChartOptions)
 * @example
 * writeFileSync('loss.svg', lineChartSvg([{ name: 'loss', values: losses }], { xLabel: 'step', logY: true }));
 */
export function lineChartSvg(series: readonly Series[], options: ChartOptions = {}): string {
  const owner = 'lineChartSvg';
  checkChartOptions(owner, options);
  const width = checkSize(owner, 'width', options.width, 640, 32);
  const height = checkSize(owner, 'height', options.height, 320, 32);
  const data = chartData(owner, series, options);
  const left = 72;
  const top = (options.title === undefined ? 8 : 28) + (options.yLabel === undefined ? 8 : 20);
  const legendRows = data.names.length > 1 ? data.names.length : 0;
  const bottom = 44 + (options.xLabel === undefined ? 0 : 18) + legendRows * 18;
  const total = { width: left + width + 24, height: top + height + bottom };
  const x = (v: number) => left + ((v - data.x.min) / (data.x.max - data.x.min)) * width;
  const y = (v: number) => top + ((data.y.max - v) / (data.y.max - data.y.min)) * height;

  const centre = left + width / 2;

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total.width}" height="${total.height}"` +
      ` viewBox="0 0 ${total.width} ${total.height}" font-family="sans-serif" font-size="12">`,
    `<rect x="0" y="0" width="${total.width}" height="${total.height}" fill="#ffffff"/>`,
  ];
  if (options.title !== undefined) out.push(text(centre, 20, options.title, 'middle', ' font-size="14"'));
  if (options.yLabel !== undefined) out.push(text(left, top - 8, options.yLabel, 'start'));
  const ys = data.empty ? [] : yTicks(data, 4);
  const xs = data.empty ? [] : xTicks(data, 4);
  out.push('<g stroke="#dddddd" stroke-width="1">');
  for (const tick of ys) out.push(line(left, y(tick.at), left + width, y(tick.at)));
  for (const tick of xs) out.push(line(x(tick.at), top, x(tick.at), top + height));
  out.push('</g>');
  out.push(`<path d="M${left} ${top}V${top + height}H${left + width}" fill="none" stroke="#333333" stroke-width="1"/>`);
  for (const tick of ys) out.push(text(left - 6, y(tick.at) + 4, tick.label, 'end'));
  for (const tick of xs) out.push(text(x(tick.at), top + height + 18, tick.label, 'middle'));
  if (options.xLabel !== undefined) out.push(text(centre, top + height + 38, options.xLabel, 'middle'));
  if (data.empty) out.push(text(centre, top + height / 2, '(no finite values to draw)', 'middle'));
  data.runs.forEach((runs, i) => {
    const colour = colourOf(i);
    for (const run of runs) {
      const [only] = run;
      if (run.length === 1 && only !== undefined) {
        out.push(`<circle cx="${px(x(only.x))}" cy="${px(y(only.y))}" r="2" fill="${colour}"/>`);
      } else {
        const points = run.map((p) => `${px(x(p.x))},${px(y(p.y))}`).join(' ');
        const stroke = `fill="none" stroke="${colour}" stroke-width="1.5" stroke-linejoin="round"`;
        out.push(`<polyline points="${points}" ${stroke}/>`);
      }
    }
  });
  if (legendRows > 0) {
    const first = top + height + bottom - legendRows * 18 + 4;
    data.names.forEach((name, i) => {
      const ly = first + i * 18;
      out.push(line(left, ly, left + 20, ly, ` stroke="${colourOf(i)}" stroke-width="2"`));
      out.push(text(left + 26, ly + 4, name, 'start'));
    });
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
