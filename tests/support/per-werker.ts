/**
 * Something costly made once per Playwright worker process and shared by the tests that run in it. Playwright's
 * worker-scoped fixtures do that too, but every file that declares one gets worker processes of its own: its tests wait
 * until the workers of the other files have finished, and then each such file starts and loads two new workers (a
 * second or two of CPU each). Handed to a test through a test-scoped fixture, the value leaves the workers shared.
 */
export function perWerker<T>(maak: () => Promise<T>, ruimOp: (waarde: T) => void = () => {}): () => Promise<T> {
  let waarde: Promise<T> | undefined;
  return () => {
    if (!waarde) {
      waarde = maak();
      // Playwright ends a worker process when it is no longer needed; then what was made is cleared, synchronously.
      waarde.then(
        (w) => process.once('exit', () => ruimOp(w)),
        () => {},
      );
    }
    return waarde;
  };
}
