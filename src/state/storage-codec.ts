import { randomBytes } from 'node:crypto';
import type { StoreItem } from 'botbuilder';
import { DecryptionError, ValueCipher } from './value-cipher';

/**
 * A stored item is one string, `<eTag>\n<JSON without the eTag>`: one MGET reads a whole turn, and the
 * write script compares eTags by reading only the first bytes of a value, never parsing the JSON.
 * With a cipher the JSON part is encrypted (`<eTag>\n enc:v1:…`), bound to the storage key; the eTag stays
 * readable to the script.
 */
export const ETAG_LENGTH = 16;

export function newETag(): string {
  return randomBytes(12).toString('base64url');
}

export function encodeItem(item: StoreItem, eTag: string, cipher?: ValueCipher, key = ''): string {
  const { eTag: _ignored, ...rest } = item;
  const json = JSON.stringify(rest);
  return `${eTag}\n${cipher ? cipher.encrypt(json, key) : json}`;
}

export function decodeItem(raw: string, cipher?: ValueCipher, key = ''): StoreItem {
  const sep = raw.indexOf('\n');
  const value = JSON.parse(decodePayload(raw.slice(sep + 1), cipher, key)) as StoreItem;
  value.eTag = raw.slice(0, sep);
  return value;
}

/** The JSON of a stored payload, decrypted when it is encrypted (plaintext from before stays readable). */
export function decodePayload(payload: string, cipher: ValueCipher | undefined, key: string): string {
  if (!ValueCipher.isEncrypted(payload)) return payload;
  if (!cipher) throw new DecryptionError('an encrypted value was read but no ENCRYPTION_KEYS are configured');
  return cipher.decrypt(payload, key);
}

/** The eTag a write must match, or undefined when the caller asked to overwrite (absent eTag or `*`). */
export function expectedETag(item: StoreItem): string | undefined {
  const eTag: unknown = item.eTag;
  return typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : undefined;
}
