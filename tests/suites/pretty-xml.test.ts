import { expect, test } from '@playwright/test';
import { prettyXml } from '../../suites/pretty-xml.ts';

const SOAP =
  '<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/>' +
  '<soap:Body><oso:documentResponse xmlns:oso="urn:oso"><oso:resultaat><oso:code>DossierGeleverd</oso:code>' +
  '<oso:omschrijving>Het dossier is  geleverd &amp; "klaar" &gt; </oso:omschrijving></oso:resultaat></oso:documentResponse></soap:Body></soap:Envelope>';

/** The text content of a document: what a formatter must never change. */
const texts = (xml: string) => [...xml.matchAll(/>([^<]*)</g)].map((m) => m[1]).filter((t) => t!.trim() !== '');

test('indents a one-line SOAP message, one element a line, text elements on one line', () => {
  expect(prettyXml(SOAP)).toBe(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">',
      '  <soap:Header/>',
      '  <soap:Body>',
      '    <oso:documentResponse xmlns:oso="urn:oso">',
      '      <oso:resultaat>',
      '        <oso:code>DossierGeleverd</oso:code>',
      '        <oso:omschrijving>Het dossier is  geleverd &amp; "klaar" &gt; </oso:omschrijving>',
      '      </oso:resultaat>',
      '    </oso:documentResponse>',
      '  </soap:Body>',
      '</soap:Envelope>',
    ].join('\n'),
  );
  expect(texts(prettyXml(SOAP))).toEqual(texts(SOAP));
});

test('keeps text, CDATA, comments, attribute values with > and mixed content exactly as written', () => {
  const xml = '<a x="1>2"><b><![CDATA[ <niet> een tag ]]></b><!-- opmerking --><c>tekst <i>schuin</i> en meer</c><d>  \n spaties </d></a>';
  expect(prettyXml(xml)).toBe(
    [
      '<a x="1>2">',
      '  <b><![CDATA[ <niet> een tag ]]></b>',
      '  <!-- opmerking -->',
      '  <c>tekst <i>schuin</i> en meer</c>',
      '  <d>  \n spaties </d>',
      '</a>',
    ].join('\n'),
  );
});

test('re-indents an already indented document the same way', () => {
  expect(prettyXml(prettyXml(SOAP))).toBe(prettyXml(SOAP));
});

test('returns what it cannot read unchanged', () => {
  for (const bad of ['<a><b></a></b>', '<a><b>', 'geen xml', '<a x="1></a>', '<a/>tekst na de root', '', '<a><!-- open </a>']) {
    expect(prettyXml(bad)).toBe(bad);
  }
});
