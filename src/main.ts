import cluster from 'node:cluster';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';

/**
 * Process entry: configuration, start, and a graceful stop on SIGTERM/SIGINT.
 * With Redis configured and WEB_CONCURRENCY > 1, a primary forks that many bot processes sharing the
 * port (node:cluster); turns stay serialised per conversation through the Redis turn lock.
 */
function main(): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`iys-onboarding-bot refuses to start. ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (cluster.isPrimary && config.redis && config.http.workers > 1) runPrimary(config.http.workers);
  else void runWorker(config);
}

async function runWorker(config: Config): Promise<void> {
  const app = createApp(config);
  const running = await app.start();
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function runPrimary(workers: number): void {
  let stopping = false;
  let failed = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    // A worker still booting when the stop came dies of the SIGTERM itself; that is a clean stop too.
    if (code !== 0 && !(stopping && signal === 'SIGTERM')) failed = true;
    if (!stopping) {
      // A worker that dies unasked is replaced; its conversations' leases expire on their own.
      process.stderr.write(`bot worker ${worker.process.pid} exited with ${code}; starting another\n`);
      cluster.fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) {
      process.exit(failed ? 1 : 0);
    }
  });
  const shutdown = (): void => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();
