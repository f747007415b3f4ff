// The loss chart and the learning-rate chart below it, every lane on each, log y, with uPlot.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The colour of each lane's series. */
export const laneColors = ['#e07b00', '#1f77b4', '#c0392b'] as const;

/** The two charts and the series they show. */
export interface Charts {
  /** Sets every lane's losses and rates (index k: step k) and redraws. */
  update(losses: readonly (readonly number[])[], lrs: readonly (readonly number[])[]): void;
}

function chart(element: HTMLElement, title: string, labels: readonly string[], axis: string, height: number, width: number): uPlot {
  const options: uPlot.Options = {
    title,
    width,
    height,
    // Both logarithmic: losses fall by decades, and lanes' rates differ by factors of ten.
    scales: { x: { time: false }, y: { distr: 3 } },
    axes: [{ label: 'step' }, { label: axis, size: 60 }],
    series: [{ label: 'step' }, ...labels.map((label, i) => ({ label, stroke: laneColors[i] ?? '#333', width: 1.5, spanGaps: false }))],
    legend: { live: false },
  };
  return new uPlot(options, [[], ...labels.map(() => [])], element);
}

/**
 * Builds the charts for lanes named `labels`.
 *
 * @param lossElement - where the loss chart goes
 * @param lrElement - where the rate chart goes
 * @param labels - one name per lane (`×0.1`)
 */
export function makeCharts(lossElement: HTMLElement, lrElement: HTMLElement, labels: readonly string[]): Charts {
  lossElement.replaceChildren();
  lrElement.replaceChildren();
  const width = Math.max(320, Math.min(720, lossElement.clientWidth || 640));
  const loss = chart(lossElement, 'Loss (log scale)', labels, 'loss', 220, width);
  const lr = chart(lrElement, 'Learning rate (log scale)', labels, 'lr', 140, width);
  return {
    update(losses, lrs) {
      const steps = Math.max(1, ...losses.map((l) => l.length));
      const xs = Array.from({ length: steps }, (_, k) => k);
      // Log scales cannot show 0: a loss or rate of exactly 0 is drawn as a gap.
      const positive = (series: readonly number[]) => xs.map((k) => (series[k] !== undefined && (series[k] as number) > 0 ? (series[k] as number) : null));
      loss.setData([xs, ...losses.map(positive)] as uPlot.AlignedData);
      lr.setData([xs, ...lrs.map(positive)] as uPlot.AlignedData);
    },
  };
}
