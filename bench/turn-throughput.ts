/**
 * `npm run bench`: the same closed-loop load against (a) a bare botbuilder + restify echo bot on
 * MemoryStorage and (b) this bot with Redis state (ROLE=web, as a web replica runs), one after the other in
 * one run, both replying through a local connector. Then (c) the same script one turn at a time through a
 * counting relay in front of Redis, which gives the Redis round trips and commands per customer turn over
 * every store (state, lock, limits, handoff, transcript …). Prints one JSON line last.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { freePort } from '../test/support/bot-process';
import { LocalConnector } from '../test/support/local-connector';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../test/support/redis';
import { runLoad, type LoadResult } from './load';
import { RedisCounter } from './redis-counter';

const ROOT = path.resolve(__dirname, '..');
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 6000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1500);
const CONCURRENCY = 32;
/** Turns of the counting phase (one at a time, so the relay's counts belong to one turn at a time). */
const COUNTED_TURNS = Number(process.env.BENCH_COUNTED_TURNS ?? 400);

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
  const botEnv = (redisUrl: string) => ({
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    ROLE: 'web',
    // One client IP sends thousands of turns a second here: the bench measures turns, not the rate limiter.
    HTTP_RATE_PER_IP: '100000',
    HTTP_RATE_PER_USER: '10000',
    ...(encryption ? { ENCRYPTION_KEYS: encryption } : {}),
  });
  const bot = await startServer('src/main.ts', botEnv(REDIS_URL));
  const ours = await measure('bot', bot.url, connector.url);
  await stop(bot.child);

  const redis = new URL(REDIS_URL);
  const counter = new RedisCounter(redis.hostname, Number(redis.port || 6379));
  const counted = await startServer('src/main.ts', botEnv(await counter.start()));
  const common = {
    botUrl: counted.url,
    serviceUrl: connector.url,
    concurrency: 1,
    conversationsPerWorker: 8,
  };
  await runLoad({ ...common, label: 'count-warm', requests: 40 });
  counter.reset();
  const sequential = await runLoad({ ...common, label: 'count', requests: COUNTED_TURNS });
  const { roundTrips, commands } = counter;
  await stop(counted.child);
  await counter.stop();
  await connector.stop();
  await deleteByPrefix(prefix);

  console.log(
    JSON.stringify({
      baseline_rps: round(baseline.rps),
      bot_rps: round(ours.rps),
      ratio: round(ours.rps / baseline.rps),
      baseline_p99_ms: round(baseline.p99Ms),
      bot_p99_ms: round(ours.p99Ms),
      redis_roundtrips_per_turn: round(roundTrips / sequential.requests),
      redis_commands_per_turn: round(commands / sequential.requests),
      errors: baseline.errors + ours.errors + sequential.errors,
    }),
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

void main();
