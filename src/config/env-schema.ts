import { z } from 'zod/v4';

/** The environment keys, their types, defaults and bounds (each documented in `.env.example`). */

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const intWithDefault = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));

/** The integrator settings a development run starts with; production refuses every one of them. */
export const EXAMPLE_INTEGRATOR = {
  INTEGRATOR_NAME: 'Örnek Entegratör',
  INTEGRATOR_CC_EMAIL: 'iys@entegrator.example',
  INTEGRATOR_SUPPORT_PHONE: '+90 850 000 00 00',
  INTEGRATOR_PANEL_URL: 'https://panel.entegrator.example',
} as const;

export const envSchema = z.object({
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

export type Env = z.infer<typeof envSchema>;
