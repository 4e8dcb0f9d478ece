import { z } from 'zod/v4';

/**
 * The only reader of `process.env`. Everything else receives the parsed, typed `Config`.
 * Each key is documented in `.env.example`.
 */

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const intWithDefault = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));

/** The integrator settings a development run starts with; production refuses every one of them. */
const EXAMPLE_INTEGRATOR = {
  INTEGRATOR_NAME: 'Örnek Entegratör',
  INTEGRATOR_CC_EMAIL: 'iys@entegrator.example',
  INTEGRATOR_SUPPORT_PHONE: '+90 850 000 00 00',
  INTEGRATOR_PANEL_URL: 'https://panel.entegrator.example',
} as const;

const envSchema = z.object({
  NODE_ENV: z.preprocess(
    emptyToUndefined,
    z.enum(['development', 'test', 'production']).default('development'),
  ),
  PORT: intWithDefault(3978, 0, 65535),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  BODY_LIMIT_BYTES: intWithDefault(256 * 1024, 1024, 10 * 1024 * 1024),

  REDIS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  REDIS_KEY_PREFIX: z.preprocess(emptyToUndefined, z.string().min(1).max(64).default('iys:')),
  STATE_TTL_DAYS: intWithDefault(180, 1, 3650),
  // Short: a process killed mid-turn holds its conversations this long; live turns renew every quarter lease.
  TURN_LOCK_LEASE_MS: intWithDefault(2_000, 1_000, 120_000),
  TURN_LOCK_WAIT_MS: intWithDefault(30_000, 1_000, 300_000),

  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TYPE: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MICROSOFT_APP_TENANT_ID: optionalString,
  BOT_OPENID_METADATA_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),

  INTEGRATOR_NAME: z.preprocess(
    emptyToUndefined,
    z.string().min(1).default(EXAMPLE_INTEGRATOR.INTEGRATOR_NAME),
  ),
  INTEGRATOR_CC_EMAIL: z.preprocess(
    emptyToUndefined,
    z.email().default(EXAMPLE_INTEGRATOR.INTEGRATOR_CC_EMAIL),
  ),
  INTEGRATOR_SUPPORT_PHONE: z.preprocess(
    emptyToUndefined,
    z.string().min(3).default(EXAMPLE_INTEGRATOR.INTEGRATOR_SUPPORT_PHONE),
  ),
  INTEGRATOR_PANEL_URL: z.preprocess(
    emptyToUndefined,
    z.url().default(EXAMPLE_INTEGRATOR.INTEGRATOR_PANEL_URL),
  ),
  INTEGRATOR_IYS_CODE: optionalString,
  INTEGRATOR_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  INTEGRATOR_WEBHOOK_SECRET: optionalString,

  IYS_API_BASE_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/ }).default('https://api.iys.org.tr'),
  ),
  IYS_API_USERNAME: optionalString,
  IYS_API_PASSWORD: optionalString,

  ROLE: z.preprocess(emptyToUndefined, z.enum(['all', 'web', 'worker']).default('all')),
  REMINDER_POLICY_FILE: optionalString,
  REMINDER_RATE_MAX: intWithDefault(20, 1, 10_000),
  REMINDER_RATE_PER_MS: intWithDefault(1_000, 10, 3_600_000),
  REMINDER_CHANNEL_RATES: z.preprocess(emptyToUndefined, z.string().optional()),
  REMINDER_QUEUE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('reminders'),
  ),

  ADMIN_TOKEN: optionalString,
  HTTP_RATE_PER_IP: intWithDefault(3_000, 1, 1_000_000),
  HTTP_RATE_PER_USER: intWithDefault(30, 1, 10_000),

  HANDOFF_UNCLAIMED_MINUTES: intWithDefault(15, 1, 24 * 60),
  HANDOFF_IDLE_MINUTES: intWithDefault(30, 1, 7 * 24 * 60),
  HANDOFF_ADMIN_IDS: optionalString,
  HANDOFF_SUPPORT_CHANNEL: optionalString,
  HANDOFF_EXTERNAL_HUB: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),

  ENCRYPTION_KEYS: optionalString,
  RETENTION_DAYS: intWithDefault(365, 1, 3650),
  ABANDONED_AFTER_DAYS: intWithDefault(180, 1, 3650),

  WHATSAPP_PHONE_NUMBER_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{5,20}$/)
      .optional(),
  ),
  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_GRAPH_BASE_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com'),
  ),
  WHATSAPP_GRAPH_VERSION: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^v\d+\.\d+$/)
      .default('v23.0'),
  ),
  WHATSAPP_REMINDER_TEMPLATE: z.preprocess(emptyToUndefined, z.string().default('iys_onboarding_reminder')),
  WHATSAPP_AGENT_TEMPLATE: z.preprocess(emptyToUndefined, z.string().default('iys_onboarding_agent_reply')),
  WHATSAPP_TEMPLATE_LANGUAGE: z.preprocess(emptyToUndefined, z.string().default('tr')),

  PRIVACY_NOTICE_VERSION: z.preprocess(emptyToUndefined, z.string().min(1).max(40).default('2026-11')),
  PACKAGES_FILE: z.preprocess(emptyToUndefined, z.string().min(1).default('config/packages.json')),
});

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

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (the process's by default); `overrides` lets an entry point pin keys (ROLE). */
export function loadConfig(environment: Environment = process.env, overrides: Environment = {}): Config {
  const parsed = envSchema.safeParse({ ...environment, ...overrides });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems = [...crossFieldProblems(e), ...channelRateProblems(e.REMINDER_CHANNEL_RATES ?? '')];
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST, bodyLimitBytes: e.BODY_LIMIT_BYTES },
    logLevel: e.LOG_LEVEL,
    ...(e.REDIS_URL ? { redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } } : {}),
    state: {
      ttlSeconds: e.STATE_TTL_DAYS * 24 * 3600,
      lockLeaseMs: e.TURN_LOCK_LEASE_MS,
      lockWaitMs: e.TURN_LOCK_WAIT_MS,
    },
    bot: {
      appType: e.MICROSOFT_APP_TYPE,
      ...(e.MICROSOFT_APP_ID ? { appId: e.MICROSOFT_APP_ID } : {}),
      ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
      ...(e.MICROSOFT_APP_TENANT_ID ? { tenantId: e.MICROSOFT_APP_TENANT_ID } : {}),
      ...(e.BOT_OPENID_METADATA_URL ? { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL } : {}),
    },
    integrator: {
      name: e.INTEGRATOR_NAME,
      ccEmail: e.INTEGRATOR_CC_EMAIL,
      supportPhone: e.INTEGRATOR_SUPPORT_PHONE,
      panelUrl: e.INTEGRATOR_PANEL_URL,
      ...(e.INTEGRATOR_IYS_CODE ? { iysIntegratorCode: e.INTEGRATOR_IYS_CODE } : {}),
      ...(e.INTEGRATOR_WEBHOOK_URL ? { webhookUrl: e.INTEGRATOR_WEBHOOK_URL } : {}),
      ...(e.INTEGRATOR_WEBHOOK_SECRET ? { webhookSecret: e.INTEGRATOR_WEBHOOK_SECRET } : {}),
    },
    ...(e.ADMIN_TOKEN ? { admin: { token: e.ADMIN_TOKEN } } : {}),
    httpRates: { perIpPerMinute: e.HTTP_RATE_PER_IP, perUserPerMinute: e.HTTP_RATE_PER_USER },
    handoff: {
      unclaimedMs: e.HANDOFF_UNCLAIMED_MINUTES * 60_000,
      idleMs: e.HANDOFF_IDLE_MINUTES * 60_000,
      adminIds: (e.HANDOFF_ADMIN_IDS ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
      ...(e.HANDOFF_SUPPORT_CHANNEL
        ? { supportChannel: JSON.parse(e.HANDOFF_SUPPORT_CHANNEL) as Record<string, unknown> }
        : {}),
      externalHub: e.HANDOFF_EXTERNAL_HUB === 'true',
    },
    ...(e.ENCRYPTION_KEYS ? { encryption: { keys: parseEncryptionKeys(e.ENCRYPTION_KEYS) } } : {}),
    retention: { anonymiseAfterDays: e.RETENTION_DAYS, abandonedAfterDays: e.ABANDONED_AFTER_DAYS },
    ...whatsAppConfig(e),
    onboarding: { privacyNoticeVersion: e.PRIVACY_NOTICE_VERSION, packagesFile: e.PACKAGES_FILE },
    role: e.ROLE,
    ...(e.IYS_API_USERNAME && e.IYS_API_PASSWORD
      ? {
          iysApi: { baseUrl: e.IYS_API_BASE_URL, username: e.IYS_API_USERNAME, password: e.IYS_API_PASSWORD },
        }
      : {}),
    reminders: {
      ...(e.REMINDER_POLICY_FILE ? { policyFile: e.REMINDER_POLICY_FILE } : {}),
      rate: { max: e.REMINDER_RATE_MAX, perMs: e.REMINDER_RATE_PER_MS },
      channelRates: parseChannelRates(e.REMINDER_CHANNEL_RATES ?? ''),
      queueName: e.REMINDER_QUEUE,
    },
  };
}

