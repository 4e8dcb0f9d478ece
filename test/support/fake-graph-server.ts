import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { whatsAppLimitProblems } from '../../src/channels/whatsapp/outbound';
import type { WaOutbound } from '../../src/channels/whatsapp/types';

/**
 * A local stand-in for the WhatsApp Cloud API (Graph API): POST /{version}/{phone-number-id}/messages,
 * GET /{version}/{media-id} and the media download URL it hands out, each behind the bearer token. Every
 * message is checked against WhatsApp's limits; tests assert `limitProblems` stays empty.
 */

export interface RecordedMessage {
  readonly path: string;
  readonly authorization: string | undefined;
  /** The whole JSON body as sent. */
  readonly body: Record<string, unknown>;
  /** The message part (type and its object), as the bot's types describe it. */
  readonly message: WaOutbound;
  readonly to?: string;
  readonly recipient?: string;
  readonly problems: readonly string[];
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  status: number;
}

export interface GraphFailure {
  readonly status: number;
  /** Meta's error code (e.g. 130429 throughput, 131047 outside the window, 131056 pair rate). */
  readonly code?: number;
  readonly subcode?: number;
  readonly message?: string;
  readonly details?: string;
  readonly retryAfter?: string;
  /** Answer with this raw text instead of an error object. */
  readonly rawBody?: string;
}

export type FailureScope = 'messages' | 'media' | 'any';

export interface FakeMedia {
  readonly bytes: Buffer;
  readonly mimeType: string;
}

export interface FakeGraphOptions {
  readonly accessToken?: string;
  readonly version?: string;
}

export class FakeGraphServer {
  readonly messages: RecordedMessage[] = [];
  readonly requests: RequestLogEntry[] = [];
  /** Every limit problem of every message sent, with the message's index. */
  readonly limitProblems: { readonly index: number; readonly problems: readonly string[] }[] = [];
  accessToken: string;
  readonly version: string;
  private readonly failures: { failure: GraphFailure; scope: FailureScope }[] = [];
  private readonly mediaFiles = new Map<string, FakeMedia>();
  private sent = 0;

  private constructor(
    private readonly server: Server,
    options: FakeGraphOptions,
  ) {
    this.accessToken = options.accessToken ?? 'fake-graph-token';
    this.version = options.version ?? 'v23.0';
  }

  static async start(options: FakeGraphOptions = {}): Promise<FakeGraphServer> {
    const server = createServer();
    const fake = new FakeGraphServer(server, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The next `times` requests in `scope` get `failure` instead of their answer. */
  failNext(failure: GraphFailure, times = 1, scope: FailureScope = 'messages'): void {
    for (let i = 0; i < times; i += 1) this.failures.push({ failure, scope });
  }

  addMedia(mediaId: string, media: FakeMedia): void {
    this.mediaFiles.set(mediaId, media);
  }

  reset(): void {
    this.messages.length = 0;
    this.requests.length = 0;
    this.limitProblems.length = 0;
    this.failures.length = 0;
    this.mediaFiles.clear();
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      authorization: req.headers.authorization,
      status: 0,
    };
    this.requests.push(entry);
    const raw = await readBody(req);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      // restify patches ServerResponse.writeHead in this process: write the head, then end, separately.
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
    };
    if (req.headers.authorization !== `Bearer ${this.accessToken}`) {
      send(401, graphError(190, 'Error validating access token: The session has expired.', 'OAuthException'));
      return;
    }
    const segments = url.pathname.split('/').filter(Boolean);
    const isMessages = req.method === 'POST' && segments.length === 3 && segments[2] === 'messages';
    const failure = this.takeFailure(isMessages ? 'messages' : 'media');
    if (failure) {
      const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
      send(failure.status, failure.rawBody ?? failureBody(failure), headers);
      return;
    }
    if (isMessages && segments[0] === this.version) return this.onMessage(url.pathname, req, raw, send);
    if (req.method === 'GET' && segments.length === 2 && segments[0] === this.version) {
      return this.onMediaInfo(segments[1] ?? '', send);
    }
    if (req.method === 'GET' && url.pathname === '/whatsapp_business/attachments/') {
      const media = this.mediaFiles.get(url.searchParams.get('mid') ?? '');
      if (!media) return send(404, graphError(100, 'Invalid parameter'));
      entry.status = 200;
      res.writeHead(200, { 'content-type': media.mimeType, 'content-length': String(media.bytes.length) });
      res.end(media.bytes);
      return;
    }
    send(404, graphError(100, 'Unsupported request'));
  }

  private onMessage(
    path: string,
    req: IncomingMessage,
    raw: string,
    send: (status: number, body: unknown) => void,
  ): void {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      send(400, graphError(100, 'Invalid parameter', 'OAuthException', 'Request body is not JSON'));
      return;
    }
    const { messaging_product, recipient_type: _recipientType, to, recipient, ...rest } = body;
    if (messaging_product !== 'whatsapp' || typeof rest.type !== 'string' || (!to && !recipient)) {
      send(400, graphError(131008, 'Required parameter is missing'));
      return;
    }
    const message = rest as unknown as WaOutbound;
    const problems = whatsAppLimitProblems(message);
    const index = this.messages.length;
    this.messages.push({
      path,
      authorization: req.headers.authorization,
      body,
      message,
      ...(typeof to === 'string' ? { to } : {}),
      ...(typeof recipient === 'string' ? { recipient } : {}),
      problems,
    });
    if (problems.length > 0) this.limitProblems.push({ index, problems });
    this.sent += 1;
    const input = String(to ?? recipient);
    send(200, {
      messaging_product: 'whatsapp',
      contacts: [typeof to === 'string' ? { input, wa_id: to } : { input, user_id: recipient }],
      messages: [{ id: `wamid.fake-${this.sent}` }],
    });
  }

  private onMediaInfo(mediaId: string, send: (status: number, body: unknown) => void): void {
    const media = this.mediaFiles.get(mediaId);
    if (!media) {
      send(400, graphError(100, 'Unsupported get request.', 'GraphMethodException'));
      return;
    }
    send(200, {
      messaging_product: 'whatsapp',
      url: `${this.baseUrl}/whatsapp_business/attachments/?mid=${encodeURIComponent(mediaId)}`,
      mime_type: media.mimeType,
      sha256: createHash('sha256').update(media.bytes).digest('hex'),
      file_size: media.bytes.length,
      id: mediaId,
    });
  }

  private takeFailure(kind: 'messages' | 'media'): GraphFailure | undefined {
    const at = this.failures.findIndex((f) => f.scope === 'any' || f.scope === kind);
    if (at < 0) return undefined;
    return this.failures.splice(at, 1)[0]?.failure;
  }
}

function graphError(code: number, message: string, type = 'OAuthException', details?: string): unknown {
  return {
    error: {
      message: `(#${code}) ${message}`,
      type,
      code,
      ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: 'AFakeTraceId',
    },
  };
}

function failureBody(failure: GraphFailure): unknown {
  const code = failure.code ?? (failure.status >= 500 ? 131000 : failure.status === 429 ? 130429 : 100);
  const body = graphError(code, failure.message ?? 'Scripted failure', 'OAuthException', failure.details) as {
    error: Record<string, unknown>;
  };
  if (failure.subcode !== undefined) body.error.error_subcode = failure.subcode;
  return body;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
