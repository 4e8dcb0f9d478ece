import type { Config } from '../config';
import { ValueCipher } from '../state/value-cipher';

/** Every stored state document is encrypted when ENCRYPTION_KEYS is set (always in production). */
export function cipherOf(config: Config): { cipher?: ValueCipher } {
  return config.encryption ? { cipher: new ValueCipher(config.encryption.keys) } : {};
}
