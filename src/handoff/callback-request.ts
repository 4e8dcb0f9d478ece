import type { TurnContext } from 'botbuilder';
import type { CallbackOfferPort, CallbackOfferStage } from '../../dialogs/ports';
import { maskValue } from '../domain/case';
import { t } from '../i18n';
import type { HandoffService, RequestExtra } from './handoff-service';
import type { HandoffRecord } from './handoff-store';

/** An unanswered offer lapses after a day: a number typed later answers whatever the bot asked. */
const OFFER_LIFETIME_MS = 24 * 3600_000;

/**
 * The dialogs' side of the callback offer. The offer's stage is the handoff record's, which the takeover
 * gate reads once per turn and leaves here (so answering costs no second read).
 */
export class TurnCallbackOffers implements CallbackOfferPort {
  private readonly records = new WeakMap<TurnContext, HandoffRecord>();

  constructor(private readonly service: HandoffService) {}

  /** The case's handoff record as the takeover gate read it at the start of this turn. */
  remember(context: TurnContext, record: HandoffRecord | undefined): void {
    if (record) this.records.set(context, record);
  }

  pending(context: TurnContext): CallbackOfferStage | undefined {
    const record = this.records.get(context);
    if (record?.state !== 'closed') return undefined;
    if (record.callback !== 'offered' && record.callback !== 'asked') return undefined;
    if (this.service.now().getTime() - Date.parse(record.lastActivityAt) > OFFER_LIFETIME_MS)
      return undefined;
    return record.callback;
  }

  async ask(caseId: string): Promise<void> {
    await this.service.store.patch(caseId, { callback: 'asked' });
  }

  async decline(caseId: string): Promise<void> {
    await this.service.store.patch(caseId, { callback: 'declined' });
  }

  leaveNumber(caseId: string, e164: string, audit: NonNullable<RequestExtra['audit']>): Promise<void> {
    return saveCallbackNumber(this.service, caseId, e164, audit);
  }
}

/**
 * The customer left a number to be called back after nobody claimed their request: kept on the handoff
 * record for the agents, posted to the request's thread (the agents must be able to dial it) and, masked,
 * in the transcript and the audit trail.
 */
export async function saveCallbackNumber(
  service: HandoffService,
  caseId: string,
  e164: string,
  inTurn?: RequestExtra['audit'],
): Promise<void> {
  const { store } = service;
  const masked = maskValue('signatoryMobile', e164);
  await store.patch(caseId, { callback: 'given', callbackNumber: e164 });
  await service.record(caseId, [
    { at: service.now().toISOString(), from: 'system', text: `callback number left: ${masked}` },
  ]);
  await service.audit(caseId, 'handoff.callback', { kind: 'customer', id: caseId }, masked, inTurn);
  const record = await store.get(caseId);
  if (record?.thread)
    await service.tellAgents(record.thread.reference, t('tr', 'handoff.agent.callback', { phone: e164 }));
}
