import { createConnection } from 'node:net';
import { PrivateRedis } from './redis-server';

/**
 * Tests need a real Redis. Use TEST_REDIS_URL or 127.0.0.1:6379 when it answers; otherwise start a private
 * `redis-server` for this run (stopped in global teardown), so `npm test` needs nothing started by hand.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await answers(url)) {
    process.env.TEST_REDIS_URL = url;
    return;
  }
  const redis = new PrivateRedis();
  await redis.start();
  process.env.TEST_REDIS_URL = redis.url;
  (globalThis as { __privateRedis?: PrivateRedis }).__privateRedis = redis;
}

function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
