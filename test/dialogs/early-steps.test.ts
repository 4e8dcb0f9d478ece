import { stepDialogFor } from '../../dialogs/main-dialog';
import { cardsIn } from '../support/dialog-harness';
import {
  BRAND,
  COMPANY_WITH_MERSIS,
  COMPANY_WITHOUT_MERSIS,
  EarlyStepsHarness,
  SIGNATORY_TCKN,
  STATISTICS,
  formIds,
  readable,
} from './early-steps-harness';

describe('step 1, pre-application (dialogs in memory)', () => {
  const h = new EarlyStepsHarness();
  afterAll(() => h.stop());

  it('online + MERSİS: every form once, the İYS screens with the customer’s values, then waits for İYS', async () => {
    const user = h.customer();
    expect(formIds(await h.startPreApplication(user))).toEqual(['company']);
    await user.submitCard(COMPANY_WITH_MERSIS);
    const routes = await user.send('Evet, var');
    expect(readable(routes)).toContain('Hemen Başvur');
    expect(readable(routes)).toContain('onkayit@iys.org.tr');
    expect(readable(routes)).toContain('online başvuruyu öneririm');
    expect(formIds(routes)).toEqual(['route']);
    expect(formIds(await user.submitCard({ route: 'online' }))).toEqual(['signatory']);
    expect(formIds(await user.submitCard(SIGNATORY_TCKN))).toEqual(['brand']);
    expect(readable(await user.submitCard(BRAND))).toContain('Başka bir marka eklemek ister misiniz?');
    expect(formIds(await user.send('Evet, marka ekle'))).toEqual(['brand']);
    await user.submitCard({ ...BRAND, name: 'Örnek Outlet', smsSenders: 'ORNEKOUTLT' });
    expect(formIds(await user.send('Hayır, devam et'))).toEqual(['statistics']);
    const guide = readable(await user.submitCard(STATISTICS));
    for (const expected of [
      'Adobe Acrobat Reader',
      'e-imza token',
      'MERSİS’teki bilgilerinizin güncel',
      '“Doğrula”',
      'yaklaşık 5 dakika',
      '“Başvuruyu Başlat”',
      'MERSİS numaranızı (0454053692000015)',
      '(172******60)', // the TCKN masked: recognisable, not leaked into the transcript
      'web sitenizi (https://www.ornek.com.tr)',
      'iletişim numaranızı (0212 123 45 67)',
      'Kullanım Taahhütnamesi Yükle',
      'Markalarınız: Örnek, Örnek Outlet',
      '250.000 ileti',
      '“Başvuruyu Tamamla”',
    ]) {
      expect(guide).toContain(expected);
    }
    expect(guide).not.toContain('17291716060');
    const submitted = await user.send('Gönderdim / Başvuruyu tamamladım');
    expect(readable(submitted)).toContain('“İYS inceliyor” olarak işaretledim');
    // The status dialog takes over in the same turn and asks the application number.
    expect(readable(submitted)).toContain('İYS numaranız (İYSKod) değildir');
    expect(formIds(submitted)).toEqual(['application']);
    const stored = await h.caseOf(user);
    expect(stored.data).toMatchObject({
      route: 'online',
      hasMersis: true,
      mersisNo: '0454053692000015',
      vkn: '4540536920',
      phone: '+902121234567',
      signatoryIdType: 'tckn',
      signatoryTckn: '17291716060',
      signatoryMobile: '+905321234567',
      statsMessagesSent: 250000,
      statsNumbersAdded: 1200,
      statsRefusals: 35,
      applicationOutcome: 'pending',
    });
    expect(stored.data.brands?.map((b) => b.name)).toEqual(['Örnek', 'Örnek Outlet']);
    expect(stored.steps.preApplication.status).toBe('waiting');
    expect(stored.steps.applicationStatus.status).toBe('not_started');
  });

  it('manual + MERSİS: the MERSİS document list, the e-mail draft card and the cargo address; "later" pauses', async () => {
    const user = h.customer();
    const last = await h.fillPreApplication(user, COMPANY_WITH_MERSIS, 'manual');
    const text = readable(last);
    expect(text).toContain('İmza sirküleri');
    expect(text).toContain('Ticaret sicil gazetesi');
    expect(text).not.toContain('Vergi levhası');
    expect(text).toContain('Esentepe Mah. Harman 1 Sokak No:10-5 TOBB Plaza');
    expect(text).toContain('0850 333 3338');
    expect(text).toContain('her sayfasını kaşeleyip imzalayın');
    const draft = cardsIn(last).find((c) => (c.actions ?? []).some((a) => a.type === 'Action.OpenUrl'));
    const draftText = readable([{ type: 'message', attachments: [{ content: draft }] }]);
    expect(draftText).toContain('onkayit@iys.org.tr');
    expect(draftText).toContain('iys@entegrator.example');
    expect(draftText).toContain('MERSİS numarası: 0454053692000015');
    expect(draftText).toContain('T.C. Kimlik No: 17291716060');
    const later = readable(await user.send('Daha sonra'));
    expect(later).toContain('Kalan iş: hazırladığım e-postayı');
    const paused = await h.caseOf(user);
    expect(paused.steps.preApplication.status).toBe('in_progress');
    expect(paused.data.route).toBe('manual');
    // Coming back: no form again, straight to the guide and the question.
    const back = await user.send('merhaba');
    expect(formIds(back)).toEqual([]);
    expect(readable(back)).toContain('Ticaret sicil gazetesi');
    expect(readable(back)).toContain('Gönderdiniz mi?');
  });

  it('manual without MERSİS: the no-MERSİS documents and a draft without a MERSİS line; switching to online', async () => {
    const user = h.customer();
    const routes = await h.startPreApplication(user);
    expect(formIds(routes)).toEqual(['company']);
    const esign = await user.submitCard(COMPANY_WITHOUT_MERSIS);
    expect(readable(esign)).toContain('elektronik imzanız');
    const recommended = readable(await user.send('Evet, var'));
    expect(recommended).toContain('MERSİS kaydı olmayan işletmeler için manuel başvuruyu öneririm');
    await user.submitCard({ route: 'manual' });
    await user.submitCard(SIGNATORY_TCKN);
    await user.submitCard(BRAND);
    await user.send('Hayır, devam et');
    const text = readable(await user.submitCard(STATISTICS));
    for (const doc of [
      'Vergi levhası fotokopisi',
      'İşletme sahibinin kimlik fotokopisi',
      'ticari unvan altında düzenlenmiş imza sirküleri',
      'oda (meslek kuruluşu) kayıt belgesi',
      'MERSİS kaydı olmayan işletme',
    ]) {
      expect(text).toContain(doc);
    }
    expect(text).not.toContain('MERSİS numarası:');
    const stored = await h.caseOf(user);
    expect(stored.data.hasMersis).toBe(false);
    expect(stored.data.mersisNo).toBeUndefined();
    const switched = readable(await user.send('Diğer yoldan başvuracağım'));
    expect(switched).toContain('“Online (iys.org.tr)” olarak değiştirdim');
    expect(switched).toContain('Hemen Başvur');
    expect(switched).toContain('MERSİS numaranız yoksa manuel başvuru daha uygun');
    expect((await h.caseOf(user)).data.route).toBe('online');
  });

  it('sole proprietor: the owner’s TCKN is accepted as the tax number', async () => {
    const user = h.customer();
    await h.startPreApplication(user);
    const next = await user.submitCard({ ...COMPANY_WITHOUT_MERSIS, vkn: '17291716060' });
    expect(readable(next)).toContain('elektronik imzanız');
    const stored = await h.caseOf(user);
    expect(stored.data).toMatchObject({ vkn: '17291716060', hasMersis: false });
  });

  it('foreign signatory: the passport number goes into the case and the e-mail draft', async () => {
    const user = h.customer();
    const passport = {
      ...SIGNATORY_TCKN,
      signatoryIdType: 'passport',
      signatoryTckn: '',
      signatoryPassport: 'U12345678',
      signatoryName: 'John Smith',
    };
    const last = readable(await h.fillPreApplication(user, COMPANY_WITH_MERSIS, 'manual', passport));
    expect(last).toContain('Pasaport numarası (yabancı uyruklu yetkili): U12345678');
    const stored = await h.caseOf(user);
    expect(stored.data).toMatchObject({ signatoryIdType: 'passport', signatoryPassport: 'U12345678' });
    expect(stored.data.signatoryTckn).toBeUndefined();
  });

  it('speaks English to an English client, with the same flow', async () => {
    const user = h.customer();
    await user.send('hello', { locale: 'en-US' });
    const question = readable(await user.send('I accept', { locale: 'en-US' }));
    expect(question).toContain('does it have an İYS number (İYSKod)?');
    const next = await user.send('No, we are applying for the first time', { locale: 'en-US' });
    expect(readable(next)).toContain('let us prepare your pre-application together');
    expect(formIds(next)).toEqual(['company']);
    expect((await h.caseOf(user)).steps.preApplication.status).toBe('in_progress');
  });

  it('already registered: skips steps 1 and 2 and goes on to the codes', async () => {
    const user = h.customer();
    await user.send('merhaba');
    await user.send('Kabul ediyorum');
    const skipped = readable(await user.send('Evet, İYSKod’umuz var'));
    expect(skipped).toContain('ön başvuruyu ve başvuru takibini atlıyoruz');
    const stored = await h.caseOf(user);
    expect(stored.steps.preApplication.status).toBe('skipped');
    expect(stored.steps.applicationStatus.status).toBe('skipped');
    expect(stored.data).toEqual({});
    expect(stepDialogFor(stored)).toBe('codes');
  });
});
