import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { caseIdFor } from '../../src/cases/case-keys';
import { CaseRepository } from '../../src/cases/case-repository';
import { CaseService } from '../../src/cases/case-service';
import { RedisStorage } from '../../src/state/redis-storage';
import {
  BRAND,
  COMPANY_WITH_MERSIS,
  formIds,
  readable,
  SIGNATORY_TCKN,
  STATISTICS,
} from '../dialogs/early-steps-harness';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { ChannelSimulator } from '../support/channel-simulator';
import { LocalConnector } from '../support/local-connector';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

jest.setTimeout(90_000);

const SECRET = 'e2e-webhook-secret';

describe('a customer from the first hello to a completed İYS onboarding, over HTTP, with Redis', () => {
  const prefix = uniquePrefix('e2e');
  const connector = new LocalConnector();
  const client = createClient({ url: REDIS_URL });
  const deliveries: { headers: IncomingHttpHeaders; body: string }[] = [];
  let webhook: Server;
  let bot: BotProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    await client.connect();
    await connector.start();
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        deliveries.push({ headers: req.headers, body });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
    env = {
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      NODE_ENV: 'test',
      INTEGRATOR_NAME: 'Deneme Entegrasyon A.Ş.',
      INTEGRATOR_CC_EMAIL: 'iys@deneme.com.tr',
      INTEGRATOR_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/iys`,
      INTEGRATOR_WEBHOOK_SECRET: SECRET,
    };
    bot = await startBotProcess(env);
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
    webhook.close();
    await deleteByPrefix(prefix);
    await client.close();
  });

  it('walks all six steps, survives a restart mid-step, and leaves a complete case', async () => {
    const user = new ChannelSimulator(bot.url, connector);
    const caseId = caseIdFor('emulator', user.userId);
    const cases = new CaseService(new CaseRepository(new RedisStorage(client, { keyPrefix: prefix })));

    // Welcome and privacy notice; step 1 starts.
    expect(readable(await user.send('merhaba'))).toContain('Aydınlatma metni');
    expect(readable(await user.send('Kabul ediyorum'))).toContain('İYS numarası (İYSKod) var mı?');
    expect(formIds(await user.send('Hayır, ilk kez başvuracağız'))).toEqual(['company']);
    await user.submitCard(COMPANY_WITH_MERSIS);
    expect(formIds(await user.send('Evet, var'))).toEqual(['route']);
    expect(formIds(await user.submitCard({ route: 'manual' }))).toEqual(['signatory']);

    // The process restarts while the signatory card is open; the same card is accepted afterwards.
    expect(await bot.stop()).toBe(0);
    bot = await startBotProcess(env);
    const again = new ChannelSimulator(bot.url, connector, {
      conversationId: user.conversationId,
      userId: user.userId,
    });
    expect(formIds(await again.submitCard(SIGNATORY_TCKN))).toEqual(['brand']);
    await again.submitCard(BRAND);
    expect(formIds(await again.send('Hayır, devam et'))).toEqual(['statistics']);
    const manual = readable(await again.submitCard(STATISTICS));
    expect(manual).toContain('onkayit@iys.org.tr');
    expect(manual).toContain('TOBB Plaza');

    // Step 2: submitted, application number, approved.
    expect(formIds(await again.send('Gönderdim / Başvuruyu tamamladım'))).toEqual(['application']);
    await again.submitCard({ applicationNo: 'MX3ZB5JA' });
    expect(formIds(await again.send('Onaylandı / kodlarım geldi'))).toEqual(['iysCodes']);

    // Step 3: codes, read back and confirmed.
    expect(readable(await again.submitCard({ iysCode: '675403', 'brandCodes.0': '675403' }))).toContain(
      'Doğru mu?',
    );
    expect(formIds(await again.send('Evet'))).toEqual(['package']);

    // Step 4: 200k e-mails + 150k phones -> İLETİ-250, paid by card, active.
    const offer = readable(
      await again.submitCard({
        approvedPhones: '150000',
        approvedEmails: '200.000',
        paymentMethod: 'card',
        orderCode: '',
      }),
    );
    expect(offer).toContain('İLETİ-250');
    expect(formIds(await again.send('Paketim aktif'))).toEqual(['partnerRights']);

    // Step 5: rights for the brand, declared, then confirmed by the integrator outside the chat.
    await again.submitCard({
      'partnerRights.MESAJ': 'readWrite',
      'partnerRights.ARAMA': 'none',
      'partnerRights.EPOSTA': 'read',
      'partnerRights.reconciliation': 'true',
    });
    await again.send('Atamayı yaptım');
    expect((await cases.get(caseId))?.steps.partnerAssignment.status).toBe('waiting');
    await cases.confirmPartnerAssignment(caseId, 'agent', { kind: 'agent', id: 'destek-1' });

    // Step 6: the panel, then done.
    expect(formIds(await again.send('merhaba'))).toEqual(['panel']);
    const finished = readable(
      await again.submitCard({ panelChoice: 'integrator_assigned', panelAccuracyAccepted: 'true' }),
    );
    expect(finished).toContain('Tüm adımlar tamamlandı');

    const done = await cases.get(caseId);
    expect(Object.fromEntries(Object.entries(done?.steps ?? {}).map(([k, v]) => [k, v.status]))).toEqual({
      preApplication: 'done',
      applicationStatus: 'done',
      codes: 'done',
      package: 'done',
      partnerAssignment: 'done',
      panel: 'done',
    });
    expect(done?.privacyNotice?.version).toBe('2026-11');
    expect(done?.data).toEqual({
      hasMersis: true,
      mersisNo: '0454053692000015',
      tradeTitle: 'Örnek Ticaret Anonim Şirketi',
      vkn: '4540536920',
      taxOffice: 'Mecidiyeköy',
      website: 'https://www.ornek.com.tr',
      phone: '+902121234567',
      city: 'İstanbul',
      district: 'Şişli',
      address: 'Esentepe Mah. Büyükdere Cad. No: 1 Kat: 5',
      route: 'manual',
      signatoryIdType: 'tckn',
      signatoryTckn: '17291716060',
      signatoryName: 'Ayşe Yılmaz',
      signatoryEmail: 'ayse.yilmaz@ornek.com.tr',
      signatoryMobile: '+905321234567',
      brands: [
        {
          name: 'Örnek',
          smsSenders: ['ORNEK', 'ORNEKMARKA'],
          callNumbers: ['+908501234567'],
          emailSenders: ['bulten@ornek.com.tr'],
          reachBySms: 12500,
          reachByCall: 0,
          reachByEmail: 40000,
        },
      ],
      statsMessagesSent: 250000,
      statsNumbersAdded: 1200,
      statsRefusals: 35,
      applicationNo: 'MX3ZB5JA',
      applicationOutcome: 'approved',
      iysCode: '675403',
      brandCodes: { Örnek: '675403' },
      approvedPhones: 150000,
      approvedEmails: 200000,
      addressCount: 200000,
      packageTier: 'ILETI-250',
      paymentMethod: 'card',
      packageActiveAt: expect.any(String),
      partnerRights: {
        Örnek: {
          MESAJ: { read: true, write: true },
          ARAMA: { read: false, write: false },
          EPOSTA: { read: true, write: false },
          reconciliation: true,
        },
      },
      partnerDeclaredAt: expect.any(String),
      partnerConfirmed: { Örnek: { at: expect.any(String), by: 'agent' } },
      panelChoice: 'integrator_assigned',
      panelAccuracyAccepted: true,
      panelConfirmedAt: expect.any(String),
    });

    // The integrator heard about it once, signed, without personal data.
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    const timestamp = String(delivery?.headers['x-iys-timestamp']);
    const signature = createHmac('sha256', SECRET).update(`${timestamp}.${delivery?.body}`).digest('hex');
    expect(delivery?.headers['x-iys-signature']).toBe(`sha256=${signature}`);
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
      event: 'case.completed',
      caseId,
      iysCode: '675403',
    });
    expect(delivery?.body).not.toContain('17291716060');
    expect(delivery?.body).not.toContain('ayse.yilmaz');
  });
});
