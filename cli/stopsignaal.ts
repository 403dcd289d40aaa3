/** A long-running command (serve, reference-las) runs until Ctrl+C or a SIGTERM from its supervisor. */
export function totStopsignaal(): Promise<void> {
  return new Promise<void>((stopped) => {
    process.once('SIGINT', () => stopped());
    process.once('SIGTERM', () => stopped());
  });
}
