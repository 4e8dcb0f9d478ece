import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  readonly type: string;
  readonly text?: string;
  readonly replyToId?: string;
  readonly conversation?: { id: string };
  readonly attachments?: unknown[];
  readonly [key: string]: unknown;
}

/**
 * Stands in for the Bot Connector service: receives what the bot sends to
 * `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]` and keeps it per conversation, so tests read
 * exactly what a user would see.
 */
export class LocalConnector {
  private server?: Server;
  private readonly byConversation = new Map<string, ReceivedActivity[]>();
  private readonly updatesBy = new Map<string, ReceivedActivity[]>();
  private readonly waiters = new Set<() => void>();
  private nextId = 1;
  url = '';
  /** Activities received in all, kept or not. */
  received = 0;
  private readonly failures: { status: number; code: string }[] = [];

  /** The next POSTs answer with these errors (as the Bot Connector would), in order. */
  failNext(status: number, code: string, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ status, code });
  }

  /** `keep: false` only counts (for benchmarks that would otherwise hold every reply in memory). */
  constructor(private readonly options: { keep?: boolean } = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readJson(req).then((body) => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        const failure = req.method === 'POST' ? this.failures.shift() : undefined;
        if (failure) {
          res.writeHead(failure.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: failure.code, message: 'scripted failure' } }));
        } else if (req.method === 'PUT' && match && body) {
          // An updated activity (a card refreshed for everyone): kept apart from new messages.
          const list = this.updatesBy.get(decodeURIComponent(match[1] as string)) ?? [];
          list.push(body as ReceivedActivity);
          this.updatesBy.set(decodeURIComponent(match[1] as string), list);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: (body as ReceivedActivity).id ?? '' }));
        } else if (req.method === 'POST' && match && body) {
          this.record(decodeURIComponent(match[1] as string), body as ReceivedActivity);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `reply-${this.nextId++}` }));
        } else {
          res.writeHead(404);
          res.end();
        }
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Messages (not typing indicators) the bot sent in a conversation, in arrival order. */
  messages(conversationId: string): ReceivedActivity[] {
    return (this.byConversation.get(conversationId) ?? []).filter((a) => a.type === 'message');
  }

  /** Events (e.g. Bot Framework handoff events) the bot sent in a conversation, in arrival order. */
  events(conversationId: string, name?: string): ReceivedActivity[] {
    return (this.byConversation.get(conversationId) ?? []).filter(
      (a) => a.type === 'event' && (name === undefined || a.name === name),
    );
  }

  /** Activities the bot replaced (PUT) in a conversation, in arrival order. */
  updates(conversationId: string): ReceivedActivity[] {
    return this.updatesBy.get(conversationId) ?? [];
  }

  async waitForMessages(
    conversationId: string,
    count: number,
    timeoutMs = 10_000,
  ): Promise<ReceivedActivity[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages(conversationId).length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `expected ${count} messages in ${conversationId}, got ${this.messages(conversationId).length}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 200));
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
    return this.messages(conversationId);
  }

  private record(conversationId: string, activity: ReceivedActivity): void {
    this.received += 1;
    if (this.options.keep === false) return;
    const list = this.byConversation.get(conversationId) ?? [];
    list.push(activity);
    this.byConversation.set(conversationId, list);
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
