/**
 * `npx tsx scripts/playground-handoff-screenshot.ts`: the agent card as Teams renders it. Runs the bot
 * in this process (embedded mode, the Playground's user allowed to register the support channel) and the
 * Agents Playground; the Playground's chat is registered as the support channel, a customer turn asks for
 * an agent, and the card posted there is saved to docs/playground/06-agent-card.png. Needs Debian's chromium.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/observability/logger';
import { freePort } from '../test/support/bot-process';
import { launchChromium, waitFor } from './chromium';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'playground', '06-agent-card.png');

async function type(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').last();
  await box.fill(text);
  await box.press('Enter');
  await page.waitForTimeout(2500);
}

async function main(): Promise<void> {
  await mkdir(path.dirname(OUT), { recursive: true });
  const botPort = await freePort();
  const playgroundPort = await freePort();
  const config = loadConfig({ PORT: String(botPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  // The Playground's signed-in user (Alex Wilber) is the administrator who registers the channel.
  const app = createApp(config, {
    logger: createLogger('warn'),
    handoff: { adminUserIds: ['user-id-0', '00000000-0000-0000-0000-0000000000020'] },
  });
  const running = await app.start();
  const playground = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'agentsplayground'),
    ['-e', `http://localhost:${botPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort)],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const browser = await launchChromium();
  try {
    await waitFor(`http://127.0.0.1:${playgroundPort}/`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`http://localhost:${playgroundPort}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(2500);
    await type(page, '/destek-kanali');
    await page.getByRole('button', { name: 'Kabul ediyorum' }).last().click();
    await page.waitForTimeout(2000);
    await type(page, 'Telefonum 0532 123 45 67, TCKN 10000000146');
    await type(page, 'temsilci');
    await page.locator('.ac-adaptiveCard').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: OUT });
    console.log(path.relative(ROOT, OUT));
  } finally {
    await browser.close();
    playground.kill('SIGTERM');
    await running.stop();
  }
}

void main();
