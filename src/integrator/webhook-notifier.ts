import { createHmac } from 'node:crypto';
import type { CaseEventsPort } from '../../dialogs/ports';
import type { Case } from '../domain/case';
import type { Logger } from '../observability/logger';

export interface WebhookOptions {
  readonly url?: string;
  readonly secret?: string;
  readonly timeoutMs?: number;
}

/**
 * Tells the integrator's CRM or panel that a customer finished onboarding: a JSON POST signed with
 * HMAC-SHA256 over `<timestamp>.<body>` (headers `X-IYS-Timestamp`, `X-IYS-Signature: sha256=<hex>`), so
 * the receiver can check origin and freshness. The body carries codes and step states, no personal data.
 * Without a URL it only logs; a failing receiver is logged and never breaks the customer's turn.
 */
export class WebhookNotifier implements CaseEventsPort {
  constructor(
    private readonly options: WebhookOptions,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async caseCompleted(completed: Case): Promise<void> {
    const body = JSON.stringify(completionPayload(completed, this.now()));
    if (!this.options.url) {
      this.logger.info({ caseId: completed.id }, 'case completed (no integrator webhook configured)');
      return;
    }
    const timestamp = String(Math.floor(this.now().getTime() / 1000));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-iys-timestamp': timestamp,
    };
    if (this.options.secret)
      headers['x-iys-signature'] = `sha256=${signature(this.options.secret, timestamp, body)}`;
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
      if (!response.ok)
        this.logger.warn({ caseId: completed.id, status: response.status }, 'integrator webhook refused');
    } catch (err) {
      this.logger.warn(
        { caseId: completed.id, err: { message: (err as Error).message } },
        'integrator webhook failed',
      );
    }
  }
}

export function signature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function completionPayload(completed: Case, at: Date) {
  const data = completed.data;
  return {
    event: 'case.completed',
    at: at.toISOString(),
    caseId: completed.id,
    tradeTitle: data.tradeTitle,
    // An 11-digit tax number is a sole proprietor's TCKN: personal data stays out of the payload.
    vkn: data.vkn?.length === 10 ? data.vkn : undefined,
    iysCode: data.iysCode,
    brandCodes: data.brandCodes ?? {},
    packageTier: data.packageTier,
    panelChoice: data.panelChoice,
    steps: Object.fromEntries(Object.entries(completed.steps).map(([id, s]) => [id, s.status])),
  };
}
