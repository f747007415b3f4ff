// The schedule box: a sched expression, plotted live as one types with sched's own SVG; a parse
// error shows its position and the last good plot stays.
import { thrownMessage } from '@etagrad/check';
import { format, parse, toSvg } from '@etagrad/sched';

/** What the box tells its owner. */
export interface ScheduleBox {
  /** The last text that parsed. */
  readonly good: () => string;
}

/**
 * Wires a textarea to its plot and error line.
 *
 * @param input - the box
 * @param plot - where the SVG goes
 * @param error - where a parse error goes
 * @param steps - steps plotted
 */
export function wireScheduleBox(input: HTMLTextAreaElement, plot: HTMLElement, error: HTMLElement, steps: () => number): ScheduleBox {
  let good = input.value;
  const render = (): void => {
    try {
      const schedule = parse(input.value);
      plot.innerHTML = toSvg(schedule, { steps: steps(), width: 320, height: 120 });
      plot.dataset['formatted'] = format(schedule);
      good = input.value;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
    } catch (problem) {
      const message = thrownMessage(problem);
      error.textContent = message;
      const column = /column (\d+)/.exec(message)?.[1];
      error.dataset['column'] = column ?? '';
      input.setAttribute('aria-invalid', 'true');
    }
  };
  input.addEventListener('input', render);
  render();
  return { good: () => good };
}
