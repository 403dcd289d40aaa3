// Made-up names and places for generated pupils. Nobody here exists; the places are invented (Teststad, Proefdorp).
// A few names carry diacritics, apostrophes or ligatures on purpose: a LAS must carry them unchanged.

export const jongensnamen = ['Daan', 'Sem', 'Lucas', 'Milan', 'Björn', 'Noah', 'Finn', 'Mohammed', 'Liam', 'Maël', 'Ömer', 'Jesse', 'Thijs', 'Ravi'] as const;
export const meisjesnamen = ['Emma', 'Julia', 'Zoë', 'Mila', 'Anaïs', 'Sara', 'Noor', 'Chloë', 'Fatima', 'Lotte', 'Yara', 'Ilse', 'Mei', 'Saar'] as const;
export const achternamen: readonly { voorvoegsel?: string; achternaam: string }[] = [
  { achternaam: 'Proefhuizen' },
  { voorvoegsel: 'van der', achternaam: 'Testmolen' },
  { voorvoegsel: 'de', achternaam: 'Voorbeeld' },
  { achternaam: "D'Proefmans" },
  { achternaam: 'Ærøe-Testsen' },
  { voorvoegsel: 'van', achternaam: 'Oefenburg' },
  { achternaam: 'Ĳsselproef' },
  { achternaam: 'Nieuwkomer-Proef' },
  { voorvoegsel: 'ten', achternaam: 'Simulatie' },
  { achternaam: 'Dummyveld' },
  { achternaam: 'Oefen & Zn' },
  { achternaam: 'Şahin-Proef' },
];
export const straten = ['Proefstraat', 'Testlaan', 'Oefenweg', 'Voorbeeldplein', 'Simulatiekade', 'Dummyhof', "Ĳsselmeerkade"] as const;
export const plaatsen = [
  { plaats: 'Teststad', gemeente: 'Testgemeente' },
  { plaats: 'Proefdorp', gemeente: 'Proefland' },
  { plaats: 'Oefenhuizen', gemeente: 'Oefenland' },
  { plaats: "'s-Proefbosch", gemeente: "'s-Proefbosch" },
] as const;
export const schoolnamen = ['De Proeftuin', "Basisschool 't Oefenlokaal", 'Testcollege', 'Het Voorbeeld Lyceum', 'SWV Proefregio', 'De Simulatieschool'] as const;
export const vakken = ['Nederlands', 'Rekenen', 'Engels', 'Aardrijkskunde', 'Geschiedenis', 'Biologie'] as const;
export const toetsen = [
  { code: 'T-RW-M6', naam: 'Rekenen-Wiskunde M6', leergebied: 'rekenen' },
  { code: 'T-BL-E6', naam: 'Begrijpend lezen E6', leergebied: 'lezen' },
  { code: 'T-SP-M7', naam: 'Spelling M7', leergebied: 'spelling' },
  { code: 'T-TV-M8', naam: 'Taalverzorging M8', leergebied: 'taal' },
  { code: 'T-DMT-3', naam: 'Drie-Minuten-Toets kaart 3', leergebied: 'technisch lezen' },
] as const;
