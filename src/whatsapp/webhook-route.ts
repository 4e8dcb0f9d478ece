import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { WhatsAppConfig } from '../config';
import type { RequestLimits } from '../http/request-limits';
import type { Logger } from '../observability/logger';
import { messageIdHash, type MessageDedupe } from './inbox';
import { parseWebhook } from './inbound';
import { verifySignature } from './signature';
import { whatsAppUserId, type ConversationWindowStore, type WaInbound, type WaInboundMessage } from './types';

export const WHATSAPP_WEBHOOK_PATH = '/api/whatsapp';

export interface WhatsAppWebhookDeps {
  readonly config: WhatsAppConfig;
  readonly bodyLimitBytes: number;
  readonly dedupe: MessageDedupe;
  readonly window: ConversationWindowStore;
  /** Runs after the 200 went out: new messages (each once) and every status, in payload order. */
  readonly handle: (events: WaInbound[]) => Promise<void>;
  readonly logger: Logger;
  /** Per-IP budget checked before anything else (429: Meta retries later, nothing is lost). */
  readonly limits?: Pick<RequestLimits, 'allowIp'>;
}

export interface WhatsAppWebhook {
  /** Resolves when every `handle` started so far has settled; for a clean shutdown. */
  drain(): Promise<void>;
}

/**
 * The WhatsApp Cloud API webhook.
 *
 * GET answers Meta's verification handshake. POST checks X-Hub-Signature-256 over the raw bytes (401 and
 * nothing else without a valid one), records the customer-service window and claims each message id, then
 * answers 200 and hands the events on. Meta retries anything but a 200 for about a day, so:
 * - a body that is not JSON, or parts we cannot read, still get 200 (retrying would not fix them) and a
 *   log line;
 * - when Redis cannot record or claim, the answer is 503, nothing is handed on and Meta's retry brings the
 *   messages back; the claims are what make that retry (and any other) process each message once.
 */
