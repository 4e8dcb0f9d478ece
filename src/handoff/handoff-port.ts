import { findSession, type HandoffPort } from '../../dialogs/ports';
import type { HandoffService } from './handoff-service';

/** The dialogs' "temsilci" and automatic escalations, answered by agent takeover. */
export class ServiceHandoffPort implements HandoffPort {
  constructor(private readonly service: HandoffService) {}

  async requestAgent(request: Parameters<HandoffPort['requestAgent']>[0]): Promise<{ queued: boolean }> {
    const session = findSession(request.context);
    const queued = await this.service.request(request.caseId, request.reason, {
      turn: request.context,
      // Inside the customer's turn the audit entry is saved with the turn: a write through the case
      // service now would make the turn's own compare-and-set save fail.
      ...(session
        ? { current: session.case, audit: (type, detail) => session.recordHandoff(type, detail) }
        : {}),
    });
    return { queued };
  }
}
