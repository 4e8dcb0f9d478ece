import { IysApiError } from './errors';
import { parseBody } from './parse-body';
import { TokenResponseSchema, type TokenResponse } from './schemas';
import type { IysClock, IysClientEvent, IysTransport } from './transport';

interface CachedToken {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** When we stop using the access token (a margin before İYS's expiry). */
  readonly useUntil: number;
  readonly refreshUsableUntil?: number;
}

export interface TokenManagerOptions {
  readonly transport: IysTransport;
  readonly clock: IysClock;
  readonly username: string;
  readonly password: string;
  /** Renew this long before expiry so a token never expires in flight. */
  readonly refreshMarginMs: number;
  readonly onEvent?: (event: IysClientEvent) => void;
}

const OPERATION = 'POST /oauth2/token';

/**
 * Holds the İYS access token: obtained lazily, cached until shortly before expiry, renewed with the refresh
 * token, re-obtained with the password when that fails. At most one token request runs at a time; callers
 * arriving meanwhile share its result.
 */
export class TokenManager {
  readonly #o: TokenManagerOptions;
  #token: CachedToken | undefined;
  #pending: Promise<CachedToken> | undefined;

  constructor(options: TokenManagerOptions) {
    this.#o = options;
  }

  /** Current secrets, for redaction of anything İYS echoes back. */
  secrets(): string[] {
    const t = this.#token;
    return [this.#o.password, ...(t ? [t.accessToken] : []), ...(t?.refreshToken ? [t.refreshToken] : [])];
  }

  async accessToken(): Promise<string> {
    const cached = this.#token;
    if (cached && this.#o.clock.now() < cached.useUntil) return cached.accessToken;
    this.#pending ??= this.#renew(cached).finally(() => {
      this.#pending = undefined;
    });
    return (await this.#pending).accessToken;
  }

  /**
   * İYS refused `rejected` (401): forget it so the next accessToken() renews. A token that has already
   * been replaced by a concurrent caller is left alone, so parallel 401s cause one renewal, not many.
   */
  invalidate(rejected: string): void {
    const t = this.#token;
    if (t && t.accessToken === rejected) this.#token = { ...t, useUntil: Number.NEGATIVE_INFINITY };
  }

  async #renew(previous: CachedToken | undefined): Promise<CachedToken> {
    const now = this.#o.clock.now();
    const refreshToken = previous?.refreshToken;
    const refreshUsable =
      refreshToken !== undefined && (previous?.refreshUsableUntil ?? Number.POSITIVE_INFINITY) > now;
    if (refreshUsable) {
      try {
        return this.#store(await this.#grant({ grant_type: 'refresh_token', refresh_token: refreshToken }));
      } catch (error) {
        if (!(error instanceof IysApiError)) throw error;
        // Any refresh failure (expired, revoked, İYS restarted) falls back to the password below; the
        // refresh token is dropped so a failing password grant does not make us try it again.
        this.#token = undefined;
      }
    }
    const { username, password } = this.#o;
    return this.#store(await this.#grant({ username, password, grant_type: 'password' }));
  }

  /** Token requests ignore callers' abort signals: the token is shared, one caller leaving must not cancel it. */
  async #grant(body: Record<string, string>): Promise<TokenResponse> {
    const grant = body.grant_type === 'refresh_token' ? 'refresh_token' : 'password';
    const { transport } = this.#o;
    return transport.withRetry(OPERATION, async () => {
      const res = await transport.send({
        method: 'POST',
        path: '/oauth2/token',
        operation: OPERATION,
        json: body,
      });
      if (res.status < 200 || res.status >= 300) throw transport.errorFor(res, `${OPERATION} (${grant})`);
      const token = parseBody(TokenResponseSchema, res.bodyText, OPERATION, res.status);
      this.#o.onEvent?.({ type: 'token', grant });
      return token;
    });
  }

  #store(res: TokenResponse): CachedToken {
    const now = this.#o.clock.now();
    const lifetimeMs = res.expires_in * 1000;
    // A short-lived token still gets used: never keep less than half its life.
    const margin = Math.min(this.#o.refreshMarginMs, lifetimeMs / 2);
    const refreshToken = res.refresh_token ?? undefined;
    this.#token = {
      accessToken: res.access_token,
      useUntil: now + lifetimeMs - margin,
      ...(refreshToken === undefined ? {} : { refreshToken }),
      ...(res.refresh_expires_in === undefined
        ? {}
        : { refreshUsableUntil: now + res.refresh_expires_in * 1000 - margin }),
    };
    return this.#token;
  }
}
