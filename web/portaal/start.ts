/**
 * The portal's front door: what this test environment is, how a school begins, and where the admin logs in. Public:
 * it shows nothing of any school.
 */
import { Html, html } from '../html.ts';
import { portaalPagina } from './pagina.ts';

export function startPagina(): Html {
  return portaalPagina({
    titel: 'Testomgeving Overstapservice Onderwijs',
    nav: [{ href: '/portaal', tekst: 'Start', huidig: true }],
    inhoud: html`<section aria-labelledby="kop-wat"><h2 id="kop-wat">Wat is dit?</h2>
<p>Met deze testomgeving controleert u of uw leerlingadministratiesysteem (LAS) een overstapdossier goed verstuurt en ontvangt via de Overstapservice Onderwijs (OSO), voordat u het met echte leerlingen doet.</p>
<p>De omgeving speelt zelf twee scholen: testschool <strong>99AA</strong> (een basisschool) en testschool <strong>99BB</strong> (een school voor voortgezet onderwijs). Uw school wisselt dossiers uit met deze testscholen. Daarbij gebruikt u alleen de vaste testleerlingen: verzonnen kinderen, niemand bestaat echt.</p></section>
<section aria-labelledby="kop-begin"><h2 id="kop-begin">Hoe begint u?</h2>
<ol>
<li>Uw LAS-leverancier heeft uw school aangemeld bij deze testomgeving. Vraag de beheerder (Kennisnet) om de persoonlijke link van uw school.</li>
<li>Open die link. U ziet dan de pagina van uw school: alle berichten, de dossiers die u met de testscholen hebt uitgewisseld en wat de testscholen ervan vonden.</li>
<li>Onder <em>Testleerlingen</em> op die pagina staat welke leerlingen u kunt gebruiken en wat u in uw LAS moet doen, in beide richtingen:
<ul><li><strong>uw school als huidige school:</strong> zet het dossier van een testleerling klaar voor 99BB en druk op de knop waarmee 99BB het opvraagt;</li>
<li><strong>uw school als nieuwe school:</strong> vraag in uw LAS het dossier van een testleerling op bij 99AA.</li></ul></li>
<li>Bij elke uitwisseling ziet u het dossier zoals het is aangekomen, en bij elke fout wat de oorzaak waarschijnlijk is en wat u in uw LAS kunt doen.</li>
</ol>
<p>De link van uw school is persoonlijk: deel hem niet buiten de mensen die de test uitvoeren. Wie de link heeft, ziet de gegevens van uw school in deze testomgeving (alleen testgegevens).</p></section>
<section aria-labelledby="kop-beheer"><h2 id="kop-beheer">Leveranciers en beheer</h2>
<p>Leveranciers van een LAS zien de uitwisselingen van al hun scholen in <a href="/portaal/leverancier">het deel voor leveranciers</a>; dat opent alleen met het certificaat waarmee hun LAS berichten naar de testomgeving stuurt.</p>
<p>Beheerders van Kennisnet loggen in via <a href="/portaal/beheer">het beheerdeel</a>.</p></section>`,
  });
}
