/** A StepReporter for tests, in place of Allure: records each step's title and the messages it caused. */
import type { Exchange } from '../../simulator/transport/exchange-log.ts';
import type { StepReporter } from '../../suites/scenario-runner.ts';

export function stepRecorder(): { steps: { titel: string; exchanges: Exchange[] }[]; reporter: StepReporter } {
  const steps: { titel: string; exchanges: Exchange[] }[] = [];
  const reporter: StepReporter = {
    async step(titel, body) {
      steps.push({ titel, exchanges: [] });
      await body();
    },
    async exchanges(list) {
      steps.at(-1)!.exchanges.push(...list);
    },
  };
  return { steps, reporter };
}
