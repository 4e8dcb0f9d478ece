import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the İYS API, built from the shapes on dev.iys.org.tr: POST /oauth2/token (password
 * and refresh_token grants), GET /sps/{iysCode}/brands and GET /integrator/{integratorCode}/sps/{iysCode}.
 * Only H124 (HTTP 429, per-second limit) is a documented code; the other error codes it sends are made up
 * and start with FAKE_ so nobody mistakes them for İYS's.
 */

export interface FakeBrand {
  readonly brandCode: number;
  readonly name: string;
  readonly master?: boolean;
}

/** The per-channel shape is this project's assumption (see IntegratorAuthorizationSchema). */
export interface FakeAuthorizedBrand extends FakeBrand {
  readonly agreementControl?: boolean;
  readonly MESAJ?: { readonly read: boolean; readonly write: boolean };
  readonly ARAMA?: { readonly read: boolean; readonly write: boolean };
  readonly EPOSTA?: { readonly read: boolean; readonly write: boolean };
}

export type ScriptedFailure =
  | { readonly kind: 'rate_limit'; readonly retryAfterSec?: number }
  | { readonly kind: 'server_error'; readonly status?: number }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message?: string }
  | { readonly kind: 'raw'; readonly status: number; readonly body: string }
  | { readonly kind: 'drop' };

export type FailureScope = 'any' | 'token' | 'api';

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly grantType?: string;
  readonly bearer?: string;
  status: number;
}

export interface FakeIysOptions {
  readonly username?: string;
  readonly password?: string;
  readonly accessTtlSec?: number;
  readonly refreshTtlSec?: number;
}

const EMPTY_STATS = { consents: { approval: 0, rejection: 0, total: 0 }, retailers: { total: 0 } };

export class FakeIysServer {
  readonly requests: RequestLogEntry[] = [];
  credentials: { username: string; password: string };
  accessTtlSec: number;
  refreshTtlSec: number;
  /** Delay before answering a token request, to widen the window for concurrent callers. */
  tokenDelayMs = 0;
  private readonly brands = new Map<string, FakeBrand[]>();
  private readonly authorizations = new Map<string, FakeAuthorizedBrand[]>();
  private readonly failures: { failure: ScriptedFailure; scope: FailureScope }[] = [];
  private readonly accessTokens = new Set<string>();
  private readonly refreshTokens = new Set<string>();
  private issued = 0;

  private constructor(
    private readonly server: Server,
    options: FakeIysOptions,
  ) {
    this.credentials = {
      username: options.username ?? 'api-user',
      password: options.password ?? 'api-pass-123',
    };
    this.accessTtlSec = options.accessTtlSec ?? 7200;
    this.refreshTtlSec = options.refreshTtlSec ?? 14400;
  }

