import type { TurnContext } from 'botbuilder';
import type { CaseService } from '../cases/case-service';
import type { Case, HandoffAuditType } from '../domain/case';
import type { ReminderPolicyConfig } from '../domain/reminders';
import type { Logger } from '../observability/logger';
import type { ProactiveMessenger } from '../channels/proactive-messenger';
import type { HandoffEventsPort } from './handoff-events';
import type { HandoffStore } from './handoff-store';
import type { SupportChannelPort } from './support-channel';
import type { TranscriptStore } from './transcript-store';

/** How a request was made; `audit` records in the running turn (its save would lose to a write here). */
export interface RequestExtra {
  readonly note?: string;
  /** The case as the running turn holds it (a new customer's case is saved only after the turn). */
  readonly current?: Case;
  readonly turn?: TurnContext;
  readonly audit?: (type: HandoffAuditType, detail?: string) => void;
}

export interface HandoffTimeouts {
  /** Business-hours time a request may wait for an agent before the customer is told. */
  readonly unclaimedMs: number;
  /** Quiet time after which an owned chat goes back to the bot. */
  readonly idleMs: number;
}

export interface HandoffServiceDeps {
  readonly store: HandoffStore;
  readonly transcripts: TranscriptStore;
  readonly cases: Pick<CaseService, 'get' | 'moveToStep' | 'confirmPartnerAssignment' | 'recordHandoff'>;
  readonly supportChannel: SupportChannelPort;
  /** Reaches the customer on their channel (WhatsApp: the agent template outside the 24-hour window). */
  readonly customerMessenger: ProactiveMessenger;
  /** Business hours (Europe/Istanbul) for the unclaimed timeout: the reminder policy's. */
  readonly policy: ReminderPolicyConfig;
  readonly timeouts: HandoffTimeouts;
  readonly supportPhone: string;
  /** A configured support channel (a conversation reference); an admin command can register one too. */
  readonly configuredChannel?: Record<string, unknown>;
  /**
   * An external agent hub listens for Bot Framework handoff events: a request opens (and emits
   * `handoff.initiate`) even before a support channel is registered.
   */
  readonly externalHub?: boolean;
  readonly events?: HandoffEventsPort;
  readonly logger: Logger;
  readonly now?: () => Date;
}
