/**
 * The complete exchanges a capacity run makes the LAS under test take part in, one per arrival, each timed per message:
 * - LAS as **bron**: the VO testschool asks the LAS's PO school for a klaargezet dossier — overdrachtRequest at the TC,
 *   documentRequest at the LAS's aanleverpunt (the LAS does its sessiecontrole at the TC meanwhile), afmeldingRequest;
 * - LAS as **doel**: the LAS is told (test-control API) to opvragen a dossier the PO testschool has klaargezet; the LAS
 *   does overdracht, documentRequest and afmelding itself, and the harness times the whole opvragen.
 * A sampled exchange is then judged by the requirements qualify verifies for it (steekproef.ts).
 */
import { opvragen } from '../../simulator/las/doel.ts';
import { OsoClient, SoapFaultAnswer, type OsoClientOptions, type ResponseOf } from '../../simulator/las/oso-client.ts';
import type { Foutsoort } from '../../simulator/load/belasting-meting.ts';
import type { Messages } from '../../simulator/protocol/messages.ts';
import type { RequestName } from '../../simulator/protocol/profile.ts';
import { TransportError } from '../../simulator/transport/soap-client.ts';
import { sutSchool, type World } from '../../simulator/world.ts';
import type { Leerling } from '../../simulator/dossier/leerling.ts';
import type { SutAdapter } from '../adapters/sut-adapter.ts';

export type BelastingRol = 'bron' | 'doel';

/** What one exchange gave: the time of each message (or the whole opvragen), and the error that ended it, if any. */
export interface UitwisselingUitkomst {
  rol: BelastingRol;
  /** Per message kind, e.g. `bron documentRequest (LAS)`, the time it took in ms. */
  berichten: [string, number][];
  totaalMs: number;
  fout?: { soort: Foutsoort; tekst: string };
  sessieId?: string;
  /** The dossier the LAS delivered as bron, for the sampled checks. */
  dossierXml?: string;
  /** The LAS's own answer to opvragen as doel. */
  afgemeld?: boolean;
}

/** The message kind of the whole exchange per role: the latency the limits judge. */
export const uitwisselingSoort: Record<BelastingRol, string> = { bron: 'bron uitwisseling', doel: 'doel opvragen (hele uitwisseling)' };

/** An OSO client that times each call and remembers how the first failing one failed. */
class GemetenClient extends OsoClient {
  readonly berichten: [string, number][] = [];
  eersteFout: { soort: Foutsoort; tekst: string } | undefined;
  constructor(
    options: OsoClientOptions,
    private readonly naamVoor: (url: string, bericht: string) => string,
  ) {
    super(options);
  }
  override async call<N extends RequestName>(url: string, name: N, body: Messages[N]): Promise<ResponseOf<N>> {
    const t = performance.now();
    try {
      return await super.call(url, name, body);
    } catch (e) {
      this.eersteFout ??= { soort: foutsoortVan(e), tekst: (e as Error).message };
      throw e;
    } finally {
      this.berichten.push([this.naamVoor(url, name), performance.now() - t]);
    }
  }
}

/** How an error is counted: a deadline passed, the connection failed, the LAS answered with a SOAP Fault. */
export function foutsoortVan(e: unknown): Foutsoort {
  if (e instanceof TransportError) return e.failure === 'time-out' ? 'time-out' : 'verbinding';
  if (e instanceof SoapFaultAnswer) return 'soap-fault';
  return /time-?out|binnen \d+ ms/i.test((e as Error)?.message ?? '') ? 'time-out' : 'verbinding';
}

export interface UitwisselingContext {
  world: World;
  sut: SutAdapter;
  /** Deadline of one OSO message. */
  berichtMs: number;
}

