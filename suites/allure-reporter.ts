/**
 * Reports scenario steps to Allure: one Allure step per scenario step, and inside it one step per protocol message
 * with the SOAP request and response attached as XML, indented for reading (the evidence log keeps the bytes as exchanged).
 */
import * as allure from 'allure-js-commons';
import { stepParameters } from './allure-metadata.ts';
import type { Exchange } from '../simulator/transport/exchange-log.ts';
import type { StepReporter } from './scenario-runner.ts';
import { prettyXml } from './pretty-xml.ts';
import { beschrijf } from './scenario-context.ts';

export const allureStepReporter: StepReporter = {
  step: async (titel, body) => {
    await allure.step(titel, body);
  },
  async exchanges(exchanges: readonly Exchange[]) {
    for (const e of exchanges) {
      await allure.step(beschrijf(e), async (s) => {
        await stepParameters(s, [
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
