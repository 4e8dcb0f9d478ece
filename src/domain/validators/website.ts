import { domainToUnicode } from 'node:url';
import { invalid, valid, type ValidationResult } from '../validation';
import { asText } from './text-utils';

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function toUrl(text: string): URL | undefined {
  // A bare domain ("www.ornek.com.tr") is the usual answer; give it a scheme so URL can parse it.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}

function hasPublicHost(url: URL): boolean {
  const labels = url.hostname.split('.');
  const tld = labels[labels.length - 1] ?? '';
  // URL gives the ASCII (punycode) host, so labels are checked in that form.
  return (
    labels.length >= 2 &&
    labels.every((l) => HOST_LABEL.test(l)) &&
    /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/.test(tld)
  );
}

function render(url: URL): string {
  const host = domainToUnicode(url.hostname) || url.hostname;
  const port = url.port ? `:${url.port}` : '';
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.protocol}//${host}${port}${path}${url.search}${url.hash}`;
}

/**
 * "https://host[/path]" with a lower-case (Unicode) host, default port and lone trailing slash dropped;
 * text that is not a web address comes back trimmed. Idempotent.
 */
export function normalizeWebsite(raw: string): string {
  const text = raw.trim();
  const url = toUrl(text);
  if (!url || !/^https?:$/.test(url.protocol) || !hasPublicHost(url)) return text;
  return render(url);
}

/** Company web site: a domain or an http(s) URL. */
export function validateWebsite(input: unknown): ValidationResult<string> {
  const text = asText(input);
  if (text === undefined || text.trim() === '') return invalid('validation.required');
  const trimmed = text.trim();
  if (/\s/.test(trimmed)) return invalid('validation.website.invalid');
  const url = toUrl(trimmed);
  if (!url) return invalid('validation.website.invalid');
  if (!/^https?:$/.test(url.protocol)) return invalid('validation.website.scheme');
  if (url.username || url.password || !hasPublicHost(url)) return invalid('validation.website.invalid');
  return valid(render(url));
}
