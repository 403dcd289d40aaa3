// Allure 3 configuration of the OSO Testbank (read by `allure generate` and by reports/allure-report.ts).
// Allure 3 ignores allure-results/categories.json: the category rules live here, first match wins.
// The report must stay offline: reports/allure-report.ts strips the analytics tag Allure 3 embeds in index.html.
import { readFileSync } from "node:fs";
import { defineConfig } from "allure";
import { parse } from "yaml";

const REQUIREMENTS_FILE = new URL("./scenarios/requirements.yaml", import.meta.url);

/**
 * One category per requirement of the catalogue, in catalogue order, then one for broken runs. A finding about the SUT
 * (status failed, a CheckFailure) starts with `[EIS] requirement text`: the primary requirement, so a secondary finding
 * lower in the message never decides the category. Within a requirement Allure would group by the whole message, which
 * holds session ids and message numbers; the category already is the group, so its runs are listed directly under it.
 * A run that could not be carried out (adapter or harness error) says nothing about the SUT and gets its own category.
 */
export function categoriesFor(eisen) {
  return [
    // The capacity test of qualify --belasting: informative, never a finding about a requirement (its message starts so).
    {
      id: "belasting",
      name: "Belastingtest (informatief: telt niet mee in het oordeel)",
      matchers: { statuses: ["failed", "broken"], message: /^Belastingtest / },
    },
    ...eisen.map(({ id, tekst }) => ({
      id: `eis-${id}`,
      name: `${id}: ${tekst}`,
      matchers: { statuses: ["failed"], message: new RegExp(`^(?:CheckFailure: )?\\[${id}\\]`) },
      groupByMessage: false,
    })),
    { id: "gebroken", name: "Gebroken (harness of adapter)", matchers: { statuses: ["broken"] } },
    // A failed run whose message names no requirement of the catalogue: should not happen, but never falls in Allure's
    // English default categories.
    { id: "overige-bevindingen", name: "Overige bevindingen", matchers: { statuses: ["failed"] } },
  ];
}

const { eisen } = parse(readFileSync(REQUIREMENTS_FILE, "utf8"));

export default defineConfig({
  name: "OSO Testbank kwalificatie",
  plugins: {
    awesome: {
      options: {
        // One index.html with data and scripts inlined: it opens from disk, no HTTP server needed.
        singleFile: true,
        reportLanguage: "nl",
        groupBy: ["epic", "feature", "story"],
      },
    },
  },
  categories: { rules: categoriesFor(eisen) },
});
