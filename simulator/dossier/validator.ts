/*
 * Validating a dossier, the way the official toolchain does and a little more: read the XML (refusing DTD tricks), check
 * it is a dossier of the expected release (a dossier of an earlier release is refused: it must be klaargezet again),
 * check its structure against the release's JSON Schema and, on the element tree, its element order and code lists
 * (as the XSD and the XSLT read them), then run the release's content rules — the generic ones for
 * every dossier, the OV or PaO ones for its profile family — and the harness's own checks (check digits, attachments).
 * One pass over the text, one conversion to the typed object, one walk per rule over an index: no re-parsing.
 */
import { bijlageRegel, type BijlageControle } from './bijlagen.ts';
import { controleerBoom } from './boomcontrole.ts';
import { elementNaarObject } from './codec.ts';
import { isGeldig, type Finding } from './finding.ts';
import { DossierLeesfout } from './leesfout.ts';
import { pgnRegel } from './pgn-regel.ts';
import { herkenProfiel, type Profiel } from './profile.ts';
import { RegelContext } from './regel.ts';
import { controleerStructuur } from './structure.ts';
import { huidigeVersie, versieOpNaam, versieOpNamespace, volledigeVersie, type VolledigeVersie } from './versies/index.ts';
import { leesXml } from './xml-bytes.ts';
import type { XmlDocument } from './xml-reader.ts';

export interface ValidationOptions {
  /** The release to validate against (default: the newest complete release, 2019.1). */
  gegevensset?: string | VolledigeVersie;
  /**
   * Attachment checks (warnings only): 'structuur' (default) decodes the Base64 and reads each ZIP's directory,
   * 'inhoud' also inflates every file, false skips them.
   */
  bijlagen?: BijlageControle | false;
}

const bijlageRegels = { structuur: bijlageRegel('structuur'), inhoud: bijlageRegel('inhoud') };

export interface ValidationResult {
  /** No finding of severity 'error'. */
  valid: boolean;
  /** The release the dossier belongs to (by namespace), or null when it cannot be told. */
  gegevensset: string | null;
  profile: Profiel | null;
  findings: Finding[];
  /** True when the input could not be read as XML at all (bytes, well-formedness, DTD). */
  unreadable: boolean;
  /** The typed dossier object when the dossier is of the validated release (whatever its findings). */
  dossier?: unknown;
}

/** Raised for a `gegevensset` the harness cannot validate against (unknown, or known by identity only). */
export class OnbekendeGegevenssetFout extends Error {
  override readonly name = 'OnbekendeGegevenssetFout';
}

export function resolveVersie(gegevensset: string | VolledigeVersie | undefined): VolledigeVersie {
  if (gegevensset === undefined) return huidigeVersie;
  if (typeof gegevensset !== 'string') return gegevensset;
  const v = volledigeVersie(gegevensset);
  if (v !== undefined) return v;
  throw new OnbekendeGegevenssetFout(
    `Gegevensset '${gegevensset}' kan niet gevalideerd worden: ${versieOpNaam(gegevensset) ? 'deze release is alleen bij identiteit bekend (namespace en versienummers), niet met schema en regels' : 'onbekende release'}. Volledig bekend: ${huidigeVersie.versie}.`,
  );
}

function onleesbaar(e: DossierLeesfout): ValidationResult {
  const rule = e.reden === 'doctype' ? 'XML.doctype' : e.reden === 'onleesbaar' ? 'XML.onleesbaar' : 'XML.welgevormd';
  return { valid: false, gegevensset: null, profile: null, unreadable: true, findings: [{ rule, severity: 'error', path: '/', message: e.message }] };
}

/**
 * Validates one dossier (XML text, the file's bytes, or a document already read with parseXml/leesXml). Never throws
 * for bad input: unreadable input, a wrong root element or namespace, an earlier release — all come back as findings.
 * Throws OnbekendeGegevenssetFout only for an unusable `gegevensset` option.
 */
export function validateDossier(invoer: string | Uint8Array | XmlDocument, opties: ValidationOptions = {}): ValidationResult {
  const versie = resolveVersie(opties.gegevensset);
  let doc: XmlDocument;
  try {
    doc = leesXml(invoer);
  } catch (e) {
    if (e instanceof DossierLeesfout) return onleesbaar(e);
    throw e;
  }
  const wortel = doc.wortel;
  const bekend = versieOpNamespace(wortel.ns);
  if (wortel.naam !== 'dossier') {
    return {
      valid: false,
      gegevensset: bekend?.versie ?? null,
      profile: null,
      unreadable: false,
      findings: [
        {
          rule: 'XML.root',
          severity: 'error',
          path: `/${wortel.naam}`,
          message: `Het root-element is <${wortel.qnaam}> (namespace ${wortel.ns || '(geen)'}); een OSO-dossier begint met <dossier> in namespace ${versie.namespace}.`,
        },
      ],
    };
  }
  if (wortel.ns !== versie.namespace) {
    const finding: Finding = bekend
      ? {
          rule: 'VERSIE.vorige',
          severity: 'error',
          path: '/dossier',
          message:
            `Dit dossier is van gegevensset ${bekend.versie} (namespace ${bekend.namespace}); gevalideerd wordt tegen ${versie.versie}. ` +
            `Een dossier geldt alleen voor zijn eigen release: een dossier dat vóór de zomerrelease is klaargezet, moet de bron opnieuw klaarzetten in gegevensset ${versie.versie}.`,
        }
      : {
          rule: 'XML.namespace',
          severity: 'error',
          path: '/dossier',
          message: `Het dossier heeft namespace '${wortel.ns || '(geen)'}', die bij geen bekende gegevensset hoort; verwacht ${versie.namespace} (gegevensset ${versie.versie}).`,
        };
    return { valid: false, gegevensset: bekend?.versie ?? null, profile: null, unreadable: false, findings: [finding] };
  }

  const dossier = elementNaarObject(wortel, versie.dossierType, versie.namespace);
  const findings = controleerStructuur(dossier, 'dossier', versie.dossierType, `oso-gegevensset-${versie.versie}`);
  findings.push(...controleerBoom(wortel, versie.dossierType, versie.namespace));
  const ctx = new RegelContext(doc, versie.namespace);
  const herkend = herkenProfiel(ctx.typeDocument, ctx.typeOverstap);
  for (const r of versie.regels) {
    if (r.validator === 'algemeen' || r.validator === herkend.familie) r.controleer(ctx);
  }
  pgnRegel.controleer(ctx);
  if (opties.bijlagen !== false) bijlageRegels[opties.bijlagen ?? 'structuur'].controleer(ctx);
  findings.push(...ctx.findings);
  return { valid: isGeldig(findings), gegevensset: versie.versie, profile: herkend.profiel ?? null, findings, unreadable: false, dossier };
}
