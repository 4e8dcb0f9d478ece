import { z } from 'zod/v4';

export const HANDOFF_STATES = ['requested', 'owned', 'closed'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

export interface Agent {
  readonly id: string;
  readonly name: string;
}

/** The post in the support channel that carries a case: its thread and the card to refresh. */
export const SupportThreadSchema = z.object({
  /** The conversation reference of the thread (the channel's reference with the post's `;messageid=`). */
  reference: z.record(z.string(), z.unknown()),
  cardActivityId: z.string().min(1),
});
export type SupportThread = z.infer<typeof SupportThreadSchema>;

export const HandoffRecordSchema = z.object({
  caseId: z.string().min(1),
  state: z.enum(HANDOFF_STATES),
  reason: z.string().min(1),
  /** Free text of the trigger (e.g. the reminder policy's escalation note); never personal data. */
  note: z.string().optional(),
  requestedAt: z.iso.datetime({ offset: true }),
  lastActivityAt: z.iso.datetime({ offset: true }),
  owner: z.object({ id: z.string().min(1), name: z.string() }).optional(),
  thread: SupportThreadSchema.optional(),
  /** Why the case went back to the bot (agent, idle, unclaimed). */
  closedReason: z.string().optional(),
  /** The customer was told nobody claimed in time (sent once). */
  unclaimedNotified: z.boolean().optional(),
  /** An agent moved the case to another step: the customer's next turn starts the dialog afresh. */
  resumeFresh: z.boolean().optional(),
  /**
   * After an unclaimed request: the callback offer was made, the customer pressed "call me back" and is
   * asked for a number, gave one, or went on with the bot.
   */
  callback: z.enum(['offered', 'asked', 'given', 'declined']).optional(),
  /** The number to call back (E.164), for the agents; logs and the audit trail get it masked. */
  callbackNumber: z.string().optional(),
});
export type HandoffRecord = z.infer<typeof HandoffRecordSchema>;

export type ClaimResult =
  | { readonly outcome: 'claimed'; readonly owner: Agent }
  | { readonly outcome: 'taken'; readonly owner: Agent }
  | { readonly outcome: 'closed' };

/** Fields a state transition may set besides the state itself. */
export type TransitionFields = Partial<
  Pick<
    HandoffRecord,
    'closedReason' | 'unclaimedNotified' | 'resumeFresh' | 'lastActivityAt' | 'callback' | 'callbackNumber'
  >
>;

/**
 * Per-case handoff state shared by every bot process. Every change that two processes (or two agents)
 * could make at once is a compare-and-set on the state, so exactly one of them wins.
 */
export interface HandoffStore {
  get(caseId: string): Promise<HandoffRecord | undefined>;
  /** Starts a request unless one is already requested or owned; false when one was. */
  open(record: HandoffRecord): Promise<boolean>;
  setThread(caseId: string, thread: SupportThread, threadConversationId: string): Promise<void>;
  caseForThread(threadConversationId: string): Promise<string | undefined>;
  /** The first agent wins; later ones learn who. */
  claim(caseId: string, agent: Agent, at: string): Promise<ClaimResult>;
  /** Moves the state when it is one of `from`; false (and no change) otherwise. */
  transition(
    caseId: string,
    from: readonly HandoffState[],
    to: HandoffState,
    fields?: TransitionFields,
  ): Promise<boolean>;
  /** Updates fields without a state check (activity time, flags). Ignored for an unknown case. */
  patch(caseId: string, fields: TransitionFields): Promise<void>;
  /** Cases with a request or an owner, for the timeout sweep. */
  active(): Promise<string[]>;
  setSupportChannel(reference: Record<string, unknown>): Promise<void>;
  supportChannel(): Promise<Record<string, unknown> | undefined>;
  /** Forgets the case's handoff record (erasure on request, KVKK). */
  delete(caseId: string): Promise<void>;
}

/** The in-memory twin for the embedded mode and tests (one process). */
export class InMemoryHandoffStore implements HandoffStore {
  private readonly records = new Map<string, HandoffRecord>();
  private readonly threads = new Map<string, string>();
  private channel: Record<string, unknown> | undefined;

  async get(caseId: string): Promise<HandoffRecord | undefined> {
    const record = this.records.get(caseId);
    return record && structuredClone(record);
  }

  async open(record: HandoffRecord): Promise<boolean> {
    const current = this.records.get(record.caseId);
    if (current && current.state !== 'closed') return false;
    this.records.set(record.caseId, structuredClone(record));
    return true;
  }

  async setThread(caseId: string, thread: SupportThread, threadConversationId: string): Promise<void> {
    const current = this.records.get(caseId);
    if (current) this.records.set(caseId, { ...current, thread });
    this.threads.set(threadConversationId, caseId);
  }

  async caseForThread(threadConversationId: string): Promise<string | undefined> {
    return this.threads.get(threadConversationId);
  }

  async claim(caseId: string, agent: Agent, at: string): Promise<ClaimResult> {
    const current = this.records.get(caseId);
    if (!current || current.state === 'closed') return { outcome: 'closed' };
    if (current.state === 'owned' && current.owner) return { outcome: 'taken', owner: current.owner };
    this.records.set(caseId, { ...current, state: 'owned', owner: { ...agent }, lastActivityAt: at });
    return { outcome: 'claimed', owner: agent };
  }

  async transition(
    caseId: string,
    from: readonly HandoffState[],
    to: HandoffState,
    fields: TransitionFields = {},
  ): Promise<boolean> {
    const current = this.records.get(caseId);
    if (!current || !from.includes(current.state)) return false;
    this.records.set(caseId, { ...current, ...fields, state: to });
    return true;
  }

  async patch(caseId: string, fields: TransitionFields): Promise<void> {
    const current = this.records.get(caseId);
    if (current) this.records.set(caseId, { ...current, ...fields });
  }

  async active(): Promise<string[]> {
    return [...this.records.values()].filter((r) => r.state !== 'closed').map((r) => r.caseId);
  }

  async setSupportChannel(reference: Record<string, unknown>): Promise<void> {
    this.channel = structuredClone(reference);
  }

  async supportChannel(): Promise<Record<string, unknown> | undefined> {
    return this.channel && structuredClone(this.channel);
  }

  async delete(caseId: string): Promise<void> {
    this.records.delete(caseId);
    for (const [thread, id] of this.threads) if (id === caseId) this.threads.delete(thread);
  }
}
