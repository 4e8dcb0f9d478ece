import type { Storage, StoreItems } from 'botbuilder';
import { AutoSaveStateMiddleware, ConversationState, MessageFactory, TestAdapter } from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';

/**
 * The behaviour botbuilder's own storage suite expects of every `Storage`, as jest cases, plus what this
 * project adds: all-or-nothing multi-key writes and values that are copies, not references.
 */
export function describeStorageContract(name: string, makeStorage: () => Promise<Storage>): void {
  describe(`${name}: botbuilder storage contract`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await makeStorage();
    });

    it('returns an empty object for an unknown key', async () => {
      expect(await storage.read(['unknown'])).toEqual({});
    });

    it('rejects null keys and null changes', async () => {
      await expect(storage.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
      await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow(ReferenceError);
    });

    it('does not throw when writing no items', async () => {
      await expect(storage.write({})).resolves.toBeUndefined();
    });

    it('creates objects and gives each an eTag', async () => {
      await storage.write({ createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } });
      const read = await storage.read(['createPoco', 'createPocoStoreItem']);
      expect(read.createPoco.id).toBe(1);
      expect(read.createPocoStoreItem.id).toBe(2);
      expect(typeof read.createPoco.eTag).toBe('string');
      expect(typeof read.createPocoStoreItem.eTag).toBe('string');
    });

    it('round-trips keys with odd characters', async () => {
      const keys = [
        '!@#$%^&*()~/\\><,.?\';"`~',
        'msteams/bot/conversations/19:abc@thread.v2;messageid=1',
        'şğüİı 🙂 key',
        ' ',
      ];
      await storage.write(Object.fromEntries(keys.map((k, i) => [k, { id: i }])));
      const read = await storage.read(keys);
      keys.forEach((k, i) => expect(read[k].id).toBe(i));
    });

    it('round-trips nested values, unicode and newlines unchanged', async () => {
      const value = {
        text: 'Çalışan\nİş Ortağı "A.Ş."',
        nested: { list: [1, 'two', { three: null }] },
        n: 1.5,
      };
      await storage.write({ nested: value });
      const { nested } = await storage.read(['nested']);
      expect({ ...nested, eTag: undefined }).toEqual({ ...value, eTag: undefined });
    });

    it('updates objects with eTag semantics: no eTag or * overwrites, a stale eTag is rejected', async () => {
      await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
      const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
      const pocoItem = loaded.pocoItem;
      delete pocoItem.eTag;
      const storeItem = loaded.pocoStoreItem;
      const firstETag = storeItem.eTag;
      pocoItem.count++;
      storeItem.count++;
      await storage.write(loaded);

      const reloaded = await storage.read(['pocoItem', 'pocoStoreItem']);
      expect(reloaded.pocoItem.count).toBe(2);
      expect(reloaded.pocoStoreItem.count).toBe(2);
      expect(reloaded.pocoStoreItem.eTag).not.toBe(firstETag);
      expect(storeItem.eTag).toBe(firstETag); // the caller's object is not changed by a write

      pocoItem.count = 123;
      await expect(storage.write({ pocoItem })).resolves.toBeUndefined();
      storeItem.count = 123;
      await expect(storage.write({ pocoStoreItem: storeItem })).rejects.toThrow(/eTag conflict/);

      const again = await storage.read(['pocoItem', 'pocoStoreItem']);
      expect(again.pocoItem.count).toBe(123);
      expect(again.pocoStoreItem.count).toBe(2);

      again.pocoItem.count = 100;
      again.pocoStoreItem.count = 100;
      again.pocoStoreItem.eTag = '*';
      await storage.write(again);
      const final = await storage.read(['pocoItem', 'pocoStoreItem']);
      expect(final.pocoItem.count).toBe(100);
      expect(final.pocoStoreItem.count).toBe(100);
    });

    it('deletes objects, and deleting an unknown key is fine', async () => {
      await storage.write({ delete1: { id: 1, count: 1 } });
      expect((await storage.read(['delete1'])).delete1.count).toBe(1);
      await storage.delete(['delete1']);
      expect((await storage.read(['delete1'])).delete1).toBeUndefined();
      await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
    });

    it('performs batch operations', async () => {
      await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
      const result = await storage.read(['batch1', 'batch2', 'batch3']);
      expect([result.batch1.count, result.batch2.count, result.batch3.count]).toEqual([10, 20, 30]);
      await storage.delete(['batch1', 'batch2', 'batch3']);
      expect(await storage.read(['batch1', 'batch2', 'batch3'])).toEqual({});
    });

    it('writes several keys all or nothing when one eTag is stale', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      const loaded = await storage.read(['a', 'b']);
      await storage.write({ b: { ...loaded.b, v: 2 } }); // someone else moves b on
      await expect(storage.write({ a: { ...loaded.a, v: 9 }, b: { ...loaded.b, v: 9 } })).rejects.toThrow(
        /"b"/,
      );
      const after = await storage.read(['a', 'b']);
      expect(after.a.v).toBe(1);
      expect(after.b.v).toBe(2);
    });

    it('returns copies: changing what was read or written does not change what is stored', async () => {
      const item = { list: [1] };
      await storage.write({ copy: item });
      item.list.push(2);
      const read = await storage.read(['copy']);
      read.copy.list.push(3);
      expect((await storage.read(['copy'])).copy.list).toEqual([1]);
    });

    it('proceeds through a waterfall dialog', async () => {
      const convoState = new ConversationState(storage);
      const dialogs = new DialogSet(convoState.createProperty('dialogState'));
      dialogs.add(
        new TextPrompt('textPrompt', async (prompt) => {
          if ((prompt.recognized.value ?? '').length > 3) {
            await prompt.context.sendActivity(
              MessageFactory.text(`You got it at the ${prompt.attemptCount}th try!`),
            );
            return true;
          }
          await prompt.context.sendActivity(
            `Please send a name that is longer than 3 characters. ${prompt.attemptCount}`,
          );
          return false;
        }),
      );
      dialogs.add(
        new WaterfallDialog('waterfall', [
          async (step) => {
            await step.context.sendActivity('step1');
            return Dialog.EndOfTurn;
          },
          async (step) => step.prompt('textPrompt', { prompt: 'Please type your name.' }),
          async (step) => {
            await step.context.sendActivity('step3');
            return Dialog.EndOfTurn;
          },
        ]),
      );
      const adapter = new TestAdapter(async (context) => {
        const dc = await dialogs.createContext(context);
        await dc.continueDialog();
        if (!context.responded) await dc.beginDialog('waterfall');
      }).use(new AutoSaveStateMiddleware(convoState));

      await adapter
        .send('hello')
        .assertReply('step1')
        .send('hello')
        .assertReply('Please type your name.')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 1')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 2')
        .send('Kyle')
        .assertReply('You got it at the 3th try!')
        .assertReply('step3')
        .startTest();
    });
  });
}
