import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';

/** What the fake channel accepted: a reminder (attempt) or an escalation (attempt undefined). */
export interface Accepted {
  readonly caseId: string;
  readonly attempt?: number;
  readonly deliveryKey?: string;
}

/**
 * The channel the child workers send to. A reminder counts as delivered only once the channel answered
 * 200; in `hold` mode requests wait unanswered (a send in flight) and a request whose worker died while
 * it waited never counts, as a real channel that never accepted it.
 */
export class FakeChannel {
  readonly deliveries: Accepted[] = [];
  readonly escalations: Accepted[] = [];
  private held: { body: Accepted; res: ServerResponse }[] = [];
  private mode: 'accept' | 'hold' = 'accept';
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    this.url = `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Requests waiting for an answer whose sender is still connected. */
  heldCount(): number {
    return this.held.filter((h) => !h.res.destroyed).length;
  }

  hold(): void {
    this.mode = 'hold';
  }

  /** Accepts from now on, and answers (accepts) every held request still connected. */
  accept(): void {
    this.mode = 'accept';
    for (const { body, res } of this.held.splice(0)) if (!res.destroyed) this.acceptSend(body, res);
  }

  reset(): void {
    this.deliveries.length = 0;
    this.escalations.length = 0;
    this.held = [];
    this.mode = 'accept';
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Accepted;
    if (req.url === '/escalate') {
      this.escalations.push({ caseId: body.caseId });
      res.end('{}');
    } else if (this.mode === 'hold') {
      this.held.push({ body, res });
    } else {
      this.acceptSend(body, res);
    }
  }

  private acceptSend(body: Accepted, res: ServerResponse): void {
    this.deliveries.push(body);
    res.end('{}');
  }
}

const ROOT = path.resolve(__dirname, '..', '..');

export interface WorkerChild {
  readonly child: ChildProcess;
  /** The child's JSON log lines so far. */
  logs(): Record<string, unknown>[];
  /** Resolves when the child ended: its exit code, or the signal that killed it. */
  exited(): Promise<number | NodeJS.Signals | null>;
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** Starts test/support/reminder-worker-child.ts with `env` (nothing inherited but PATH). */
export function startWorkerChild(env: Record<string, string>): WorkerChild {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/reminder-worker-child.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  return {
    child,
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    exited: () => exit,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exit;
      if (err.trim()) process.stderr.write(`reminder worker child stderr: ${err}\n`);
    },
  };
}
