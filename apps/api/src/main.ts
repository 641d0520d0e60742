import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/load-config.js';
import { startServer } from './start-server.js';

async function main(): Promise<void> {
  const env = loadConfig();
  const server = await startServer(env);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // SIGTERM is a deploy or a scale-down: hand the sockets to the other processes first.
    const drained = signal === 'SIGTERM' ? server.drain() : Promise.resolve();
    console.log(`${signal} received: closing sockets, HTTP and the database…`);
    drained
      .catch((error: unknown) => console.error('Drain failed; stopping anyway', error))
      .then(() => server.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Shutdown failed', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Start-up failed:', error);
  process.exit(1);
});