function crossFieldProblems(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (e.NODE_ENV === 'production') {
    // Customers would be told to write to, call or log in at addresses that reach nobody.
    for (const [key, example] of Object.entries(EXAMPLE_INTEGRATOR)) {
      if (e[key as keyof typeof EXAMPLE_INTEGRATOR] === example) {
        problems.push(`${key}: still the example value; set the integrator's own when NODE_ENV=production`);
      }
    }
  }
  if (e.NODE_ENV === 'production' && !e.MICROSOFT_APP_ID) {
    problems.push(
      'MICROSOFT_APP_ID: required when NODE_ENV=production; without it anyone could post activities to /api/messages',
    );
  }
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD) {
    problems.push(`MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_TYPE=${e.MICROSOFT_APP_TYPE}`);
  }
  if (e.NODE_ENV === 'production' && e.BOT_OPENID_METADATA_URL?.startsWith('http:')) {
    problems.push(
      'BOT_OPENID_METADATA_URL: must be https when NODE_ENV=production (it names the token keys)',
    );
  }
  if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push('MICROSOFT_APP_TENANT_ID: required with MICROSOFT_APP_TYPE=SingleTenant');
  }
  if (Boolean(e.IYS_API_USERNAME) !== Boolean(e.IYS_API_PASSWORD)) {
    problems.push('IYS_API_USERNAME / IYS_API_PASSWORD: set both or neither');
  }
  if (e.IYS_API_USERNAME && !e.INTEGRATOR_IYS_CODE) {
    problems.push('INTEGRATOR_IYS_CODE: required with IYS_API_USERNAME (the API asks by integrator code)');
  }
  if (e.ROLE !== 'all' && !e.REDIS_URL) {
    problems.push('ROLE: web and worker processes share reminders through Redis, so REDIS_URL is required');
  }
  const whatsApp = [
    e.WHATSAPP_PHONE_NUMBER_ID,
    e.WHATSAPP_ACCESS_TOKEN,
    e.WHATSAPP_APP_SECRET,
    e.WHATSAPP_VERIFY_TOKEN,
  ].filter(Boolean).length;
  if (whatsApp !== 0 && whatsApp !== 4) {
    problems.push(
      'WHATSAPP_PHONE_NUMBER_ID / WHATSAPP_ACCESS_TOKEN / WHATSAPP_APP_SECRET / WHATSAPP_VERIFY_TOKEN: set all four or none',
    );
  }
  if (e.HANDOFF_SUPPORT_CHANNEL && !isJsonObject(e.HANDOFF_SUPPORT_CHANNEL)) {
    problems.push('HANDOFF_SUPPORT_CHANNEL: a JSON conversation reference (an object) was expected');
  }
  if (e.ENCRYPTION_KEYS) {
    problems.push(...encryptionKeyProblems(e.ENCRYPTION_KEYS));
  } else if (e.NODE_ENV === 'production') {
    problems.push(
      'ENCRYPTION_KEYS: required when NODE_ENV=production; personal data must be encrypted at rest (id:base64 of 32 random bytes)',
    );
  }
  if (e.ADMIN_TOKEN !== undefined && e.ADMIN_TOKEN.length < 24) {
    problems.push('ADMIN_TOKEN: at least 24 characters (generate one with `openssl rand -base64 32`)');
  }
  if (e.NODE_ENV === 'production' && e.INTEGRATOR_WEBHOOK_URL && !e.INTEGRATOR_WEBHOOK_SECRET) {
    problems.push('INTEGRATOR_WEBHOOK_SECRET: required in production when INTEGRATOR_WEBHOOK_URL is set');
  }
  return problems;
}

