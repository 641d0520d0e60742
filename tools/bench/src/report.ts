import type { CatchupResult } from './scenarios/catchup.js';
import type { ConnectionsResult } from './scenarios/connections.js';
import type { ReactionsResult } from './scenarios/reactions.js';
import type { SearchBenchResult } from './scenarios/search.js';
import type { StormResult } from './scenarios/storm.js';
import type { FanoutResult } from './scenarios/fanout.js';
import type { WritePathResult } from './scenarios/write-path.js';

export type Result =
  | FanoutResult
  | WritePathResult
  | ConnectionsResult
  | ReactionsResult
  | CatchupResult
  | SearchBenchResult
  | StormResult;

const ratio = (value: number, base: number | undefined) =>
  base ? `${(value / base).toFixed(2)}×` : '–';
const ms = (value: number | null) => (value === null ? '–' : String(value));
const n = (value: number) => value.toLocaleString('en-US');

/** The Markdown tables of a run; every throughput figure also as a ratio to the bare server. */
export function markdown(
  results: Result[],
  meta: { quick: boolean; startedAt: string; machine: string },
): string {
  const fanout = results.filter((r): r is FanoutResult => r.scenario === 'fanout');
  const writes = results.filter((r): r is WritePathResult => r.scenario === 'write-path');
  const connections = results.filter((r): r is ConnectionsResult => r.scenario === 'connections');
  const storms = results.filter((r): r is StormResult => r.scenario === 'storm');
  const reactions = results.filter((r): r is ReactionsResult => r.scenario === 'reactions');
  const catchups = results.filter((r): r is CatchupResult => r.scenario === 'catchup');
  const searches = results.filter((r): r is SearchBenchResult => r.scenario === 'search');
  // A reaction toggle against the send at the same window, in the same run.
  const sendAt = (r: ReactionsResult) =>
    reactions.find((b) => b.op === 'send' && b.window === r.window);
  const bareStorm = storms.find((r) => r.target === 'bare');
  const bareFanout = (r: FanoutResult) =>
    fanout.find((b) => b.target === 'bare' && b.members === r.members && b.mode === r.mode);
  const lines = [
    `Run ${meta.startedAt}${meta.quick ? ' (quick)' : ''} on ${meta.machine}.`,
    '',
    ...(fanout.length === 0
      ? []
      : [
          '### Fan-out (one room, one sender)',
          '',
          '| target | members | mode | delivered/s | × bare | deliveries per server CPU-s | × bare | p50 ms | p95 ms | p99 ms | lost |',
          '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
          ...fanout.map((r) => {
            const base = bareFanout(r);
            return `| ${r.target} | ${n(r.members)} | ${r.mode} | ${n(r.deliveriesPerS)} | ${r.target === 'bare' ? '1.00×' : ratio(r.deliveriesPerS, base?.deliveriesPerS)} | ${n(r.deliveriesPerCpuS)} | ${r.target === 'bare' ? '1.00×' : ratio(r.deliveriesPerCpuS, base?.deliveriesPerCpuS)} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.p99Ms)} | ${n(r.lost)} |`;
          }),
          '',
        ]),
    ...(writes.length === 0
      ? []
      : [
          '### Write path (two members per room, every member sending flat out)',
          '',
          '| target | rooms | senders | acked/s | × bare | ack p50 ms | ack p99 ms | persisted | failed |',
          '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
          ...writes.map((r) => {
            const base = writes.find((b) => b.target === 'bare');
            return `| ${r.target} | ${r.rooms} | ${r.senders} | ${n(r.ackedPerS)} | ${r.target === 'bare' ? '1.00×' : ratio(r.ackedPerS, base?.ackedPerS)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${r.persisted === null ? '–' : `${n(r.persisted)} of ${n(r.acked)}`} | ${n(r.failed)} |`;
          }),
          '',
        ]),
    ...(connections.length === 0
      ? []
      : [
          '### Idle connections',
          '',
          '| target | sockets | connects/s | × bare | RSS before MiB | RSS after MiB | RSS per connection KiB |',
          '|---|---:|---:|---:|---:|---:|---:|',
          ...connections.map((r) => {
            const base = connections.find((b) => b.target === 'bare');
            return `| ${r.target} | ${n(r.sockets)} | ${n(r.connectsPerS)} | ${r.target === 'bare' ? '1.00×' : ratio(r.connectsPerS, base?.connectsPerS)} | ${r.rssBeforeMiB} | ${r.rssAfterMiB} | ${r.rssPerConnectionKiB} |`;
          }),
          '',
        ]),
    ...(reactions.length === 0
      ? []
      : [
          `### Reactions (one room of ${n(reactions[0]!.members)} subscribed members, one of them acting)`,
          '',
          '| operation | in flight | ops | acked | counter values taken | server CPU ms/op (of it kernel) | × send | PostgreSQL CPU ms/op | × send | write syscalls/op (KiB) | ack p50 ms | ack p99 ms | delivered | lost |',
          '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
          ...reactions.map((r) => {
            const base = sendAt(r);
            const dbRatio =
              r.dbCpuMsPerOp === null || base?.dbCpuMsPerOp == null
                ? '–'
                : ratio(r.dbCpuMsPerOp, base.dbCpuMsPerOp);
            return `| ${r.op === 'send' ? 'message:send' : 'reaction:add / remove'} | ${r.window} | ${n(r.ops)} | ${n(r.acked)} | ${n(r.changes)} | ${r.serverCpuMsPerOp} (${r.serverKernelMsPerOp}) | ${r.op === 'send' ? '1.00×' : ratio(r.serverCpuMsPerOp, base?.serverCpuMsPerOp)} | ${ms(r.dbCpuMsPerOp)} | ${r.op === 'send' ? '1.00×' : dbRatio} | ${n(r.writesPerOp)} (${n(r.writtenKiBPerOp)}) | ${ms(r.ackP50Ms)} | ${ms(r.ackP99Ms)} | ${n(r.delivered)} | ${n(r.lost)} |`;
          }),
          '',
        ]),
    ...(catchups.length === 0
      ? []
      : [
          `### Catch-up (general with ${n(catchups[0]!.messages)} messages, ${n(catchups[0]!.changesAfterN)} changes after N; seeded in ${catchups[0]!.seedS} s)`,
          '',
          '| request | requests | messages in answer | p50 ms | p99 ms | max ms | server CPU ms/request |',
          '|---|---:|---:|---:|---:|---:|---:|',
          ...catchups.map(
            (r) =>
              `| ${r.request} | ${n(r.requests)} | ${n(r.items)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${ms(r.maxMs)} | ${r.serverCpuMsPerRequest} |`,
          ),
          '',
        ]),
    ...(searches.length === 0
      ? []
      : [
          `### Search (${n(searches[0]!.messages)} messages in ${n(searches[0]!.conversations)} rooms, a reader in ${searches[0]!.readerConversations}; seeded in ${searches[0]!.seedS} s)`,
          '',
          '| request | matching messages (all / readable) | requests | hits in answer | p50 ms | p95 ms | max ms | server CPU ms/request |',
          '|---|---:|---:|---:|---:|---:|---:|---:|',
          ...searches.map(
            (r) =>
              `| ${r.request} | ${n(r.matchesAll)} / ${n(r.matchesReadable)} | ${n(r.requests)} | ${n(r.hitsInAnswer)} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.maxMs)} | ${r.serverCpuMsPerRequest ?? '–'} |`,
          ),
          '',
        ]),
    ...(storms.length === 0
      ? []
      : [
          '### Reconnect storm (distinct users, one socket each, all at once, each watching 50)',
          '',
          '| target | processes | users | connected | wall s | × bare | server CPU s | × bare | frames/socket mean | max | refused | max event-loop delay ms | RSS per connection KiB |',
          '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
          ...storms.map(
            (r) =>
              `| ${r.target} | ${r.processes} | ${n(r.users)} | ${n(r.connected)} | ${r.wallS} | ${r.target === 'bare' ? '1.00×' : ratio(r.wallS, bareStorm?.wallS)} | ${r.serverCpuS} | ${r.target === 'bare' ? '1.00×' : ratio(r.serverCpuS, bareStorm?.serverCpuS)} | ${r.framesPerSocketMean} | ${r.framesPerSocketMax} | ${n(r.refused)}${
                r.refused
                  ? ` (${Object.entries(r.refusedBy)
                      .map(([c, k]) => `${c} ${k}`)
                      .join(', ')})`
                  : ''
              } | ${ms(r.maxLoopDelayMs)} | ${r.rssPerConnectionKiB} |`,
          ),
          '',
        ]),
  ];
  return lines.join('\n');
}
