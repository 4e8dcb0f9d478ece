import { ConfigError, loadConfig } from '../../../src/config';

describe('loadConfig', () => {
  it('runs with no environment at all: embedded mode, port 3978, Turkish defaults', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3978);
    expect(config.redis).toBeUndefined();
    expect(config.bot.appId).toBeUndefined();
    expect(config.env).toBe('development');
    expect(config.integrator.name.length).toBeGreaterThan(0);
    expect(config.state.ttlSeconds).toBe(180 * 24 * 3600);
  });

  it('treats empty strings as unset (as docker and .env files produce them)', () => {
    expect(loadConfig({ REDIS_URL: '', PORT: '', MICROSOFT_APP_ID: '' }).redis).toBeUndefined();
  });

  it('parses Redis, Bot Framework and integrator settings', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      REDIS_KEY_PREFIX: 'bot1:',
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TYPE: 'SingleTenant',
      MICROSOFT_APP_TENANT_ID: 'tenant',
      INTEGRATOR_NAME: 'Acme İletişim',
      INTEGRATOR_CC_EMAIL: 'iys@acme.com.tr',
      STATE_TTL_DAYS: '30',
    });
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379/2', keyPrefix: 'bot1:' });
    expect(config.bot).toMatchObject({
      appId: '00000000-0000-0000-0000-000000000001',
      appType: 'SingleTenant',
    });
    expect(config.integrator).toMatchObject({ name: 'Acme İletişim', ccEmail: 'iys@acme.com.tr' });
    expect(config.state.ttlSeconds).toBe(30 * 24 * 3600);
  });

  it('refuses production without an app id, saying why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /MICROSOFT_APP_ID: required when NODE_ENV=production/,
    );
  });

  it('refuses production while any integrator setting is still the example, naming each', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const production = {
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: 'x',
      MICROSOFT_APP_PASSWORD: 'y',
      ENCRYPTION_KEYS: `k1:${key}`,
    };
    const own = {
      INTEGRATOR_NAME: 'Acme İletişim',
      INTEGRATOR_CC_EMAIL: 'iys@acme.com.tr',
      INTEGRATOR_SUPPORT_PHONE: '+90 212 555 00 00',
      INTEGRATOR_PANEL_URL: 'https://panel.acme.com.tr',
    };
    try {
      loadConfig(production);
      throw new Error('expected a ConfigError');
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of Object.keys(own)) expect(problems).toMatch(new RegExp(`${name}: still the example`));
    }
    expect(() => loadConfig({ ...production, ...own, INTEGRATOR_PANEL_URL: undefined })).toThrow(
      /INTEGRATOR_PANEL_URL: still the example/,
    );
    expect(loadConfig({ ...production, ...own }).integrator.name).toBe('Acme İletişim');
    // Development keeps the examples, so the bot runs with no settings at all.
    expect(loadConfig({}).integrator.name).toBe('Örnek Entegratör');
  });

  it('takes another OpenID metadata URL for Bot Framework tokens, https only in production', () => {
    expect(loadConfig({}).bot.openIdMetadataUrl).toBeUndefined();
    expect(
      loadConfig({ BOT_OPENID_METADATA_URL: 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration' }).bot
        .openIdMetadataUrl,
    ).toBe('http://127.0.0.1:4000/v1/.well-known/openidconfiguration');
    expect(() => loadConfig({ BOT_OPENID_METADATA_URL: 'ftp://keys.example/metadata' })).toThrow(
      /BOT_OPENID_METADATA_URL/,
    );
    const production = {
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: 'x',
      MICROSOFT_APP_PASSWORD: 'y',
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      INTEGRATOR_NAME: 'Acme İletişim',
      INTEGRATOR_CC_EMAIL: 'iys@acme.com.tr',
      INTEGRATOR_SUPPORT_PHONE: '+90 212 555 00 00',
      INTEGRATOR_PANEL_URL: 'https://panel.acme.com.tr',
    };
    expect(() =>
      loadConfig({ ...production, BOT_OPENID_METADATA_URL: 'http://keys.example/metadata' }),
    ).toThrow(/BOT_OPENID_METADATA_URL: must be https/);
    expect(
      loadConfig({ ...production, BOT_OPENID_METADATA_URL: 'https://keys.example/metadata' }).bot
        .openIdMetadataUrl,
    ).toBe('https://keys.example/metadata');
  });

  it('requires a password with an app id, and a tenant for single-tenant bots', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'x' })).toThrow(/MICROSOFT_APP_PASSWORD/);
    expect(() =>
      loadConfig({ MICROSOFT_APP_ID: 'x', MICROSOFT_APP_PASSWORD: 'y', MICROSOFT_APP_TYPE: 'SingleTenant' }),
    ).toThrow(/MICROSOFT_APP_TENANT_ID/);
  });

  it('lists every bad key in one readable error', () => {
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'http://not-redis', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/REDIS_URL/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });

  it('reads per-channel reminder rates and refuses malformed ones', () => {
    const config = loadConfig({ REMINDER_CHANNEL_RATES: 'msteams=50/1000, whatsapp=80/2000' });
    expect(config.reminders.channelRates).toEqual({
      msteams: { max: 50, perMs: 1000 },
      whatsapp: { max: 80, perMs: 2000 },
    });
    expect(() => loadConfig({ REMINDER_CHANNEL_RATES: 'msteams=fast' })).toThrow(/REMINDER_CHANNEL_RATES/);
  });

  it('turns WhatsApp on only with all four of its keys', () => {
    expect(loadConfig({}).whatsapp).toBeUndefined();
    expect(() => loadConfig({ WHATSAPP_PHONE_NUMBER_ID: '106540352242922' })).toThrow(/set all four or none/);
    const config = loadConfig({
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_ACCESS_TOKEN: 'token',
      WHATSAPP_APP_SECRET: 'secret',
      WHATSAPP_VERIFY_TOKEN: 'verify',
      WHATSAPP_GRAPH_BASE_URL: 'http://127.0.0.1:9999/',
    });
    expect(config.whatsapp).toMatchObject({
      phoneNumberId: '106540352242922',
      graphBaseUrl: 'http://127.0.0.1:9999',
      graphVersion: 'v23.0',
      templates: { reminder: 'iys_onboarding_reminder', language: 'tr' },
    });
  });

  it('wants a long admin token and well-formed encryption keys, and encryption in production', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN: at least 24/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ENCRYPTION_KEYS: `k2:${key},k1:${key}` }).encryption?.keys.map((k) => k.id)).toEqual([
      'k2',
      'k1',
    ]);
    expect(() => loadConfig({ ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(/must be 32 bytes/);
    expect(() => loadConfig({ ENCRYPTION_KEYS: `k1:${key},k1:${key}` })).toThrow(/appears twice/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', MICROSOFT_APP_ID: 'x', MICROSOFT_APP_PASSWORD: 'y' }),
    ).toThrow(/ENCRYPTION_KEYS: required when NODE_ENV=production/);
  });
});
