import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors';

export interface EncryptionKey {
  readonly id: string;
  /** 32 bytes (AES-256). */
  readonly key: Buffer;
}

/** A stored value that cannot be decrypted: unknown key id, tampered bytes, or no keys configured. */
export class DecryptionError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('decryption_failed', message, options);
  }
}

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for whole stored documents: `enc:v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64). New values use
 * the first (newest) key; older values are read with the key their id names, so keys rotate without a
 * stop, and values written before encryption was switched on stay readable until rewritten.
 * The associated data binds a value to its storage key: a ciphertext copied under another key fails.
 */
export class ValueCipher {
  private readonly byId: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: readonly EncryptionKey[]) {
    const [newest] = keys;
    if (!newest) throw new Error('ValueCipher needs at least one key');
    for (const { id, key } of keys) {
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`encryption key id "${id}" is not valid`);
      if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
    }
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
    if (this.byId.size !== keys.length) throw new Error('encryption key ids must be unique');
    this.currentKeyId = newest.id;
  }

  static isEncrypted(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  /** The key id of an encrypted value, undefined for plaintext. */
  static keyIdOf(value: string): string | undefined {
    if (!ValueCipher.isEncrypted(value)) return undefined;
    const end = value.indexOf(':', PREFIX.length);
    return end < 0 ? undefined : value.slice(PREFIX.length, end);
  }

  encrypt(plaintext: string, associated = ''): string {
    const key = this.byId.get(this.currentKeyId) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(associated, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${PREFIX}${this.currentKeyId}:${iv.toString('base64')}:${tag.toString('base64')}:${body.toString('base64')}`;
  }

  /** Plaintext (not `enc:`-prefixed) passes through unchanged: data stored before encryption was on. */
  decrypt(value: string, associated = ''): string {
    if (!ValueCipher.isEncrypted(value)) return value;
    const parts = value.slice(PREFIX.length).split(':');
    const [id, iv, tag, body] = parts;
    if (parts.length !== 4 || !id || !iv || !tag || body === undefined) {
      throw new DecryptionError('encrypted value is malformed');
    }
    const key = this.byId.get(id);
    if (!key) throw new DecryptionError(`encrypted with key "${id}", which is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(associated, 'utf8'));
      const tagBytes = Buffer.from(tag, 'base64');
      if (tagBytes.length !== TAG_BYTES) throw new Error('bad tag length');
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch (err) {
      throw new DecryptionError(`value encrypted with key "${id}" does not authenticate`, { cause: err });
    }
  }

  /** True when the value is already under the newest key (nothing for a re-encryption to do). */
  isCurrent(value: string): boolean {
    return ValueCipher.keyIdOf(value) === this.currentKeyId;
  }
}
