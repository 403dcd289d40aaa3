/**
 * The one way this house writes HTML: a tagged template, html`<p>${tekst}</p>`, in which every interpolated value is
 * escaped unless it is itself a fragment built this way. The portal, the operator console, the reference LAS's pages and
 * the report pages show text that came from a LAS, a scenario, an operator or a dossier; none of it may become markup.
 *
 * In-house rather than a package: the whole idea is twenty lines, and the tagged-template packages on npm bring
 * dependencies or a second notation for raw output without adding anything these pages need. This module imports
 * nothing, so every layer may use it, the pure dossier layer's printable page included.
 */
export class Html {
  /** Markup taken as it is: only for text this code wrote itself (a style sheet), never for anything that came in. */
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type Waarde = string | number | Html | readonly Html[] | undefined | null | false;

const ENTITEIT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML text node or a quoted attribute value (either quote). */
export function escapeHtml(tekst: string): string {
  return tekst.replace(/[&<>"']/g, (c) => ENTITEIT[c]!);
}

function render(waarde: Waarde): string {
  if (waarde === undefined || waarde === null || waarde === false) return '';
  if (waarde instanceof Html) return waarde.markup;
  if (Array.isArray(waarde)) return waarde.map((w: Html) => w.markup).join('');
  return escapeHtml(String(waarde));
}

export function html(delen: TemplateStringsArray, ...waarden: Waarde[]): Html {
  return new Html(delen.reduce((uit, deel, i) => uit + deel + (i < waarden.length ? render(waarden[i]) : ''), ''));
}
