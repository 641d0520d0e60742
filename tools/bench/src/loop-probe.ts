import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into a server under test (`node --import loop-probe.js main.js`): the longest
 * event-loop delay since the last SIGUSR2, written to LOOP_PROBE_FILE four times a second.
 * Nothing in the server itself changes.
 */
const file = process.env.LOOP_PROBE_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const write = () =>
    writeFileSync(file, JSON.stringify({ maxMs: histogram.max / 1e6, at: Date.now() }));
  setInterval(write, 250).unref();
  process.on('SIGUSR2', () => {
    histogram.reset();
    write();
  });
}
