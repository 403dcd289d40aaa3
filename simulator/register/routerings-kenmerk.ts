/**
 * The 20-character routeringsKenmerk that identifies an aanleverpunt since OSO'21 [pub], e.g. `0000000700000YY00931`.
 * Reading it as `00000007` (OIN prefix for BRIN-based numbers) + `000` + BRIN + a 5-digit serial is the harness's own
 * interpretation [ours].
 */
export function routeringsKenmerkVoor(brin: string, volgnummer: number): string {
  if (!/^[0-9]{2}[A-Z]{2}$/.test(brin)) throw new Error(`Ongeldige BRIN ${JSON.stringify(brin)}: verwacht twee cijfers en twee hoofdletters.`);
  if (!Number.isInteger(volgnummer) || volgnummer < 0 || volgnummer > 99_999) throw new Error(`Volgnummer ${volgnummer} valt buiten 0..99999.`);
  return `00000007000${brin}${String(volgnummer).padStart(5, '0')}`;
}
