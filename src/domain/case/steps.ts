import { z } from 'zod/v4';
import type { ValidationIssue } from '../validation';

/** The six İYS steps in order; each depends on the one before (DOMAIN.md). */
export const STEP_IDS = [
  'preApplication',
  'applicationStatus',
  'codes',
  'package',
  'partnerAssignment',
  'panel',
] as const;
export const StepIdSchema = z.enum(STEP_IDS);
export type StepId = z.infer<typeof StepIdSchema>;

export const STEP_STATUSES = ['not_started', 'in_progress', 'waiting', 'done', 'skipped'] as const;
export const StepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof StepStatusSchema>;

export const StepStateSchema = z.object({
  status: StepStatusSchema,
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});
export type StepState = z.infer<typeof StepStateSchema>;
export type StepStates = Readonly<Record<StepId, StepState>>;

/**
 * Allowed moves. `waiting` is "the ball is in İYS's or the customer's court" (review, payment, e-mail);
 * a finished step can be reopened for corrections; a skipped step (e.g. a customer who already has an
 * İYSKod skips the pre-application) can be taken up again.
 */
export const STEP_TRANSITIONS: Readonly<Record<StepStatus, readonly StepStatus[]>> = {
  not_started: ['in_progress', 'skipped'],
  in_progress: ['waiting', 'done', 'skipped', 'not_started'],
  waiting: ['in_progress', 'done', 'skipped'],
  done: ['in_progress'],
  skipped: ['in_progress', 'not_started'],
};

export const FINISHED: ReadonlySet<StepStatus> = new Set(['done', 'skipped']);

export function initialStepStates(): StepStates {
  return Object.fromEntries(STEP_IDS.map((id) => [id, { status: 'not_started' }])) as Record<
    StepId,
    StepState
  >;
}

export function previousStep(step: StepId): StepId | undefined {
  return STEP_IDS[STEP_IDS.indexOf(step) - 1];
}

export type TransitionResult =
  | { readonly ok: true; readonly steps: StepStates; readonly from: StepStatus }
  | { readonly ok: false; readonly error: ValidationIssue };

/**
 * Moves one step to a new status or says why not. Moving a step forward (anything but back to
 * `not_started`) needs the previous step done or skipped.
 */
export function applyTransition(
  steps: StepStates,
  step: StepId,
  to: StepStatus,
  at: string,
): TransitionResult {
  const from = steps[step].status;
  if (!STEP_TRANSITIONS[from].includes(to)) {
    return {
      ok: false,
      error: { code: 'domain.step.transitionNotAllowed', severity: 'error', params: { step, from, to } },
    };
  }
  const previous = previousStep(step);
  if (to !== 'not_started' && previous !== undefined && !FINISHED.has(steps[previous].status)) {
    return {
      ok: false,
      error: { code: 'domain.step.previousNotFinished', severity: 'error', params: { step, previous } },
    };
  }
  return { ok: true, from, steps: { ...steps, [step]: { status: to, updatedAt: at } } };
}

/** The step the customer is on: the first one not done or skipped; `null` once all six are finished. */
export function currentStep(steps: StepStates): StepId | null {
  return STEP_IDS.find((id) => !FINISHED.has(steps[id].status)) ?? null;
}
