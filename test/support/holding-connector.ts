import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Bot Connector stand-in that can hold the bot's replies open: a turn waiting on it is "mid-turn" for as
 * long as the test likes (the lease is held and renewed meanwhile).
 */
export class HoldingConnector {
  private server?: Server;
  readonly texts = new Map<string, string[]>();
  private readonly held: ServerResponse[] = [];
  private onHeld?: () => void;
  holding = false;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves when the next reply is held. */
  /** Answers every held reply (the turns waiting on them go on). */
  release(): void {
    for (const res of this.held.splice(0)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    }
  }

  nextHeld(): Promise<void> {
    return new Promise((resolve) => (this.onHeld = resolve));
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    if (this.holding) {
      this.held.push(res);
      this.onHeld?.();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
      type?: string;
      text?: string;
    };
    if (match && body.type === 'message') {
      const id = decodeURIComponent(match[1] as string);
      this.texts.set(id, [...(this.texts.get(id) ?? []), body.text ?? '']);
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: randomUUID() }));
  }
}
