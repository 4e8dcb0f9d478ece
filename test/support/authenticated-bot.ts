import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import type { OpenIdServer } from './openid-server';

export const TEST_APP_ID = '11111111-2222-3333-4444-555555555555';
const TEST_APP_PASSWORD = 'test-only-password';

export interface AuthenticatedBot {
  readonly url: string;
  /** Log lines at warn and above, parsed. */
  readonly logs: { level: number; msg: string; [key: string]: unknown }[];
  stop(): Promise<void>;
}

/**
 * The real composition root with an app id, so every request is authenticated: inbound token keys come
 * from `openId` (BOT_OPENID_METADATA_URL, or `metadataUrl` to point elsewhere), outbound tokens from its
 * token endpoint. Log lines are kept for assertions.
 */
export async function startAuthenticatedBot(
  openId: OpenIdServer,
  env: Record<string, string> = {},
  metadataUrl = openId.metadataUrl,
): Promise<AuthenticatedBot> {
  const logs: AuthenticatedBot['logs'] = [];
  const logger = createLogger('warn', { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    MICROSOFT_APP_ID: TEST_APP_ID,
    MICROSOFT_APP_PASSWORD: TEST_APP_PASSWORD,
    BOT_OPENID_METADATA_URL: metadataUrl,
    ...env,
  });
  const app = createApp(config, {
    logger,
    botCredentials: openId.credentialsFactory(TEST_APP_ID, TEST_APP_PASSWORD),
  });
  const running = await app.start();
  return { url: `http://127.0.0.1:${running.port}`, logs, stop: () => running.stop() };
}

/** Waits, when fewer than `marginMs` are left in the current minute, for the next one (fixed-window budgets). */
export async function awayFromMinuteBoundary(marginMs = 20_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 100));
}
