import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { operationsCases, untilReady } from '../support/admin-case-fixtures';
import { startInProcessBot, type InProcessBot } from '../support/in-process-bot';
import { deleteByPrefix, REDIS_URL, uniquePrefix } from '../support/redis';

jest.setTimeout(90_000);

const TOKEN = 'console-operations-token-0123456789';
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(__dirname, '..', '..', 'docs', 'console');

describe('operations console in headless Chromium', () => {
  const prefix = uniquePrefix('console');
  const tag = 'ui';
  let bot: InProcessBot;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`The console test needs Debian's chromium at ${CHROMIUM} (apt-get install chromium)`);
    }
    bot = await startInProcessBot({
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      ROLE: 'web',
      REMINDER_QUEUE: 'console-reminders',
      ADMIN_TOKEN: TOKEN,
    });
    await untilReady(bot.url);
    for (const record of operationsCases(tag)) await bot.cases.replace(record);
    const partner = `c_${tag}_bogazici`;
    await bot.reminders.schedule(partner, 'awaiting_partner_confirmation', new Date(Date.now() + 86_400_000));
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    await bot.handoff.service.record(partner, [
      { at: at(90), from: 'customer', channel: 'whatsapp', text: 'İş ortağı atamasını panelden yaptık.' },
      { at: at(89), from: 'bot', text: 'Teşekkürler! Atamayı kontrol edip size haber vereceğiz.' },
      {
        at: at(30),
        from: 'customer',
        channel: 'whatsapp',
        text: 'Bana 0532 123 45 67 numarasından ulaşabilirsiniz.',
      },
    ]);
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'tr-TR' });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      // The wrong token below is refused on purpose; anything else (a CSP violation, a 404) is a fault.
      if (msg.type() === 'error' && !msg.text().includes('status of 401'))
        problems.push(`console: ${msg.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await deleteByPrefix(prefix);
  });

  it('serves the page with a strict content security policy', async () => {
    const res = await fetch(`${bot.url}/admin`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${bot.url}/admin/console/secret.txt`)).status).toBe(404);
  });

  it('logs in with the token, filters, opens a case and confirms a partner assignment', async () => {
    await page.goto(`${bot.url}/admin`);
    await page.locator('#login-form').waitFor();
    await page.screenshot({ path: join(SHOTS, '01-login.png') });

    // A wrong token is refused and the form stays.
    await page.fill('#login-token', 'wrong-token-wrong-token-wrong');
    await page.click('#login-submit');
    await page.locator('#login-error').waitFor();
    expect(await page.textContent('#login-error')).toContain('geçersiz');

    await page.fill('#login-token', TOKEN);
    await page.fill('#login-name', 'Zeynep Kaya');
    await page.click('#login-submit');
    const rows = page.locator('#cases tbody tr');
    await expectCount(rows, 5);
    expect(await rows.first().getAttribute('data-case-id')).toBe(`c_${tag}_ege`);
    expect(await page.locator('.stat.warn strong').textContent()).toBe('2');
    await page.screenshot({ path: join(SHOTS, '02-cases.png'), fullPage: true });

    await page.selectOption('#f-step', 'partnerAssignment');
    await page.click('#apply-filters');
    await expectCount(rows, 1);
    expect(await rows.first().getAttribute('data-case-id')).toBe(`c_${tag}_bogazici`);
    await page.selectOption('#f-step', '');
    await page.selectOption('#f-channel', 'whatsapp');
    await page.click('#apply-filters');
    await expectCount(rows, 1);
    await page.screenshot({ path: join(SHOTS, '03-filtered.png'), fullPage: true });

    await rows.first().locator('a').click();
    await page.locator('#case-view').waitFor();
    // The page fills in once the case's API call answers (slower while other suites load the machine).
    await page.locator('#case-title', { hasText: 'Boğaziçi Gıda' }).waitFor();
    await page.locator('#case-steps li').nth(5).waitFor();
    expect(await page.textContent('#case-title')).toBe('Boğaziçi Gıda Ltd. Şti.');
    expect(await page.locator('#case-steps li').count()).toBe(6);
    expect(await page.getAttribute('#case-steps li[data-step="partnerAssignment"]', 'class')).toContain(
      'waiting',
    );
    expect(await page.textContent('#case-reminders')).toContain('İş Ortağı onayı bekleniyor');
    expect(await page.textContent('#case-transcript')).toContain('+90 5** *** ** 67');
    expect(await page.textContent('#case-transcript')).not.toContain('0532 123 45 67');
    await page.screenshot({ path: join(SHOTS, '04-case.png'), fullPage: true });

    await page.click('#confirm-partner');
    await page.locator('#action-ok').waitFor();
    expect(await page.textContent('#action-ok')).toContain('onaylandı');
    await page.locator('#case-steps li[data-step="partnerAssignment"].done').waitFor();
    await page.locator('#case-audit tbody tr[data-type="step.changed"]').first().waitFor();
    expect(await page.getAttribute('#case-steps li[data-step="partnerAssignment"]', 'class')).toContain(
      'done',
    );
    const stepRow = page.locator('#case-audit tbody tr[data-type="step.changed"]').first();
    expect(await stepRow.textContent()).toContain('admin: Zeynep Kaya');
    expect(await stepRow.textContent()).toContain('İş Ortağı ataması: waiting → done');
    expect(await page.textContent('#case-reminders')).toContain('Bekleyen hatırlatma yok');
    await page.screenshot({ path: join(SHOTS, '05-assignment-confirmed.png'), fullPage: true });

    const stored = await bot.cases.get(`c_${tag}_bogazici`);
    expect(stored?.steps.partnerAssignment.status).toBe('done');
    expect(stored?.audit.at(-1)).toMatchObject({
      type: 'step.changed',
      actor: { kind: 'admin', id: 'Zeynep Kaya' },
    });
    expect(problems).toEqual([]);
  });
});

async function expectCount(locator: ReturnType<Page['locator']>, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await locator.count()) !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} rows, saw ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
