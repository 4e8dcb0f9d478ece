import {
  BRAND,
  COMPANY_WITH_MERSIS,
  EarlyStepsHarness,
  SIGNATORY_TCKN,
  formIds,
  inputValue,
  notesUnder,
  readable,
} from './early-steps-harness';

describe('step 1, wrong answers, cancelling and resuming (dialogs in memory)', () => {
  const h = new EarlyStepsHarness();
  afterAll(() => h.stop());

  it('re-asks each invalid input with a clear message and loses nothing already entered', async () => {
    const user = h.customer();
    await h.startPreApplication(user);
    const badVkn = await user.submitCard({ ...COMPANY_WITH_MERSIS, vkn: '4540536921' });
    expect(formIds(badVkn)).toEqual(['company']);
    expect(notesUnder(badVkn, 'vkn')).toContain(
      'Bu vergi kimlik numarası geçerli değil; lütfen rakamları kontrol edin.',
    );
    expect(inputValue(badVkn, 'tradeTitle')).toBe(COMPANY_WITH_MERSIS.tradeTitle);
    expect(inputValue(badVkn, 'vkn')).toBe('4540536921');
    expect((await h.caseOf(user)).data.tradeTitle).toBeUndefined();
    await user.submitCard(COMPANY_WITH_MERSIS);

    // A choice answer that fits no option: the same question again.
    expect(readable(await user.send('belki'))).toContain('elektronik imzanız');
    await user.send('Evet, var');
    await user.submitCard({ route: 'online' });

    const badTckn = await user.submitCard({ ...SIGNATORY_TCKN, signatoryTckn: '17291716050' });
    expect(formIds(badTckn)).toEqual(['signatory']);
    expect(notesUnder(badTckn, 'signatoryTckn')).toContain(
      'Bu T.C. Kimlik No geçerli değil; lütfen rakamları kontrol edin.',
    );
    expect(inputValue(badTckn, 'signatoryName')).toBe('Ayşe Yılmaz');
    expect(inputValue(badTckn, 'signatoryEmail')).toBe('ayse.yilmaz@ornek.com.tr');
    expect(inputValue(badTckn, 'signatoryMobile')).toBe('0532 123 45 67');
    const midway = await h.caseOf(user);
    expect(midway.data).toMatchObject({ tradeTitle: COMPANY_WITH_MERSIS.tradeTitle, vkn: '4540536920' });
    expect(midway.data.signatoryTckn).toBeUndefined();

    expect(formIds(await user.submitCard(SIGNATORY_TCKN))).toEqual(['brand']);
    const badSender = await user.submitCard({ ...BRAND, smsSenders: 'ÖRNEK' });
    expect(formIds(badSender)).toEqual(['brand']);
    expect(notesUnder(badSender, 'smsSenders').join(' ')).toMatch(/ÖRNEK/);
    expect(inputValue(badSender, 'name')).toBe('Örnek');
    const saved = await user.submitCard(BRAND);
    expect(readable(saved)).toContain('Kayıtlı markalarınız: Örnek.');
    expect((await h.caseOf(user)).data.signatoryTckn).toBe('17291716060');
  });

  it('"iptal" mid-form, then later: resumes at that form without asking the completed ones again', async () => {
    const user = h.customer();
    await h.startPreApplication(user);
    await user.submitCard(COMPANY_WITH_MERSIS);
    await user.send('Hayır, yok');
    expect(formIds(await user.submitCard({ route: 'manual' }))).toEqual(['signatory']);
    const cancelled = readable(await user.send('iptal'));
    expect(cancelled).toContain('Formu kapattım');
    const paused = await h.caseOf(user);
    expect(paused.steps.preApplication.status).toBe('in_progress');
    expect(paused.data).toMatchObject({ route: 'manual', hasMersis: true });

    const resumed = await user.send('merhaba');
    expect(readable(resumed)).toContain('“Ön başvuru” adımından devam ediyoruz');
    expect(formIds(resumed)).toEqual(['signatory']);
    expect(readable(resumed)).not.toContain('İYSKod) var mı?');
    expect(readable(resumed)).not.toContain('elektronik imzanız');
  });

  it('the card’s own cancel button pauses the step; coming back opens the same form', async () => {
    const user = h.customer();
    await h.startPreApplication(user);
    await user.submitCard(COMPANY_WITH_MERSIS);
    await user.send('Evet, var');
    await user.submitCard({ route: 'online' });
    await user.submitCard(SIGNATORY_TCKN);
    const closed = await user.submitCard({}, 'form.cancel');
    expect(formIds(closed)).toEqual([]);
    expect(readable(closed)).toContain('Formu kapattım');
    expect((await h.caseOf(user)).data.brands).toBeUndefined();
    const resumed = await user.send('devam');
    expect(readable(resumed)).toContain('en az bir marka gerekir');
    expect(formIds(resumed)).toEqual(['brand']);
  });

  it('on a channel without cards, asks the company form one question at a time', async () => {
    const user = h.customer('sms');
    await user.send('merhaba');
    await user.send('Kabul ediyorum');
    const first = readable(await user.send('Hayır, ilk kez başvuracağız'));
    expect(first).toContain('(1/9) *Şirketinizin MERSİS numarası var mı?*');
    const answers: [string, string][] = [
      ['Evet', 'MERSİS numarası'],
      ['0454053692000015', 'Ticari unvan'],
      ['Örnek Ticaret A.Ş.', 'Vergi kimlik numarası'],
      ['4540536921', 'Bu yanıtı kabul edemedim: Bu vergi kimlik numarası geçerli değil'],
      ['4540536920', 'Vergi dairesi'],
      ['Mecidiyeköy', 'Web sitesi'],
      ['www.ornek.com.tr', 'İletişim numarası'],
      ['0212 123 45 67', '*İl*'],
      ['İstanbul', 'İlçe'],
      ['Şişli', 'Açık adres'],
      ['Esentepe Mah. No: 1', 'Bilgiler doğru mu?'],
      ['Onayla', 'elektronik imzanız'],
    ];
    for (const [answer, next] of answers) {
      const replies = await user.send(answer);
      expect(replies.every((r) => (r.attachments ?? []).length === 0)).toBe(true);
      expect(readable(replies)).toContain(next);
    }
    const stored = await h.caseOf(user);
    expect(stored.data).toMatchObject({
      hasMersis: true,
      mersisNo: '0454053692000015',
      tradeTitle: 'Örnek Ticaret A.Ş.',
      vkn: '4540536920',
      phone: '+902121234567',
      city: 'İstanbul',
    });
    // The route form too, as a question with numbered/suggested choices.
    expect(readable(await user.send('Hayır, yok'))).toContain('Nasıl başvurmak istersiniz?');
    expect(readable(await user.send('Manuel (e-posta ile)'))).toContain('Bilgiler doğru mu?');
    expect(readable(await user.send('Onayla'))).toContain('*Kimlik türü*');
    expect((await h.caseOf(user)).data.route).toBe('manual');
  });
});
