import { createApp, type RunningApp } from '../../src/app';
import type { Handoff, HandoffOptions } from '../../src/handoff/handoff-setup';
import type { CaseService } from '../../src/cases/case-service';
import { loadConfig } from '../../src/config';
import type { ReminderScheduler } from '../../src/reminders/reminder-scheduler';
import { createLogger } from '../../src/observability/logger';

export interface InProcessBot extends RunningApp {
  readonly url: string;
  readonly cases: CaseService;
  readonly reminders: ReminderScheduler;
  readonly handoff: Handoff;
}

/** Starts the real composition root inside the test process on a free port, logs silenced. */
export async function startInProcessBot(
  env: Record<string, string> = {},
  options: { handoff?: HandoffOptions } = {},
): Promise<InProcessBot> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ...env });
  const app = createApp(config, { logger: createLogger('silent'), ...options });
  const running = await app.start();
  // Redis connects in the background: a test's first turn must not race the connection.
  await untilReady(`http://127.0.0.1:${running.port}`);
  return {
    port: running.port,
    stop: () => running.stop(),
    url: `http://127.0.0.1:${running.port}`,
    cases: app.cases,
    reminders: app.reminders,
    handoff: app.handoff,
  };
}

async function untilReady(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await fetch(`${url}/readyz`)).status !== 200) {
    if (Date.now() > deadline) throw new Error('the bot did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
