/**
 * HTML built from a template in which every interpolated value is escaped, unless it is itself a fragment built this
 * way. The console shows text that came from a LAS, a scenario or an operator; none of it may become markup.
 */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Waarde = string | number | Html | readonly Html[] | undefined | null | false;

function escapeHtml(tekst: string): string {
  return tekst.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
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
