import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const WORKER_MAIN = join(import.meta.dirname, 'worker.js');

/** Client workers in separate processes, so the load generator is not the server's process. */
export class WorkerPool {
  private constructor(private readonly workers: ChildProcess[]) {}

  /**
   * `niceness` (0–19) lowers the workers' CPU priority: on a machine with fewer cores than
   * clients and servers, the servers then run whenever they have work, so a server's measured
   * stall is its own work and not time it spent descheduled behind the load generator.
   */
  static start(count: number, { niceness = 0 }: { niceness?: number } = {}): WorkerPool {
    const workers = Array.from({ length: count }, () =>
      fork(WORKER_MAIN, [], { stdio: 'inherit' }),
    );
    if (niceness > 0) for (const worker of workers) setPriority(worker.pid!, niceness);
    return new WorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends each worker its command and waits for one answer of `expect` from each. */
  async each<T extends FromWorker['type']>(
    command: (index: number) => ToWorker,
    expect: T,
  ): Promise<Array<Extract<FromWorker, { type: T }>>> {
    return Promise.all(
      this.workers.map(
        (worker, index) =>
          new Promise<Extract<FromWorker, { type: T }>>((resolve, reject) => {
            const listener = (message: FromWorker) => {
              if (message.type === 'error') {
                worker.off('message', listener);
                reject(new Error(message.message));
              } else if (message.type === expect) {
                worker.off('message', listener);
                resolve(message as Extract<FromWorker, { type: T }>);
              }
            };
            worker.on('message', listener);
            worker.send(command(index));
          }),
      ),
    );
  }

  /** Sends a command that has no answer. */
  tell(command: ToWorker): void {
    for (const worker of this.workers) worker.send(command);
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.exitCode !== null) return resolve();
            worker.once('exit', () => resolve());
            worker.send({ type: 'close' } satisfies ToWorker);
            setTimeout(() => worker.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
  }
}

/** Splits `items` into `parts` nearly equal slices. */
export function split<T>(items: T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, i) => items.filter((_, j) => j % parts === i));
}
