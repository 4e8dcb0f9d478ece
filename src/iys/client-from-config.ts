import type { Config } from '../config';
import { IysClient } from './iys-client';

/** The integrator's İYS API client, when its account and integrator code are configured (production). */
export function iysClientFromConfig(config: Config): IysClient | undefined {
  const api = config.iysApi;
  const integratorCode = config.integrator.iysIntegratorCode;
  if (!api || !integratorCode) return undefined;
  return new IysClient({
    baseUrl: api.baseUrl,
    username: api.username,
    password: api.password,
    integratorCode,
  });
}
