import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The operations staff's token, accepted as `Authorization: Bearer <token>` (API clients) or as the
 * password of `Authorization: Basic` (a browser's login prompt, for the Bull Board page). Compared in
 * constant time over SHA-256 digests, so neither the content nor the length leaks through timing.
 */
export function adminAuthorized(authorization: string | undefined, token: string): boolean {
  const presented = presentedToken(authorization);
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(token));
}

/** What a browser needs to show its login prompt (header values are ASCII, hence IYS without the dot). */
export const ADMIN_CHALLENGE = 'Basic realm="IYS onboarding operations", charset="UTF-8"';

function presentedToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!value) return undefined;
  if (/^bearer$/i.test(scheme ?? '')) return value;
  if (/^basic$/i.test(scheme ?? '')) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
