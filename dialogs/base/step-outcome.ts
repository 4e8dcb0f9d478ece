/**
 * How a step dialog hands control back to the main dialog:
 * - `continue`: the step is finished (or moved on), go straight to whatever step the case is at now;
 * - `pause`: the step waits for something outside the chat (İYS, a payment, an agent), end the turn here.
 */
export type StepOutcome = { readonly next: 'continue' } | { readonly next: 'pause' };

export const CONTINUE: StepOutcome = { next: 'continue' };
export const PAUSE: StepOutcome = { next: 'pause' };

export function isStepOutcome(value: unknown): value is StepOutcome {
  const next = (value as { next?: unknown } | undefined)?.next;
  return next === 'continue' || next === 'pause';
}
