import { COMPANY_WITH_MERSIS, EarlyStepsHarness, formIds, readable } from './early-steps-harness';

const ASKED_AGENT = 'bir müşteri temsilcimizden yardım istedim';
const BAD_VKN = '4540536921';

describe('three refusals of one field in a row ask an agent (dialogs in memory)', () => {
  const h = new EarlyStepsHarness();
  beforeAll(async () => {
    // An operator registers the support channel, so requests are queued for agents.
    await h.customer().send('/destek-kanali');
  });
  afterAll(() => h.stop());

  it('on the card: the third refused VKN in a row asks an agent once and tells the customer', async () => {
    const user = h.customer();
    const caseId = user.caseId;
    await h.startPreApplication(user);
    const bad = { ...COMPANY_WITH_MERSIS, vkn: BAD_VKN };
    expect(readable(await user.submitCard(bad))).not.toContain(ASKED_AGENT);
    expect(readable(await user.submitCard(bad))).not.toContain(ASKED_AGENT);
    const third = await user.submitCard(bad);
    expect(formIds(third)).toEqual(['company']);
    expect(readable(third)).toContain(ASKED_AGENT);
    expect(await h.handoff.service.store.get(caseId)).toMatchObject({
      state: 'requested',
      reason: 'repeated_invalid_input',
    });
    // Once per form: a fourth refusal re-shows the card without asking again.
    expect(readable(await user.submitCard(bad))).not.toContain(ASKED_AGENT);
    const audit = (await h.caseOf(user)).audit.filter((e) => e.type === 'handoff.requested');
    expect(audit).toEqual([
      expect.objectContaining({ actor: { kind: 'customer', id: caseId }, detail: 'repeated_invalid_input' }),
    ]);
  });

  it('on the card: a field that passes in between starts counting again', async () => {
    const user = h.customer();
    const caseId = user.caseId;
    await h.startPreApplication(user);
    await user.submitCard({ ...COMPANY_WITH_MERSIS, vkn: BAD_VKN });
    await user.submitCard({ ...COMPANY_WITH_MERSIS, vkn: BAD_VKN });
    // The VKN is fine this time; only the MERSİS number (which must match the VKN) is refused.
    await user.submitCard({ ...COMPANY_WITH_MERSIS, mersisNo: '0000000000000000' });
    expect(readable(await user.submitCard({ ...COMPANY_WITH_MERSIS, vkn: BAD_VKN }))).not.toContain(
      ASKED_AGENT,
    );
    expect(await h.handoff.service.store.get(caseId)).toBeUndefined();
  });

  it('one question at a time: the third refused VKN asks an agent, a valid one carries on', async () => {
    const user = h.customer('sms');
    const caseId = user.caseId;
    await user.send('merhaba');
    await user.send('Kabul ediyorum');
    await user.send('Hayır, ilk kez başvuracağız');
    await user.send('Evet');
    await user.send('0454053692000015');
    expect(readable(await user.send('Örnek Ticaret A.Ş.'))).toContain('Vergi kimlik numarası');
    expect(readable(await user.send(BAD_VKN))).not.toContain(ASKED_AGENT);
    expect(readable(await user.send(BAD_VKN))).not.toContain(ASKED_AGENT);
    const third = readable(await user.send(BAD_VKN));
    expect(third).toContain('Bu yanıtı kabul edemedim');
    expect(third).toContain(ASKED_AGENT);
    expect((await h.handoff.service.store.get(caseId))?.reason).toBe('repeated_invalid_input');
    expect(readable(await user.send('4540536920'))).toContain('Vergi dairesi');
  });
});

describe('without a support channel', () => {
  const h = new EarlyStepsHarness();
  afterAll(() => h.stop());

  it('gives the support phone instead (in English for an English-speaking customer)', async () => {
    const user = h.customer();
    await h.startPreApplication(user);
    await user.send('english');
    const bad = { ...COMPANY_WITH_MERSIS, vkn: BAD_VKN };
    await user.submitCard(bad);
    await user.submitCard(bad);
    expect(readable(await user.submitCard(bad))).toMatch(/tried this a few times.*You can reach us on/s);
  });
});