/** The VO testschool asks the LAS (bron) for the pupil's dossier, klaargezet beforehand (klaarzettenVoorBelasting). */
export async function bronUitwisseling(ctx: UitwisselingContext, leerling: Leerling): Promise<UitwisselingUitkomst> {
  const { world } = ctx;
  const doel = world.testscholen.vo;
  const tcOrigin = new URL(world.tc.url).origin;
  const client = new GemetenClient({ name: doel.name, tls: world.identity('testschool-vo'), timeoutMs: ctx.berichtMs }, (url, bericht) =>
    new URL(url).origin === tcOrigin ? `bron ${bericht} (TC)` : `bron ${bericht} (LAS)`,
  );
  const t = performance.now();
  const u = await opvragen(client, world.tc.url, {
    doelSchool: doel.schools[0]!,
    bronBrin: sutSchool(world.sut, 'po').brin,
    leerling: { pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum },
    overdrachtsoort: 'overstapdossier',
    dossierVersie: doel.release().versie,
    aanvraagdatum: world.clock.today(),
  });
  const totaalMs = performance.now() - t;
  const basis = { rol: 'bron' as const, berichten: [...client.berichten, [uitwisselingSoort.bron, totaalMs] as [string, number]], totaalMs, ...(u.sessieId ? { sessieId: u.sessieId } : {}) };
  if (client.eersteFout) return { ...basis, fout: client.eersteFout };
  if (u.resultaat !== 'DossierGeleverd' || !u.dossierXml || !u.afgemeld)
    return { ...basis, fout: { soort: 'resultaat', tekst: `opvragen bij de LAS als bron gaf ${u.resultaat}${u.afgemeld ? '' : ', niet afgemeld'}${u.fout ? `: ${u.fout}` : ''}` } };
  return { ...basis, dossierXml: u.dossierXml };
}

/** The LAS (doel) is told to opvragen the pupil's dossier from the PO testschool, which klaargezet it beforehand. */
export async function doelUitwisseling(ctx: UitwisselingContext, leerling: Leerling): Promise<UitwisselingUitkomst> {
  const { world } = ctx;
  const t = performance.now();
  try {
    const a = await ctx.sut.opvragen({ brin: sutSchool(world.sut, 'vo').brin, bronBrin: world.testscholen.po.schools[0]!.brin, pgn: leerling.pgn.waarde, geboortedatum: leerling.geboortedatum });
    const totaalMs = performance.now() - t;
    const basis = { rol: 'doel' as const, berichten: [[uitwisselingSoort.doel, totaalMs] as [string, number]], totaalMs, afgemeld: a.afgemeld, ...(a.sessieId ? { sessieId: a.sessieId } : {}) };
    if (a.resultaat !== 'DossierGeleverd' || !a.afgemeld)
      return { ...basis, fout: { soort: 'resultaat', tekst: `opvragen door de LAS als doel gaf ${a.resultaat}${a.afgemeld ? '' : ', niet afgemeld'}${a.fout ? `: ${a.fout}` : ''}` } };
    return basis;
  } catch (e) {
    const totaalMs = performance.now() - t;
    return { rol: 'doel', berichten: [[uitwisselingSoort.doel, totaalMs]], totaalMs, fout: { soort: foutsoortVan(e), tekst: (e as Error).message } };
  }
}

/**
 * Before the run: every pupil of the mix klaargezet, at the LAS (bron) for the VO testschool, at the PO testschool for
 * the LAS (doel). Returns the dossiers the PO testschool will deliver to the LAS as doel, by PGN.
 */
export async function klaarzettenVoorBelasting(ctx: UitwisselingContext, rollen: readonly BelastingRol[], leerlingen: readonly Leerling[]): Promise<Map<string, string>> {
  const { world } = ctx;
  const geleverd = new Map<string, string>();
  for (const l of leerlingen) {
    if (rollen.includes('bron')) await ctx.sut.klaarzetten({ brin: sutSchool(world.sut, 'po').brin, pgn: l.pgn.waarde, doelBrin: world.testscholen.vo.schools[0]!.brin });
    if (rollen.includes('doel')) {
      const doelSchool = sutSchool(world.sut, 'vo');
      // The testschool's dossier is built now, not at the first request: building it is the harness's work, and must
      // never count against the LAS as doel.
      const dossier = world.testscholen.po.klaarzetten({ brin: world.testscholen.po.schools[0]!.brin, pgn: l.pgn.waarde, doelBrin: doelSchool.brin });
      geleverd.set(l.pgn.waarde, dossier.xmlVoor(doelSchool.sector));
    }
  }
  return geleverd;
}
