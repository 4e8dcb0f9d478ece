import type { CaseData } from '../../src/domain/case';
import {
  BRAND_A,
  BRAND_B,
  CODES,
  COMPANY,
  Harness,
  LARGE_PACKAGE,
  TEST_ACTOR,
  formInputs,
  hasFormCard,
  overview,
  shown,
} from './later-steps-fixtures';

const AT_PARTNER: Partial<CaseData> = { ...COMPANY, ...CODES, ...LARGE_PACKAGE };
const SMALL: Partial<CaseData> = {
  ...AT_PARTNER,
  approvedPhones: 3200,
  approvedEmails: 1000,
  packageTier: 'ILETI-5',
};
const MESAJ_ONLY = {
  'partnerRights.MESAJ': 'readWrite',
  'partnerRights.ARAMA': 'none',
  'partnerRights.EPOSTA': 'none',
  'partnerRights.reconciliation': 'false',
};
const ALL_CHANNELS = {
  'partnerRights.MESAJ': 'readWrite',
  'partnerRights.ARAMA': 'readWrite',
  'partnerRights.EPOSTA': 'readWrite',
  'partnerRights.reconciliation': 'true',
};
const NONE = { read: false, write: false };
const BOTH = { read: true, write: true };
/** Rights recorded and the assignment declared: what the waiting step starts from. */
const DECLARED: Partial<CaseData> = {
  ...AT_PARTNER,
  partnerRights: {
    [BRAND_A]: { MESAJ: BOTH, ARAMA: NONE, EPOSTA: NONE, reconciliation: false },
    [BRAND_B]: { MESAJ: BOTH, ARAMA: BOTH, EPOSTA: BOTH, reconciliation: true },
  },
  partnerDeclaredAt: '2026-11-02T10:00:00.000Z',
};
const BEYAN = 'BEYAN: Onaylı iletişim adresi sayımızın 5.000’den az olduğunu';

