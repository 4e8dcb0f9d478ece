import { randomBytes } from 'node:crypto';

/** A fresh card nonce: 12 random bytes, URL-safe. A submit must carry the nonce of the card last sent. */
export function createNonce(): string {
  return randomBytes(12).toString('base64url');
}