export function registerWhatsAppWebhook(server: Server, deps: WhatsAppWebhookDeps): WhatsAppWebhook {
  const log = deps.logger.child({ route: WHATSAPP_WEBHOOK_PATH });
  const inFlight = new Set<Promise<void>>();

  server.get(WHATSAPP_WEBHOOK_PATH, async (req, res) => {
    const query = new URLSearchParams(req.getQuery() ?? '');
    const challenge = query.get('hub.challenge') ?? '';
    const verified =
      query.get('hub.mode') === 'subscribe' &&
      sameSecret(query.get('hub.verify_token') ?? '', deps.config.verifyToken) &&
      challenge !== '' &&
      challenge.length <= 256;
    if (!verified) {
      log.warn('whatsapp verification refused');
      res.send(403, { code: 'Forbidden', message: 'Verification token not accepted' });
      return;
    }
    log.info('whatsapp webhook verified');
    res.sendRaw(200, challenge, {
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
    });
  });

  server.post(WHATSAPP_WEBHOOK_PATH, async (req, res) => {
    if (deps.limits && !(await deps.limits.allowIp('whatsapp', req, res))) return;
    const events = await receive(req, res, deps, log);
    if (!events || events.length === 0) return;
    const handling = Promise.resolve()
      .then(() => deps.handle(events))
      .catch((err: unknown) => log.error({ err: errorSummary(err) }, 'whatsapp events failed'))
      .finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });

  return {
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** Answers the request; returns the events to hand on once it has answered 200. */
async function receive(
  req: Request,
  res: Response,
  deps: WhatsAppWebhookDeps,
  log: Logger,
): Promise<WaInbound[] | undefined> {
  let body: Buffer | typeof TOO_LARGE;
  try {
    body = await readRawBody(req, deps.bodyLimitBytes);
  } catch {
    log.info('whatsapp webhook body not received (client went away)');
    return undefined;
  }
  if (body === TOO_LARGE) {
    log.warn({ limit: deps.bodyLimitBytes }, 'whatsapp webhook body too large');
    res.send(413, { code: 'PayloadTooLarge', message: `Request body size exceeds ${deps.bodyLimitBytes}` });
    return undefined;
  }
  const signature = req.header('x-hub-signature-256');
  if (!verifySignature(body, signature || undefined, deps.config.appSecret)) {
    log.warn(
      { signature: signature ? 'mismatch' : 'missing', bytes: body.length },
      'whatsapp webhook refused',
    );
    res.send(401, { code: 'Unauthorized', message: 'X-Hub-Signature-256 is missing or does not match' });
    return undefined;
  }
  const payload = parseJson(body);
  if (payload === NOT_JSON) {
    log.warn({ bytes: body.length }, 'whatsapp webhook body is not JSON; acknowledged and dropped');
    res.send(200);
    return undefined;
  }
  const parsed = parseWebhook(payload);
  if (parsed.problems.length > 0) log.warn({ problems: parsed.problems }, 'whatsapp webhook parts skipped');
  const events = ownEvents(parsed.events, deps.config.phoneNumberId, log);
  let accepted: WaInbound[];
  try {
    accepted = await accept(events, deps, log);
  } catch (err) {
    log.error({ err: errorSummary(err) }, 'whatsapp webhook could not claim messages; asking Meta to retry');
    res.send(503, { code: 'ServiceUnavailable', message: 'Temporarily unavailable; retry later' });
    return undefined;
  }
  res.send(200);
  return accepted;
}

/** One app may be subscribed for several numbers; a reply must come from the number the customer wrote to. */
function ownEvents(events: WaInbound[], phoneNumberId: string, log: Logger): WaInbound[] {
  const own = events.filter((e) => e.phoneNumberId === phoneNumberId);
  if (own.length < events.length) {
    log.warn({ count: events.length - own.length }, 'whatsapp events for another phone number ignored');
  }
  return own;
}

/**
 * Records the window and claims each message. Either all of it succeeds or the request fails as a whole:
 * claims already made are given back, so Meta's retry finds the messages new.
 */
async function accept(events: WaInbound[], deps: WhatsAppWebhookDeps, log: Logger): Promise<WaInbound[]> {
  const messages = events.filter((e): e is WaInboundMessage => e.kind === 'message');
  await recordWindows(messages, deps.window);
  const claims = await Promise.allSettled(messages.map((m) => deps.dedupe.claim(m.messageId)));
  const failed = claims.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (failed) {
    const claimed = messages.filter((_, i) => isClaimed(claims[i]));
    await Promise.allSettled(claimed.map(async (m) => deps.dedupe.release?.(m.messageId)));
    throw failed.reason;
  }
  const fresh = new Set(messages.filter((_, i) => isClaimed(claims[i])));
  for (const m of messages) {
    if (!fresh.has(m))
      log.debug({ messageIdHash: messageIdHash(m.messageId).slice(0, 16) }, 'duplicate dropped');
  }
  const accepted = events.filter((e) => e.kind === 'status' || fresh.has(e));
  log.debug(
    {
      messages: fresh.size,
      duplicates: messages.length - fresh.size,
      statuses: events.length - messages.length,
    },
    'whatsapp webhook accepted',
  );
  return accepted;
}

function isClaimed(claim: PromiseSettledResult<boolean> | undefined): boolean {
  return claim?.status === 'fulfilled' && claim.value;
}

/** One write per customer: the latest of their messages in this delivery. */
async function recordWindows(messages: readonly WaInboundMessage[], window: ConversationWindowStore) {
  const latest = new Map<string, Date>();
  for (const m of messages) {
    const userId = whatsAppUserId(m.from.userKey);
    const seen = latest.get(userId);
    if (!seen || seen < m.timestamp) latest.set(userId, m.timestamp);
  }
  await Promise.all([...latest].map(([userId, at]) => window.recordInbound(userId, at)));
}

const TOO_LARGE = Symbol('too large');
const NOT_JSON = Symbol('not JSON');

/**
 * Reads the body as bytes, since the signature is over exactly those. Past the limit the rest is read and
 * discarded (a declared oversize answers at once), so memory stays bounded.
 */
function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer | typeof TOO_LARGE> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(TOO_LARGE);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.once('end', () => {
      ended = true;
      resolve(size > limit ? TOO_LARGE : Buffer.concat(chunks, size));
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!ended) reject(new Error('request closed before its body ended'));
    });
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** Compares through fixed-length digests, so neither the content nor the length leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  if (!expected) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function errorSummary(err: unknown): { name: string; message: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message }
    : { name: 'Error', message: String(err) };
}
