import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';

/** A non-2xx answer from a channel's connector; `statusCode` and `code` let callers tell 403 from 429. */
export class ConnectorHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorHttpError';
  }
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const MAX_ATTEMPTS = 3;

/**
 * Posts activities as JSON over kept-alive sockets. Retries 429 (honouring Retry-After), 502–504 and a
 * socket reset before any answer, with exponential back-off and jitter.
 */
export class ActivitySender {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 128 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 128 });

  constructor(private readonly options: { timeoutMs?: number } = {}) {}

  async postJson(url: string, body: unknown, authorization?: string): Promise<unknown> {
    const payload = JSON.stringify(body);
    for (let attempt = 1; ; attempt++) {
      let outcome: { status: number; text: string; retryAfterMs?: number } | undefined;
      try {
        outcome = await this.once(url, payload, authorization);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS) throw err;
      }
      if (outcome && outcome.status >= 200 && outcome.status < 300) return parse(outcome.text);
      if (outcome && (!RETRYABLE_STATUS.has(outcome.status) || attempt >= MAX_ATTEMPTS)) {
        throw toError(outcome.status, outcome.text);
      }
      const backoff = outcome?.retryAfterMs ?? 200 * 2 ** (attempt - 1);
      await sleep(Math.min(backoff, 10_000) * (0.8 + Math.random() * 0.4));
    }
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private once(url: string, payload: string, authorization?: string) {
    const secure = url.startsWith('https:');
    const send = secure ? httpsRequest : httpRequest;
    return new Promise<{ status: number; text: string; retryAfterMs?: number }>((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          timeout: this.options.timeoutMs ?? 30_000,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(payload),
            accept: 'application/json',
            ...(authorization ? { authorization } : {}),
          },
        },
        (res) => collect(res).then(resolve, reject),
      );
      req.on('timeout', () => req.destroy(new Error('connector request timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

async function collect(
  res: IncomingMessage,
): Promise<{ status: number; text: string; retryAfterMs?: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const retryAfter = Number(res.headers['retry-after']);
  return {
    status: res.statusCode ?? 0,
    text: Buffer.concat(chunks).toString('utf8'),
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}

function parse(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function toError(status: number, text: string): ConnectorHttpError {
  const body = parse(text) as { error?: { code?: string; message?: string } };
  const code = body.error?.code;
  return new ConnectorHttpError(status, code, `connector answered ${status}${code ? ` ${code}` : ''}`);
}
