import {
  STEP_IDS,
  STEP_STATUSES,
  STEP_TRANSITIONS,
  applyTransition,
  caseCurrentStep,
  createCase,
  currentStep,
  initialStepStates,
  markStep,
  type Actor,
  type Case,
  type StepId,
  type StepStates,
  type StepStatus,
} from '../../../src/domain/case';

const agent: Actor = { kind: 'agent', id: 'agent-7' };
const at = '2025-03-01T10:00:00.000Z';

function stepsWith(overrides: Partial<Record<StepId, StepStatus>>): StepStates {
  const steps = { ...initialStepStates() };
  for (const [id, status] of Object.entries(overrides)) steps[id as StepId] = { status };
  return steps;
}

function mustMark(c: Case, step: StepId, to: StepStatus): Case {
  const result = markStep(c, step, to, agent, at);
  if (!result.ok) throw new Error(`${step} → ${to}: ${result.error.code}`);
  return result.case;
}

describe('step transitions', () => {
  it('lets the first step start and finish, then the second start', () => {
    let c = createCase({ id: 'c1', at, actor: { kind: 'customer', id: 'u1' } });
    expect(caseCurrentStep(c)).toBe('preApplication');
    c = mustMark(c, 'preApplication', 'in_progress');
    c = mustMark(c, 'preApplication', 'waiting');
    c = mustMark(c, 'preApplication', 'done');
    expect(caseCurrentStep(c)).toBe('applicationStatus');
    c = mustMark(c, 'applicationStatus', 'in_progress');
    expect(c.steps.applicationStatus).toEqual({ status: 'in_progress', updatedAt: at });
  });

  it('refuses to start a step before the previous one is done or skipped', () => {
    const result = applyTransition(initialStepStates(), 'codes', 'in_progress', at);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'domain.step.previousNotFinished',
        severity: 'error',
        params: { step: 'codes', previous: 'applicationStatus' },
      },
    });
    expect(
      applyTransition(stepsWith({ preApplication: 'waiting' }), 'applicationStatus', 'in_progress', at).ok,
    ).toBe(false);
  });

  it('treats a skipped previous step as finished', () => {
    const steps = stepsWith({ preApplication: 'skipped', applicationStatus: 'skipped' });
    expect(applyTransition(steps, 'codes', 'in_progress', at).ok).toBe(true);
    expect(currentStep(steps)).toBe('codes');
  });

  it('refuses moves missing from the table', () => {
    const result = applyTransition(stepsWith({ preApplication: 'done' }), 'preApplication', 'waiting', at);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'domain.step.transitionNotAllowed',
        params: { step: 'preApplication', from: 'done', to: 'waiting' },
      },
    });
    expect(applyTransition(initialStepStates(), 'preApplication', 'done', at).ok).toBe(false);
  });

  it('follows exactly the table for every pair of statuses on the first step', () => {
    for (const from of STEP_STATUSES) {
      for (const to of STEP_STATUSES) {
        if (from === to) continue;
        const result = applyTransition(stepsWith({ preApplication: from }), 'preApplication', to, at);
        expect([from, to, result.ok]).toEqual([from, to, STEP_TRANSITIONS[from].includes(to)]);
      }
    }
  });

  it('lets a finished step be reopened and a started step be reset', () => {
    expect(
      applyTransition(stepsWith({ preApplication: 'done' }), 'preApplication', 'in_progress', at).ok,
    ).toBe(true);
    expect(applyTransition(stepsWith({ codes: 'in_progress' }), 'codes', 'not_started', at).ok).toBe(true);
  });

  it('is complete (null) when every step is done or skipped', () => {
    const all = Object.fromEntries(STEP_IDS.map((id, i) => [id, i % 2 ? 'done' : 'skipped'])) as Record<
      StepId,
      StepStatus
    >;
    expect(currentStep(stepsWith(all))).toBeNull();
  });

  it('audits a step change and treats a repeated status as a no-op', () => {
    const c = createCase({ id: 'c1', at, actor: agent });
    const first = markStep(c, 'preApplication', 'in_progress', agent, '2025-03-01T11:00:00.000Z');
    expect(first.ok && first.event).toEqual({
      at: '2025-03-01T11:00:00.000Z',
      actor: agent,
      type: 'step.changed',
      step: 'preApplication',
      from: 'not_started',
      to: 'in_progress',
    });
    if (!first.ok) throw new Error('unexpected');
    expect(first.case.audit).toHaveLength(2);
    expect(first.case.updatedAt).toBe('2025-03-01T11:00:00.000Z');
    const again = markStep(first.case, 'preApplication', 'in_progress', agent, at);
    expect(again).toEqual({ ok: true, case: first.case });
  });
});
