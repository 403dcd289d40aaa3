/**
 * What a security run is: a fixed check in code with the requirement it verifies. Its own file so that the list of runs
 * (runs.ts) and the runs it gathers from elsewhere (tls-runs.ts) both depend on it, and not on each other both ways.
 */
import type { QualificationRunInfo, RunBody } from '../qualification-test.ts';
import type { Requirement } from '../requirements.ts';

export interface BeveiligingsRun extends QualificationRunInfo {
  uitvoeren(run: RunBody & { eis: (id: string) => Requirement }): Promise<void>;
}
