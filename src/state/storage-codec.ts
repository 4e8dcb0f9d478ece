import { randomBytes } from 'node:crypto';
import type { StoreItem } from 'botbuilder';

/**
 * A stored item is one string, `<eTag>\n<JSON without the eTag>`: one MGET reads a whole turn, and the
 * write script compares eTags by reading only the first bytes of a value, never parsing the JSON.
 */
export const ETAG_LENGTH = 16;

export function newETag(): string {
  return randomBytes(12).toString('base64url');
}

export function encodeItem(item: StoreItem, eTag: string): string {
  const { eTag: _ignored, ...rest } = item;
  return `${eTag}\n${JSON.stringify(rest)}`;
}

export function decodeItem(raw: string): StoreItem {
  const sep = raw.indexOf('\n');
  const value = JSON.parse(raw.slice(sep + 1)) as StoreItem;
  value.eTag = raw.slice(0, sep);
  return value;
}

/** The eTag a write must match, or undefined when the caller asked to overwrite (absent eTag or `*`). */
export function expectedETag(item: StoreItem): string | undefined {
  const eTag: unknown = item.eTag;
  return typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : undefined;
}
