import { TurnState, type DefaultConversationState, type DefaultUserState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { caseIdFor, caseStorageKey } from '../cases/case-keys';

export interface ConversationData extends DefaultConversationState {
  dialogState?: DialogState;
  /** Message count and last activity of the conversation, for operations and for the concurrency tests. */
  stats?: { messages: number; lastMessageAt: string };
  /** Forms shown in this conversation, newest last (see FormHistory in dialogs/ports.ts). */
  formHistory?: { formId: string; params: Record<string, unknown> }[];
}

export type UserData = DefaultUserState;

export const CASE_SCOPE = 'case';

/**
 * Conversation and user state as teams-ai keeps them, plus the customer's case record as a third scope:
 * all three are read in one storage call and written in one atomic, eTag-checked call per turn, while
 * workers, agents and the admin API reach the same record through the case repository.
 */
export class AppTurnState extends TurnState<ConversationData, UserData> {
  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    const keys = await super.onComputeStorageKeys(context);
    const { channelId, from } = context.activity;
    keys[CASE_SCOPE] = caseStorageKey(caseIdFor(channelId, from.id));
    return keys;
  }
}
