import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { PrivateRedis } from './redis-server';

/** Debian packages the suites run: a Redis to start when none answers, Chromium for the console test. */
const NEEDED = [
  { pkg: 'redis-server', present: () => onPath('redis-server') },
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
];

/**
 * Tests need a real Redis. Use TEST_REDIS_URL or 127.0.0.1:6379 when it answers; otherwise start a private
 * `redis-server` for this run (stopped in global teardown), so `npm test` needs nothing started by hand.
 */
export default async function globalSetup(): Promise<void> {
  installMissingPackages();
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

/**
 * On a fresh Debian machine (as root, with apt-get) `npm test` installs what it needs itself, so the
 * README's two commands stay all the set-up there is. Elsewhere nothing is installed and the suites that
 * need a package say which one.
 */
function installMissingPackages(): void {
  const missing = NEEDED.filter((n) => !n.present()).map((n) => n.pkg);
  if (missing.length === 0 || process.getuid?.() !== 0 || !onPath('apt-get')) return;
  console.log(`\ntest setup: installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: 'inherit', env });
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
