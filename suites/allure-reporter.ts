/**
 * Reports scenario steps to Allure: one Allure step per scenario step, and inside it one step per protocol message
 * with the SOAP request and response attached as XML, indented for reading (the evidence log keeps the bytes as exchanged).
 */
import { test } from '@playwright/test';
import * as allure from 'allure-js-commons';
import { fileURLToPath } from 'node:url';
import { stepParameters } from './allure-metadata.ts';
import type { Exchange } from '../simulator/transport/exchange-log.ts';
import type { StepReporter } from './scenario-runner.ts';
import { prettyXml } from './pretty-xml.ts';
import { beschrijf } from './scenario-context.ts';

/**
 * An Allure step under Playwright is a test.step (allure.step is one too). Given a location, Playwright does not capture
 * and source-map the call stack of each step, a tenth of a qualification worker's CPU in a profile; the Allure report
 * shows no step locations, Playwright's own report shows this file.
 */
const LOCATIE = { file: fileURLToPath(import.meta.url), line: 1, column: 1 };
const stap = (titel: string, body: () => Promise<void>) => test.step(titel, body, { location: LOCATIE });

export const allureStepReporter: StepReporter = {
  step: stap,
  async exchanges(exchanges: readonly Exchange[]) {
    for (const e of exchanges) {
      await stap(beschrijf(e), async () => {
        await stepParameters([
          { name: 'url', value: e.url },
          { name: 'duur (ms)', value: String(e.durationMs) },
          ...(e.peerOin ? [{ name: 'OIN tegenpartij', value: e.peerOin }] : []),
          ...(e.tls ? [{ name: 'TLS', value: `${e.tls.protocol} ${e.tls.cipher}` }] : []),
        ]);
        await allure.attachment(`#${e.seq} ${e.operation} verzoek`, prettyXml(e.request), 'application/xml');
        if (e.response !== undefined) await allure.attachment(`#${e.seq} ${e.operation} antwoord`, prettyXml(e.response), 'application/xml');
      });
    }
  },
  attachment: async (naam, inhoud, contentType) => {
    await allure.attachment(naam, inhoud, contentType);
  },
};
