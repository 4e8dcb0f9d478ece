import { MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import {
  answerPrompt,
  describeIssues,
  formQuestionPrompt,
  parsePromptState,
  renderFormCard,
  repeatPrompt,
  startPrompt,
  textPrompt,
  type PromptMessage,
  type PromptStep,
} from '../../cards';
import {
  FORM_CANCEL_VERB,
  createNonce,
  getFormSpec,
  mergeFormPatch,
  parseFormSubmit,
  valuesFromCase,
  type FieldIssues,
  type FormId,
  type FormParams,
  type FormPatch,
  type FormSpec,
  type RawFormValues,
} from '../../src/domain/forms';
import { translator } from '../../src/i18n';
import { sessionOf, type DialogDeps } from '../ports';
import { say, sendCard, withPrompt } from './say';

export interface FormDialogOptions {
  readonly formId: FormId;
  readonly params?: FormParams;
}

/** What a form dialog ends with. `saved` means the patch is already in the case. */
export type FormOutcome =
  { readonly status: 'saved'; readonly patch: FormPatch } | { readonly status: 'cancelled' };

/** Counts of refusals in a row and whether this form already asked for an agent (kept in dialog state). */
interface Streaks {
  /** Card: consecutive refused submits per field. Prompt: the refused question and its count. */
  streaks?: Record<string, number>;
  escalated?: boolean;
}

type FormState =
  | ({ mode: 'card'; formId: FormId; params: FormParams; nonce: string; failures: number } & Streaks)
  | ({ mode: 'prompt'; prompt: unknown } & Streaks);

const STATE = 'form';
/** The same field refused this many times in a row: an agent is asked to help (once per form). */
export const FAILURES_BEFORE_AGENT = 3;

/**
 * Collects one form: as an Adaptive Card where the channel renders cards (a submit is parsed and validated
 * with zod; errors re-show the card with messages under the fields and the typed values kept; a stale
 * card is refused politely), else one question at a time through the prompt machine. Either way the
 * result is merged into the case before the dialog ends.
 */
export class FormDialog extends Dialog<FormDialogOptions> {
  static readonly id = 'form';

  /** Without deps (older callers) a stuck customer is not escalated automatically. */
  constructor(private readonly deps?: Pick<DialogDeps, 'handoff' | 'integrator'>) {
    super(FormDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: FormDialogOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('FormDialog needs a formId');
    const session = sessionOf(dc.context);
    const spec = getFormSpec(options.formId, options.params);
    session.forms.opened({ formId: spec.id, params: spec.params });
    const values = valuesFromCase(spec, session.case.data);
    if (session.cardsSupported) {
      const state: FormState = {
        mode: 'card',
        formId: spec.id,
        params: spec.params,
        nonce: createNonce(),
        failures: 0,
      };
      dc.activeDialog!.state[STATE] = state;
      await sendCard(
        dc.context,
        renderFormCard({ spec, values, locale: session.locale, nonce: state.nonce }),
      );
      return Dialog.EndOfTurn;
    }
    return this.onPromptStep(dc, startPrompt(spec, values, session.locale));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state[STATE] as FormState;
    if (state.mode === 'prompt') {
      const parsed = parsePromptState(state.prompt);
      if (!parsed) return this.beginDialog(dc, dc.activeDialog!.state.options as FormDialogOptions);
      return this.onPromptStep(dc, answerPrompt(parsed, dc.context.activity.text ?? ''), state);
    }
    return this.onCardActivity(dc, state);
  }

  /** The form again as it stands (the customer comes back to it, e.g. after a callback offer). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state[STATE] as FormState | undefined;
    const session = sessionOf(context);
    if (state?.mode === 'card') {
      const spec = getFormSpec(state.formId, state.params);
      const values = valuesFromCase(spec, session.case.data);
      await sendCard(context, renderFormCard({ spec, values, locale: session.locale, nonce: state.nonce }));
      return;
    }
    const parsed = state && parsePromptState(state.prompt);
    if (parsed) await sendPromptMessage(context, repeatPrompt(parsed).message);
  }

  /** True while this form asks one question at a time (its own "geri" handling applies). */
  static isPromptMode(dc: DialogContext): boolean {
    const state = dc.activeDialog?.state[STATE] as FormState | undefined;
    return dc.activeDialog?.id === FormDialog.id && state?.mode === 'prompt';
  }

  private async onCardActivity(
    dc: DialogContext,
    state: Extract<FormState, { mode: 'card' }>,
  ): Promise<DialogTurnResult> {
    const { context } = dc;
    const session = sessionOf(context);
    const value: unknown = context.activity.value;
    if (!value || typeof value !== 'object') {
      await say(context, 'dialogs.form.useCard');
      return Dialog.EndOfTurn;
    }
    if ((value as { verb?: unknown }).verb === FORM_CANCEL_VERB) {
      session.forms.consumed(state.nonce);
      return dc.endDialog({ status: 'cancelled' } satisfies FormOutcome);
    }
    const spec = getFormSpec(state.formId, state.params);
    const result = parseFormSubmit(spec, value, state.nonce);
    if (result.ok) {
      // Clicked again (or ten times at once), this card is a duplicate: the bot layer ignores it.
      session.forms.consumed(state.nonce);
      return this.save(dc, spec, result.patch, result.warnings);
    }
    if (result.reason === 'invalid') {
      state.failures += 1;
      const refused = Object.keys(result.fieldErrors).filter((id) => result.fieldErrors[id]?.length);
      // Only fields refused again keep counting; a field that passed starts from zero.
      state.streaks = Object.fromEntries(refused.map((id) => [id, (state.streaks?.[id] ?? 0) + 1]));
      const shown = await this.reshow(dc, spec, state, result.values, result.fieldErrors, result.warnings);
      await this.escalateIfStuck(dc, state);
      return shown;
    }
    await say(context, result.reason === 'stale' ? 'dialogs.form.stale' : 'dialogs.form.unexpected');
    return this.reshow(dc, spec, state);
  }

  private async reshow(
    dc: DialogContext,
    spec: FormSpec,
    state: Extract<FormState, { mode: 'card' }>,
    typed?: RawFormValues,
    errors?: FieldIssues,
    warnings?: FieldIssues,
  ): Promise<DialogTurnResult> {
    const session = sessionOf(dc.context);
    state.nonce = createNonce();
    const values = typed ?? valuesFromCase(spec, session.case.data);
    await sendCard(
      dc.context,
      renderFormCard({
        spec,
        values,
        locale: session.locale,
        nonce: state.nonce,
        ...(errors ? { errors } : {}),
        ...(warnings ? { warnings } : {}),
      }),
    );
    return Dialog.EndOfTurn;
  }

  private async onPromptStep(
    dc: DialogContext,
    step: PromptStep,
    previous?: Extract<FormState, { mode: 'prompt' }>,
  ): Promise<DialogTurnResult> {
    // The same question refused again adds one; any other answer (a valid one, "geri") starts over.
    const streaks = step.refused
      ? { [step.refused]: (previous?.streaks?.[step.refused] ?? 0) + 1 }
      : undefined;
    const state: FormState = {
      mode: 'prompt',
      prompt: step.state,
      ...(streaks ? { streaks } : {}),
      ...(previous?.escalated ? { escalated: true } : {}),
    };
    dc.activeDialog!.state[STATE] = state;
    // The last message of a finished walk is the machine's own "saved" line: send it too.
    if (step.message.text) await sendPromptMessage(dc.context, step.message, step.result !== undefined);
    await this.escalateIfStuck(dc, state);
    if (!step.result) return Dialog.EndOfTurn;
    return this.save(
      dc,
      getFormSpec(step.state.formId, step.state.params),
      step.result.patch,
      step.result.warnings,
    );
  }

  /**
   * A customer who cannot get one field accepted is not left alone with the error: after the third refusal
   * in a row an agent is asked (once per form) and the customer told so.
   */
  private async escalateIfStuck(dc: DialogContext, state: Streaks): Promise<void> {
    const stuck = Object.values(state.streaks ?? {}).some((count) => count >= FAILURES_BEFORE_AGENT);
    if (!stuck || state.escalated || !this.deps) return;
    state.escalated = true;
    const { queued } = await this.deps.handoff.requestAgent({
      caseId: sessionOf(dc.context).case.id,
      reason: 'repeated_invalid_input',
      context: dc.context,
    });
    await say(
      dc.context,
      queued ? 'handoff.customer.repeatedInvalid' : 'handoff.customer.repeatedInvalidNoAgent',
      {
        supportPhone: this.deps.integrator.supportPhone,
      },
    );
  }

  private async save(
    dc: DialogContext,
    spec: FormSpec,
    patch: FormPatch,
    warnings: FieldIssues,
  ): Promise<DialogTurnResult> {
    const session = sessionOf(dc.context);
    const merged = mergeFormPatch(spec, patch, session.case.data);
    const applied = session.applyPatch(merged);
    const tr = translator(session.locale);
    if (!applied.ok) {
      await say(dc.context, 'dialogs.form.notSaved', {
        reason: describeIssues(tr, applied.errors).join(' '),
      });
      return this.beginDialog(dc, { formId: spec.id, params: spec.params });
    }
    const notes = Object.values(warnings).flatMap((issues) => describeIssues(tr, issues));
    if (notes.length > 0)
      await dc.context.sendActivity(`${tr('dialogs.form.savedWithWarnings')}\n\n- ${notes.join('\n- ')}`);
    return dc.endDialog({ status: 'saved', patch: merged } satisfies FormOutcome);
  }
}

/**
 * A message of the prompt machine: a question (its choices also as suggested actions that send the
 * choice id back), or the plain "saved" line that ends the walk.
 */
async function sendPromptMessage(context: TurnContext, message: PromptMessage, done = false): Promise<void> {
  if (done) {
    await context.sendActivity(withPrompt(MessageFactory.text(message.text), textPrompt(message.text)));
    return;
  }
  const prompt = formQuestionPrompt(message);
  const reply =
    prompt.choices.length === 0
      ? MessageFactory.text(message.text)
      : MessageFactory.suggestedActions(
          prompt.choices.map((c) => ({ type: 'imBack', title: c.title, value: c.value })),
          message.text,
        );
  await context.sendActivity(withPrompt(reply, prompt));
}
