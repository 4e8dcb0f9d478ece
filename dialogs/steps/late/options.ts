import type { TurnContext } from 'botbuilder';
import type { ChoiceOption } from '../../base/choices';
import { say } from '../../base/say';
import { sessionOf, type DialogDeps } from '../../ports';

/** Yes/no for the confirm-back questions; the Turkish spellings without diacritics are accepted too. */
export const YES_NO: readonly ChoiceOption[] = [
  { value: 'yes', title: 'dialogs.choice.yes', synonyms: ['evet', 'doğru', 'dogru', 'yes', 'correct'] },
  { value: 'no', title: 'dialogs.choice.no', synonyms: ['hayır', 'hayir', 'yanlış', 'yanlis', 'no'] },
];

/**
 * Asks for an agent from inside a step (a choice button), with the same answer the global "temsilci"
 * command gives, so the customer hears one story whichever way they asked.
 */
export async function requestAgent(context: TurnContext, deps: DialogDeps): Promise<void> {
  const session = sessionOf(context);
  const { queued } = await deps.handoff.requestAgent({
    caseId: session.case.id,
    reason: 'customer_request',
    context,
  });
  await say(context, queued ? 'dialogs.command.agentQueued' : 'dialogs.command.agentUnavailable', {
    supportPhone: deps.integrator.supportPhone,
  });
}

/** ISO time for the case's `…At` fields, from the injected clock. */
export function nowIso(deps: DialogDeps): string {
  return deps.now().toISOString();
}

/** The waterfall's own scratch values (kept across its steps, dropped when it ends). */
export function flags(step: { readonly values: object }): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}
