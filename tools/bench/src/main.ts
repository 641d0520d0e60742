import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { markdown, type Result } from './report.js';
import { runCatchup } from './scenarios/catchup.js';
import { runConnections } from './scenarios/connections.js';
import { runReactions } from './scenarios/reactions.js';
import { runSearch } from './scenarios/search.js';
import { runStorm } from './scenarios/storm.js';
import { runFanout, type FanoutMode } from './scenarios/fanout.js';
import { runWritePath } from './scenarios/write-path.js';
import { startTarget, type TargetKind } from './target.js';

/**
 * `pnpm bench` (full) or `pnpm bench -- --quick` (under three minutes). Starts every server
 * itself, drives clients from worker processes on 127.0.0.1, and writes bench-results.json and
 * bench-results.md in the current directory.
 */
const quick = process.argv.includes('--quick');
/** `--only fanout|write|connections|reactions|catchup|search|storm` runs one scenario. */
const only = process.argv[process.argv.indexOf('--only') + 1];
const runs = (name: string) => !process.argv.includes('--only') || only === name;
/** `--target bare|api|api-redis` keeps one kind of server (for profiling). */
const onlyTarget = process.argv.includes('--target')
  ? process.argv[process.argv.indexOf('--target') + 1]
  : null;
const targets = (kind: TargetKind) => onlyTarget === null || onlyTarget === kind;
const durationMs = quick ? 2500 : 10_000;
const workers = 4;
const modes: FanoutMode[] = [
  { name: '20k/s paced', deliveriesPerS: 20_000 },
  { name: '60k/s paced', deliveriesPerS: 60_000 },
  { name: 'flat out', deliveriesPerS: null },
];
const fanoutPlan: Array<{ kind: TargetKind; members: number; modes: FanoutMode[] }> = [
  { kind: 'bare', members: 100, modes },
  { kind: 'api', members: 100, modes },
  { kind: 'bare', members: 1000, modes },
  { kind: 'api', members: 1000, modes },
  { kind: 'api-redis', members: 1000, modes: quick ? modes.slice(0, 1) : modes },
];
const connectionCount = quick ? 2000 : 10_000;
/** `--users N`: distinct users of the storm (default 10,000; 2,000 with --quick). */
const stormUsers = process.argv.includes('--users')
  ? Number(process.argv[process.argv.indexOf('--users') + 1])
  : quick
    ? 2000
    : 10_000;

/** Reactions: sends and reaction toggles in a 1,000-member room, the same count of each. */
const reactionMembers = 1000;
const flag = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
/** `--reaction-ops N` (each window's count of each; N / window even), `--reaction-windows 1,16`. */
const reactionOps = Number(flag('--reaction-ops') ?? (quick ? 256 : 1024));
const reactionWindows = (flag('--reaction-windows') ?? '1,16').split(',').map(Number);
/** Catch-up: general with 1M messages and 200 changes after N (the seeding takes most of it). */
const catchupMessages = 1_000_000;
const catchupChanges = 200;
const catchupRequests = quick ? 100 : 200;
/** Search: 1M messages in 1,000 rooms, a reader in 50 of them (the seeding takes most of it). */
const searchRequests = quick ? 100 : 200;

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const results: Result[] = [];
  const step = async (
    label: string,
    kind: TargetKind,
    run: (target: Awaited<ReturnType<typeof startTarget>>) => Promise<Result | Result[]>,
    options: { processes?: number } = {},
  ) => {
    const began = Date.now();
    const target = await startTarget(kind, options);
    try {
      const result = await run(target);
      results.push(...(Array.isArray(result) ? result : [result]));
    } finally {
      await target.stop();
    }
    console.log(`  ${label} (${kind}) done in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  };

  console.log(`Benchmark ${quick ? '(quick)' : '(full)'}: servers and clients on 127.0.0.1`);
  for (const plan of runs('fanout') ? fanoutPlan.filter((p) => targets(p.kind)) : []) {
    await step(`fan-out ${plan.members}`, plan.kind, (t) =>
      runFanout(t, plan.members, plan.modes, durationMs, workers),
    );
  }
  for (const kind of runs('write') ? (['bare', 'api'] as const).filter(targets) : [])
    await step('write path', kind, (t) => runWritePath(t, 100, durationMs, workers));
  for (const kind of runs('connections') ? (['bare', 'api'] as const).filter(targets) : [])
    await step('connections', kind, (t) => runConnections(t, connectionCount, workers));
  if (runs('reactions') && targets('api'))
    await step('reactions', 'api', (t) =>
      runReactions(t, reactionMembers, reactionOps, reactionWindows, workers),
    );
  if (runs('catchup') && targets('api'))
    await step('catch-up', 'api', (t) =>
      runCatchup(t, catchupMessages, catchupChanges, catchupRequests),
    );
  if (runs('search') && targets('api'))
    await step('search', 'api', (t) => runSearch(t, searchRequests));
  // Only when asked (`--only storm`): ten thousand users at once is not for every run.
  if (only === 'storm') {
    const plan: Array<{ kind: TargetKind; processes: number }> = [
      { kind: 'bare', processes: 1 },
      { kind: 'api', processes: 1 },
      { kind: 'api-redis', processes: 3 },
    ];
    for (const { kind, processes } of plan.filter((p) => targets(p.kind))) {
      await step(`storm of ${stormUsers}`, kind, (t) => runStorm(t, stormUsers, workers), {
        processes,
      });
    }
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = markdown(results, { quick, startedAt, machine });
  writeFileSync(
    'bench-results.json',
    JSON.stringify({ startedAt, quick, machine, results }, null, 2),
  );
  writeFileSync('bench-results.md', table);
  console.log(`\n${table}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
