/** The parsed, typed configuration every other module receives. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly http: { readonly port: number; readonly host: string; readonly bodyLimitBytes: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Absent: embedded mode (memory state, in-process lock). */
  readonly redis?: { readonly url: string; readonly keyPrefix: string };
  readonly state: { readonly ttlSeconds: number; readonly lockLeaseMs: number; readonly lockWaitMs: number };
  readonly bot: {
    readonly appId?: string;
    readonly appPassword?: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId?: string;
    /**
     * Where the keys of Bot Connector tokens are published (OpenID metadata). Absent: the public cloud's
     * (login.botframework.com). Set for a local test key server or a sovereign cloud's metadata.
     */
    readonly openIdMetadataUrl?: string;
  };
  readonly integrator: {
    readonly name: string;
    readonly ccEmail: string;
    readonly supportPhone: string;
    readonly panelUrl: string;
    readonly iysIntegratorCode?: string;
    /** Where completed cases are announced (HMAC-signed JSON); absent = log only. */
    readonly webhookUrl?: string;
    readonly webhookSecret?: string;
  };
  /** The integrator's İYS API account; absent = no automatic checks against İYS. */
  readonly iysApi?: { readonly baseUrl: string; readonly username: string; readonly password: string };
  /** all: HTTP and the reminder worker in one process; web: HTTP only; worker: reminders only. */
  readonly role: 'all' | 'web' | 'worker';
  readonly reminders: {
    /** JSON file overriding the default reminder policy (cadence, business hours, escalation). */
    readonly policyFile?: string;
    /** Default rate of every channel: at most `max` sends per `perMs` milliseconds across all workers. */
    readonly rate: ChannelRate;
    /** Rates of named channels (`msteams`, `whatsapp`, …) that differ from the default. */
    readonly channelRates: Readonly<Record<string, ChannelRate>>;
    readonly queueName: string;
  };
  /** The operations token for /admin/queues and the admin API; absent = those routes are off (404). */
  readonly admin?: { readonly token: string };
  /** Requests per minute on /api/messages, /api/whatsapp and /api/admin: per client IP and per user. */
  readonly httpRates: { readonly perIpPerMinute: number; readonly perUserPerMinute: number };
  readonly handoff: {
    /** Business-hours minutes before the customer is told nobody took the chat. */
    readonly unclaimedMs: number;
    /** Quiet minutes after which an owned chat goes back to the bot. */
    readonly idleMs: number;
    /** Teams user ids / AAD object ids allowed to register the support channel; empty = any channel member. */
    readonly adminIds: readonly string[];
    /** The support channel's conversation reference, when configured rather than registered in Teams. */
    readonly supportChannel?: Readonly<Record<string, unknown>>;
    /** Also emit Bot Framework handoff events (handoff.initiate / handoff.status) for an external hub. */
    readonly externalHub: boolean;
  };
  /**
   * Keys for personal fields at rest (AES-256-GCM), newest first: the first encrypts, all decrypt. Absent
   * only outside production (development and tests then store personal fields in the clear).
   */
  readonly encryption?: { readonly keys: readonly { readonly id: string; readonly key: Buffer }[] };
  readonly retention: {
    /** Finished or abandoned cases are anonymised this many days after their last change. */
    readonly anonymiseAfterDays: number;
    /** A case untouched this long, not finished, counts as abandoned. */
    readonly abandonedAfterDays: number;
  };
  /** WhatsApp Cloud API; absent = /api/whatsapp is off. */
  readonly whatsapp?: WhatsAppConfig;
  readonly onboarding: {
    readonly privacyNoticeVersion: string;
    /** İLETİ package tiers and prices (JSON, validated at start). */
    readonly packagesFile: string;
  };
}

export interface ChannelRate {
  readonly max: number;
  readonly perMs: number;
}

export interface WhatsAppConfig {
  readonly phoneNumberId: string;
  readonly accessToken: string;
  /** Meta app secret: the key of the webhook's X-Hub-Signature-256. */
  readonly appSecret: string;
  /** Echoed in the webhook verification handshake (hub.verify_token). */
  readonly verifyToken: string;
  /** Graph API origin (a local fake in tests) and version, e.g. https://graph.facebook.com and v23.0. */
  readonly graphBaseUrl: string;
  readonly graphVersion: string;
  /** Approved utility templates for messages outside the 24-hour customer-service window. */
  readonly templates: {
    readonly reminder: string;
    readonly agentMessage: string;
    readonly language: string;
  };
}
