import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { WhatsAppConfig } from '../../config';
import type { RequestLimits } from '../../http/request-limits';
import type { Logger } from '../../observability/logger';
import type { InboxQueue } from './inbox-queue';
import { parseWebhook } from './inbound';
import { verifySignature } from './signature';
import { whatsAppUserId, type ConversationWindowStore, type WaInbound, type WaInboundMessage } from './types';

export const WHATSAPP_WEBHOOK_PATH = '/api/whatsapp';

export interface WhatsAppWebhookDeps {
  readonly config: WhatsAppConfig;
  readonly bodyLimitBytes: number;
  /** Claims each message and stores what is new durably; its consumer runs the turns after the 200. */
  readonly inbox: Pick<InboxQueue, 'accept'>;
  readonly window: ConversationWindowStore;
  readonly logger: Logger;
  /** Per-IP budget checked before anything else (429: Meta retries later, nothing is lost). */
  readonly limits?: Pick<RequestLimits, 'allowIp'>;
}

/**
 * The WhatsApp Cloud API webhook.
 *
 * GET answers Meta's verification handshake. POST checks X-Hub-Signature-256 over the raw bytes (401 and
 * nothing else without a valid one), records the customer-service window, claims each message id and puts
 * the new messages and the statuses in the inbox queue (one atomic step), then answers 200; the queue's
 * consumer runs them. A process killed after the 200 loses nothing: the entries wait in the queue for
 * another consumer. Meta retries anything but a 200 for about a day, so:
 * - a body that is not JSON, or parts we cannot read, still get 200 (retrying would not fix them) and a
 *   log line;
 * - when Redis cannot record or enqueue, the answer is 503, nothing is queued and Meta's retry brings the
 *   messages back; the claims are what make that retry (and any other) process each message once.
 */
export function registerWhatsAppWebhook(server: Server, deps: WhatsAppWebhookDeps): void {
  const log = deps.logger.child({ route: WHATSAPP_WEBHOOK_PATH });

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
    await receive(req, res, deps, log);
  });
}

/** Answers the request: 200 once whatever it carries is safely queued. */
async function receive(req: Request, res: Response, deps: WhatsAppWebhookDeps, log: Logger): Promise<void> {
  let body: Buffer | typeof TOO_LARGE;
  try {
    body = await readRawBody(req, deps.bodyLimitBytes);
  } catch {
    log.info('whatsapp webhook body not received (client went away)');
    return;
  }
  if (body === TOO_LARGE) {
    log.warn({ limit: deps.bodyLimitBytes }, 'whatsapp webhook body too large');
    res.send(413, { code: 'PayloadTooLarge', message: `Request body size exceeds ${deps.bodyLimitBytes}` });
    return;
  }
  const signature = req.header('x-hub-signature-256');
  if (!verifySignature(body, signature || undefined, deps.config.appSecret)) {
    log.warn(
      { signature: signature ? 'mismatch' : 'missing', bytes: body.length },
      'whatsapp webhook refused',
    );
    res.send(401, { code: 'Unauthorized', message: 'X-Hub-Signature-256 is missing or does not match' });
    return;
  }
  const payload = parseJson(body);
  if (payload === NOT_JSON) {
    log.warn({ bytes: body.length }, 'whatsapp webhook body is not JSON; acknowledged and dropped');
    res.send(200);
    return;
  }
  const parsed = parseWebhook(payload);
  if (parsed.problems.length > 0) log.warn({ problems: parsed.problems }, 'whatsapp webhook parts skipped');
  const events = ownEvents(parsed.events, deps.config.phoneNumberId, log);
  try {
    await accept(events, deps, log);
  } catch (err) {
    log.error({ err: errorSummary(err) }, 'whatsapp webhook could not queue messages; asking Meta to retry');
    res.send(503, { code: 'ServiceUnavailable', message: 'Temporarily unavailable; retry later' });
    return;
  }
  res.send(200);
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
 * Records the window, then claims and queues in one step: either every event is queued (duplicates left
 * out) or none is and the request fails as a whole, so Meta's retry finds the messages new.
 */
async function accept(events: WaInbound[], deps: WhatsAppWebhookDeps, log: Logger): Promise<void> {
  if (events.length === 0) return;
  const messages = events.filter((e): e is WaInboundMessage => e.kind === 'message');
  await recordWindows(messages, deps.window);
  const accepted = await deps.inbox.accept(events);
  const fresh = accepted.filter((e) => e.kind === 'message').length;
  log.debug(
    {
      messages: fresh,
      duplicates: messages.length - fresh,
      statuses: events.length - messages.length,
    },
    'whatsapp webhook accepted',
  );
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
