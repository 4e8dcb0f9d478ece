import type { TurnContext } from 'botbuilder';

const ADMISSION = Symbol('turn admission');

/** Thrown inside the turn's lease when the turn was not admitted, so the lock gives the activity's claim back. */
export class TurnNotAdmitted extends Error {
  constructor() {
    super('turn not admitted');
    this.name = 'TurnNotAdmitted';
  }
}

/**
 * Checks a route started before the turn (budget counters), so their requests travel in the turn's first
 * Redis round trip, with the lease request and the turn's reads. The turn awaits them once it holds the
 * lease and runs only when they resolve true.
 */
export function setTurnAdmission(context: TurnContext, admission: () => Promise<boolean>): void {
  context.turnState.set(ADMISSION, admission);
}

/** True when no route set an admission, or the one it set lets the turn run. */
export async function isTurnAdmitted(context: TurnContext): Promise<boolean> {
  const admission = context.turnState.get(ADMISSION) as (() => Promise<boolean>) | undefined;
  return admission ? admission() : true;
}
