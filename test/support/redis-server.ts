import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { freePort } from './bot-process';

/**
 * A private `redis-server` on a free port, for tests that stop and restart Redis; the machine's shared
 * Redis is never touched.
 */
export class PrivateRedis {
  private child?: ChildProcess;
  private dir?: string;
  port = 0;

  /**
   * `durable`: AOF fsynced on every write in a directory of its own, so a restart on the same port keeps
   * everything Redis acknowledged (without it, a restart starts empty).
   */
  constructor(private readonly options: { durable?: boolean } = {}) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...this.persistence()],
      {
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const client = createClient({ url: this.url, socket: { reconnectStrategy: false } });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
        await client.close();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error('private redis-server did not start');
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  async stop(): Promise<void> {
    // A process ended by a signal keeps exitCode null and sets signalCode instead.
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await once(this.child, 'exit');
  }

  /** Stops the server and removes a durable server's files. */
  async destroy(): Promise<void> {
    await this.stop();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  private persistence(): string[] {
    if (!this.options.durable) return ['--appendonly', 'no'];
    this.dir ??= mkdtempSync(join(tmpdir(), 'redis-aof-'));
    return ['--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always'];
  }
}
