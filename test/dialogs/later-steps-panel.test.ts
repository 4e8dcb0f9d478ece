import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CaseData } from '../../src/domain/case';
import {
  BRAND_A,
  BRAND_B,
  CODES,
  COMPANY,
  Harness,
  LARGE_PACKAGE,
  hasFormCard,
  overview,
  shown,
} from './later-steps-fixtures';

const SECRET = 'test-webhook-secret';
const PANEL_URL = 'https://panel.deneme-entegrasyon.example/iys';
const AT_PANEL: Partial<CaseData> = {
  ...COMPANY,
  ...CODES,
  ...LARGE_PACKAGE,
  partnerRights: {
    [BRAND_A]: {
      MESAJ: { read: true, write: true },
      ARAMA: { read: false, write: false },
      EPOSTA: { read: false, write: false },
      reconciliation: false,
    },
  },
  partnerDeclaredAt: '2026-11-02T10:00:00.000Z',
};

interface Delivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** The integrator's CRM: records what the bot's completion webhook posts. */
function startReceiver(deliveries: Delivery[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = 204;
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('step 6: panel details (dialogs in memory)', () => {
  let h: Harness;
  const deliveries: Delivery[] = [];
  let receiver: Server;

  beforeAll(async () => {
    receiver = await startReceiver(deliveries);
    const { port } = receiver.address() as AddressInfo;
    // The integrator's CRM stays an HTTP receiver: the completion webhook is what is under test there.
    h = new Harness({
      env: {
        INTEGRATOR_PANEL_URL: PANEL_URL,
        INTEGRATOR_WEBHOOK_URL: `http://127.0.0.1:${port}/iys-completed`,
        INTEGRATOR_WEBHOOK_SECRET: SECRET,
      },
    });
  });
  afterAll(async () => {
    await h.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });
  beforeEach(() => {
    deliveries.length = 0;
  });

  it('shows the codes for our panel, completes the case and sends the signed completion webhook', async () => {
    const user = await h.customerAt('panel', AT_PANEL);
    const opened = await user.send('merhaba');
    const intro = shown(opened);
    expect(intro).toContain(`Örnek Entegratör panelinde (${PANEL_URL})`);
    expect(intro).toContain('“Örnek Entegratör firmasını iş ortağım olarak atadım” kutusunu işaretleyin');
    expect(intro).toContain('- İYSKod: 675403');
    expect(intro).toContain(`- BrandKod (${BRAND_A}): 675403`);
    expect(intro).toContain(`- BrandKod (${BRAND_B}): 660651`);
    expect(hasFormCard(opened, 'panel')).toBe(true);
    expect(overview(await user.send('durum'))['6. Panel bilgileri']).toBe('Devam ediyor');
    expect(deliveries).toHaveLength(0);

    const done = shown(
      await user.submitCard({ panelChoice: 'integrator_assigned', panelAccuracyAccepted: 'true' }),
    );
    expect(done).toContain('Örnek Entegratör firmasını iş ortağınız olarak atadığınızı kaydettim');
    expect(done).toContain('Tüm adımlar tamamlandı');
    expect(done).toContain('Tebrikler, İYS kaydınız tamamlandı!');
    const stored = await h.caseOf(user);
    expect(stored.data).toMatchObject({ panelChoice: 'integrator_assigned', panelAccuracyAccepted: true });
    expect(stored.data.panelConfirmedAt).toEqual(expect.any(String));
    expect(Object.values(stored.steps).map((s) => s.status)).toEqual(Array(6).fill('done'));

    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    const timestamp = String(delivery?.headers['x-iys-timestamp']);
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${delivery?.body}`).digest('hex');
    expect(delivery?.headers['x-iys-signature']).toBe(`sha256=${expected}`);
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
      event: 'case.completed',
      caseId: h.caseId(user),
      iysCode: '675403',
      brandCodes: { [BRAND_A]: '675403', [BRAND_B]: '660651' },
      packageTier: 'ILETI-250',
      panelChoice: 'integrator_assigned',
      steps: { panel: 'done', partnerAssignment: 'done' },
    });
  });

  it('accepts the NGO alternative and completes the case with it', async () => {
    const user = await h.customerAt('panel', AT_PANEL);
    await user.send('merhaba');
    const done = shown(
      await user.submitCard({ panelChoice: 'ngo_not_subject', panelAccuracyAccepted: 'true' }),
    );
    expect(done).toContain('kurumunuzun İYS’ye tabi olmadığını kaydettim');
    const stored = await h.caseOf(user);
    expect(stored.data.panelChoice).toBe('ngo_not_subject');
    expect(stored.steps.panel.status).toBe('done');
    expect(JSON.parse(deliveries[0]?.body ?? '{}')).toMatchObject({ panelChoice: 'ngo_not_subject' });
  });

  it('does not finish without the accuracy box, and a cancelled form leaves the step open', async () => {
    const user = await h.customerAt('panel', AT_PANEL);
    await user.send('merhaba');
    const refused = await user.submitCard({ panelChoice: 'integrator_assigned' });
    expect(hasFormCard(refused, 'panel')).toBe(true);
    expect(shown(await user.submitCard({}, 'form.cancel'))).toContain(
      'Panel bilgilerini girdiğinizde bana yazın',
    );
    const stored = await h.caseOf(user);
    expect(stored.data.panelConfirmedAt).toBeUndefined();
    expect(stored.steps.panel.status).toBe('in_progress');
    expect(deliveries).toHaveLength(0);
  });
});
