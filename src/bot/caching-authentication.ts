import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import type { ActivitySender } from '../channels/bot-framework/activity-sender';
import { installFastReplies } from './fast-replies';

const MAX_CLIENTS = 256;
/** What botframework-connector allows for channel tokens (jsonwebtoken's clockTolerance, in seconds). */
const ALLOWED_ALGORITHMS: ReadonlySet<string> = new Set(AuthenticationConstants.AllowedSigningAlgorithms);
const CLOCK_TOLERANCE_S = 5 * 60;

/**
 * botbuilder builds a new ConnectorClient (and with it a new HTTP pipeline and socket pool) for every turn,
 * so every reply opens a fresh connection. This wrapper keeps one client per (app id, service URL,
 * audience) and one user-token client per app id, so replies reuse kept-alive connections.
 * Credentials inside a client refresh their own tokens, which makes sharing it across turns safe.
 * Cached clients send replies through `installFastReplies`.
 */
export class CachingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly sender: ActivitySender,
    /**
     * With an app id: refuse tokens that cannot be Bot Framework tokens (see `screenBearerToken`) before
     * botframework-connector looks up keys, so forged traffic is cheap to turn away.
     */
    private readonly options: { screenTokens?: boolean } = {},
  ) {
    super();
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    if (this.options.screenTokens) {
      const problem = screenBearerToken(authHeader);
      if (problem) throw new AuthenticationError(`Unauthorized: ${problem}`, 401);
    }
    return this.inner.authenticateRequest(activity, authHeader).then((result) => ({
      ...result,
      connectorFactory: this.createConnectorFactory(result.claimsIdentity),
    }));
  }

  override authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const factory = this.inner.createConnectorFactory(claimsIdentity);
    const { connectors: cache, sender } = this;
    return new (class extends ConnectorFactory {
      override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return remember(cache, `${appId}|${serviceUrl}|${audience ?? ''}`, async () =>
          installFastReplies(await factory.create(serviceUrl, audience), serviceUrl, sender),
        );
      }
    })();
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remember(this.userTokenClients, appIdOf(claimsIdentity), () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
  }

  override createBotFrameworkClient(): ReturnType<BotFrameworkAuthentication['createBotFrameworkClient']> {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}

/**
 * Why `authHeader` cannot carry a Bot Framework token, judged from its form alone (no keys, no signature
 * check): not `Bearer <jwt>`, a signing algorithm other than RS256/384/512 (`none`, HS256 …), no key id, or
 * expired beyond the 5-minute clock tolerance. Undefined when it may be one; botframework-connector then
 * checks the signature, issuer, audience, serviceurl and endorsements.
 */
export function screenBearerToken(authHeader: string, nowMs = Date.now()): string | undefined {
  const [scheme, token, ...rest] = authHeader.split(' ');
  if (scheme !== 'Bearer' || !token || rest.length > 0) return 'not a bearer token';
  const [rawHeader, rawPayload, signature, ...extra] = token.split('.');
  if (!rawHeader || !rawPayload || !signature || extra.length > 0) return 'not a signed JWT';
  const header = jsonSegment(rawHeader);
  const payload = jsonSegment(rawPayload);
  if (!header || !payload) return 'not a JWT';
  if (typeof header.alg !== 'string' || !ALLOWED_ALGORITHMS.has(header.alg))
    return 'signing algorithm not allowed';
  if (typeof header.kid !== 'string' || header.kid === '') return 'no key id';
  if (typeof payload.exp === 'number' && nowMs / 1000 >= payload.exp + CLOCK_TOLERANCE_S)
    return 'token expired';
  return undefined;
}

/**
 * What a failed `authenticateRequest` means: `unauthorized` when the token was refused (answer 401), and
 * `unavailable` when it could not be checked, i.e. the signing keys could not be fetched (answer 503, so
 * the Bot Connector retries). botframework-connector throws AuthenticationError 401 for refused tokens,
 * jsonwebtoken's own errors for a bad signature, and AuthenticationError 500 or a fetch error when the
 * OpenID metadata or its keys are unreachable.
 */
export function classifyAuthenticationFailure(err: unknown): 'unauthorized' | 'unavailable' {
  if (AuthenticationError.isStatusCodeError(err) && err.statusCode === 401) return 'unauthorized';
  const name = err instanceof Error ? err.name : '';
  if (name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError') {
    return 'unauthorized';
  }
  return 'unavailable';
}

function jsonSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function appIdOf(identity: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(identity?.claims ?? []) ?? 'anonymous';
}

/** Memoises a promise; a failed creation is forgotten so the next turn tries again. Oldest entry evicted. */
function remember<T>(cache: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const created = create();
  created.catch(() => cache.delete(key));
  cache.set(key, created);
  if (cache.size > MAX_CLIENTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return created;
}
