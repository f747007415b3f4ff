// Regenerates the charts in packages/sched/README.md from the expressions in their markers:
//
//   <!-- plot steps=100: cosine({ initial: 0.1, steps: 100 }) -->
//   ```text
//   (drawn by plot)
//   ```
//   <!-- /plot -->
//
// Run: npx tsx --conditions=@etagrad/source packages/sched/scripts/readme.ts
// test/readme.test.ts fails when the README's charts differ from what `plot` draws now.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, plot } from '@etagrad/sched';

/** The README this script keeps up to date. */
export const readmePath = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

/** The size of every README chart. */
const size = { width: 60, height: 8 } as const;

const block = /<!-- plot steps=(\d+): (.+?) -->\n```text\n[\s\S]*?```\n<!-- \/plot -->/g;

/** One chart marker: its expression and steps. */
export interface ReadmeChart {
  readonly expression: string;
  readonly steps: number;
}

/** The chart markers of a README, in order. */
export function readmeCharts(text: string): ReadmeChart[] {
  return [...text.matchAll(block)].map((m) => ({ expression: m[2] ?? '', steps: Number(m[1]) }));
}

/** The README with every chart block redrawn by `plot`. */
export function renderReadme(text: string): string {
  return text.replace(block, (_all, steps: string, expression: string) => {
    const chart = plot(parse(expression), { steps: Number(steps), ...size });
    return `<!-- plot steps=${steps}: ${expression} -->\n\`\`\`text\n${chart}\n\`\`\`\n<!-- /plot -->`;
  });
}

function main(): void {
  const before = readFileSync(readmePath, 'utf8');
  const after = renderReadme(before);
  if (after === before) {
    process.stdout.write(`README charts are up to date (${readmeCharts(before).length} charts)\n`);
    return;
  }
  // Write beside and rename, so a failure never leaves half a README.
  const temporary = `${readmePath}.tmp`;
  writeFileSync(temporary, after);
  renameSync(temporary, readmePath);
  process.stdout.write(`README charts redrawn (${readmeCharts(after).length} charts)\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
