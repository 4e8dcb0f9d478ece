import type { DialogCustomer } from '../support/dialog-harness';
import { BRAND_A, CODES, COMPANY, Harness, hasFormCard, overview, shown } from './later-steps-fixtures';

const AT_PACKAGE = { ...COMPANY, ...CODES };
const LARGE = { approvedPhones: '150000', approvedEmails: '200.000' };

describe('step 4: İLETİ package (dialogs in memory)', () => {
  const h = new Harness();
  afterAll(() => h.stop());

  /** Opens the step and submits the package form. */
  async function submitPackage(user: DialogCustomer, inputs: Record<string, string>) {
    const opened = await user.send('merhaba');
    expect(shown(opened)).toContain('Temel Hizmetler izinleri yalnızca İYS web sitesinden');
    expect(hasFormCard(opened, 'package')).toBe(true);
    return user.submitCard(inputs);
  }

  it('recommends İLETİ-250 for 200k e-mails + 150k phones, stores it, and a card payment finishes the step', async () => {
    const user = await h.customerAt('package', AT_PACKAGE);
    const offer = await submitPackage(user, { ...LARGE, paymentMethod: 'card' });
    const text = shown(offer);
    // The package card: tier, the counts and the reason (the larger count decides).
    expect(text).toContain('Önerilen paket: İLETİ-250');
    expect(text).toContain('adres sayınız 200.000 kabul edilir');
    expect(text).toContain('Paket Yönetimi → “Paket değiştir” → İLETİ-250');
    expect(text).toContain('taksit');
    expect(text).toContain('muhasebe@iys.org.tr');
    expect(text).toContain('satis@iys.org.tr');
    expect(text).toContain('İLETİ-250 paket teklifi talebi – Örnek Ticaret Anonim Şirketi');
    expect(text).toContain('Paketiniz ne durumda?');
    let stored = await h.caseOf(user);
    expect(stored.data).toMatchObject({
      packageTier: 'ILETI-250',
      addressCount: 200000,
      paymentMethod: 'card',
    });
    expect(stored.steps.package.status).toBe('in_progress');
    expect(overview(await user.send('durum'))['4. İLETİ paketi']).toBe('Devam ediyor');

    const active = await user.send('Paketim aktif');
    expect(shown(active)).toContain('Paketinizin aktif olduğunu kaydettim');
    expect(hasFormCard(active, 'partnerRights')).toBe(true);
    stored = await h.caseOf(user);
    expect(stored.data.packageActiveAt).toEqual(expect.any(String));
    expect(stored.steps.package.status).toBe('done');
    expect(stored.steps.partnerAssignment.status).toBe('in_progress');
  });

  it('a bank transfer waits with its order code, and "active" later finishes the step', async () => {
    const user = await h.customerAt('package', AT_PACKAGE);
    await submitPackage(user, { ...LARGE, paymentMethod: 'bank_transfer', orderCode: 'SP-2024-0042' });
    const waiting = await user.send('Havale/EFT yaptım, bekliyorum');
    expect(shown(waiting)).toContain('SP-2024-0042 sipariş kodunu kaydettim');
    let stored = await h.caseOf(user);
    expect(stored.data).toMatchObject({ paymentMethod: 'bank_transfer', orderCode: 'SP-2024-0042' });
    expect(stored.data.packageActiveAt).toBeUndefined();
    expect(stored.steps.package.status).toBe('waiting');
    expect(overview(await user.send('durum'))['4. İLETİ paketi']).toBe('Bekleniyor');

    const back = await user.send('merhaba');
    expect(shown(back)).toContain('(sipariş kodu: SP-2024-0042). Paketiniz şimdi aktif mi?');
    expect(hasFormCard(back, 'package')).toBe(false);
    await user.send('Henüz değil');
    expect((await h.statuses(user)).package).toBe('waiting');

    // The payment reminder's "Ödemeyi yaptım" button: paid, not active yet; the step keeps waiting.
    await user.send('merhaba');
    await user.send('Ödemeyi yaptım');
    expect((await h.statuses(user)).package).toBe('waiting');

    await user.send('merhaba');
    const active = await user.send('Paketim aktif');
    expect(hasFormCard(active, 'partnerRights')).toBe(true);
    stored = await h.caseOf(user);
    expect(stored.data.packageActiveAt).toEqual(expect.any(String));
    expect(stored.steps.package.status).toBe('done');
  });

  it('asks for the order code when the transfer is announced without one', async () => {
    const user = await h.customerAt('package', AT_PACKAGE);
    await submitPackage(user, { ...LARGE, paymentMethod: 'card' });
    const ask = await user.send('Havale/EFT yaptım, bekliyorum');
    expect(shown(ask)).toContain('sipariş kodunu yazar mısınız?');
    expect((await h.statuses(user)).package).toBe('in_progress');
    await user.send('SP-77');
    const stored = await h.caseOf(user);
    expect(stored.data).toMatchObject({ paymentMethod: 'bank_transfer', orderCode: 'SP-77' });
    expect(stored.steps.package.status).toBe('waiting');
  });

  it('explains that Temel Hizmetler cannot authorise the integrator and does not advance', async () => {
    const user = await h.customerAt('package', AT_PACKAGE);
    await submitPackage(user, { approvedPhones: '1200', approvedEmails: '300', paymentMethod: 'card' });
    const basic = await user.send('Temel Hizmetler’i kullanacağım');
    expect(shown(basic)).toContain('Örnek Entegratör firmasını iş ortağınız olarak atayamazsınız');
    expect(shown(basic)).toContain('İLETİ paketi gerekir');
    expect(shown(basic)).toContain('“temsilci”');
    const stored = await h.caseOf(user);
    expect(stored.data.packageActiveAt).toBeUndefined();
    expect(stored.data.packageTier).toBe('ILETI-5');
    expect(stored.steps.package.status).toBe('in_progress');
    expect(stored.steps.partnerAssignment.status).toBe('not_started');

    // Coming back, the filled form is not asked again; the recommendation and the question are.
    const back = await user.send('merhaba');
    expect(hasFormCard(back, 'package')).toBe(false);
    expect(shown(back)).toContain('Önerilen paket: İLETİ-5');
    expect(shown(back)).toContain('Paketiniz ne durumda?');
  });

  it('sends a customer above every tier to İYS for İLETİ+', async () => {
    const user = await h.customerAt('package', AT_PACKAGE);
    const offer = shown(
      await submitPackage(user, { approvedPhones: '400000', approvedEmails: '10', paymentMethod: 'card' }),
    );
    expect(offer).toContain('Bu adres sayısı için İLETİ+ gerekir');
    expect(offer).toContain('İLETİ+ paket teklifi talebi');
    expect(offer).not.toContain('Paket değiştir” → İLETİ+');
    expect((await h.caseOf(user)).data.packageTier).toBe('ILETI-PLUS');
  });

  it('keeps the case untouched when the form is cancelled', async () => {
    const user = await h.customerAt('package', AT_PACKAGE);
    await user.send('merhaba');
    const closed = await user.submitCard({}, 'form.cancel');
    expect(shown(closed)).toContain('Paketi aldığınızda ya da ödemeyi yaptığınızda bana yazın');
    const stored = await h.caseOf(user);
    expect(stored.data.packageTier).toBeUndefined();
    expect(stored.data.brandCodes?.[BRAND_A]).toBe('675403');
    expect(stored.steps.package.status).toBe('in_progress');
  });
});
