import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's headless Chromium as the scripts use it. The network here is closed, so Chromium's background
 * connections are switched off rather than left to fail.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
