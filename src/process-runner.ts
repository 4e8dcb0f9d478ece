import { createApp } from './app';
import { ConfigError, loadConfig } from './config';

/**
 * What both entry points do: configuration (with the entry's own overrides), start, and a graceful stop on
 * SIGTERM/SIGINT (exit 0), or a clear refusal when the configuration is wrong (exit 1).
 */
export async function runProcess(overrides: Record<string, string> = {}): Promise<void> {
  let config;
  try {
    config = loadConfig(undefined, overrides);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`iys-onboarding-bot refuses to start. ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
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
