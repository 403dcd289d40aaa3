/** A StepReporter for tests, in place of Allure: records each step's title and the messages it caused, and every attachment. */
import type { Exchange } from '../../simulator/transport/exchange-log.ts';
import type { StepReporter } from '../../suites/scenario-runner.ts';

export function stepRecorder(): { steps: { titel: string; exchanges: Exchange[] }[]; attachments: { naam: string; inhoud: string }[]; reporter: StepReporter } {
  const steps: { titel: string; exchanges: Exchange[] }[] = [];
  const attachments: { naam: string; inhoud: string }[] = [];
  const reporter: StepReporter = {
    async step(titel, body) {
      steps.push({ titel, exchanges: [] });
      await body();
    },
    async exchanges(list) {
      steps.at(-1)!.exchanges.push(...list);
    },
    async attachment(naam, inhoud) {
      attachments.push({ naam, inhoud });
    },
  };
  return { steps, attachments, reporter };
}
