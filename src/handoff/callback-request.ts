import { maskValue } from '../domain/case';
import { t } from '../i18n';
import type { HandoffService, RequestExtra } from './handoff-service';

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
  const { store, supportChannel } = service.deps;
  const masked = maskValue('signatoryMobile', e164);
  await store.patch(caseId, { callback: 'given', callbackNumber: e164 });
  await service.record(caseId, [
    { at: service.now().toISOString(), from: 'system', text: `callback number left: ${masked}` },
  ]);
  await service.audit(caseId, 'handoff.callback', { kind: 'customer', id: caseId }, masked, inTurn);
  const record = await store.get(caseId);
  if (record?.thread)
    await supportChannel.say(record.thread.reference, t('tr', 'handoff.agent.callback', { phone: e164 }));
}
