import { z } from 'zod/v4';
import { backoffDelay, parseRetryAfter, type RetryPolicy } from '../../iys/backoff';
import {
  GraphApiError,
  graphErrorFrom,
  invalidResponse,
  PAIR_RATE_CODE,
  parseJson,
  tooLarge,
  type GraphErrorReason,
} from './graph-errors';
import type { WaOutbound, WaRecipient, WhatsAppSender } from './types';

/**
 * The WhatsApp Cloud API (Graph API) client: sends messages and fetches media. One instance per process;
 * Node's fetch keeps its connections to the Graph API alive between calls. Rate limits and server errors
 * are retried here with backoff; everything else goes back to the caller classified by `reason`.
 */

export interface GraphClientOptions {
  /** Graph API origin, e.g. https://graph.facebook.com (a local fake in tests). */
  readonly baseUrl: string;
  /** e.g. v23.0 */
  readonly version: string;
  readonly phoneNumberId: string;
  readonly accessToken: string;
  readonly fetch?: typeof fetch;
  /** Retries after the first try (default 3). */
  readonly retries?: number;
  /** First backoff step (default 500 ms); doubles per retry, with jitter. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Least wait after a throughput limit (default 1 s). */
  readonly rateLimitDelayMs?: number;
  /** Least wait after the pair rate limit: WhatsApp allows about one message per 6 s to one customer. */
  readonly pairRateDelayMs?: number;
  /** A Retry-After longer than this is not waited for; the error goes to the caller (default 30 s). */
  readonly maxRetryAfterMs?: number;
  /** Per call (default 10 s). */
  readonly timeoutMs?: number;
  /** Largest media file downloaded (default 25 MB). */
  readonly maxMediaBytes?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onRetry?: (event: GraphRetryEvent) => void;
}

export interface GraphRetryEvent {
  readonly operation: string;
  readonly attempt: number;
  readonly delayMs: number;
  readonly reason: GraphErrorReason;
  readonly code?: number;
  readonly statusCode?: number;
}

export interface GraphMedia {
  readonly url: string;
  readonly mimeType: string;
  readonly sha256?: string;
  readonly fileSize?: number;
}

const SendResponseSchema = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });

const MediaResponseSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  file_size: z.union([z.number(), z.string().regex(/^\d+$/)]).optional(),
});

interface Exchange {
  readonly status: number;
  readonly headers: Headers;
  readonly response: Response;
}

export class GraphClient implements WhatsAppSender {
  private readonly fetch: typeof fetch;
  private readonly retries: number;
  private readonly timeoutMs: number;
  private readonly maxMediaBytes: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly policy: Omit<RetryPolicy, 'rateLimitMinDelayMs'>;
  private readonly rateLimitDelayMs: number;
  private readonly pairRateDelayMs: number;

  constructor(private readonly o: GraphClientOptions) {
    this.fetch = o.fetch ?? globalThis.fetch;
    this.retries = o.retries ?? 3;
    this.timeoutMs = o.timeoutMs ?? 10_000;
    this.maxMediaBytes = o.maxMediaBytes ?? 25 * 1024 * 1024;
    this.random = o.random ?? Math.random;
    this.sleep = o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.policy = {
      maxAttempts: this.retries + 1,
      baseDelayMs: o.backoffMs ?? 500,
      maxDelayMs: o.maxBackoffMs ?? 8_000,
      maxRetryAfterMs: o.maxRetryAfterMs ?? 30_000,
    };
    this.rateLimitDelayMs = o.rateLimitDelayMs ?? 1_000;
    this.pairRateDelayMs = o.pairRateDelayMs ?? 6_000;
  }

  /** POST /{version}/{phone-number-id}/messages; resolves to Meta's message id (wamid…). */
  async send(to: WaRecipient, message: WaOutbound): Promise<{ readonly messageId: string }> {
    const body = JSON.stringify({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      // The phone number when we have it; otherwise the business-scoped user id, which Meta takes in
      // `recipient` (a send with both goes to `to`).
      ...(to.waId ? { to: to.waId } : { recipient: to.userKey }),
      ...message,
    });
    return this.withRetry('send', async () => {
      const res = await this.exchange(
        'send',
        'POST',
        this.graphUrl(`${this.o.phoneNumberId}/messages`),
        body,
      );
      const parsed = SendResponseSchema.safeParse(parseJson(await res.response.text()));
      // The message may well have gone out: never retried, so the customer does not get it twice.
      if (!parsed.success) throw invalidResponse('send', res.status);
      return { messageId: parsed.data.messages[0]?.id ?? '' };
    });
  }

