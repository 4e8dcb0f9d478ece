import type { CaseData, StepId } from '../../src/domain/case';
import type { DialogCustomer } from '../support/dialog-harness';
import { labelsOf } from '../support/message-keys';
import { COMPANY_WITH_MERSIS } from './early-steps-harness';
import { CODES, COMPANY, Harness, LARGE_PACKAGE } from './later-steps-fixtures';

/** Tables of "says → message keys", one conversation per row, without HTTP. */
describe('says → message keys (dialogs in memory)', () => {
  const h = new Harness();
  afterAll(() => h.stop());

  /** Greets, accepts the privacy notice and starts the pre-application: the company form is open. */
  async function atCompanyForm(): Promise<DialogCustomer> {
    const user = h.customer();
    await user.send('merhaba');
    await user.send('Kabul ediyorum');
    await user.send('Hayır, ilk kez başvuracağız');
    return user;
  }

  describe('the first steps of a new customer', () => {
    it.each<[string[], string[]]>([
      [
        ['merhaba'],
        ['dialogs.welcome', 'dialogs.sixSteps', 'dialogs.privacy.notice', 'choice:dialogs.privacy.question'],
      ],
      [
        ['merhaba', 'Kabul ediyorum'],
        ['dialogs.privacy.thanks', 'card:stepOverview', 'choice:dialogs.pre.registered.question'],
      ],
      [
        ['merhaba', 'Kabul ediyorum', 'Hayır, ilk kez başvuracağız'],
        ['dialogs.pre.start', 'form:company'],
      ],
      [
        ['merhaba', 'Kabul ediyorum', 'Evet, İYSKod’umuz var'],
        ['dialogs.pre.registered.skip', 'dialogs.codes.intro', 'dialogs.codes.noBrand', 'form:brand'],
      ],
      // An answer that fits no option: the same question again.
      [['merhaba', 'Kabul ediyorum', 'belki'], ['choice:dialogs.pre.registered.question']],
    ])('%j → %j', async (says, keys) => {
      const user = h.customer();
      let last: Awaited<ReturnType<DialogCustomer['send']>> = [];
      for (const text of says) last = await user.send(text);
      expect(labelsOf(last)).toEqual(keys);
    });
  });

  describe('global commands while a form card is open', () => {
    it.each<[string, string[]]>([
      ['yardım', ['dialogs.command.help', 'card:agentOffer']],
      ['durum', ['card:stepOverview']],
      ['menü', ['card:stepOverview', 'dialogs.command.menu']],
      // The first form of the step: nothing before it, so the same form again.
      ['geri', ['dialogs.command.back', 'form:company']],
      ['iptal', ['dialogs.command.cancelled']],
      ['temsilci', ['dialogs.command.agentUnavailable']],
      ['english', ['dialogs.command.language']],
      ['türkçe', ['dialogs.command.language']],
      // A sentence is no command; text while a card waits points to the card.
      ['Geri ödeme planı', ['dialogs.form.useCard']],
    ])('%s → %j', async (says, keys) => {
      const user = await atCompanyForm();
      expect(labelsOf(await user.send(says))).toEqual(keys);
    });
  });

  describe('navigation between forms', () => {
    it.each<[string, string[]]>([
      // The form before it, prefilled.
      ['geri', ['dialogs.command.back', 'form:company']],
      ['iptal', ['dialogs.command.cancelled']],
      ['durum', ['card:stepOverview']],
    ])('on the route form, %s → %j', async (says, keys) => {
      const user = await atCompanyForm();
      await user.submitCard(COMPANY_WITH_MERSIS);
      await user.send('Evet, var');
      expect(labelsOf(await user.send(says))).toEqual(keys);
    });
  });

  describe('a returning customer at each later step', () => {
    const AT: Readonly<Record<string, Partial<CaseData>>> = {
      codes: COMPANY,
      package: { ...COMPANY, ...CODES },
      partnerAssignment: { ...COMPANY, ...CODES, ...LARGE_PACKAGE },
    };
    it.each<[StepId, string[], string[]]>([
      ['codes', ['merhaba'], ['dialogs.resume', 'card:stepOverview', 'dialogs.codes.intro', 'form:iysCodes']],
      ['codes', ['merhaba', 'durum'], ['card:stepOverview']],
      [
        'package',
        ['merhaba'],
        ['dialogs.resume', 'card:stepOverview', 'dialogs.package.intro', 'form:package'],
      ],
      [
        'partnerAssignment',
        ['merhaba'],
        ['dialogs.resume', 'card:stepOverview', 'dialogs.partner.intro', 'form:partnerRights'],
      ],
      ['partnerAssignment', ['merhaba', 'iptal'], ['dialogs.command.cancelled']],
    ])('at %s, %j → %j', async (step, says, keys) => {
      const user = await h.customerAt(step, AT[step] ?? {});
      let last: Awaited<ReturnType<DialogCustomer['send']>> = [];
      for (const text of says) last = await user.send(text);
      expect(labelsOf(last)).toEqual(keys);
    });
  });
});
