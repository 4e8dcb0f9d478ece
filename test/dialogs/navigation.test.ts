import {
  COMPANY_WITH_MERSIS,
  EarlyStepsHarness,
  formIds,
  inputValue,
  readable,
  SIGNATORY_TCKN,
} from './early-steps-harness';

describe('navigation: "geri" on cards, status on channels without cards', () => {
  const h = new EarlyStepsHarness();
  afterAll(() => h.stop());

  it('"geri" on a card reopens the form before it, prefilled; saving it returns to where the customer was', async () => {
    const user = h.customer();
    await h.startPreApplication(user);
    await user.submitCard(COMPANY_WITH_MERSIS);
    await user.send('Evet, var');
    expect(formIds(await user.submitCard({ route: 'online' }))).toEqual(['signatory']);

    const back = await user.send('geri');
    expect(readable(back)).toContain('Bir önceki soruya dönüyorum.');
    expect(formIds(back)).toEqual(['route']);
    expect(inputValue(back, 'route')).toBe('online');

    const twice = await user.send('geri');
    expect(formIds(twice)).toEqual(['company']);
    expect(inputValue(twice, 'vkn')).toBe('4540536920');

    // Change the trade title; the loop then skips everything already complete and asks the signatory again.
    const resumed = await user.submitCard({ ...COMPANY_WITH_MERSIS, tradeTitle: 'Yeni Unvan Ticaret A.Ş.' });
    expect(formIds(resumed)).toEqual(['signatory']);
    const stored = await h.caseOf(user);
    expect(stored.data.tradeTitle).toBe('Yeni Unvan Ticaret A.Ş.');
    expect(stored.data.route).toBe('online');
    expect(formIds(await user.submitCard(SIGNATORY_TCKN))).toEqual(['brand']);
  });

  it('"durum" on a channel without cards lists the six steps as text', async () => {
    const user = h.customer('sms');
    await user.send('merhaba');
    await user.send('Kabul ediyorum');
    const status = await user.send('durum');
    expect(status.every((r) => (r.attachments ?? []).length === 0)).toBe(true);
    expect(readable(status)).toContain('1. Ön başvuru: ');
    expect(readable(status)).toContain('6. Panel bilgileri: Başlanmadı');
  });

  it('confirms a form answered one question at a time before moving on', async () => {
    const user = h.customer('sms');
    await user.send('merhaba');
    await user.send('Kabul ediyorum');
    await user.send('Hayır, ilk kez başvuracağız');
    for (const answer of [
      'Hayır',
      'Örnek Ticaret A.Ş.',
      '4540536920',
      'Mecidiyeköy',
      'www.ornek.com.tr',
      '0212 123 45 67',
      'İstanbul',
      'Şişli',
      'Esentepe Mah. No: 1',
    ]) {
      await user.send(answer);
    }
    const confirmed = readable(await user.send('Onayla'));
    expect(confirmed).toContain('Teşekkürler, bilgilerinizi kaydettim.');
  });
});
