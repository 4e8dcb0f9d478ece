import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AppCredentials,
  PasswordServiceClientCredentialFactory,
  type AuthenticatorResult,
  type ServiceClientCredentials,
} from 'botframework-connector';

/** The issuer of every Bot Connector token (public cloud). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/**
 * Stands in for login.botframework.com and the Microsoft login endpoint, over plain HTTP on 127.0.0.1:
 * - GET  /v1/.well-known/openidconfiguration: OpenID metadata naming the JWKS below;
 * - GET  /v1/keys: the JWKS (one RSA key with the Bot Connector's channel endorsements);
 * - POST /oauth2/v2.0/token: a client-credentials grant, answered with an opaque access token (outbound).
 * It signs RS256 tokens with its private key (Node crypto) exactly as the Bot Connector's would look.
 */
export class OpenIdServer {
  readonly kid = `test-key-${randomUUID().slice(0, 8)}`;
  readonly accessToken = `outbound-${randomUUID()}`;
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  private server?: Server;
  url = '';
  /** Requests for the metadata document and for the keys. */
  metadataRequests = 0;
  keyRequests = 0;
  /** Client-credentials grants received (the bot asking for an outbound token). */
  readonly tokenRequests: { clientId: string; scope: string }[] = [];
  /** While set, the metadata document answers with this status instead. */
  failWith?: number;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  get tokenUrl(): string {
    return `${this.url}/oauth2/v2.0/token`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const json = (status: number, value: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        if (req.method === 'GET' && req.url === '/v1/.well-known/openidconfiguration') {
          this.metadataRequests += 1;
          if (this.failWith) return json(this.failWith, { error: 'scripted failure' });
          return json(200, {
            issuer: BOT_FRAMEWORK_ISSUER,
            authorization_endpoint: `${this.url}/v1/auth`,
            jwks_uri: `${this.url}/v1/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          });
        }
        if (req.method === 'GET' && req.url === '/v1/keys') {
          this.keyRequests += 1;
          const jwk = this.publicKey.export({ format: 'jwk' });
          return json(200, {
            keys: [
              { ...jwk, kid: this.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams', 'emulator'] },
            ],
          });
        }
        if (req.method === 'POST' && req.url === '/oauth2/v2.0/token') {
          const form = new URLSearchParams(body);
          this.tokenRequests.push({ clientId: form.get('client_id') ?? '', scope: form.get('scope') ?? '' });
          if (form.get('grant_type') !== 'client_credentials')
            return json(400, { error: 'unsupported_grant_type' });
          return json(200, { token_type: 'Bearer', expires_in: 3600, access_token: this.accessToken });
        }
        res.writeHead(404);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A token as the Bot Connector sends it to `appId` for an activity whose serviceUrl is `serviceUrl`. */
  channelToken(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): string {
    const now = Math.floor(Date.now() / 1000);
    return this.sign({
      iss: BOT_FRAMEWORK_ISSUER,
      aud: appId,
      serviceurl: serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      ...overrides,
    });
  }

  /** RS256 over `payload` with this server's key (or under another key id). */
  sign(payload: Record<string, unknown>, header: { kid?: string } = {}): string {
    const head = b64json({ alg: 'RS256', typ: 'JWT', kid: header.kid ?? this.kid });
    const body = b64json(payload);
    const signature = sign('sha256', Buffer.from(`${head}.${body}`), this.privateKey).toString('base64url');
    return `${head}.${body}.${signature}`;
  }

  /** The classic key-confusion forgery: HS256 with the server's public key (PEM) as the HMAC secret. */
  hs256WithPublicKey(payload: Record<string, unknown>): string {
    const head = b64json({ alg: 'HS256', typ: 'JWT', kid: this.kid });
    const body = b64json(payload);
    const secret = this.publicKey.export({ format: 'pem', type: 'spki' });
    const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
    return `${head}.${body}.${signature}`;
  }

  /** `alg: none`, no signature. */
  unsigned(payload: Record<string, unknown>): string {
    return `${b64json({ alg: 'none', typ: 'JWT', kid: this.kid })}.${b64json(payload)}.`;
  }

  /** Outbound tokens for the bot's replies come from this server's token endpoint instead of Azure AD. */
  credentialsFactory(appId: string, password: string): LocalTokenCredentialsFactory {
    return new LocalTokenCredentialsFactory(appId, password, this.tokenUrl);
  }
}

/**
 * The bot's own credentials factory (app id check, auth on) with outbound tokens from a local endpoint:
 * MSAL insists on an https authority and on instance discovery at login.microsoftonline.com, which a test
 * cannot provide.
 */
export class LocalTokenCredentialsFactory extends PasswordServiceClientCredentialFactory {
  constructor(
    appId: string,
    password: string,
    private readonly tokenUrl: string,
  ) {
    super(appId, password);
  }

  override async createCredentials(appId: string, audience: string): Promise<ServiceClientCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new ClientCredentialsGrant(appId, this.password ?? '', this.tokenUrl, audience);
  }
}

class ClientCredentialsGrant extends AppCredentials {
  constructor(
    appId: string,
    private readonly secret: string,
    private readonly tokenUrl: string,
    scope: string,
  ) {
    super(appId, undefined, scope);
  }

  protected override async refreshToken(): Promise<AuthenticatorResult> {
    const response = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.appId,
        client_secret: this.secret,
        scope: `${this.oAuthScope}/.default`,
      }),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    return { accessToken: body.access_token, expiresOn: new Date(Date.now() + body.expires_in * 1000) };
  }
}

function b64json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
