import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import type { ActivitySender } from './activity-sender';
import { installFastReplies } from './fast-replies';

const MAX_CLIENTS = 256;

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
  ) {
    super();
  }

  override authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
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
