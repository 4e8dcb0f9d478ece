/**
 * `npm run playground:screenshots`: runs the bot (embedded mode) and the Microsoft 365 Agents Playground
 * (Teams rendering) on free local ports, walks the start of an onboarding in headless Chromium and writes
 * the screens to docs/playground/*.png for the README. Needs Debian's chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { freePort } from '../test/support/bot-process';
import { launchChromium, waitFor } from './chromium';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'docs', 'playground');
function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(2500);
  await page.screenshot({ path: path.join(OUT_DIR, `${name}.png`) });
  console.log(`docs/playground/${name}.png`);
}

/** The last Adaptive Card's text inputs in document order, filled with these values. */
async function fillLastCard(page: Page, values: readonly (string | undefined)[]): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard').last();
  const inputs = card.locator(
    'input[type="text"], input[type="url"], input[type="tel"], input[type="email"], input[type="number"], textarea',
  );
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== undefined) await inputs.nth(i).fill(value);
  }
  return card;
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const botPort = await freePort();
  const playgroundPort = await freePort();
  const bot = start(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    PORT: String(botPort),
    LOG_LEVEL: 'warn',
  });
  const playground = start(
    path.join(ROOT, 'node_modules', '.bin', 'agentsplayground'),
    ['-e', `http://localhost:${botPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort)],
    {},
  );
  const browser = await launchChromium();
  try {
    await waitFor(`http://127.0.0.1:${botPort}/healthz`);
    await waitFor(`http://127.0.0.1:${playgroundPort}/`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://localhost:${playgroundPort}`, { waitUntil: 'networkidle' });
    await shot(page, '01-welcome-privacy');

    await page.getByRole('button', { name: 'Kabul ediyorum' }).last().click();
    await shot(page, '02-six-steps');

    await page
      .getByRole('button', { name: /ilk kez/ })
      .last()
      .click();
    await shot(page, '03-company-form');

    await page.locator('.ac-adaptiveCard').last().getByText('Evet', { exact: true }).click();
    const company = [
      '0454053692000015',
      'Örnek Ticaret A.Ş.',
      '4540536921',
      'Mecidiyeköy',
      'www.ornek.com.tr',
      '0212 123 45 67',
      undefined,
      'Şişli',
      'Esentepe Mah. Büyükdere Cad. No: 1',
    ];
    let card = await fillLastCard(page, company);
    // The province is a filtered choice set: type, then pick the suggestion.
    const province = card.getByRole('combobox');
    await province.click();
    await province.pressSequentially('İstanbul', { delay: 30 });
    await page.getByRole('option', { name: 'İstanbul' }).first().click();
    await card.getByRole('button', { name: 'Kaydet' }).click();
    await shot(page, '04-company-refused');

    card = await fillLastCard(page, [undefined, undefined, '4540536920']);
    await card.getByRole('button', { name: 'Kaydet' }).click();
    await page.waitForTimeout(2500);
    await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: /Evet/ }).click();
    await shot(page, '05-routes-explained');
  } finally {
    await browser.close();
    bot.kill('SIGTERM');
    playground.kill('SIGTERM');
  }
}

void main();
