import { invalid, valid, warning, type ValidationIssue, type ValidationResult } from '../validation';
import { asText } from './text-utils';

/**
 * Consumer mail services. İYS expects a corporate address for the application and the offer, so these get
 * a warning (never an error: a small business may truly only have a gmail address).
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.com.tr',
  'outlook.com',
  'outlook.com.tr',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.com.tr',
  'ymail.com',
  'yandex.com',
  'yandex.com.tr',
  'yandex.ru',
  'icloud.com',
  'me.com',
  'mac.com',
  'mynet.com',
  'mynet.com.tr',
  'superonline.com',
  'ttmail.com',
  'windowslive.com',
  'aol.com',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'mail.ru',
  'proton.me',
  'protonmail.com',
  'zoho.com',
]);

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** Trims, drops a "mailto:" prefix and lower-cases the domain (the local part is left as typed). */
export function normalizeEmail(raw: string): string {
  const text = raw.trim().replace(/^mailto:/i, '');
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  return `${text.slice(0, at)}@${text.slice(at + 1).toLocaleLowerCase('en-US')}`;
}

function isValidDomain(domain: string): boolean {
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label)) && /^\p{L}{2,}$/u.test(tld);
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLocaleLowerCase('en-US'));
}

/** E-mail address; warns on free-mail domains because İYS expects a corporate address. */
export function validateEmail(input: unknown): ValidationResult<string> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const value = normalizeEmail(text);
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (at < 1 || value.length > 254 || local.length > 64) return invalid('validation.email.invalid');
  if (!LOCAL_PART.test(local) || !isValidDomain(domain)) return invalid('validation.email.invalid');
  const warnings: ValidationIssue[] = [];
  if (isFreeMailDomain(domain)) warnings.push(warning('validation.email.freeMail', { domain }));
  return valid(value, warnings);
}
