/**
 * README.md for the folder `oso-testbank certs --out DIR` writes, in Dutch, for a LAS vendor: which file is which, what
 * each bad certificate tests, and how to install the trust anchor and the LAS's own test certificate.
 */
import { relative, sep } from 'node:path';
import type { CertificateCatalogue } from './catalogue.ts';
import { catalogueIds, type Richting } from './catalogue-entries.ts';
import { opensslVerifyArguments } from './openssl-verify.ts';
import { testPkiParties } from './parties.ts';
import type { TestPki } from './pki.ts';

/** The party whose certificate a vendor's LAS uses as its own in a test environment: the system under test. */
const sutPartyId = 'reference-las';

const partyRoles: Record<string, string> = {
  tc: 'Traffic Center (gesimuleerd): server voor overdracht, sessiecontrole, afmelding en notificaties',
  'testschool-po': 'Testschool PO die de testbank speelt: belt uw LAS aan als client en biedt haar aanleverpunt aan als server',
  'testschool-vo': 'Testschool VO die de testbank speelt: belt uw LAS aan als client en biedt haar aanleverpunt aan als server',
  [sutPartyId]: 'Het systeem onder test (SUT): het eigen testcertificaat van uw LAS in de testomgeving',
};

const richtingText: Record<Richting, string> = {
  client: 'client → uw LAS',
  server: 'server → uw LAS',
};

