import { createHmac } from 'node:crypto';
import { signatureFor, verifySignature } from '../../../src/channels/whatsapp/signature';

const SECRET = 'meta-app-secret-for-tests';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}]}');
const hmac = (data: Buffer, secret = SECRET) => createHmac('sha256', secret).update(data).digest('hex');

describe('verifySignature', () => {
  it('accepts the HMAC-SHA256 of the raw body under the app secret, in either hex case', () => {
    expect(verifySignature(body, `sha256=${hmac(body)}`, SECRET)).toBe(true);
    expect(verifySignature(body, `sha256=${hmac(body).toUpperCase()}`, SECRET)).toBe(true);
    expect(verifySignature(body, signatureFor(body, SECRET), SECRET)).toBe(true);
  });

  it('checks the bytes as received, not an equivalent JSON', () => {
    const spaced = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(verifySignature(spaced, `sha256=${hmac(body)}`, SECRET)).toBe(false);
  });

  it('refuses a signature made with another secret', () => {
    expect(verifySignature(body, `sha256=${hmac(body, 'another-secret')}`, SECRET)).toBe(false);
  });

  it('refuses a tampered body', () => {
    const tampered = Buffer.from(body.toString().replace('"1"', '"2"'));
    expect(verifySignature(tampered, `sha256=${hmac(body)}`, SECRET)).toBe(false);
  });

  it('refuses a missing or empty header, and never checks with an empty secret', () => {
    expect(verifySignature(body, undefined, SECRET)).toBe(false);
    expect(verifySignature(body, '', SECRET)).toBe(false);
    expect(verifySignature(body, `sha256=${hmac(body, '')}`, '')).toBe(false);
  });

  it('refuses malformed headers', () => {
    const digest = hmac(body);
    for (const header of [
      digest,
      `sha1=${digest}`,
      `sha256:${digest}`,
      `SHA256=${digest}`,
      `sha256=${digest.slice(0, -1)}g`,
      `sha256= ${digest}x`,
      'sha256=',
      `sha256=${Buffer.from(digest, 'hex').toString('base64')}`,
    ]) {
      expect(verifySignature(body, header, SECRET)).toBe(false);
    }
  });

  it('refuses digests of another length without throwing', () => {
    const digest = hmac(body);
    for (const header of [
      `sha256=${digest.slice(0, 62)}`,
      `sha256=${digest}00`,
      `sha256=${digest}${digest}`,
    ]) {
      expect(() => verifySignature(body, header, SECRET)).not.toThrow();
      expect(verifySignature(body, header, SECRET)).toBe(false);
    }
  });
});
