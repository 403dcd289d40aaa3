/** Why a document could not be read as a dossier; stable, so reports and the validator can cite it. */
export type DossierLeesfoutReden =
  | 'onleesbaar'
  | 'doctype'
  | 'niet-welgevormd'
  | 'verkeerd-root-element'
  | 'element-ontbreekt'
  | 'element-meervoudig';

/** A dossier that cannot be read at all (as opposed to a readable dossier with findings). The message is Dutch. */
export class DossierLeesfout extends Error {
  override readonly name = 'DossierLeesfout';
  constructor(
    readonly reden: DossierLeesfoutReden,
    message: string,
  ) {
    super(message);
  }
}
