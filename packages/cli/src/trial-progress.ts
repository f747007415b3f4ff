import { formatDuration, formatNumber } from '@etagrad/train';
import type { SearchProgress } from '@etagrad/tune';
import type { Output } from './io.js';

const BAR = 24;

/**
 * Progress across a search's trials, on `stream`: a live bar on a terminal (`[#####-----] 5/16
 * trials  best 0.2513  ETA 12s`), one line per finished evaluation otherwise. The time estimate
 * is the mean time of the evaluations run so far (those taken from the journal cost nothing)
 * times the trials left.
 *
 * @param stream Where to write (stderr, so stdout keeps the results).
 * @param now A clock in milliseconds (default `performance.now()`).
 */
export function trialProgress(stream: Output, now: () => number = () => performance.now()) {
  const started = now();
  let ran = 0;
  let open = false; // a live bar without its newline
  return {
    update(progress: SearchProgress): void {
      if (!progress.reused) ran += 1;
      const { finished, total, best, evaluation } = progress;
      const left = total - finished;
      const eta = left === 0 ? '0s' : ran === 0 ? '?' : formatDuration(((now() - started) / 1000 / ran) * left);
      const status = `${finished}/${total} trials  best ${best?.score == null ? '-' : formatNumber(best.score)}  ETA ${eta}`;
      if (stream.isTTY === true) {
        const filled = Math.round((finished / Math.max(1, total)) * BAR);
        open = left > 0;
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${status}\u001b[K${open ? '' : '\n'}`);
        return;
      }
      const score = evaluation.score === null ? evaluation.status : `${evaluation.status} ${formatNumber(evaluation.score)}`;
      const from = progress.reused ? ' (from the journal)' : '';
      stream.write(`trial ${evaluation.index} (budget ${formatNumber(evaluation.budget)}) ${score}${from}; ${status}\n`);
    },
    /** Ends a live bar that the search left short (it was stopped), so what follows starts on its own line. */
    end(): void {
      if (open) stream.write('\n');
      open = false;
    },
  };
}
