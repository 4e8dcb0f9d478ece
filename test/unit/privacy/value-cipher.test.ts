import { randomBytes } from 'node:crypto';
import { decodeItem, encodeItem } from '../../../src/state/storage-codec';
import { DecryptionError, ValueCipher } from '../../../src/state/value-cipher';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('ValueCipher (AES-256-GCM)', () => {
  it('round-trips text under the newest key, with a fresh IV each time', () => {
    const cipher = new ValueCipher([k2, k1]);
    const text = '{"signatoryTckn":"17291716060","ad":"Ayşe Yılmaz 🙂"}';
    const a = cipher.encrypt(text, 'cases/c_1');
    const b = cipher.encrypt(text, 'cases/c_1');
    expect(a).toMatch(/^enc:v1:k2:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('17291716060');
    expect(cipher.decrypt(a, 'cases/c_1')).toBe(text);
    expect(cipher.isCurrent(a)).toBe(true);
  });

  it('reads values of an older key by their key id (rotation)', () => {
    const old = new ValueCipher([k1]).encrypt('eski', 'k');
    const rotated = new ValueCipher([k2, k1]);
    expect(rotated.decrypt(old, 'k')).toBe('eski');
    expect(rotated.isCurrent(old)).toBe(false);
    expect(ValueCipher.keyIdOf(old)).toBe('k1');
  });

  it('fails loudly for a key id that is not configured', () => {
    const old = new ValueCipher([k1]).encrypt('eski', 'k');
    expect(() => new ValueCipher([k2]).decrypt(old, 'k')).toThrow(DecryptionError);
    expect(() => new ValueCipher([k2]).decrypt(old, 'k')).toThrow(/key "k1"/);
  });

  it('refuses a tampered ciphertext, tag or IV', () => {
    const cipher = new ValueCipher([k1]);
    const value = cipher.encrypt('{"a":1}', 'k');
    const parts = value.split(':');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    for (const index of [3, 4, 5]) {
      const tampered = parts.map((p, i) => (i === index ? flip(p) : p)).join(':');
      expect(() => cipher.decrypt(tampered, 'k')).toThrow(DecryptionError);
    }
    expect(() => cipher.decrypt('enc:v1:k1:broken', 'k')).toThrow(DecryptionError);
  });

  it('binds a value to its storage key: a ciphertext copied under another key does not decrypt', () => {
    const cipher = new ValueCipher([k1]);
    const value = cipher.encrypt('{"a":1}', 'cases/c_1');
    expect(() => cipher.decrypt(value, 'cases/c_2')).toThrow(DecryptionError);
  });

  it('passes plaintext through (values stored before encryption was switched on)', () => {
    expect(new ValueCipher([k1]).decrypt('{"a":1}', 'k')).toBe('{"a":1}');
  });

  it('rejects keys of the wrong size and duplicate ids', () => {
    expect(() => new ValueCipher([{ id: 'k', key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => new ValueCipher([k1, k1])).toThrow(/unique/);
    expect(() => new ValueCipher([])).toThrow();
  });
});

describe('storage codec with a cipher', () => {
  const cipher = new ValueCipher([k1]);

  it('keeps the eTag readable in front and encrypts only the JSON', () => {
    const raw = encodeItem({ tckn: '17291716060', eTag: 'old' }, 'abcdefghijklmnop', cipher, 'key');
    expect(raw.startsWith('abcdefghijklmnop\nenc:v1:k1:')).toBe(true);
    expect(raw).not.toContain('17291716060');
    expect(decodeItem(raw, cipher, 'key')).toEqual({ tckn: '17291716060', eTag: 'abcdefghijklmnop' });
  });

  it('reads a plaintext envelope with a cipher, and refuses an encrypted one without', () => {
    expect(decodeItem('abcdefghijklmnop\n{"a":1}', cipher, 'key')).toEqual({
      a: 1,
      eTag: 'abcdefghijklmnop',
    });
    const raw = encodeItem({ a: 1 }, 'abcdefghijklmnop', cipher, 'key');
    expect(() => decodeItem(raw)).toThrow(DecryptionError);
  });
});
