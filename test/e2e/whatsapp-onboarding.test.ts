import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { caseIdFor } from '../../src/cases/case-keys';
import type { Case } from '../../src/domain/case';
import type { WaOutbound } from '../../src/channels/whatsapp/types';
import { whatsAppUserId } from '../../src/channels/whatsapp/types';
import { SUBMITTED_CASE_DATA } from '../dialogs/early-steps-harness';
import { FakeGraphServer } from '../support/fake-graph-server';
import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';
import { whatsAppEnv, WhatsAppSimulator } from '../support/whatsapp-simulator';

jest.setTimeout(120_000);

const PHONE_NUMBER_ID = '106540352242922';
const APP_SECRET = 'e2e-whatsapp-app-secret';
const readable = WhatsAppSimulator.readable;

/**
 * The whole onboarding over the WhatsApp webhook: signed webhooks in, Graph API calls out (a local fake),
 * Redis for state, reminders and the customer-service window.
 */
describe('a customer on WhatsApp, from the first hello to a completed onboarding', () => {
  const prefix = uniquePrefix('wa-e2e');
  const redis = createClient({ url: REDIS_URL });
  let graph: FakeGraphServer;
  let bot: InProcessBot;

  const customer = (waId: string, userId?: string) =>
    new WhatsAppSimulator({
      botUrl: bot.url,
      graph,
      appSecret: APP_SECRET,
      phoneNumberId: PHONE_NUMBER_ID,
      waId,
      ...(userId ? { userId } : {}),
    });

  beforeAll(async () => {
    await redis.connect();
    graph = await FakeGraphServer.start();
    // Reminders may go out at any hour here, so the test does not depend on the time it runs.
    const policyFile = path.join(tmpdir(), `wa-e2e-policy-${process.pid}.json`);
    writeFileSync(
      policyFile,
      JSON.stringify({
        businessHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' },
        jitterMinutes: 0,
      }),
    );
    bot = await startInProcessBot({
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      REMINDER_QUEUE: 'wa-e2e',
      // The scripted customer answers ~70 questions within seconds, far above a person's pace.
      HTTP_RATE_PER_USER: '1000',
      REMINDER_POLICY_FILE: policyFile,
      INTEGRATOR_NAME: 'Deneme Entegrasyon A.Ş.',
      ...whatsAppEnv(graph, APP_SECRET, PHONE_NUMBER_ID, 'e2e-verify'),
    });
  });

  afterAll(async () => {
    await bot.stop();
    await graph.close();
    await deleteByPrefix(prefix);
    await redis.close();
  });

  afterEach(() => {
    // Every message the bot sent kept to WhatsApp's limits, and none was an Adaptive Card.
    expect(graph.limitProblems).toEqual([]);
    expect(graph.messages.every((m) => ['text', 'interactive', 'template'].includes(m.message.type))).toBe(
      true,
    );
  });

  it('walks all six steps one question at a time and leaves a complete case', async () => {
    const user = customer('905321112233', 'TR.8830192746501927');
    const caseId = caseIdFor('whatsapp', whatsAppUserId('TR.8830192746501927'));
    let last: WaOutbound[] = await user.send('merhaba');
    const answer = async (text: string, expected?: string) => {
      last = text.startsWith('» ') ? await user.tap(text.slice(2), last) : await user.send(text);
      if (expected) expect(readable(last)).toContain(expected);
    };

    expect(readable(last)).toContain('Aydınlatma metni');
    await answer('» Kabul ediyorum', 'İYS numarası (İYSKod) var mı?');
    // A file before anything else is kept on the case, and the open question is asked again.
    last = await user.document('media-commitment-1', 'taahhutname.pdf');
    expect(readable(last)).toContain('Dosyanızı aldım');
    expect(readable(last)).toContain('İYS numarası (İYSKod) var mı?');

    // Step 1: company, route, signatory, brand, statistics.
    await answer('» Hayır, ilk kez başvurac…', 'MERSİS numarası var mı?');
    for (const text of [
      '» Evet',
      '0454053692000015',
      'Örnek Ticaret Anonim Şirketi',
      '4540536921', // wrong check digit: explained, asked again
    ]) {
      await answer(text);
    }
    expect(readable(last)).toContain('geçerli değil');
    for (const text of [
      '4540536920',
      'Mecidiyeköy',
      'https://www.ornek.com.tr',
      '0212 123 45 67',
      'İstanbul',
      'Şişli',
      'Esentepe Mah. Büyükdere Cad. No: 1 Kat: 5',
    ]) {
      await answer(text);
    }
    await answer('» Onayla', 'elektronik imzanız');
    await answer('» Hayır, yok', 'Nasıl başvurmak istersiniz?');
    await answer('» Manuel (e-posta ile)');
    await answer('» Onayla', 'Kimlik türü');
    for (const text of ['tckn', '17291716060', 'Ayşe Yılmaz', 'ayse.yilmaz@ornek.com.tr', '0532 123 45 67']) {
      await answer(text);
    }
    // The read-back masks personal data.
    expect(readable(last)).toContain('172****60');
    await answer('» Onayla', 'Marka adı');
    for (const text of [
      'Örnek',
      'ORNEK, ORNEKMARKA',
      '0850 123 45 67',
      'bulten@ornek.com.tr',
      '12.500',
      '0',
      '40000',
    ]) {
      await answer(text);
    }
    await answer('» Onayla', 'Başka bir marka eklemek ister misiniz?');
    await answer('» Hayır, devam et');
    for (const text of ['250000', '1.200', '35']) await answer(text);
    await answer('» Onayla', 'onkayit@iys.org.tr');
    expect(readable(last)).toContain('TOBB Plaza');

    // Step 2: submitted, application number, approved.
    await answer('» Gönderdim / Başvuruyu t…');
    await answer('MX3ZB5JA');
    await answer('» Onayla', 'İYS’nin sorgulama ekranında');
    expect((await bot.reminders.pending(caseId)).map((r) => r.kind)).toEqual(['awaiting_iys_code']);
    await answer('» Onaylandı / kodlarım ge…', 'İYS numarası');

    // Step 3: codes, read back and confirmed; the reminder is gone.
    await answer('675403');
    await answer('675403');
    await answer('» Onayla', 'Doğru mu?');
    expect(await bot.reminders.pending(caseId)).toEqual([]);
    await answer('» Evet', 'Onaylı telefon numarası');

    // Step 4: the package.
    await answer('150000');
    await answer('200.000');
    await answer('» Kredi kartı');
    await answer('» Onayla', 'İLETİ-250');
    await answer('» Paketim aktif', 'Mesaj (SMS)');

    // Step 5: rights, declared, then confirmed by support outside the chat.
    await answer('» Okuma ve yazma');
    await answer('» Yetki yok');
    await answer('» Yalnızca okuma');
    await answer('» Evet');
    await answer('atla');
    await answer('» Onayla', 'isortagim@iys.org.tr');
    await answer('» Atamayı yaptım');
    expect((await bot.cases.get(caseId))?.steps.partnerAssignment.status).toBe('waiting');
    await bot.cases.confirmPartnerAssignment(caseId, 'agent', { kind: 'agent', id: 'destek-1' });

    // Step 6: the panel, then done.
    await answer('merhaba');
    await finishPanel(user, last);

    const done = (await bot.cases.get(caseId)) as Case;
    expect(Object.values(done.steps).map((s) => s.status)).toEqual(Array(6).fill('done'));
    expect(done.data).toMatchObject({
      mersisNo: '0454053692000015',
      vkn: '4540536920',
      route: 'manual',
      signatoryTckn: '17291716060',
      signatoryMobile: '+905321234567',
      brands: [expect.objectContaining({ name: 'Örnek', smsSenders: ['ORNEK', 'ORNEKMARKA'] })],
      applicationNo: 'MX3ZB5JA',
      iysCode: '675403',
      brandCodes: { Örnek: '675403' },
      packageTier: 'ILETI-250',
      partnerRights: {
        Örnek: {
          MESAJ: { read: true, write: true },
          ARAMA: { read: false, write: false },
          EPOSTA: { read: true, write: false },
          reconciliation: true,
        },
      },
      partnerConfirmed: { Örnek: expect.objectContaining({ by: 'agent' }) },
      panelChoice: 'integrator_assigned',
    });
    expect(done.documents).toEqual([
      expect.objectContaining({
        channelId: 'whatsapp',
        kind: 'document',
        mediaId: 'media-commitment-1',
        filename: 'taahhutname.pdf',
      }),
    ]);
    expect(done.channels).toHaveLength(1);
    expect(done.channels[0]).toMatchObject({
      channelId: 'whatsapp',
      userId: whatsAppUserId('TR.8830192746501927'),
    });

    // The phone number is in no Redis key (ids are pseudonymous), and every reply went to it.
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      for (const key of keys) expect(key).not.toContain('905321112233');
    }
    expect(graph.messages.every((m) => m.authorization === `Bearer ${graph.accessToken}`)).toBe(true);
  });

  it('reminds inside the 24-hour window with buttons and outside it with the approved template', async () => {
    const fresh = await customerWaitingForCodes(customer('905551112201'));
    const stale = await customerWaitingForCodes(customer('905551112202'));
    // The stale customer wrote last two days ago.
    await redis.set(`${prefix}wa:window:${stale.userId}`, String(Date.now() - 2 * 24 * 3600_000));

    await bot.reminders.schedule(fresh.caseId, 'awaiting_iys_code', new Date());
    const inside = await fresh.user.nextReplies(15_000);
    expect(inside).toHaveLength(1);
    expect(inside[0]).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
    expect(WhatsAppSimulator.options(inside).map((o) => o.title)).toContain('Kodlarım geldi');

    await bot.reminders.schedule(stale.caseId, 'awaiting_iys_code', new Date());
    const outside = await stale.user.nextReplies(15_000);
    expect(outside).toHaveLength(1);
    const template = outside[0];
    if (template?.type !== 'template') throw new Error(`expected a template, got ${template?.type}`);
    expect(template.template.name).toBe('iys_onboarding_reminder');
    expect(template.template.language.code).toBe('tr');
    const buttons = (template.template.components ?? []).filter((c) => c.type === 'button');
    expect(buttons.length).toBeGreaterThan(0);

    // Tapping the template's quick reply answers the reminder: the codes are asked for.
    const payload = buttons[0]?.type === 'button' ? (buttons[0].parameters[0]?.payload ?? '') : '';
    const answer = await stale.user.quickReply(payload, 'Kodlarım geldi');
    expect(readable(answer)).toContain('İYS numarası');
    const record = (await bot.cases.get(stale.caseId)) as Case;
    expect(record.audit.some((e) => e.type === 'reminder.sent')).toBe(true);
  });

  /**
   * Greets (creating the case), stores a sent application as if the customer had filled it in, accepts the
   * notice and gives the application number: the customer now waits for İYS, the status question open.
   */
  async function customerWaitingForCodes(user: WhatsAppSimulator) {
    const first = await user.send('merhaba');
    const userId = whatsAppUserId(user.userKey);
    const caseId = caseIdFor('whatsapp', userId);
    const current = (await bot.cases.get(caseId)) as Case;
    await bot.cases.replace({
      ...current,
      data: { ...SUBMITTED_CASE_DATA },
      steps: { ...current.steps, preApplication: { status: 'waiting' } },
    });
    expect(readable(await user.tap('Kabul ediyorum', first))).toContain('Başvuru numarası');
    const asked = await user.tap('Onayla', await user.send('MX3ZB5JA'));
    expect(readable(asked)).toContain('İYS’nin sorgulama ekranında');
    await bot.reminders.cancel(caseId, 'awaiting_iys_code');
    return { user, userId, caseId };
  }
});

/** Answers the panel questions whatever their exact order: the integrator's panel, accuracy accepted. */
async function finishPanel(user: WhatsAppSimulator, asked: WaOutbound[]): Promise<void> {
  let last = asked;
  for (let turn = 0; turn < 6; turn += 1) {
    const text = readable(last);
    if (text.includes('Tüm adımlar tamamlandı')) return;
    const titles = WhatsAppSimulator.options(last).map((o) => o.title);
    const pick = ['Onayla', 'Evet'].find((t) => titles.includes(t)) ?? titles[0];
    if (!pick) throw new Error(`panel: nothing to tap in:\n${text}`);
    last = await user.tap(pick, last);
  }
  throw new Error(`panel did not finish:\n${readable(last)}`);
}