  static async start(options: FakeIysOptions = {}): Promise<FakeIysServer> {
    const server = createServer();
    const fake = new FakeIysServer(server, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  setBrands(iysCode: string, brands: readonly FakeBrand[]): void {
    this.brands.set(iysCode, [...brands]);
  }

  setAuthorization(integratorCode: string, iysCode: string, brands: readonly FakeAuthorizedBrand[]): void {
    this.authorizations.set(`${integratorCode}/${iysCode}`, [...brands]);
  }

  /** The next `times` requests in `scope` get `failure` instead of their normal answer. */
  failNext(failure: ScriptedFailure, times = 1, scope: FailureScope = 'any'): void {
    for (let i = 0; i < times; i += 1) this.failures.push({ failure, scope });
  }

  /** İYS forgets every access token it issued (as after expiry): the next API call gets 401. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }

  tokenRequests(grantType?: string): RequestLogEntry[] {
    return this.requests.filter(
      (r) => r.path === '/oauth2/token' && (!grantType || r.grantType === grantType),
    );
  }

  apiRequests(): RequestLogEntry[] {
    return this.requests.filter((r) => r.path !== '/oauth2/token');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const isToken = path === '/oauth2/token';
    const json = isToken ? parseJson(body) : undefined;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path,
      ...(typeof json?.grant_type === 'string' ? { grantType: json.grant_type } : {}),
      ...(bearer ? { bearer } : {}),
      status: 0,
    };
    this.requests.push(entry);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    const failure = this.takeFailure(isToken ? 'token' : 'api');
    if (failure) return this.fail(failure, send, res);
    if (isToken) return this.token(json ?? {}, send);
    if (!bearer || !this.accessTokens.has(bearer))
      return send(401, errorBody('FAKE_UNAUTHORIZED', 'invalid token'));
    return this.read(path, send);
  }

  private takeFailure(kind: 'token' | 'api'): ScriptedFailure | undefined {
    const index = this.failures.findIndex((f) => f.scope === 'any' || f.scope === kind);
    if (index < 0) return undefined;
    return this.failures.splice(index, 1)[0]?.failure;
  }

  private fail(failure: ScriptedFailure, send: Send, res: ServerResponse): void {
    switch (failure.kind) {
      case 'rate_limit': {
        const headers: Record<string, string> =
          failure.retryAfterSec === undefined ? {} : { 'retry-after': String(failure.retryAfterSec) };
        return send(429, errorBody('H124', 'saniyelik istek limiti aşıldı'), headers);
      }
      case 'server_error':
        return send(failure.status ?? 500, errorBody('FAKE_INTERNAL', 'internal error'));
      case 'unauthorized':
        return send(401, errorBody('FAKE_UNAUTHORIZED', 'invalid token'));
      case 'error':
        return send(failure.status, errorBody(failure.code, failure.message ?? 'error'));
      case 'raw':
        return send(failure.status, failure.body);
      case 'drop':
        res.socket?.destroy();
        return;
    }
  }

  private async token(body: Record<string, unknown>, send: Send): Promise<void> {
    if (this.tokenDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.tokenDelayMs));
    const { username, password } = this.credentials;
    const passwordOk =
      body.grant_type === 'password' && body.username === username && body.password === password;
    const refreshOk =
      body.grant_type === 'refresh_token' &&
      typeof body.refresh_token === 'string' &&
      this.refreshTokens.delete(body.refresh_token);
    if (!passwordOk && !refreshOk) return send(401, errorBody('FAKE_INVALID_GRANT', 'invalid credentials'));
    this.issued += 1;
    const access = `access-${this.issued}-${Math.random().toString(36).slice(2)}`;
    const refresh = `refresh-${this.issued}-${Math.random().toString(36).slice(2)}`;
    this.accessTokens.add(access);
    this.refreshTokens.add(refresh);
    send(200, {
      access_token: access,
      refresh_token: refresh,
      expires_in: this.accessTtlSec,
      refresh_expires_in: this.refreshTtlSec,
      token_type: 'bearer',
    });
  }

  private read(path: string, send: Send): void {
    const brands = /^\/sps\/(\d+)\/brands$/.exec(path);
    if (brands?.[1] !== undefined) {
      const list = this.brands.get(brands[1]);
      if (!list) return send(404, errorBody('FAKE_NOT_FOUND', 'unknown iysCode'));
      return send(
        200,
        list.map((b) => ({ ...b, stats: EMPTY_STATS })),
      );
    }
    const auth = /^\/integrator\/(\d+)\/sps\/(\d+)$/.exec(path);
    if (auth) {
      const list = this.authorizations.get(`${auth[1]}/${auth[2]}`) ?? [];
      return send(
        200,
        list.map((b) => ({ ...b, stats: EMPTY_STATS })),
      );
    }
    send(404, errorBody('FAKE_NOT_FOUND', 'no such route'));
  }
}

type Send = (status: number, payload: unknown, headers?: Record<string, string>) => void;

function errorBody(code: string, message: string) {
  return { errors: [{ code, message, location: [] as string[] }] };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A clock for IysClient tests: sleeps return at once (and move time), recorded for assertions. */
export function createTestClock(start = Date.parse('2026-11-20T09:00:00.000Z')) {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}
