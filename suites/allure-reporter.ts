/**
 * Reports scenario steps to Allure: one Allure step per scenario step, and inside it one step per protocol message
 * with the SOAP request and response attached as XML, indented for reading (the evidence log keeps the bytes as exchanged).
 */
import * as allure from 'allure-js-commons';
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
        await s.parameter('url', e.url);
        await s.parameter('duur (ms)', String(e.durationMs));
        if (e.peerOin) await s.parameter('OIN tegenpartij', e.peerOin);
        if (e.tls) await s.parameter('TLS', `${e.tls.protocol} ${e.tls.cipher}`);
        await allure.attachment(`#${e.seq} ${e.operation} verzoek`, prettyXml(e.request), 'application/xml');
        if (e.response !== undefined) await allure.attachment(`#${e.seq} ${e.operation} antwoord`, prettyXml(e.response), 'application/xml');
      });
    }
  },
  attachment: async (naam, inhoud, contentType) => {
    await allure.attachment(naam, inhoud, contentType);
  },
};
