// The only reader of `process.env`; everything else receives the parsed, typed `Config`. Each key is
// documented in `.env.example`: its schema is in env-schema.ts, the checks across keys in problems.ts.
import type { ChannelRate, Config, Environment, WhatsAppConfig } from './config-types';
import { envSchema, type Env } from './env-schema';
import { CHANNEL_RATE, crossFieldProblems } from './problems';

export type { ChannelRate, Config, Environment, WhatsAppConfig } from './config-types';

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
  const problems = crossFieldProblems(e);
  if (problems.length > 0) throw new ConfigError(problems);
  return toConfig(e);
}

function toConfig(e: Env): Config {
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
    handoff: handoffConfig(e),
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

function handoffConfig(e: Env): Config['handoff'] {
  return {
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
  };
}

function parseChannelRates(spec: string): Record<string, ChannelRate> {
  const rates: Record<string, ChannelRate> = {};
  for (const part of spec.split(',').map((p) => p.trim())) {
    const m = CHANNEL_RATE.exec(part);
    if (m?.[1] && m[2] && m[3]) rates[m[1]] = { max: Number(m[2]), perMs: Number(m[3]) };
  }
  return rates;
}

function whatsAppConfig(e: Env): { whatsapp?: WhatsAppConfig } {
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
