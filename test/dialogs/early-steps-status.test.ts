import { stepDialogFor } from '../../dialogs/main-dialog';
import { EarlyStepsHarness, formIds, inputValue, notesUnder, readable } from './early-steps-harness';

describe('step 2, application status (dialogs in memory)', () => {
  const h = new EarlyStepsHarness();
  afterAll(() => h.stop());

  it('asks the application number (never the İYSKod), explains the query form; "under review" pauses', async () => {
    const user = h.customer();
    const asked = await h.startWithSubmittedApplication(user);
    expect(readable(asked)).toContain('başvuru numarası (ör. MX3ZB5JA) İYS numaranız (İYSKod) değildir');
    expect(formIds(asked)).toEqual(['application']);
    const wrong = await user.submitCard({ applicationNo: 'AB-1' });
    expect(formIds(wrong)).toEqual(['application']);
    expect(notesUnder(wrong, 'applicationNo').join(' ')).toContain('6–12 harf veya rakamdan');
    expect(inputValue(wrong, 'applicationNo')).toBe('AB-1');
    const howTo = readable(await user.submitCard({ applicationNo: 'mx3zb5ja' }));
    expect(howTo).toContain('Başvuru Sorgulama Formu');
    expect(howTo).toContain('başvuru numaranızı (MX3ZB5JA)');
    expect(howTo).toContain('(ayse.yilmaz@ornek.com.tr)');
    expect(howTo).toContain('güvenlik kodunu');
    expect(howTo).toContain('MX3ZB5JA başvuru numaranızdır, İYSKod değildir');
    const pending = readable(await user.send('İnceleniyor'));
    expect(pending).toContain('İYS’den e-posta geldiğinde bana yazın');
    const stored = await h.caseOf(user);
    expect(stored.data).toMatchObject({ applicationNo: 'MX3ZB5JA', applicationOutcome: 'pending' });
    expect(stored.steps.preApplication.status).toBe('waiting');
    // Next time: the number is known, the İYSKod reminder comes again, the outcome is asked again.
    const again = await user.send('merhaba');
    expect(formIds(again)).toEqual([]);
    expect(readable(again)).toContain('MX3ZB5JA başvuru numaranızdır, İYSKod değildir');
    expect(readable(again)).toContain('ne görüyorsunuz?');
  });

  it('approved (or codes arrived): steps 1 and 2 done in table order, the codes step is next', async () => {
    const user = h.customer();
    await h.startWithSubmittedApplication(user, { applicationNo: 'MX3ZB5JA' });
    const approved = readable(await user.send('Onaylandı / kodlarım geldi'));
    expect(approved).toContain('Tebrikler, başvurunuz onaylandı!');
    const stored = await h.caseOf(user);
    expect(stored.data.applicationOutcome).toBe('approved');
    expect(stored.steps.preApplication.status).toBe('done');
    expect(stored.steps.applicationStatus.status).toBe('done');
    const moves = stored.audit.map((e) => JSON.stringify(e)).filter((e) => e.includes('applicationStatus'));
    expect(moves.join('\n')).toMatch(/in_progress[\s\S]*done/);
    // The main dialog serves the codes step now (its dialog already started in the same turn).
    expect(stepDialogFor(stored)).toBe('codes');
  });

  it('changes requested → fix one brand prefilled → resubmitted: waiting again, the fix saved', async () => {
    const user = h.customer();
    await h.startWithSubmittedApplication(user, { applicationNo: 'MX3ZB5JA' });
    const topic = readable(await user.send('Düzeltme istendi'));
    expect(topic).toContain('İYS neyin düzeltilmesini istedi?');
    const reopened = await h.caseOf(user);
    expect(reopened.data.applicationOutcome).toBe('needs_correction');
    expect(reopened.steps.preApplication.status).toBe('in_progress');
    expect(readable(await user.send('Marka bilgileri'))).toContain('Hangi markanın');
    const form = await user.send('Örnek Outlet');
    expect(formIds(form)).toEqual(['brand']);
    expect(inputValue(form, 'name')).toBe('Örnek Outlet');
    const resubmit = readable(
      await user.submitCard({
        name: 'Örnek Outlet',
        smsSenders: 'OUTLET',
        callNumbers: '',
        emailSenders: '',
      }),
    );
    expect(resubmit).toContain('onkayit@iys.org.tr');
    expect(resubmit).toContain('yeniden gönderdiniz mi?');
    expect(readable(await user.send('Gönderdim / Başvuruyu tamamladım'))).toContain(
      'yeniden “İYS inceliyor”',
    );
    const stored = await h.caseOf(user);
    expect(stored.steps.preApplication.status).toBe('waiting');
    expect(stored.data.applicationOutcome).toBe('pending');
    expect(stored.data.brands?.map((b) => [b.name, b.smsSenders])).toEqual([
      ['Örnek', ['ORNEK']],
      ['Örnek Outlet', ['OUTLET']],
    ]);
  });

  it('changes requested on documents, sent later: step 1 resumes with the correction, then follows up again', async () => {
    const user = h.customer();
    await h.startWithSubmittedApplication(user, {
      applicationNo: 'MX3ZB5JA',
      hasMersis: false,
      mersisNo: undefined,
    });
    await user.send('Düzeltme istendi');
    const docs = readable(await user.send('Belgeler'));
    expect(docs).toContain('Vergi levhası fotokopisi');
    expect(docs).toContain('TOBB Plaza');
    expect(docs).toContain('iys@entegrator.example');
    expect(readable(await user.send('Daha sonra'))).toContain('Düzeltmeyi İYS’ye gönderdiğinizde');
    expect((await h.caseOf(user)).steps.preApplication.status).toBe('in_progress');
    const back = await user.send('merhaba');
    expect(formIds(back)).toEqual([]);
    expect(readable(back)).toContain('İYS başvurunuzda düzeltme istemişti');
    const followUp = readable(await user.send('Gönderdim / Başvuruyu tamamladım'));
    expect(followUp).toContain('ne görüyorsunuz?');
    expect((await h.caseOf(user)).steps.preApplication.status).toBe('waiting');
  });

  it('rejected: recorded, an agent offered; the step keeps waiting', async () => {
    const user = h.customer();
    await h.startWithSubmittedApplication(user, { applicationNo: 'MX3ZB5JA' });
    const rejected = readable(await user.send('Reddedildi'));
    expect(rejected).toContain('başvurunuz reddedilmiş');
    expect(rejected).toContain('müşteri temsilcimizle görüşmek ister misiniz?');
    const agent = readable(await user.send('Evet'));
    expect(agent).toContain('+90 850 000 00 00');
    const stored = await h.caseOf(user);
    expect(stored.data.applicationOutcome).toBe('rejected');
    expect(stored.steps.preApplication.status).toBe('waiting');
  });

  it('on a channel without cards, asks the application number as a question', async () => {
    const user = h.customer('sms');
    const asked = await h.startWithSubmittedApplication(user);
    expect(readable(asked)).toContain('*Başvuru numarası*');
    expect(readable(await user.send('MX3ZB5JA'))).toContain('Bilgiler doğru mu?');
    const outcome = await user.send('Onayla');
    expect(readable(outcome)).toContain('ne görüyorsunuz?');
    expect((await h.caseOf(user)).data.applicationNo).toBe('MX3ZB5JA');
  });
});
