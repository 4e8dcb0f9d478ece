import { isPersonalDataField } from './case-data';

function stars(count: number): string {
  return '*'.repeat(Math.max(count, 0));
}

/**
 * Keeps `head` and `tail` characters (17291716060 → 172******60) only when the value is long enough for that
 * to hide most of it; a short or malformed value is starred completely.
 */
function keepEnds(value: string, head: number, tail: number): string {
  if (value.length < 2 * (head + tail)) return stars(value.length);
  return `${value.slice(0, head)}${stars(value.length - head - tail)}${value.slice(-tail)}`;
}

/** +905321234567 → +90 5** *** ** 67; other numbers keep their first three and last two characters. */
function maskPhone(value: string): string {
  const tr = /^\+90(\d)(\d{7})(\d{2})$/.exec(value);
  if (tr) return `+90 ${tr[1] ?? ''}** *** ** ${tr[3] ?? ''}`;
  return keepEnds(value, 3, 2);
}

/** ahmet@example.com → a***@example.com (the domain is a company's, not personal). */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return stars(3);
  return `${value.slice(0, 1)}***${value.slice(at)}`;
}

/** Ahmet Yılmaz → A**** Y***** */
function maskName(value: string): string {
  return value
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => {
      const chars = Array.from(word);
      return `${chars[0] ?? ''}${stars(chars.length - 1)}`;
    })
    .join(' ');
}

const MASKERS: Readonly<Record<string, (value: string) => string>> = {
  signatoryTckn: (value) => keepEnds(value, 3, 2),
  // U12345678 → U1*****78
  signatoryPassport: (value) => keepEnds(value, 2, 2),
  signatoryName: maskName,
  signatoryEmail: maskEmail,
  signatoryMobile: maskPhone,
};

/**
 * Masks a field's value for logs, transcripts and agent cards. Non-personal fields are returned as text
 * unchanged; personal fields are masked, and `undefined`/`null` become an empty string.
 */
export function maskValue(fieldId: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (!isPersonalDataField(fieldId)) return text;
  const masker = MASKERS[fieldId];
  return masker ? masker(text) : stars(8);
}
