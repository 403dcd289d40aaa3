/**
 * A network of the test's own: a network namespace joined to this one by a veth pair, with two addresses of a private /30
 * that only these two ends use, so a LAS can run on an address of its own (not loopback) and nothing else is ever
 * reached. Where the machine refuses network namespaces (no root, a container without CAP_NET_ADMIN), the LAS gets
 * another loopback address, 127.0.0.2, instead; `soort` says which of the two the test got.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface EigenNetwerk {
  soort: 'network-namespace' | 'loopback-127.0.0.2';
  /** Why the namespace could not be made, when it could not. */
  reden?: string;
  harnessAdres: string;
  lasAdres: string;
  /** The command the LAS runs under: inside the namespace, or nothing. */
  voorvoegsel: string[];
  opruimen(): Promise<void>;
}

async function ip(...args: string[]): Promise<void> {
  await run('ip', args, { timeout: 10_000 });
}

export async function maakEigenNetwerk(): Promise<EigenNetwerk> {
  const id = randomBytes(3).toString('hex');
  const ns = `osotb-${id}`;
  // Interface names are at most 15 characters.
  const [buiten, binnen] = [`otb${id}h`, `otb${id}n`];
  // A /30 of 10.200.0.0/16 picked at random per run, so parallel runs on one machine do not meet.
  const basis = `10.200.${randomInt(0, 256)}.${randomInt(0, 64) * 4}`;
  const [a, b, c] = basis.split('.');
  const d = Number(basis.split('.')[3]);
  const harnessAdres = `${a}.${b}.${c}.${d + 1}`;
  const lasAdres = `${a}.${b}.${c}.${d + 2}`;
  try {
    // To try the fallback on a machine that allows namespaces.
    if (process.env['OSO_TEST_ZONDER_NETNS']) throw new Error('OSO_TEST_ZONDER_NETNS is gezet');
    await ip('netns', 'add', ns);
  } catch (e) {
    return {
      soort: 'loopback-127.0.0.2',
      reden: ((e as { stderr?: string }).stderr || (e as Error).message).trim(),
      harnessAdres: '127.0.0.1',
      lasAdres: '127.0.0.2',
      voorvoegsel: [],
      opruimen: async () => {},
    };
  }
  const opruimen = async () => {
    // Deleting the namespace removes its end of the pair, and with it the other end.
    await ip('netns', 'del', ns).catch(() => {});
    await ip('link', 'del', buiten).catch(() => {});
  };
  try {
    await ip('link', 'add', buiten, 'type', 'veth', 'peer', 'name', binnen);
    await ip('link', 'set', binnen, 'netns', ns);
    await ip('addr', 'add', `${harnessAdres}/30`, 'dev', buiten);
    await ip('link', 'set', buiten, 'up');
    await ip('netns', 'exec', ns, 'ip', 'addr', 'add', `${lasAdres}/30`, 'dev', binnen);
    await ip('netns', 'exec', ns, 'ip', 'link', 'set', binnen, 'up');
    await ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
  } catch (e) {
    await opruimen();
    throw e;
  }
  return { soort: 'network-namespace', harnessAdres, lasAdres, voorvoegsel: ['ip', 'netns', 'exec', ns], opruimen };
}
