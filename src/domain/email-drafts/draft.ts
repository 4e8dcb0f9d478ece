/** Shared pieces of the e-mail drafts: the result shape, the mailto link and text helpers. */

export interface EmailDraft {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  /** CRLF line breaks, as RFC 6068 expects for a mailto body. */
  readonly body: string;
  readonly mailto: string;
  /** Canonical ids of the data the draft needed but did not have (shown as placeholders in the body). */
  readonly missing: readonly string[];
}

export const CRLF = '\r\n';

/** What a missing value looks like in a draft: impossible to overlook, never "undefined". */
export const MISSING = '[EKSİK – lütfen doldurun]';

function encodeAddress(address: string): string {
  // "@" may stay literal in a mailto address (RFC 6068 §2); keeping it makes the link readable.
  return encodeURIComponent(address).replace(/%40/g, '@');
}

/** A mailto: link; every part is percent-encoded and line breaks are normalised to %0D%0A. */
export function buildMailto(
  to: readonly string[],
  cc: readonly string[],
  subject: string,
  body: string,
): string {
  const fields: string[] = [];
  if (cc.length > 0) fields.push(`cc=${cc.map(encodeAddress).join(',')}`);
  fields.push(`subject=${encodeURIComponent(subject)}`);
  fields.push(`body=${encodeURIComponent(body.replace(/\r?\n/g, CRLF))}`);
  return `mailto:${to.map(encodeAddress).join(',')}?${fields.join('&')}`;
}

/** Collects missing field ids while the body is written. */
export class DraftWriter {
  private readonly lines: string[] = [];
  private readonly missingIds: string[] = [];

  line(text = ''): this {
    this.lines.push(text);
    return this;
  }

  /** "Label: value", or the placeholder (and a note of the field id) when the value is absent. */
  field(label: string, fieldId: string, value: string | number | undefined): this {
    const present = value !== undefined && String(value).trim() !== '';
    if (!present) this.markMissing(fieldId);
    return this.line(`${label}: ${present ? String(value) : MISSING}`);
  }

  markMissing(fieldId: string): this {
    if (!this.missingIds.includes(fieldId)) this.missingIds.push(fieldId);
    return this;
  }

  finish(to: readonly string[], cc: readonly string[], subject: string): EmailDraft {
    const body = this.lines.join(CRLF);
    return {
      to,
      cc,
      subject,
      body,
      mailto: buildMailto(to, cc, subject, body),
      missing: [...this.missingIds],
    };
  }
}

/** Turkish thousands grouping ("250.000"), used because these e-mails go to İYS in Turkish. */
export function formatCountTr(value: number): string {
  return new Intl.NumberFormat('tr-TR', { maximumFractionDigits: 0 }).format(value);
}
