/**
 * A LAS whose aanleverpunt handles one documentRequest at a time and takes a fixed time for each (the reference LAS's
 * fault `slow-under-load`): alone a request waits only its own turn, but every request already in flight adds one turn,
 * so latency grows with the requests in flight and the AP breaks at a definable rate — 1000 / msPerVerzoek requests per
 * second. Below that rate the queue empties between arrivals; above it, it grows without end.
 */
export interface EenWerker {
  /** Waits for this request's turn and its fixed handling time, then lets it go on. */
  beurt(): Promise<void>;
}

export function eenWerker(msPerVerzoek: number): EenWerker {
  let rij: Promise<void> = Promise.resolve();
  return {
    beurt() {
      const mijn = rij.then(() => new Promise<void>((r) => setTimeout(r, msPerVerzoek)));
      rij = mijn;
      return mijn;
    },
  };
}
