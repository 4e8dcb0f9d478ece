/**
 * `npm run bench`: the same closed-loop load against (a) a bare botbuilder + restify echo bot on
 * MemoryStorage and (b) this bot with Redis state, one after the other in one run, both replying through
 * a local connector. Prints one JSON line last.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { freePort } from '../test/support/bot-process';
import { LocalConnector } from '../test/support/local-connector';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../test/support/redis';
import { runLoad, type LoadResult } from './load';

const ROOT = path.resolve(__dirname, '..');
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 6000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1500);
const CONCURRENCY = 32;

async function startServer(
  script: string,
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${script} did not start`);
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function stateRoundTrips(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('iys_state_redis_roundtrips_total'))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

async function measure(
  label: string,
  url: string,
  serviceUrl: string,
  afterWarmup: () => Promise<void> = async () => undefined,
): Promise<LoadResult> {
  const common = { botUrl: url, serviceUrl, concurrency: CONCURRENCY, conversationsPerWorker: 8 };
  await runLoad({ ...common, label: `${label}-warm`, requests: WARMUP });
  await afterWarmup();
  const result = await runLoad({ ...common, label, requests: REQUESTS });
  console.log(`${label}: ${JSON.stringify(result)}`);
  return result;
}

async function main(): Promise<void> {
  const connector = await new LocalConnector({ keep: false }).start();
  const prefix = uniquePrefix('bench');

  const echo = await startServer('bench/echo-bot.ts', {});
  const baseline = await measure('baseline', echo.url, connector.url);
  await stop(echo.child);

  // BENCH_ENCRYPTION_KEYS (id:base64) measures the bot with its state encrypted, as in production.
  const encryption = process.env.BENCH_ENCRYPTION_KEYS;
  const bot = await startServer('src/main.ts', {
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    // One client IP sends thousands of turns a second here: the bench measures turns, not the rate limiter.
    HTTP_RATE_PER_IP: '100000',
    HTTP_RATE_PER_USER: '10000',
    ...(encryption ? { ENCRYPTION_KEYS: encryption } : {}),
  });
  let before = 0;
  const ours = await measure('bot', bot.url, connector.url, async () => {
    before = await stateRoundTrips(bot.url);
  });
  const trips = (await stateRoundTrips(bot.url)) - before;
  await stop(bot.child);
  await connector.stop();
  await deleteByPrefix(prefix);

  console.log(
    JSON.stringify({
      baseline_rps: round(baseline.rps),
      bot_rps: round(ours.rps),
      ratio: round(ours.rps / baseline.rps),
      baseline_p99_ms: round(baseline.p99Ms),
      bot_p99_ms: round(ours.p99Ms),
      redis_roundtrips_per_turn: round(trips / ours.requests),
      errors: baseline.errors + ours.errors,
    }),
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

void main();
