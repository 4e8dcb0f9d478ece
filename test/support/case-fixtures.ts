import {
  acceptPrivacyNotice,
  applyPatch,
  createCase,
  markStep,
  upsertChannelAddress,
  type Actor,
  type Case,
  type StepId,
  type StepStatus,
} from '../../src/domain/case';

export const SYSTEM: Actor = { kind: 'system', id: 'test' };
export const AT = '2026-11-20T09:00:00.000Z';

/** The case of a domain operation that must succeed in a fixture. */
export function must<T>(result: { ok: true; case: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`fixture step refused: ${JSON.stringify(result)}`);
  return result.case;
}

/** Moves a step forward through the transition table (e.g. in_progress then waiting). */
export function moved(current: Case, step: StepId, ...statuses: StepStatus[]): Case {
  return statuses.reduce((c, status) => must(markStep(c, step, status, SYSTEM, AT)), current);
}

/** The case reachable in an Emulator conversation `conv-<id>` served by a local connector. */
export function reachableAt(current: Case, serviceUrl: string): Case {
  const conversationId = `conv-${current.id}`;
  const reference = {
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversationId },
    user: { id: 'u' },
    bot: { id: 'bot' },
  };
  return upsertChannelAddress(
    current,
    { channelId: 'emulator', conversationId, serviceUrl, userId: 'u', botId: 'bot', reference, addedAt: AT },
    SYSTEM,
    AT,
  );
}

/** A case whose privacy notice is accepted, with the given data and these steps finished in order. */
export function caseAt(id: string, data: Record<string, unknown>, done: readonly StepId[]): Case {
  let current = acceptPrivacyNotice(createCase({ id, at: AT, actor: SYSTEM }), '2026-11', SYSTEM, AT);
  current = must(applyPatch(current, data, SYSTEM, AT));
  for (const step of done) {
    current = must(markStep(current, step, 'in_progress', SYSTEM, AT));
    current = must(markStep(current, step, 'done', SYSTEM, AT));
  }
  return current;
}
