import type { HandoffPort } from '../../dialogs/ports';
import type { Logger } from '../observability/logger';

/**
 * The handoff port until agent takeover exists: the request is logged for the support team (case id and
 * reason only) and the customer is given the support phone number instead of a live agent.
 */
export class UnavailableHandoff implements HandoffPort {
  constructor(private readonly logger: Logger) {}

  async requestAgent(request: Parameters<HandoffPort['requestAgent']>[0]): Promise<{ queued: boolean }> {
    this.logger.warn({ caseId: request.caseId, reason: request.reason }, 'customer asked for an agent');
    return { queued: false };
  }
}
