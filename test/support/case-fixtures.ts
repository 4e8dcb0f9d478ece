import {
  acceptPrivacyNotice,
  applyPatch,
  createCase,
  markStep,
  type Actor,
  type Case,
  type StepId,
} from '../../src/domain/case';

export const SYSTEM: Actor = { kind: 'system', id: 'test' };
export const AT = '2026-11-20T09:00:00.000Z';

function must<T>(result: { ok: true; case: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`fixture step refused: ${JSON.stringify(result)}`);
  return result.case;
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
