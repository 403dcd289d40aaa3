/** What a doel did with a dossier it received: stored it, or refused it with a reason. */
export interface OntvangenDossier {
  sessieId?: string;
  bronBrin: string;
  doelBrin: string;
  pgn: string;
  status: 'opgeslagen' | 'geweigerd';
  reden?: string;
  xml?: string;
  ontvangenOp: string;
}
