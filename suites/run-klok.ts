/**
 * The date of one run. A scenario states its dates relative to the school year ("16 maart", "na de zomerrelease"); they
 * mean that day in the school year of the run. The harness sets the world's clock to it and tells the SUT through its
 * adapter (POST /klok, the playwright module's `zetKlok`, a prompt). A SUT whose clock cannot be set runs on its own date:
 * then the world follows the SUT's date instead, so both sides judge with the same day, and the report says so [ours].
 */
import { datumInSchooljaar, leesbareDatum } from '../simulator/schooljaar.ts';
import type { SimulatedClock } from '../simulator/clock.ts';
import type { SutAdapter } from './adapters/sut-adapter.ts';

export class RunKlok {
  readonly #clock: SimulatedClock;
  readonly #sut: SutAdapter;
  /** The day the run started (the harness's own date): relative dates are days of its school year. */
  readonly #referentie: string;
  /** Once known: whether the SUT follows the simulated date, or the world follows the SUT's own date. */
  #modus: 'gezet' | { eigenDatum: string } | undefined;

  constructor(clock: SimulatedClock, sut: SutAdapter) {
    this.#clock = clock;
    this.#sut = sut;
    this.#referentie = clock.today();
  }

  /** The day an expression of the scenario means in this run. */
  datum(uitdrukking: string): string {
    return datumInSchooljaar(uitdrukking, this.#referentie);
  }

  /** Moves the run to the day the expression means; returns, for the report, what happened. */
  async zet(uitdrukking: string): Promise<string> {
    const datum = this.datum(uitdrukking);
    const gevraagd = `${leesbareDatum(datum)}${/^\d{4}-/.test(uitdrukking) ? '' : ` (${uitdrukking})`}`;
    if (this.#modus === undefined) {
      if ((await this.#sut.zetKlok?.(datum)) === 'gedaan') this.#modus = 'gezet';
      else {
        const eigen = (await this.#sut.datum?.()) ?? new Date().toISOString().slice(0, 10);
        this.#modus = { eigenDatum: eigen };
        this.#clock.set(eigen);
      }
    } else if (this.#modus === 'gezet') await this.#sut.zetKlok!(datum);
    if (this.#modus === 'gezet') {
      this.#clock.set(datum);
      return `De datum is ${gevraagd}, ook bij de SUT`;
    }
    return `De SUT laat haar datum niet instellen: beoordeeld met de datum van de SUT, ${leesbareDatum(this.#modus.eigenDatum)}, niet met ${gevraagd}`;
  }
}