describe('step 5: partner assignment (dialogs in memory)', () => {
  const h = new Harness({
    env: { INTEGRATOR_NAME: 'Deneme Entegrasyon A.Ş.', INTEGRATOR_IYS_CODE: '123456' },
  });
  afterAll(() => h.stop());

  it('stores different rights per brand with an SMS-only AHS, explains both routes and waits after "done"', async () => {
    const user = await h.customerAt('partnerAssignment', AT_PARTNER);
    const first = await user.send('merhaba');
    expect(shown(first)).toContain(`${BRAND_A}: iş ortağı yetkileri`);
    expect(formInputs(first)).not.toHaveProperty('under5000Declared');

    const second = await user.submitCard(MESAJ_ONLY);
    expect(shown(second)).toContain(`${BRAND_B}: iş ortağı yetkileri`);
    const routes = shown(
      await user.submitCard({ ...ALL_CHANNELS, 'ahs.name': 'Turkcell', 'ahs.channels': 'MESAJ' }),
    );
    expect(routes).toContain(`- ${BRAND_A}: Mesaj (SMS): Okuma ve yazma\n`);
    expect(routes).toContain(
      `- ${BRAND_B}: Mesaj (SMS): Okuma ve yazma; Arama: Okuma ve yazma; E-posta: Okuma ve yazma; Mutabakat Yönetimi`,
    );
    expect(routes).toContain('yalnızca şirketinizin imza yetkilisi e-Devlet ile');
    expect(routes).toContain(
      '“İş Ortağı Ekle” → listeden Deneme Entegrasyon A.Ş. firmasını (iş ortağı kodu: 123456) seçin',
    );
    expect(routes).toContain('“AHS Ekle” → listeden Turkcell adlı aracı hizmet sağlayıcıyı seçin');
    expect(routes).toContain('isortagim@iys.org.tr');
    expect(routes).toContain('AHS (aracı hizmet sağlayıcı): Turkcell – Mesaj (SMS) – yalnızca okuma yetkisi');
    expect(routes).not.toContain(BEYAN);
    expect(routes).not.toContain('5.000’in altında');

    let stored = await h.caseOf(user);
    expect(stored.data.partnerRights).toEqual(DECLARED.partnerRights);
    expect(stored.data.ahs).toEqual({ [BRAND_B]: [{ name: 'Turkcell', channels: ['MESAJ'] }] });
    expect(stored.data.under5000Declared).toBeUndefined();
    expect(stored.steps.partnerAssignment.status).toBe('in_progress');

    const declared = await user.send('Atamayı yaptım');
    expect(shown(declared)).toContain(
      'Deneme Entegrasyon A.Ş. atamanızı İYS üzerinden kontrol edip onaylayacak',
    );
    stored = await h.caseOf(user);
    expect(stored.data.partnerDeclaredAt).toEqual(expect.any(String));
    expect(stored.steps.partnerAssignment.status).toBe('waiting');
    expect(overview(await user.send('durum'))['5. İş Ortağı ataması']).toBe('Bekleniyor');
  });

  it('requires the under-5,000 declaration from a small customer and puts it in the e-mail', async () => {
    const user = await h.customerAt('partnerAssignment', SMALL);
    const first = await user.send('merhaba');
    expect(formInputs(first)).toHaveProperty('under5000Declared');

    const refused = await user.submitCard(MESAJ_ONLY);
    expect(hasFormCard(refused, 'partnerRights')).toBe(true);
    expect(shown(refused)).toContain('kırmızıyla işaretli alanları');
    expect((await h.caseOf(user)).data.partnerRights).toBeUndefined();

    const second = await user.submitCard({ ...MESAJ_ONLY, under5000Declared: 'true' });
    expect(formInputs(second)).toMatchObject({ under5000Declared: 'true' });
    const routes = shown(await user.submitCard({ ...MESAJ_ONLY, under5000Declared: 'true' }));
    expect(routes).toContain('Onaylı adres sayınız 5.000’in altında olduğu için');
    expect(routes).toContain(`${BEYAN} (toplam 3.200) beyan ederiz.`);
    expect((await h.caseOf(user)).data.under5000Declared).toBe(true);
  });

  it('while waiting shows the confirmed brands; confirming every brand moves the next message to the panel', async () => {
    const user = await h.customerAt('partnerAssignment', DECLARED, true);
    const pending = shown(await user.send('merhaba'));
    expect(pending).toContain(`Onay bekleyen markalar: ${BRAND_A}, ${BRAND_B}.`);
    expect(pending).not.toContain('Onaylanan markalar');
    await user.send('Beklemeye devam');

    const id = h.caseId(user);
    await h.cases.confirmPartnerAssignment(id, 'agent', TEST_ACTOR, [BRAND_A]);
    expect((await h.statuses(user)).partnerAssignment).toBe('waiting');
    const partly = shown(await user.send('merhaba'));
    expect(partly).toContain(`Onaylanan markalar: ${BRAND_A}.`);
    expect(partly).toContain(`Onay bekleyen markalar: ${BRAND_B}.`);

    // The question stays open while İYS confirms the rest: the next message must not be read as an answer.
    await h.cases.confirmPartnerAssignment(id, 'iys_api', TEST_ACTOR);
    expect((await h.statuses(user)).partnerAssignment).toBe('done');
    const next = await user.send('merhaba');
    expect(shown(next)).toContain('Son adım!');
    expect(hasFormCard(next, 'panel')).toBe(true);
    const stored = await h.caseOf(user);
    expect(Object.keys(stored.data.partnerConfirmed ?? {})).toEqual([BRAND_A, BRAND_B]);
    expect(stored.steps.panel.status).toBe('in_progress');
  });

  it('"I did it again" renews the declaration; "change" reopens the forms prefilled and waits again', async () => {
    const user = await h.customerAt('partnerAssignment', DECLARED, true);
    await user.send('merhaba');
    await user.send('Atamayı yeniden yaptım');
    let stored = await h.caseOf(user);
    expect(stored.data.partnerDeclaredAt).not.toBe(DECLARED.partnerDeclaredAt);
    expect(stored.steps.partnerAssignment.status).toBe('waiting');

    await user.send('merhaba');
    const reopened = await user.send('Yetkileri değiştirmek istiyorum');
    expect(formInputs(reopened)).toMatchObject({
      'partnerRights.MESAJ': 'readWrite',
      'partnerRights.ARAMA': 'none',
    });
    expect((await h.statuses(user)).partnerAssignment).toBe('in_progress');
    await user.submitCard({ ...MESAJ_ONLY, 'partnerRights.EPOSTA': 'read' });
    await user.submitCard(ALL_CHANNELS);
    await user.send('Atamayı yaptım');
    stored = await h.caseOf(user);
    expect(stored.data.partnerRights?.[BRAND_A]?.EPOSTA).toEqual({ read: true, write: false });
    expect(stored.steps.partnerAssignment.status).toBe('waiting');
  });
});