/** `msteams=50/1000,whatsapp=80/1000`: at most 50 sends per 1000 ms on Teams, 80 on WhatsApp. */
const CHANNEL_RATE = /^([a-z][a-z0-9_-]*)=(\d+)\/(\d+)$/;

function parseChannelRates(spec: string): Record<string, ChannelRate> {
  const rates: Record<string, ChannelRate> = {};
  for (const part of spec.split(',').map((p) => p.trim())) {
    const m = CHANNEL_RATE.exec(part);
    if (m?.[1] && m[2] && m[3]) rates[m[1]] = { max: Number(m[2]), perMs: Number(m[3]) };
  }
  return rates;
}

function channelRateProblems(spec: string): string[] {
  return spec
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .flatMap((part) => {
      const m = CHANNEL_RATE.exec(part);
      const ok = m && Number(m[2]) >= 1 && Number(m[3]) >= 10;
      return ok
        ? []
        : [`REMINDER_CHANNEL_RATES: "${part}" is not channel=max/milliseconds (max ≥ 1, window ≥ 10 ms)`];
    });
}

function whatsAppConfig(e: z.infer<typeof envSchema>): { whatsapp?: WhatsAppConfig } {
  if (
    !e.WHATSAPP_PHONE_NUMBER_ID ||
    !e.WHATSAPP_ACCESS_TOKEN ||
    !e.WHATSAPP_APP_SECRET ||
    !e.WHATSAPP_VERIFY_TOKEN
  ) {
    return {};
  }
  return {
    whatsapp: {
      phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: e.WHATSAPP_ACCESS_TOKEN,
      appSecret: e.WHATSAPP_APP_SECRET,
      verifyToken: e.WHATSAPP_VERIFY_TOKEN,
      graphBaseUrl: e.WHATSAPP_GRAPH_BASE_URL.replace(/\/+$/, ''),
      graphVersion: e.WHATSAPP_GRAPH_VERSION,
      templates: {
        reminder: e.WHATSAPP_REMINDER_TEMPLATE,
        agentMessage: e.WHATSAPP_AGENT_TEMPLATE,
        language: e.WHATSAPP_TEMPLATE_LANGUAGE,
      },
    },
  };
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** `k2:<base64>,k1:<base64>`: key ids with 32-byte keys, the first one used for new writes. */
function parseEncryptionKeys(spec: string): { id: string; key: Buffer }[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      return { id: part.slice(0, colon), key: Buffer.from(part.slice(colon + 1), 'base64') };
    });
}

function encryptionKeyProblems(spec: string): string[] {
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return ['ENCRYPTION_KEYS: at least one id:base64key'];
  const ids = new Set<string>();
  return parts.flatMap((part, i) => {
    const colon = part.indexOf(':');
    const id = colon > 0 ? part.slice(0, colon) : '';
    const key = colon > 0 ? Buffer.from(part.slice(colon + 1), 'base64') : Buffer.alloc(0);
    const problems: string[] = [];
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(id))
      problems.push(`ENCRYPTION_KEYS: entry ${i + 1} needs an id (letters, digits, - or _) before ':'`);
    else if (ids.has(id)) problems.push(`ENCRYPTION_KEYS: key id "${id}" appears twice`);
    if (key.length !== 32)
      problems.push(
        `ENCRYPTION_KEYS: key "${id || i + 1}" must be 32 bytes in base64 (openssl rand -base64 32)`,
      );
    ids.add(id);
    return problems;
  });
}
