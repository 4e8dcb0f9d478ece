import { placeInBusinessHours } from '../domain/reminders';
import { t } from '../i18n';
import type { HandoffServiceDeps } from './handoff-deps';
import type { HandoffRecord } from './handoff-store';
import type { HandoffService } from './handoff-service';
import { latestAddress } from './latest-address';

const TIMEOUT = { kind: 'system', id: 'handoff-timeout' } as const;

/**
 * One pass over the open handoffs: an owned chat quiet for the idle time goes back to the bot; a request
 * nobody claimed within the unclaimed time (counted from the first business-hours moment, Europe/Istanbul)
 * is closed and the customer offered to continue with the bot or leave a callback number.
 */
export async function sweepHandoffs(service: HandoffService, deps: HandoffServiceDeps): Promise<void> {
  const { store, timeouts, logger } = deps;
  const now = service.now();
  for (const caseId of await store.active()) {
    const record = await store.get(caseId);
    if (!record) continue;
    try {
      if (record.state === 'owned' && now.getTime() - Date.parse(record.lastActivityAt) >= timeouts.idleMs)
        await service.handBack(caseId, 'idle');
      if (record.state === 'requested' && now >= unclaimedDeadline(deps, record))
        await unclaimed(service, deps, record);
    } catch (err) {
      logger.error({ caseId, err: { message: (err as Error).message } }, 'handoff timeout failed');
    }
  }
}

function unclaimedDeadline(deps: HandoffServiceDeps, record: HandoffRecord): Date {
  const start = placeInBusinessHours(deps.policy, new Date(record.requestedAt), () => 0);
  return new Date(start.getTime() + deps.timeouts.unclaimedMs);
}

async function unclaimed(
  service: HandoffService,
  deps: HandoffServiceDeps,
  record: HandoffRecord,
): Promise<void> {
  const closed = await deps.store.transition(record.caseId, ['requested'], 'closed', {
    closedReason: 'unclaimed',
    unclaimedNotified: true,
    callback: 'offered',
    // The offer is read against this time: it lapses a day later.
    lastActivityAt: service.now().toISOString(),
  });
  if (!closed) return;
  const minutes = Math.round(deps.timeouts.unclaimedMs / 60_000);
  await service.audit(record.caseId, 'handoff.timed_out', TIMEOUT, 'unclaimed');
  const current = await deps.cases.get(record.caseId);
  const address = current && latestAddress(current);
  if (current && address) {
    const tr = (key: Parameters<typeof t>[1]) => t(current.locale, key);
    await deps.customerMessenger.send(address, {
      text: t(current.locale, 'handoff.customer.unclaimed', { supportPhone: deps.supportPhone }),
      actions: [
        { title: tr('handoff.customer.continueWithBot'), value: 'devam' },
        { title: tr('handoff.customer.callback'), value: 'geri arama' },
      ],
    });
  }
  if (current) await service.status(current, 'failed', `nobody took the request within ${minutes} minutes`);
  if (record.thread)
    await deps.supportChannel.say(record.thread.reference, t('tr', 'handoff.agent.unclaimed', { minutes }));
  await service.refreshCard(record.caseId);
}
