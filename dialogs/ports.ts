import type { TurnContext } from 'botbuilder';
import type { Case, CaseData, HandoffAuditType, StepId, StepStatus } from '../src/domain/case';
import type { FormId, FormParams } from '../src/domain/forms';
import type { IntegratorProfile } from '../src/domain/integrator';
import type { PackageCatalog } from '../src/domain/packages';
import type { ValidationIssue } from '../src/domain/validation';
import type { Locale } from '../src/i18n';

/**
 * The small interfaces the dialogs own. The bot layer fills them for real; tests may fill them with fakes.
 * Dialogs never import storage, Redis, restify or channel code.
 */

/** The customer's case as seen inside one turn; changes are saved with the turn's state, atomically. */
export interface CaseSession {
  readonly case: Case;
  readonly locale: Locale;
  /** The customer asked to be served in the other language. */
  setLocale(locale: Locale): void;
  /** Whether the channel renders Adaptive Cards (Teams, Web Chat, Emulator) or needs one question at a time. */
  readonly cardsSupported: boolean;
  applyPatch(patch: unknown): { ok: true } | { ok: false; errors: readonly ValidationIssue[] };
  /** Moves a step through the domain's transition table; false (and no change) when not allowed. */
  markStep(step: StepId, status: StepStatus): boolean;
  acceptPrivacyNotice(version: string): void;
  /** Keeps a file the customer sent (metadata and the channel's media id) on the case. */
  recordDocument(document: ReceivedFile): void;
  /** Adds an agent-takeover entry (request, callback number) to the audit trail, saved with the turn. */
  recordHandoff(type: HandoffAuditType, detail?: string): void;
  /**
   * The customer finished the last step. The integrator's systems are told once this turn's state is
   * saved, never before: a save that loses a conflict must not have announced anything.
   */
  announceCompletion(): void;
  /**
   * The customer confirmed "verilerimi sil": the case and everything around it is erased once this turn's
   * state is saved (so that save cannot write the data back), and nothing else is announced.
   */
  requestErasure(): void;
  /** Forms opened in this conversation, newest last, so "geri" on a card can reopen the one before. */
  readonly forms: FormHistory;
}

/**
 * What a customer's turn leaves for the bot layer to do once its state is saved: erase the case (the
 * customer confirmed it), announce a finished onboarding, or nothing beyond the usual reminder upkeep.
 */
export type TurnOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'completed'; readonly case: Case }
  | { readonly kind: 'erase'; readonly caseId: string };

/** A file as the channel adapter describes it in an attachment's `content.channelMedia`. */
export interface ReceivedFile {
  readonly kind: 'document' | 'image';
  readonly mediaId: string;
  readonly mimeType: string;
  readonly filename?: string;
  readonly sha256?: string;
}

export interface OpenedForm {
  readonly formId: FormId;
  readonly params: FormParams;
}

export interface FormHistory {
  /** Records a form being shown (a form shown again in a row is recorded once). */
  opened(form: OpenedForm): void;
  /** Forgets the newest form and returns the one before it, if any. */
  back(): OpenedForm | undefined;
  /**
   * A card whose submit (or cancel) took effect: its nonce is remembered, so the same card clicked again
   * (ten impatient clicks, a redelivery) is recognised as a duplicate and ignored.
   */
  consumed(nonce: string): void;
}

export type HandoffReason = 'customer_request' | 'repeated_invalid_input' | 'reminders_unanswered';

export interface HandoffPort {
  /** Asks for a support agent; `queued: false` when nobody can take chats over yet. */
  requestAgent(request: {
    caseId: string;
    reason: HandoffReason;
    context: TurnContext;
  }): Promise<{ queued: boolean }>;
}

/** How far the customer got with "nobody is free: continue with the bot or leave a callback number". */
export type CallbackOfferStage = 'offered' | 'asked';

/** The unclaimed request's callback offer (sent outside any turn, when nobody took the request). */
export interface CallbackOfferPort {
  /** The offer open at the start of this turn (read with the takeover gate, no extra read), if any. */
  pending(context: TurnContext): CallbackOfferStage | undefined;
  /** The customer wants to be called back: the next message is read as their number. */
  ask(caseId: string): Promise<void>;
  /** The customer goes on with the bot: the offer is answered. */
  decline(caseId: string): Promise<void>;
  /** Keeps the number for the agents; `audit` records in the running turn (saved with it). */
  leaveNumber(
    caseId: string,
    e164: string,
    audit: (type: HandoffAuditType, detail?: string) => void,
  ): Promise<void>;
}

/** Filled by the bot layer, which calls it after a turn that announced a completion was saved. */
export interface CaseEventsPort {
  /** The customer finished all six steps: the integrator's systems can pick the case up. */
  caseCompleted(completed: Case): Promise<void>;
}

/**
 * With the integrator's İYS API access: what İYS holds under the İYSKod the customer entered, compared
 * with their BrandKods. `unavailable` when İYS could not be asked (the customer's word stands then).
 */
export type CodeCheck = (data: CaseData) => Promise<CodeCheckResult>;

export type CodeCheckResult =
  | { readonly status: 'verified' }
  | {
      readonly status: 'mismatch';
      /** İYS knows no service provider under this İYSKod. */
      readonly unknownIysCode: boolean;
      /** Brands whose BrandKod İYS does not list, with the code of a same-named İYS brand when there is one. */
      readonly unmatched: readonly { readonly brand: string; readonly suggestedCode?: string }[];
    }
  | { readonly status: 'unavailable' };

export interface DialogDeps {
  readonly integrator: IntegratorProfile;
  readonly packageCatalog: PackageCatalog;
  readonly handoff: HandoffPort;
  /** With agent takeover: the customer's answer to a callback offer is read before anything else. */
  readonly callbackOffer?: CallbackOfferPort;
  /** Version of the privacy notice (aydınlatma metni) the customer must accept before personal data. */
  readonly privacyNoticeVersion: string;
  readonly now: () => Date;
  /** Present when İYS API credentials are configured. */
  readonly codeCheck?: CodeCheck;
}

const SESSION = Symbol('iys.caseSession');

export function attachSession(context: TurnContext, session: CaseSession): void {
  context.turnState.set(SESSION, session);
}

export function sessionOf(context: TurnContext): CaseSession {
  const session = findSession(context);
  if (!session) throw new Error('no case session on this turn');
  return session;
}

/** The session of a turn that ran the dialogs, if it did (a bot-only conversation update has none). */
export function findSession(context: TurnContext): CaseSession | undefined {
  return context.turnState.get(SESSION) as CaseSession | undefined;
}
