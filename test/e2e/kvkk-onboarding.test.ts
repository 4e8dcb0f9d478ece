import { Writable } from 'node:stream';
import { createClient } from 'redis';
import { createApp, type RunningApp } from '../../src/app';
import { caseIdFor } from '../../src/cases/case-keys';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import type { Privacy } from '../../src/privacy';
import type { CaseService } from '../../src/cases/case-service';
import type { ReminderScheduler } from '../../src/reminders/reminder-scheduler';
import { ValueCipher } from '../../src/state/value-cipher';
import {
  BRAND,
  COMPANY_WITH_MERSIS,
  formIds,
  readable,
  SIGNATORY_TCKN,
  STATISTICS,
} from '../dialogs/early-steps-harness';
import { ChannelSimulator } from '../support/channel-simulator';
import { LocalConnector } from '../support/local-connector';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';
import { dumpPrefix, encryptionKeysEnv, findNeedles, PERSONAL_NEEDLES, testKey } from '../support/redis-dump';

jest.setTimeout(60_000);

/**
 * KVKK over the real composition root with ENCRYPTION_KEYS set: a whole onboarding leaves no TCKN, mobile
 * or e-mail in plaintext in Redis or in the logs, and "verilerimi sil" leaves nothing of the case at all.
 */
describe('KVKK: a full onboarding with encryption at rest, then "verilerimi sil"', () => {
  const prefix = uniquePrefix('kvkk-e2e');
  const connector = new LocalConnector();
  const client = createClient({ url: REDIS_URL });
  const key = testKey('k1');
  const cipher = new ValueCipher([key]);
  const logLines: string[] = [];
  let running: RunningApp;
  let url: string;
  let cases: CaseService;
  let privacy: Privacy;
  let reminders: ReminderScheduler;

  beforeAll(async () => {
    await client.connect();
    await connector.start();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      ENCRYPTION_KEYS: encryptionKeysEnv([key]),
    });
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    const app = createApp(config, { logger: createLogger('trace', stream) });
    running = await app.start();
    url = `http://127.0.0.1:${running.port}`;
    ({ cases, privacy, reminders } = app);
  });
  afterAll(async () => {
    await running.stop();
    await connector.stop();
    await deleteByPrefix(prefix);
    await client.close();
  });

  it('stores and logs no plaintext personal data during the whole onboarding', async () => {
    const user = new ChannelSimulator(url, connector);
    const caseId = caseIdFor('emulator', user.userId);
    await onboard(user, cases, caseId);

    const done = await cases.get(caseId);
    expect(done?.data.signatoryTckn).toBe('17291716060');
    expect(done?.data.signatoryMobile).toBe('+905321234567');

    const raw = await dumpPrefix(client, prefix);
    expect(raw.some((d) => d.key.endsWith(`state:cases/${caseId}`))).toBe(true);
    expect(findNeedles(raw)).toEqual([]);
    // Decrypted, the data is there: the scan above would have seen it in plaintext.
    expect(findNeedles(await dumpPrefix(client, prefix, cipher)).length).toBeGreaterThan(0);

    // The bot logs little per turn (start, Redis, warnings); whatever it logs must hold no personal data.
    expect(logLines.length).toBeGreaterThan(0);
    const logged = logLines.join('');
    expect(PERSONAL_NEEDLES.filter((n) => logged.includes(n))).toEqual([]);
  });

  it('"verilerimi sil": asks, "no" continues, "yes" erases everything of the case', async () => {
    const user = new ChannelSimulator(url, connector);
    const caseId = caseIdFor('emulator', user.userId);
    await onboard(user, cases, caseId, { stopAfterSignatory: true });
    expect(await cases.get(caseId)).toBeDefined();

    // "No" returns to the open brand form; nothing is deleted.
    expect(readable(await user.send('verilerimi sil'))).toContain('silmemi istiyor musunuz');
    const kept = await user.send('Hayır, devam et');
    expect(readable(kept)).toContain('hiçbir şeyi silmedim');
    expect((await cases.get(caseId))?.data.signatoryTckn).toBe('17291716060');
    expect(formIds(await user.submitCard(BRAND))).toEqual([]);

    expect(readable(await user.send('delete my data'))).toContain('silmemi istiyor musunuz');
    expect(readable(await user.send('Evet, verilerimi sil'))).toContain('Verilerinizi sildim');

    expect(await cases.get(caseId)).toBeUndefined();
    expect(await reminders.pending(caseId)).toEqual([]);
    const decrypted = await dumpPrefix(client, prefix, cipher);
    const mine = decrypted.filter((d) => d.key.includes(user.conversationId) || d.key.includes(caseId));
    expect(mine.filter((d) => !d.key.includes(':lock:')).map((d) => d.key)).toEqual([]);
    const stillHeld = decrypted.filter(
      (d) => d.text.includes(user.userId) || d.text.includes(user.conversationId),
    );
    expect(stillHeld.map((d) => d.key)).toEqual([]);
    const [record] = await privacy.log.recent(1);
    expect(record).toEqual(expect.objectContaining({ actorKind: 'customer', action: 'erased', found: true }));
    expect(JSON.stringify(record)).not.toContain(caseId);

    // The next message starts afresh, with the privacy notice.
    expect(readable(await user.send('merhaba'))).toContain('Aydınlatma metni');
  });
});

async function onboard(
  user: ChannelSimulator,
  cases: CaseService,
  caseId: string,
  options: { stopAfterSignatory?: boolean } = {},
): Promise<void> {
  expect(readable(await user.send('merhaba'))).toContain('Aydınlatma metni');
  await user.send('Kabul ediyorum');
  expect(formIds(await user.send('Hayır, ilk kez başvuracağız'))).toEqual(['company']);
  await user.submitCard(COMPANY_WITH_MERSIS);
  expect(formIds(await user.send('Evet, var'))).toEqual(['route']);
  expect(formIds(await user.submitCard({ route: 'manual' }))).toEqual(['signatory']);
  expect(formIds(await user.submitCard(SIGNATORY_TCKN))).toEqual(['brand']);
  if (options.stopAfterSignatory) return;
  await user.submitCard(BRAND);
  expect(formIds(await user.send('Hayır, devam et'))).toEqual(['statistics']);
  await user.submitCard(STATISTICS);
  expect(formIds(await user.send('Gönderdim / Başvuruyu tamamladım'))).toEqual(['application']);
  await user.submitCard({ applicationNo: 'MX3ZB5JA' });
  expect(formIds(await user.send('Onaylandı / kodlarım geldi'))).toEqual(['iysCodes']);
  await user.submitCard({ iysCode: '675403', 'brandCodes.0': '675403' });
  expect(formIds(await user.send('Evet'))).toEqual(['package']);
  await user.submitCard({
    approvedPhones: '150000',
    approvedEmails: '200.000',
    paymentMethod: 'card',
    orderCode: '',
  });
  expect(formIds(await user.send('Paketim aktif'))).toEqual(['partnerRights']);
  await user.submitCard({
    'partnerRights.MESAJ': 'readWrite',
    'partnerRights.ARAMA': 'none',
    'partnerRights.EPOSTA': 'read',
    'partnerRights.reconciliation': 'true',
  });
  await user.send('Atamayı yaptım');
  await cases.confirmPartnerAssignment(caseId, 'agent', { kind: 'agent', id: 'destek-1' });
  expect(formIds(await user.send('merhaba'))).toEqual(['panel']);
  const finished = readable(
    await user.submitCard({ panelChoice: 'integrator_assigned', panelAccuracyAccepted: 'true' }),
  );
  expect(finished).toContain('Tüm adımlar tamamlandı');
}