  /** GET /{version}/{media-id}: where to download a customer's file (the URL is short-lived). */
  media(mediaId: string): Promise<GraphMedia> {
    return this.withRetry('media', async () => {
      const res = await this.exchange('media', 'GET', this.graphUrl(encodeURIComponent(mediaId)));
      const parsed = MediaResponseSchema.safeParse(parseJson(await res.response.text()));
      if (!parsed.success) throw invalidResponse('media', res.status);
      const { url, mime_type, sha256, file_size } = parsed.data;
      return {
        url,
        mimeType: mime_type,
        ...(sha256 ? { sha256 } : {}),
        ...(file_size === undefined ? {} : { fileSize: Number(file_size) }),
      };
    });
  }

  /** The media URL, then the file itself; both calls carry the access token. */
  async downloadMedia(mediaId: string): Promise<{ bytes: Buffer; mimeType: string }> {
    const info = await this.media(mediaId);
    if (info.fileSize !== undefined && info.fileSize > this.maxMediaBytes) throw tooLarge(info.fileSize);
    return this.withRetry('media download', async () => {
      const res = await this.exchange('media download', 'GET', info.url);
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (declared > this.maxMediaBytes) {
        await res.response.body?.cancel();
        throw tooLarge(declared);
      }
      const bytes = Buffer.from(await res.response.arrayBuffer());
      if (bytes.length > this.maxMediaBytes) throw tooLarge(bytes.length);
      const mimeType = info.mimeType || res.headers.get('content-type') || 'application/octet-stream';
      return { bytes, mimeType };
    });
  }

  private graphUrl(path: string): string {
    return `${this.o.baseUrl.replace(/\/+$/, '')}/${this.o.version}/${path}`;
  }

  /** One call; a non-2xx answer or a network failure becomes a GraphApiError. */
  private async exchange(
    operation: string,
    method: 'GET' | 'POST',
    url: string,
    body?: string,
  ): Promise<Exchange> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.o.accessToken}`,
          accept: body === undefined ? '*/*' : 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
        signal,
      });
    } catch (cause) {
      throw new GraphApiError({
        reason: 'server',
        retryable: true,
        message: signal.aborted
          ? `WhatsApp ${operation} timed out after ${this.timeoutMs} ms`
          : `WhatsApp ${operation}: the Graph API could not be reached`,
        cause,
      });
    }
    if (response.status >= 200 && response.status < 300) {
      return { status: response.status, headers: response.headers, response };
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    const bodyText = await response.text().catch(() => '');
    throw graphErrorFrom(operation, { status: response.status, bodyText, retryAfterMs }, this.o.accessToken);
  }

  private async withRetry<T>(operation: string, attempt: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n += 1) {
      try {
        return await attempt();
      } catch (error) {
        const delayMs = this.retryDelay(error, n);
        if (delayMs === undefined || !(error instanceof GraphApiError)) throw error;
        this.o.onRetry?.({
          operation,
          attempt: n,
          delayMs,
          reason: error.reason,
          ...(error.code === undefined ? {} : { code: error.code }),
          ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
        });
        await this.sleep(delayMs);
      }
    }
  }

  private retryDelay(error: unknown, attempt: number): number | undefined {
    if (!(error instanceof GraphApiError) || !error.retryable || attempt > this.retries) return undefined;
    if (error.retryAfterMs !== undefined && error.retryAfterMs > this.policy.maxRetryAfterMs)
      return undefined;
    const rateLimited = error.reason === 'rate_limited';
    const minDelay = error.code === PAIR_RATE_CODE ? this.pairRateDelayMs : this.rateLimitDelayMs;
    return backoffDelay(attempt, { ...this.policy, rateLimitMinDelayMs: minDelay }, this.random, {
      rateLimited,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    });
  }
}
