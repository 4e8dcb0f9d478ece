import { COMPANY_WITH_MERSIS, EarlyStepsHarness, formIds } from './early-steps-harness';

describe('reminders follow the conversation', () => {
  const h = new EarlyStepsHarness();
  afterAll(() => h.stop());

  it('schedules "awaiting İYSKod" when the application is sent and cancels it when the codes are in', async () => {
    const user = h.customer();
    const caseId = user.caseId;
    await h.fillPreApplication(user, COMPANY_WITH_MERSIS, 'manual');
    expect(await h.reminders.pending(caseId)).toEqual([]);

    expect(formIds(await user.send('Gönderdim / Başvuruyu tamamladım'))).toEqual(['application']);
    const pending = await h.reminders.pending(caseId);
    expect(pending.map((r) => [r.kind, r.attempt])).toEqual([['awaiting_iys_code', 0]]);
    expect(pending[0]!.at.getTime()).toBeGreaterThan(Date.now() + 20 * 3600_000); // about a day later, in office hours

    await user.submitCard({ applicationNo: 'MX3ZB5JA' });
    expect(formIds(await user.send('Onaylandı / kodlarım geldi'))).toEqual(['iysCodes']);
    expect((await h.reminders.pending(caseId)).map((r) => r.kind)).toEqual(['awaiting_iys_code']);
    await user.submitCard({ iysCode: '675403', 'brandCodes.0': '675403' });
    expect(await h.reminders.pending(caseId)).toEqual([]);
  });
});
