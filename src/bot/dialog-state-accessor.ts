import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { AppTurnState } from './turn-state';

/**
 * Lets botbuilder-dialogs keep its stack inside the teams-ai conversation scope, so dialog state is loaded
 * and saved with the rest of the turn state in one read and one write.
 *
 * teams-ai's own `TurnStateProperty.get(defaultValue)` takes the *context* as the default value when called
 * through the botbuilder `get(context, default)` signature and would store the whole TurnContext.
 */
export class DialogStateAccessor implements StatePropertyAccessor<DialogState> {
  constructor(private readonly state: AppTurnState) {}

  get(context: TurnContext): Promise<DialogState | undefined>;
  get(context: TurnContext, defaultValue: DialogState): Promise<DialogState>;
  async get(_context: TurnContext, defaultValue?: DialogState): Promise<DialogState | undefined> {
    const conversation = this.state.conversation;
    if (conversation.dialogState === undefined && defaultValue !== undefined) {
      conversation.dialogState = structuredClone(defaultValue);
    }
    return conversation.dialogState;
  }

  async set(_context: TurnContext, value: DialogState): Promise<void> {
    this.state.conversation.dialogState = value;
  }

  async delete(): Promise<void> {
    delete this.state.conversation.dialogState;
  }
}
