/**
 * Which Chromium the harness uses here, found the way a qualification finds it (suites/chromium.ts), unpacking the
 * npm-shipped one if that is the one; then starts it once and renders a PDF, so "found" also means "works".
 *   npx tsx scripts/chromium.ts [--json]
 * Exit 0 with one line (or a JSON object), 1 with the places looked when there is none or it does not start.
 */
import { findChromium, launchChromium } from '../suites/chromium.ts';

const json = process.argv.includes('--json');
try {
  const found = await findChromium();
  const start = performance.now();
  const browser = await launchChromium();
  const launchedInMs = Math.round(performance.now() - start);
  const page = await browser.newPage();
  await page.setContent('<h1>Proef</h1>');
  const pdfBytes = (await page.pdf()).length;
  const version = browser.version();
  await browser.close();
  if (json) console.log(JSON.stringify({ ...found, version, launchedInMs, pdfBytes }));
  else
    console.log(
      `Chromium ${version}: ${found.omschrijving}` +
        (found.uitgepaktInMs !== undefined ? `, uitgepakt in ${found.uitgepaktInMs} ms` : '') +
        `; gestart in ${launchedInMs} ms, proef-PDF ${pdfBytes} bytes`,
    );
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
