/**
 * A count in Dutch for texts a school or reviewer reads: "1 bijlage", "3 bijlagen", never "bijlage(n)". The caller gives
 * both forms, because a Dutch plural does not follow from the singular by rule (bijlage/bijlagen, run/runs,
 * scenario/scenario's, teken/tekens). Zero takes the plural, as in Dutch: "0 bijlagen".
 */
export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n} ${n === 1 ? enkelvoud : meervoud}`;
}
