/**
 * Dutch for what Allure 3.18's own Dutch leaves in English: the "Resolution" filter of the nl locale and the
 * "Description" heading the app hard-codes. The app is inlined in index.html as a base64 data: script; the strings are
 * replaced there. Each replacement is exact: a newer Allure that words them differently is left as it is (the report
 * tests then say so), never half-patched.
 */
const RESOLUTION_NL: ReadonlyArray<[string, string]> = [
  [
    // Anchored on the nl locale's own "sort-by" text: the same English block stands in other locales too.
    '"resolution":{"issue":"Show issue-linked test results","muted":"Show muted test results","accepted":"Show accepted test results"}},' +
      '"resolution":"Resolution","resolutions":{"issue":"Issue","muted":"Muted","accepted":"Accepted"}},"sort-by":{"sort-by-text":"Sorteren op:"',
    '"resolution":{"issue":"Toont testresultaten met een gekoppelde issue","muted":"Toont gedempte testresultaten","accepted":"Toont geaccepteerde testresultaten"}},' +
      '"resolution":"Afhandeling","resolutions":{"issue":"Issue","muted":"Gedempt","accepted":"Geaccepteerd"}},"sort-by":{"sort-by-text":"Sorteren op:"',
  ],
  ['title:"Description"', 'title:"Beschrijving"'],
];

const APP_SCRIPT = /(<script\b[^>]*\bsrc=")data:text\/javascript;base64,([A-Za-z0-9+/=]+)(")/g;

export function inHetNederlands(html: string): string {
  return html.replace(APP_SCRIPT, (_, before: string, base64: string, after: string) => {
    let app = Buffer.from(base64, 'base64').toString('utf8');
    for (const [english, dutch] of RESOLUTION_NL) app = app.split(english).join(dutch);
    return `${before}data:text/javascript;base64,${Buffer.from(app, 'utf8').toString('base64')}${after}`;
  });
}
