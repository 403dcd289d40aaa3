/**
 * Finding and starting Chromium for the printable dossiers (PDF) and the browser tests. Playwright's own browser download
 * is not always possible, so a system Chromium (Debian's package) is used when it is there. The flags keep a headless
 * Chromium from reaching out to the network on its own.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string | undefined {
  const configured = process.env['OSO_CHROMIUM'];
  if (configured) return existsSync(configured) ? configured : undefined;
  const system = CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}

/** Headless unless asked otherwise: a vendor debugging its Playwright module may want to watch the browser. */
export async function launchChromium(options: { headless?: boolean } = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('Geen Chromium gevonden: installeer het (Debian: apt-get install chromium; anders: npx playwright install chromium) of zet OSO_CHROMIUM.');
  return chromium.launch({
    executablePath,
    headless: options.headless ?? true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
