/** `oso-testbank verify DIR`: checks a report's evidence bundle offline. Exit 0 intact, 1 tampered, 2 usage or no bundle. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs } from './command-args.ts';
import { verifyEvidenceBundle } from '../reports/evidence-bundle.ts';

const usage = `Usage: oso-testbank verify DIR [--trust SHA256]

Checks the evidence bundle of a report folder: the signature over evidence/manifest.json, the SHA-256 of every file, and
the hash chain of evidence/berichten.jsonl. Names every file that was changed, removed or added, and every line of the
message log that was edited, deleted or reordered.

  --trust SHA256   the fingerprint of the signing certificate you trust (as printed by an earlier verify); without it
                   the signature is checked against the certificate in the bundle and its fingerprint is printed
`;

export async function runVerify(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('verify', usage, { args, allowPositionals: true, options: { trust: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
  if (typeof parsed === 'number') return parsed;
  const [dirArg, ...rest] = parsed.positionals;
  if (!dirArg || rest.length) {
    process.stderr.write(`oso-testbank verify: give exactly one report folder.\n\n${usage}`);
    return 2;
  }
  const dir = resolve(dirArg);
  if (!existsSync(dir)) {
    process.stderr.write(`oso-testbank verify: ${dir} does not exist.\n`);
    return 2;
  }
  const check = await verifyEvidenceBundle(dir);
  if (!check.manifest) {
    process.stderr.write(`oso-testbank verify: ${check.problemen.join('; ')}\n`);
    return 2;
  }
  const trust = parsed.values.trust?.replace(/:/g, '').toUpperCase();
  const signerPrint = check.ondertekenaar?.sha256.replace(/:/g, '').toUpperCase();
  if (trust && signerPrint !== trust) check.problemen.push(`signed with another certificate (SHA-256 ${check.ondertekenaar?.sha256 ?? 'unknown'}) than the trusted one`);

  const signerOf = (o: typeof check.ondertekenaar) => (o ? `${o.subject} (SHA-256 ${o.sha256})` : 'unknown');
  const signer = signerOf(check.ondertekenaar);
  // A merged report: each part was signed where it ran; --trust pins the harness that merged them.
  const parts = (check.delen ?? []).map((d) => `Part ${d.map} signed by ${signerOf(d.ondertekenaar)}.\n`).join('');
  if (check.problemen.length === 0) {
    const files = `${check.manifest.bestanden.length} ${check.manifest.bestanden.length === 1 ? 'file' : 'files'}`;
    const messages = `${check.manifest.berichtenlog.regels} ${check.manifest.berichtenlog.regels === 1 ? 'message' : 'messages'}${check.delen ? `, merged from ${check.delen.length} parts` : ''}`;
    process.stdout.write(`Evidence bundle intact: ${files}, ${messages}; nothing was changed, removed or added since it was signed.\nSigned by ${signer}.\n${parts}`);
    // The certificate travels in the bundle: without a pinned fingerprint anyone could have re-signed an edited report.
    process.stdout.write(
      trust
        ? 'Origin: signed with the trusted certificate (--trust).\n'
        : 'Origin NOT checked: this proves the folder is unchanged since signing, not who signed it. The signing key may be on the\n' +
            'machine that produced the report. To check origin, get the fingerprint from the signer over another channel and run\n' +
            `  oso-testbank verify ${dirArg} --trust ${check.ondertekenaar?.sha256 ?? 'SHA256'}\n`,
    );
    return 0;
  }
  process.stdout.write(`Evidence bundle NOT intact (${check.problemen.length} ${check.problemen.length === 1 ? 'finding' : 'findings'}):\n${check.problemen.map((p) => `  - ${p}`).join('\n')}\nSigner: ${signer}.\n${parts}`);
  return 1;
}
