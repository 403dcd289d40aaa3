// Allure 3 configuration of the OSO Testbank (read by `allure generate` and by reports/allure-report.ts).
// Allure 3 ignores allure-results/categories.json: the category rules live here, first match wins.
// The report must stay offline: reports/allure-report.ts strips the analytics tag Allure 3 embeds in index.html.
import { defineConfig } from "allure";

const FAILED_OR_BROKEN = ["failed", "broken"];

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
  categories: {
    rules: [
      {
        id: "tls-geweigerd",
        name: "TLS geweigerd",
        matchers: { statuses: FAILED_OR_BROKEN, message: /TLS|certificaat|certificate|handshake/i },
      },
      {
        id: "soap-fout",
        name: "SOAP-fout",
        matchers: { statuses: FAILED_OR_BROKEN, message: /SOAP Fault|soap:Fault|SOAP-fout/i },
      },
      {
        id: "inhoudsregel",
        // Official gegevensset rule ids look like OVa.LL12.
        name: "Inhoudsregel",
        matchers: { statuses: FAILED_OR_BROKEN, message: /regel [A-Za-z]+\.[A-Za-z0-9]+/ },
      },
      {
        id: "time-out",
        name: "Time-out",
        matchers: { statuses: FAILED_OR_BROKEN, message: /time-?out|timed out|verlopen na/i },
      },
      {
        id: "afwijkend-gedrag-sut",
        // Fall-through: every other failure of the system under test or of the harness.
        name: "Afwijkend gedrag SUT",
        matchers: { statuses: FAILED_OR_BROKEN },
      },
    ],
  },
});
