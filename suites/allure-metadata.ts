/**
 * A run's Allure metadata (labels, links, parameters, description) and a step's parameters, each sent as one runtime
 * message instead of one per item. Under Playwright every Allure runtime message is a test attachment, and every
 * attachment is a step whose call stack Playwright captures and source-maps: with a message per label, link and
 * parameter that was a fifth of a qualification worker's CPU (about thirty messages a run). The report gets the same
 * labels, links and parameters either way.
 */
import * as allure from 'allure-js-commons';
import type { Label, Link, Parameter } from 'allure-js-commons';
import { getGlobalTestRuntime } from 'allure-js-commons/sdk/runtime';

export interface RunMetadata {
  labels?: Label[];
  links?: Link[];
  parameters?: Parameter[];
  description?: string;
}

type Message = { type: 'metadata'; data: RunMetadata } | { type: 'step_metadata'; data: { parameters: Parameter[] } };

/**
 * The runtime's own message channel where it has one (allure-playwright's does). The check is by shape, not by class:
 * allure-playwright loads the CommonJS build of allure-js-commons and this module the ES one, two copies of the class.
 */
function messageChannel(): ((message: Message) => Promise<void>) | undefined {
  const runtime = getGlobalTestRuntime() as unknown as { sendMessage?: (message: Message) => Promise<void> };
  return typeof runtime.sendMessage === 'function' ? (message) => runtime.sendMessage!(message) : undefined;
}

/** The run's metadata in one message. */
export async function runMetadata(data: RunMetadata): Promise<void> {
  const send = messageChannel();
  if (send) return send({ type: 'metadata', data });
  // Any other runtime: the public calls, one each.
  if (data.labels?.length) await allure.labels(...data.labels);
  if (data.links?.length) await allure.links(...data.links);
  for (const p of data.parameters ?? []) await allure.parameter(p.name, p.value, { ...(p.excluded ? { excluded: true } : {}), ...(p.mode ? { mode: p.mode } : {}) });
  if (data.description) await allure.description(data.description);
}

/** The parameters of the current step in one message. */
export async function stepParameters(parameters: readonly Parameter[]): Promise<void> {
  const send = messageChannel();
  if (send) return send({ type: 'step_metadata', data: { parameters: [...parameters] } });
  const runtime = getGlobalTestRuntime();
  for (const p of parameters) await runtime.stepParameter(p.name, p.value, p.mode);
}
