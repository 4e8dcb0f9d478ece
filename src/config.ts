import { z } from 'zod/v4';

/**
 * The only reader of `process.env`. Everything else receives the parsed, typed `Config`.
 * Each key is documented in `.env.example`.
 */

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const intWithDefault = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));

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
  TURN_LOCK_LEASE_MS: intWithDefault(15_000, 1_000, 120_000),
  TURN_LOCK_WAIT_MS: intWithDefault(30_000, 1_000, 300_000),

  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TYPE: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MICROSOFT_APP_TENANT_ID: optionalString,

  INTEGRATOR_NAME: z.preprocess(emptyToUndefined, z.string().min(1).default('Örnek Entegratör')),
  INTEGRATOR_CC_EMAIL: z.preprocess(emptyToUndefined, z.email().default('iys@entegrator.example')),
  INTEGRATOR_SUPPORT_PHONE: z.preprocess(emptyToUndefined, z.string().min(3).default('+90 850 000 00 00')),
  INTEGRATOR_PANEL_URL: z.preprocess(emptyToUndefined, z.url().default('https://panel.entegrator.example')),
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
  REMINDER_QUEUE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('reminders'),
  ),

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
    /** At most `max` reminders per `perMs` milliseconds across all workers (the channel's rate). */
    readonly rate: { readonly max: number; readonly perMs: number };
    readonly queueName: string;
  };
  readonly onboarding: {
    readonly privacyNoticeVersion: string;
    /** İLETİ package tiers and prices (JSON, validated at start). */
    readonly packagesFile: string;
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
  const problems = crossFieldProblems(e);
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
      queueName: e.REMINDER_QUEUE,
    },
  };
}

function crossFieldProblems(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.MICROSOFT_APP_ID) {
    problems.push(
      'MICROSOFT_APP_ID: required when NODE_ENV=production; without it anyone could post activities to /api/messages',
    );
  }
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD) {
    problems.push(`MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_TYPE=${e.MICROSOFT_APP_TYPE}`);
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
  if (e.NODE_ENV === 'production' && e.INTEGRATOR_WEBHOOK_URL && !e.INTEGRATOR_WEBHOOK_SECRET) {
    problems.push('INTEGRATOR_WEBHOOK_SECRET: required in production when INTEGRATOR_WEBHOOK_URL is set');
  }
  return problems;
}
