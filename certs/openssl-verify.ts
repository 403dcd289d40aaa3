import type { VerificationSettings } from './catalogue-entries.ts';

/**
 * The `openssl verify` arguments that show a certificate's flaw (or its soundness): the root as the only trust anchor,
 * the intermediate as untrusted chain material, plus the checks the catalogue entry names. The README gives these
 * commands to vendors and the harness's own tests run them, so what the README promises is what is tested.
 */
export function opensslVerifyArguments(
  settings: VerificationSettings,
  files: { trustAnchor: string; intermediate: string; crl: string },
  certificate: string,
): string[] {
  return [
    'verify',
    '-CAfile',
    files.trustAnchor,
    '-untrusted',
    files.intermediate,
    // Both CRLs in the file: with -crl_check_all every level needs one, as in nginx and Node.
    ...(settings.crl ? ['-crl_check_all', '-CRLfile', files.crl] : []),
    ...(settings.purpose ? ['-purpose', settings.purpose] : []),
    ...(settings.hostname ? ['-verify_hostname', settings.hostname] : []),
    ...(settings.securityLevel ? ['-auth_level', String(settings.securityLevel)] : []),
    certificate,
  ];
}
