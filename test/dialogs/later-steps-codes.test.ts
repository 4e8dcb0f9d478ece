import {
  BRAND_A,
  BRAND_B,
  CODES,
  COMPANY,
  Harness,
  formInputs,
  hasFormCard,
  overview,
  shown,
} from './later-steps-fixtures';

describe('step 3: İYSKod and BrandKod (dialogs in memory)', () => {
  const h = new Harness();
  afterAll(() => h.stop());

  it('captures the codes, reads them back and moves on to the package once confirmed', async () => {
    const user = await h.customerAt('codes', COMPANY);
    const opened = await user.send('merhaba');
    expect(shown(opened)).toContain('Ön başvuru numarası (ör. MX3ZB5JA) İYSKod değildir');
    expect(Object.keys(formInputs(opened))).toEqual(['iysCode', 'brandCodes.0', 'brandCodes.1']);
    expect((await h.statuses(user)).codes).toBe('in_progress');

    expect(overview(await user.send('durum'))['3. İYSKod ve BrandKod']).toBe('Devam ediyor');

    const readBack = shown(
      await user.submitCard({ iysCode: '675 403', 'brandCodes.0': '675403', 'brandCodes.1': '660651' }),
    );
    expect(readBack).toContain('- İYSKod: 675403');
    expect(readBack).toContain(`- BrandKod (${BRAND_A}): 675403`);
    expect(readBack).toContain(`- BrandKod (${BRAND_B}): 660651`);
    expect(readBack).toContain('Doğru mu?');
    expect(readBack).not.toContain('çoğu zaman İYSKod ile aynıdır');
    expect((await h.statuses(user)).codes).toBe('in_progress');

    const confirmed = await user.send('Evet');
    expect(shown(confirmed)).toContain('İYSKod ve BrandKod’larınızı kaydettim');
    expect(hasFormCard(confirmed, 'package')).toBe(true);
    const stored = await h.caseOf(user);
    expect(stored.data.iysCode).toBe('675403');
    expect(stored.data.brandCodes).toEqual({ [BRAND_A]: '675403', [BRAND_B]: '660651' });
    expect(stored.steps.codes.status).toBe('done');
    expect(stored.steps.package.status).toBe('in_progress');
  });

  it('reopens the form prefilled on "Hayır"; unusual lengths and a differing main BrandKod only warn', async () => {
    const user = await h.customerAt('codes', COMPANY);
    await user.send('merhaba');
    const first = shown(
      await user.submitCard({ iysCode: '675403', 'brandCodes.0': '1234', 'brandCodes.1': '660651' }),
    );
    expect(first).toContain('BrandKod genellikle 5–8 hanelidir; girdiğiniz kod 4 haneli');
    expect(first).toContain('Ana markanın BrandKod’u çoğu zaman İYSKod ile aynıdır');
    expect((await h.caseOf(user)).data.brandCodes?.[BRAND_A]).toBe('1234');

    const reopened = await user.send('Hayır');
    expect(shown(reopened)).toContain('Peki, düzeltelim');
    expect(formInputs(reopened)).toEqual({
      iysCode: '675403',
      'brandCodes.0': '1234',
      'brandCodes.1': '660651',
    });

    await user.submitCard({ iysCode: '675403', 'brandCodes.0': '675403', 'brandCodes.1': '660651' });
    expect((await h.caseOf(user)).steps.codes.status).toBe('in_progress');
    await user.send('Evet');
    const stored = await h.caseOf(user);
    expect(stored.data.brandCodes).toEqual({ [BRAND_A]: '675403', [BRAND_B]: '660651' });
    expect(stored.steps.codes.status).toBe('done');
  });

  it('refuses a code that is not a number, keeping the step open', async () => {
    const user = await h.customerAt('codes', COMPANY);
    await user.send('merhaba');
    const refused = await user.submitCard({
      iysCode: 'MX3ZB5JA',
      'brandCodes.0': '675403',
      'brandCodes.1': '660651',
    });
    expect(hasFormCard(refused, 'iysCodes')).toBe(true);
    expect(shown(refused)).toContain('kırmızıyla işaretli alanları');
    expect((await h.caseOf(user)).data.iysCode).toBeUndefined();
  });

  it('asks for the brand first when the customer skipped the pre-application', async () => {
    const { brands: _omitted, ...withoutBrands } = COMPANY;
    const user = await h.customerAt('codes', withoutBrands);
    const opened = await user.send('merhaba');
    expect(shown(opened)).toContain('Kayıtlı bir markanız henüz yok');
    expect(hasFormCard(opened, 'brand')).toBe(true);

    const more = await user.submitCard({ name: 'Yeni Marka' });
    expect(shown(more)).toContain('başka bir markanız da var mı?');
    const second = await user.send('Evet');
    expect(hasFormCard(second, 'brand')).toBe(true);
    await user.submitCard({ name: 'İkinci Marka' });
    const codes = await user.send('Hayır');
    expect(Object.keys(formInputs(codes))).toEqual(['iysCode', 'brandCodes.0', 'brandCodes.1']);
    await user.submitCard({ iysCode: '608230', 'brandCodes.0': '608230', 'brandCodes.1': '608231' });
    await user.send('Evet');

    const stored = await h.caseOf(user);
    expect(stored.data.brands?.map((b) => b.name)).toEqual(['Yeni Marka', 'İkinci Marka']);
    expect(stored.data.brandCodes).toEqual({ 'Yeni Marka': '608230', 'İkinci Marka': '608231' });
    expect(stored.steps.codes.status).toBe('done');
  });

  it('does not ask again for codes it already has: it reads them back for confirmation', async () => {
    const user = await h.customerAt('codes', { ...COMPANY, ...CODES });
    const opened = await user.send('merhaba');
    expect(hasFormCard(opened, 'iysCodes')).toBe(false);
    expect(shown(opened)).toContain(`- BrandKod (${BRAND_B}): 660651`);
    await user.send('Evet');
    expect((await h.caseOf(user)).steps.codes.status).toBe('done');
  });
});
