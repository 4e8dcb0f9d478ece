import { TurnState, type DefaultConversationState, type DefaultUserState } from '@microsoft/teams-ai';
import type { DialogState } from 'botbuilder-dialogs';

export interface ConversationData extends DefaultConversationState {
  dialogState?: DialogState;
  /** Message count and last activity of the conversation, for operations and for the concurrency tests. */
  stats?: { messages: number; lastMessageAt: string };
}

export type UserData = DefaultUserState;

export class AppTurnState extends TurnState<ConversationData, UserData> {}
