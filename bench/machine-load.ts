// How busy the rest of the machine was while a benchmark ran: the CPU time every other process
// used (from Linux's /proc), in cores. A ratio of parallel speed means little when this is high.
import { readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ: /proc counts CPU time in ticks of 1/100 s on Linux

/** CPU ticks the whole machine and this process have used so far; null where /proc is absent. */
function ticks(): { machine: number; self: number } | null {
  try {
    // cpu  user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait
    const [user, nice, system, , , irq, softirq, steal] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    // after "pid (name) ": state is field 0, utime field 11, stime field 12
    const own = readFileSync('/proc/self/stat', 'utf8');
    const fields = own.slice(own.lastIndexOf(')') + 2).split(' ');
    const machine = [user, nice, system, irq, softirq, steal].reduce<number>((sum, n) => sum + (n ?? NaN), 0);
    const self = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(machine) && Number.isFinite(self) ? { machine, self } : null;
  } catch {
    return null;
  }
}

/**
 * Starts watching; the function it returns gives the cores other processes kept busy on average
 * since then (null where /proc is absent).
 */
export function watchOtherLoad(): () => number | null {
  const before = ticks();
  const started = performance.now();
  return () => {
    const after = ticks();
    const seconds = (performance.now() - started) / 1000;
    if (before === null || after === null || seconds <= 0) return null;
    return (after.machine - before.machine - (after.self - before.self)) / TICKS / seconds;
  };
}
