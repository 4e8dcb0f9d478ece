import { FakeIysServer } from '../support/fake-iys-server';
import { BRAND_A, BRAND_B, COMPANY, Harness, shown } from './later-steps-fixtures';

/** With the integrator's İYS API account configured, the codes the customer types are checked with İYS. */
describe('step 3 with İYS API access: the codes are checked against İYS', () => {
  let h: Harness;
  let iys: FakeIysServer;

  beforeAll(async () => {
    iys = await FakeIysServer.start();
    iys.setBrands('675403', [
      { brandCode: 675403, name: BRAND_A },
      { brandCode: 660651, name: 'ÖRNEK OUTLET' },
    ]);
    // İYS itself stays an HTTP fake: the dialogs reach it through the real client and code check.
    h = new Harness({
      env: {
        IYS_API_BASE_URL: iys.url,
        IYS_API_USERNAME: iys.credentials.username,
        IYS_API_PASSWORD: iys.credentials.password,
        INTEGRATOR_IYS_CODE: '777001',
      },
    });
  });
  afterAll(async () => {
    await h.stop();
    await iys.close();
  });

  it('says so when İYS holds every code the customer entered', async () => {
    const user = await h.customerAt('codes', COMPANY);
    await user.send('merhaba');
    const readBack = shown(
      await user.submitCard({ iysCode: '675403', 'brandCodes.0': '675403', 'brandCodes.1': '660651' }),
    );
    expect(readBack).toContain('İYSKod’unuz ve tüm BrandKod’larınız İYS’deki kayıtla eşleşiyor');
    expect(readBack).toContain('Doğru mu?');
  });

  it('names the brand whose code İYS does not know, with the code İYS has under that name', async () => {
    const user = await h.customerAt('codes', COMPANY);
    await user.send('merhaba');
    const readBack = shown(
      await user.submitCard({ iysCode: '675403', 'brandCodes.0': '675403', 'brandCodes.1': '660615' }),
    );
    expect(readBack).toContain('şu BrandKod’lar İYS’deki kayıtla eşleşmiyor');
    expect(readBack).toContain(`${BRAND_B}: İYS’de bu isimdeki markanın BrandKod’u 660651`);
    // The customer decides: "Hayır" reopens the form to fix it.
    expect(shown(await user.send('Hayır'))).toContain('Peki, düzeltelim');
  });

  it('warns when İYS has no service provider under the İYSKod (an application number typed instead)', async () => {
    const user = await h.customerAt('codes', COMPANY);
    await user.send('merhaba');
    const readBack = shown(
      await user.submitCard({ iysCode: '123456', 'brandCodes.0': '123456', 'brandCodes.1': '660651' }),
    );
    expect(readBack).toContain('123456 numarasıyla kayıtlı bir hizmet sağlayıcı bulamadım');
  });

  it('keeps the customer’s word when İYS cannot be reached', async () => {
    iys.failNext({ kind: 'server_error', status: 503 }, 10, 'api');
    const user = await h.customerAt('codes', COMPANY);
    await user.send('merhaba');
    const readBack = shown(
      await user.submitCard({ iysCode: '675403', 'brandCodes.0': '675403', 'brandCodes.1': '660651' }),
    );
    expect(readBack).toContain('Doğru mu?');
    expect(readBack).not.toContain('İYS’de kontrol ettim');
  });
});
