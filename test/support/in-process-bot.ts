import { createApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';

/** Starts the real composition root inside the test process on a free port, logs silenced. */
export async function startInProcessBot(
  env: Record<string, string> = {},
): Promise<RunningApp & { url: string }> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ...env });
  const app = createApp(config, { logger: createLogger('silent') });
  const running = await app.start();
  return { ...running, stop: () => running.stop(), url: `http://127.0.0.1:${running.port}` };
}
