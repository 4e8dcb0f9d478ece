import { createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { Logger } from '../observability/logger';
import type { RateDecision, RateKey, RateLimiter } from './rate-limiter';

const MINUTE_MS = 60_000;

export interface RequestRates {
  readonly perIpPerMinute: number;
  readonly perUserPerMinute: number;
}

/**
 * Per-IP and per-user request budgets (HTTP_RATE_PER_IP, HTTP_RATE_PER_USER) for the webhooks and the
 * admin API. A refusal is answered here: 429 JSON with Retry-After. Counter keys hold a hash of the IP or
 * user id, never the value (a WhatsApp user id is a phone number). When the counter store fails the
 * request is let through: an unreachable Redis must not turn into an outage of its own.
 *
 * The IP is the socket's peer address; X-Forwarded-For is not trusted, so behind a proxy the per-IP
 * budget is the proxy's.
 */
export class RequestLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly rates: RequestRates,
    private readonly logger: Logger,
  ) {}

  /** False (and the 429 already sent) when the client's IP has spent its budget for `scope`. */
  allowIp(scope: string, req: Request, res: Response): Promise<boolean> {
    return this.allow([this.ipKey(scope, req)], res);
  }

  /** False (and the 429 already sent) when `userId` has spent its budget for `scope`. */
  allowUser(scope: string, userId: string, res: Response): Promise<boolean> {
    return this.allow([this.userKey(scope, userId)], res);
  }

  /** Both budgets in one round trip (the webhooks, once the body names the user). */
  allowIpAndUser(scope: string, req: Request, userId: string | undefined, res: Response): Promise<boolean> {
    const keys = [this.ipKey(scope, req)];
    if (userId) keys.push(this.userKey(scope, userId));
    return this.allow(keys, res);
  }

  private ipKey(scope: string, req: Request): RateKey {
    return { key: `${scope}:ip:${hashed(clientIp(req))}`, limit: this.rates.perIpPerMinute };
  }

  private userKey(scope: string, userId: string): RateKey {
    return { key: `${scope}:user:${hashed(userId)}`, limit: this.rates.perUserPerMinute };
  }

  /**
   * Whether `userId` still has budget for `scope`, for work that has no request of its own to refuse
   * (a WhatsApp message arrives inside a webhook batch that was already answered).
   */
  async userWithinBudget(scope: string, userId: string): Promise<boolean> {
    const decisions = await this.hit([this.userKey(scope, userId)]);
    return decisions.every((d) => d.allowed);
  }

  /**
   * True the first time in a window that `userId` is to be told about `scope`'s budget (a "please slow
   * down" notice), false after that, across replicas when the counters are in Redis. False with the limiter
   * away: no notice beats one per message.
   */
  async firstNoticeInWindow(scope: string, userId: string): Promise<boolean> {
    try {
      const [decision] = await this.limiter.hit(
        [{ key: `${scope}:notice:${hashed(userId)}`, limit: 1 }],
        MINUTE_MS,
      );
      return decision?.allowed ?? false;
    } catch {
      return false;
    }
  }

  /** Counts the hits; with the limiter away the request is let through (availability before throttling). */
  private async hit(keys: readonly RateKey[]): Promise<RateDecision[]> {
    try {
      return await this.limiter.hit(keys, MINUTE_MS);
    } catch (err) {
      this.logger.warn(
        { err: { message: (err as Error).message } },
        'rate limiter unavailable; request let through',
      );
      return [];
    }
  }

  private async allow(keys: readonly RateKey[], res: Response): Promise<boolean> {
    const decisions = await this.hit(keys);
    const refused = decisions.filter((d) => !d.allowed);
    if (refused.length === 0) return true;
    const resetMs = Math.max(...refused.map((d) => d.resetMs));
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(resetMs / 1000))));
    res.send(429, { code: 'TooManyRequests', message: 'Too many requests; retry later' });
    return false;
  }
}

export function clientIp(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

function hashed(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url').slice(0, 16);
}
