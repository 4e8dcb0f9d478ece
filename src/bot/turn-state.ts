import { TurnState, type DefaultConversationState, type DefaultUserState } from '@microsoft/teams-ai';
import type { Storage, StoreItems, TurnContext } from 'botbuilder';
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

/** A read of the turn's state keys started before the state is loaded (with the lease request). */
interface PrefetchedState {
  readonly keys: Promise<string[]>;
  readonly items: Promise<StoreItems>;
}

const PREFETCHED = Symbol('prefetched turn state');

/**
 * Conversation and user state as teams-ai keeps them, plus the customer's case record as a third scope:
 * all three are read in one storage call and written in one atomic, eTag-checked call per turn, while
 * workers, agents and the admin API reach the same record through the case repository.
 */
export class AppTurnState extends TurnState<ConversationData, UserData> {
  private readonly withSave: (() => Promise<void>)[] = [];

  /**
   * Starts reading this turn's state now, for `load` to use; see LeaseCompanion for why that read stands
   * (`forgetPrefetchedState` drops it when it does not).
   */
  static prefetch(context: TurnContext, storage: Storage): void {
    const keys = new AppTurnState().onComputeStorageKeys(context).then((scopes) => Object.values(scopes));
    const items = keys.then((list) => storage.read(list));
    // A read nobody ends up using must not surface as an unhandled rejection.
    items.catch(() => undefined);
    context.turnState.set(PREFETCHED, { keys, items } satisfies PrefetchedState);
  }

  static forgetPrefetchedState(context: TurnContext): void {
    context.turnState.delete(PREFETCHED);
  }

  /** Writes to send together with the state's save (one round trip), e.g. the turn's transcript lines. */
  sendWithSave(write: () => Promise<void>): void {
    this.withSave.push(write);
  }

  override load(context: TurnContext, storage?: Storage): Promise<boolean> {
    const prefetched = context.turnState.get(PREFETCHED) as PrefetchedState | undefined;
    context.turnState.delete(PREFETCHED);
    if (!prefetched || !storage) return super.load(context, storage);
    return super.load(context, readingFirst(storage, prefetched));
  }

  /** The save and the writes that go with it leave in one tick; the first failure, in that order, is thrown. */
  override async save(context: TurnContext, storage?: Storage): Promise<void> {
    const run = async (write: () => Promise<void>) => write();
    const writes = this.withSave.splice(0).map(run);
    const results = await Promise.allSettled([...writes, super.save(context, storage)]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    const keys = await super.onComputeStorageKeys(context);
    const { channelId, from } = context.activity;
    keys[CASE_SCOPE] = caseStorageKey(caseIdFor(channelId, from.id));
    return keys;
  }
}

/** The storage, except that a read of exactly the prefetched keys is answered by the prefetched read. */
function readingFirst(storage: Storage, prefetched: PrefetchedState): Storage {
  return {
    read: async (keys) => {
      const expected = await prefetched.keys;
      const same = expected.length === keys.length && expected.every((k, i) => k === keys[i]);
      return same ? prefetched.items : storage.read(keys);
    },
    write: (changes) => storage.write(changes),
    delete: (keys) => storage.delete(keys),
  };
}
