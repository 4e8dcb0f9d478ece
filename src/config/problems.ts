import { EXAMPLE_INTEGRATOR, type Env } from './env-schema';

/** Every problem across keys, for one readable refusal at start (each key's own checks are in the schema). */
export function crossFieldProblems(e: Env): string[] {
  return [
    ...productionProblems(e),
    ...consistencyProblems(e),
    ...channelRateProblems(e.REMINDER_CHANNEL_RATES ?? ''),
  ];
}

/** What production needs beyond development: real integrator settings, authentication, encryption. */
function productionProblems(e: Env): string[] {
  if (e.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  // Customers would be told to write to, call or log in at addresses that reach nobody.
  for (const [key, example] of Object.entries(EXAMPLE_INTEGRATOR)) {
    if (e[key as keyof typeof EXAMPLE_INTEGRATOR] === example) {
      problems.push(`${key}: still the example value; set the integrator's own when NODE_ENV=production`);
    }
  }
  if (!e.MICROSOFT_APP_ID) {
    problems.push(
      'MICROSOFT_APP_ID: required when NODE_ENV=production; without it anyone could post activities to /api/messages',
    );
  }
  if (e.BOT_OPENID_METADATA_URL?.startsWith('http:')) {
    problems.push(
      'BOT_OPENID_METADATA_URL: must be https when NODE_ENV=production (it names the token keys)',
    );
  }
  if (!e.ENCRYPTION_KEYS) {
    problems.push(
      'ENCRYPTION_KEYS: required when NODE_ENV=production; personal data must be encrypted at rest (id:base64 of 32 random bytes)',
    );
  }
  if (e.INTEGRATOR_WEBHOOK_URL && !e.INTEGRATOR_WEBHOOK_SECRET) {
    problems.push('INTEGRATOR_WEBHOOK_SECRET: required in production when INTEGRATOR_WEBHOOK_URL is set');
  }
  return problems;
}

/** Keys that only make sense together, in any environment. */
function consistencyProblems(e: Env): string[] {
  const problems: string[] = [];
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
  if (e.ENCRYPTION_KEYS) problems.push(...encryptionKeyProblems(e.ENCRYPTION_KEYS));
  if (e.ADMIN_TOKEN !== undefined && e.ADMIN_TOKEN.length < 24) {
    problems.push('ADMIN_TOKEN: at least 24 characters (generate one with `openssl rand -base64 32`)');
  }
  return problems;
}

/** `msteams=50/1000,whatsapp=80/1000`: at most 50 sends per 1000 ms on Teams, 80 on WhatsApp. */
export const CHANNEL_RATE = /^([a-z][a-z0-9_-]*)=(\d+)\/(\d+)$/;

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

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
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