export function renderVendorReadme(pki: TestPki, catalogue: CertificateCatalogue): string {
  const file = (path: string) => relative(pki.dir, path).split(sep).join('/');
  const date = (d: Date) => d.toISOString().slice(0, 10);
  const sut = pki.parties.get(sutPartyId);
  const own = sut ? { cert: file(sut.chainPath), key: file(sut.keyPath), oin: sut.oin } : { cert: '<partij>.chain.crt', key: '<partij>.key', oin: '…' };
  const root = file(pki.root.certPath);
  const intermediate = file(pki.intermediate.certPath);
  const crl = file(catalogue.crl.path);
  const crlIntermediate = file(catalogue.crl.intermediateCrlPath);
  const crlRoot = file(catalogue.crl.rootCrlPath);
  const verifyFiles = { trustAnchor: root, intermediate, crl };

  const parties = [...pki.parties.values()].map((issued) => {
    const party = testPkiParties.find((candidate) => candidate.id === issued.partyId);
    const role = partyRoles[issued.partyId] ?? party?.commonName ?? issued.partyId;
    return `| \`${issued.partyId}\` | ${role} | ${issued.oin} | \`${file(issued.certPath)}\`, \`${file(issued.chainPath)}\`, \`${file(issued.keyPath)}\` | ${date(issued.notAfter)} |`;
  });

  const entries = catalogueIds.map((id) => {
    const entry = catalogue.certificates[id];
    const error = entry.expectedError ? `${entry.expectedError.openssl.code} (${entry.expectedError.openssl.number})` : 'geen: het certificaat is geldig';
    const richting = entry.richting.map((r) => richtingText[r]).join('; ');
    return `| \`${id}\` | ${richting} | ${entry.partij} (OIN in certificaat: ${entry.oin}) | ${entry.beschrijving} | ${error} | ${entry.conformGedrag} |`;
  });

  const commands = catalogueIds.map((id) => {
    const entry = catalogue.certificates[id];
    const args = opensslVerifyArguments(entry.verify, verifyFiles, file(entry.certPath));
    const outcome = entry.expectedError
      ? `error ${entry.expectedError.openssl.number} at 0 depth lookup: ${entry.expectedError.openssl.text}`
      : `${file(entry.certPath)}: OK`;
    return `# ${id} — verwacht: ${outcome}\nopenssl ${args.join(' ')}`;
  });

  return `# OSO Testbank — testcertificaten

> **Alleen voor testomgevingen.** Deze certificaten en sleutels zijn gemaakt door de OSO Testbank, niet door
> PKIoverheid of een andere echte CA. De privésleutels staan onversleuteld in deze map. Gebruik ze nooit in productie,
> en zet de test-root nooit in het vertrouwensarchief van een productiesysteem of een werkplek.

Opnieuw maken of verversen: \`npx oso-testbank certs --out <deze map>\`. Wat nog lang genoeg geldig is, blijft: de
root ongeveer tien jaar, de partijcertificaten tot 30 dagen voor hun einddatum. Na vernieuwing van de root installeert u
het nieuwe vertrouwensanker opnieuw; na elke nieuwe catalogus ook de nieuwe CRL.

## De hiërarchie

Opgebouwd zoals PKIoverheid, met een root, een tussenliggende CA voor organisatiediensten en daaronder de certificaten
van de partijen. Elke partij biedt bij TLS haar certificaat mét de intermediate aan (\`<partij>.chain.crt\`); wie
controleert, vertrouwt alleen de root.

\`\`\`
${pki.root.name.commonName}  (${root}, geldig tot ${date(pki.root.notAfter)})
  SHA-256: ${pki.root.sha256Fingerprint}
└─ ${pki.intermediate.name.commonName}  (${intermediate}, geldig tot ${date(pki.intermediate.notAfter)})
${[...pki.parties.values()].map((issued, index, all) => `   ${index === all.length - 1 ? '└─' : '├─'} ${file(issued.certPath)}  OIN ${issued.oin}`).join('\n')}
\`\`\`

Elk partijcertificaat: RSA 2048 bit, ondertekend met SHA-256, het OIN (20 cijfers) in het \`serialNumber\` van het
subject, organisatienaam in \`O\`, keyUsage digitalSignature en keyEncipherment, extendedKeyUsage serverAuth én
clientAuth, en als subjectAltName \`localhost\` en \`127.0.0.1\`. De OIN's zijn verzonnen en betekenen alleen iets onder
deze test-root.

## Bestanden

| bestand | wat het is |
|---|---|
| \`${root}\` | het vertrouwensanker: installeer dit, en alleen dit, als vertrouwde root |
| \`${intermediate}\` | de tussenliggende CA; zit al in elke \`.chain.crt\` |
| \`${file(pki.caCertPath)}\` | root en intermediate in één bestand, voor software die alle CA-certificaten in één bestand wil |
| \`${file(pki.root.keyPath)}\`, \`${file(pki.intermediate.keyPath)}\` | sleutels van de test-CA; alleen de testbank heeft ze nodig |
| \`<partij>.crt\` | het certificaat van een partij, zonder keten |
| \`<partij>.chain.crt\` | certificaat + intermediate: wat de partij bij TLS aanbiedt |
| \`<partij>.key\` | de privésleutel (PKCS #8, PEM; alleen leesbaar voor de eigenaar) |
| \`pki.json\`, \`catalogus/catalogus.json\` | administratie van de testbank (hergebruik); niet nodig voor installatie |
| \`catalogus/\` | de catalogus van foute certificaten: \`<id>.crt\`, \`<id>.chain.crt\`, \`<id>.key\` (zie onder) |
| \`${crl}\` | de CRL's van intermediate (met het ingetrokken certificaat) en root (leeg), in één bestand |
| \`${crlIntermediate}\`, \`${crlRoot}\` | dezelfde twee CRL's, één per bestand, voor software die dat vraagt |

## Partijen

| partij | rol | OIN | bestanden | geldig tot |
|---|---|---|---|---|
${parties.join('\n')}

## Uw LAS in een testomgeving

1. **Vertrouwensanker**: \`${root}\`. Vertrouw daarnaast niets uit deze map; de intermediate krijgt u van de
   andere kant mee in de keten.
2. **Eigen certificaat**: \`${own.cert}\` met sleutel \`${own.key}\` (OIN ${own.oin}). Dit is het certificaat dat de
   testbank toekent aan het systeem onder test; de gesimuleerde partijen herkennen uw LAS aan dit OIN. Bied als server
   én als client de hele keten aan (het \`.chain.crt\`-bestand), niet alleen het certificaat.
3. **CRL** (nodig om \`ingetrokken\` te weigeren): \`${crl}\`. Software die bij CRL-controle élke laag controleert
   (nginx, Node.js, OpenSSL met \`-crl_check_all\`) heeft beide CRL's nodig; ze staan allebei in dit bestand.
   De certificaten hebben geen CRL-distributiepunt: installeer de CRL als bestand.
4. **OIN-controle**: na de TLS-handshake leest uw LAS het OIN uit het \`serialNumber\` van het subject van de andere
   kant, en controleert het tegen het aanleverpunt of de sessie waarvoor het bericht komt (zie \`andere-oin\`).

De certificaten gelden voor \`localhost\` en \`127.0.0.1\`: de testbank en uw LAS draaien in de testopstelling op
dezelfde machine, of u verbindt via die namen.

### PEM-bestanden (OpenSSL, Node.js, Go, Python, curl …)

\`\`\`sh
# Een aanroep met uw certificaat, die de andere kant tegen de test-root controleert:
curl --cacert ${root} --cert ${own.cert} --key ${own.key} https://localhost:<poort>/<pad>
\`\`\`

In Node.js: \`ca: ${root}\`, \`cert: ${own.cert}\`, \`key: ${own.key}\`, als server \`requestCert: true\`, en voor
intrekking \`crl: [${crlIntermediate}, ${crlRoot}]\` (één CRL per string: Node leest per string alleen de eerste).

### Java (keytool)

\`\`\`sh
keytool -importcert -noprompt -alias oso-testbank-root -file ${root} \\
  -keystore oso-truststore.p12 -storetype PKCS12 -storepass wijzig-mij
openssl pkcs12 -export -name oso-testbank-las -in ${own.cert} -inkey ${own.key} \\
  -out oso-keystore.p12 -passout pass:wijzig-mij
keytool -list -v -keystore oso-keystore.p12 -storepass wijzig-mij   # controle: een keten van 2 certificaten
java -Djavax.net.ssl.trustStore=oso-truststore.p12 -Djavax.net.ssl.trustStorePassword=wijzig-mij \\
     -Djavax.net.ssl.keyStore=oso-keystore.p12 -Djavax.net.ssl.keyStorePassword=wijzig-mij …
\`\`\`

CRL's leest Java niet uit een truststore: laad \`${crl}\` met \`CertificateFactory.generateCRLs\` in een
\`CertStore\` en geef die via \`PKIXBuilderParameters\` (\`setRevocationEnabled(true)\`) en
\`CertPathTrustManagerParameters\` aan de \`TrustManagerFactory\`. Let op: Java weigert standaard pas RSA-sleutels
kleiner dan 1024 bit, en SHA-1 alleen in ketens naar de root-CA's die Java zelf meelevert; voor \`rsa-1024\` en \`sha1\` is
\`jdk.certpath.disabledAlgorithms\` (in \`java.security\`) met \`SHA1\` en \`RSA keySize < 2048\` nodig.

### .NET / Windows

Op een testmachine, in PowerShell als beheerder:

\`\`\`powershell
Import-Certificate -FilePath ${root} -CertStoreLocation Cert:\\LocalMachine\\Root
Import-Certificate -FilePath ${intermediate} -CertStoreLocation Cert:\\LocalMachine\\CA
openssl pkcs12 -export -in ${own.cert} -inkey ${own.key} -out oso-las.pfx -passout pass:wijzig-mij
Import-PfxCertificate -FilePath oso-las.pfx -CertStoreLocation Cert:\\LocalMachine\\My \`
  -Password (ConvertTo-SecureString 'wijzig-mij' -AsPlainText -Force)
# CRL's (certutil leest DER):
openssl crl -in ${crlIntermediate} -outform DER -out intermediate.crl
openssl crl -in ${crlRoot} -outform DER -out root.crl
certutil -addstore CA intermediate.crl
certutil -addstore CA root.crl
\`\`\`

Zonder machine-archief (.NET 5 of nieuwer): \`X509Certificate2.CreateFromPemFile("${own.cert}", "${own.key}")\` als eigen
certificaat, en bij het controleren van de andere kant een \`X509ChainPolicy\` met \`TrustMode =
X509ChainTrustMode.CustomRootTrust\`, de root in \`CustomTrustStore\` en de intermediate in \`ExtraStore\`. Ook Windows
accepteert SHA-1 en RSA-1024 onder een zelf geïnstalleerde root: weiger ze in de applicatie.

### nginx (uw LAS als server, met clientcertificaten)

\`\`\`nginx
ssl_certificate        /pad/naar/${own.cert};
ssl_certificate_key    /pad/naar/${own.key};
ssl_client_certificate /pad/naar/${root};
ssl_verify_client      on;
ssl_verify_depth       2;
ssl_crl                /pad/naar/${crl};   # beide CRL's: nginx controleert elke laag
proxy_set_header       X-Client-Subject $ssl_client_s_dn;   # het OIN staat in serialNumber
\`\`\`

### Apache httpd

\`\`\`apache
SSLCertificateFile    /pad/naar/${own.cert}
SSLCertificateKeyFile /pad/naar/${own.key}
SSLCACertificateFile  /pad/naar/${root}
SSLVerifyClient       require
SSLVerifyDepth        2
SSLCARevocationFile   /pad/naar/${crl}
SSLCARevocationCheck  chain
SSLOptions            +StdEnvVars   # SSL_CLIENT_S_DN (met het OIN) naar de applicatie
\`\`\`

## De catalogus van foute certificaten

Elk certificaat in \`catalogus/\` is op precies één punt fout; verder is het gelijk aan een goed certificaat van de partij
waarvoor het in de plaats komt (naam, OIN, sleutel, keten). Een LAS die er één accepteert, mist dus precies die ene
controle. *client → uw LAS*: een gesimuleerde testschool biedt het aan als clientcertificaat wanneer zij uw LAS aanroept.
*server → uw LAS*: een gesimuleerde server (TC of aanleverpunt van een testschool) biedt het aan wanneer uw LAS haar
aanroept.

| id | richting | in plaats van | wat er mis is | openssl verify | wat een conforme LAS doet |
|---|---|---|---|---|---|
${entries.join('\n')}

\`rsa-1024\` en \`sha1\` vallen pas op bij OpenSSL-beveiligingsniveau 2 respectievelijk 1 (\`-auth_level\`); Node.js
meldt ze als \`UNSPECIFIED\`. \`catalogus/onbekende-ca.uitgever.crt\` is de tweede root die \`onbekende-ca\` uitgaf: wie die
vertrouwt, ziet een verder goed certificaat.

Zelf nagaan, vanuit deze map:

\`\`\`sh
${commands.join('\n')}
\`\`\`
`;
}
