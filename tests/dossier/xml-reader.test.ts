import { test, expect } from '@playwright/test';
import { DossierLeesfout } from '../../simulator/dossier/leesfout.ts';
import { decodeerXmlBytes } from '../../simulator/dossier/xml-bytes.ts';
import { padVan, parseXml } from '../../simulator/dossier/xml-reader.ts';

function fout(f: () => unknown): DossierLeesfout {
  try {
    f();
  } catch (e) {
    if (e instanceof DossierLeesfout) return e;
    throw e;
  }
  throw new Error('expected DossierLeesfout');
}

test.describe('reads what XML 1.0 and XML Namespaces allow', () => {
  test('namespaces by URI, whatever the prefix, including redeclaration and attributes with a prefix', () => {
    const { wortel } = parseXml(`<a:r xmlns:a="urn:a" xmlns="urn:d"><k a:x="1" y="2"><a:k/><k2 xmlns="urn:e"/></k></a:r>`);
    expect([wortel.naam, wortel.ns]).toEqual(['r', 'urn:a']);
    const k = wortel.kinderen[0]!;
    expect([k.naam, k.ns]).toEqual(['k', 'urn:d']);
    expect(k.attributen?.map((a) => [a.naam, a.ns, a.waarde])).toEqual([
      ['x', 'urn:a', '1'],
      ['y', '', '2'],
    ]);
    expect(k.kinderen.map((c) => [c.naam, c.ns])).toEqual([
      ['k', 'urn:a'],
      ['k2', 'urn:e'],
    ]);
  });

  test('entity and character references, CDATA, comments, processing instructions and a byte-order mark', () => {
    const { wortel } = parseXml('\uFEFF<?xml version="1.0" encoding="UTF-8"?><!-- kop --><r><?pi data?>Bj&#246;rn &amp; &#x1F600; <![CDATA[<b> & ]]>&lt;&gt;&apos;&quot;<!-- x --></r>');
    expect(wortel.tekst).toBe("Björn & \u{1F600} <b> & <>'\"");
  });

  test('line ends are normalised in text and attributes', () => {
    const { wortel } = parseXml('<r a="x\r\ny\tz">een\r\ntwee\rdrie&#13;</r>');
    expect(wortel.tekst).toBe('een\ntwee\ndrie\r');
    expect(wortel.attributen?.[0]?.waarde).toBe('x y z');
  });

  test('an index of elements by local name in document order', () => {
    const { index } = parseXml('<r><a/><b><a/></b><a/></r>');
    expect(index.get('a')?.length).toBe(3);
  });

  test('paths carry a position only where siblings share a name', () => {
    const { index } = parseXml('<dossier><s><l><v><n/></v><v><n/></v><x/></l></s></dossier>');
    expect(index.get('n')!.map(padVan)).toEqual(['/dossier/s/l/v[1]/n', '/dossier/s/l/v[2]/n']);
    expect(padVan(index.get('x')![0]!)).toBe('/dossier/s/l/x');
  });
});

test.describe('refuses entity tricks and anything not well-formed, with line and column', () => {
  const gevallen: [string, string, 'doctype' | 'niet-welgevormd', RegExp][] = [
    ['lowercase doctype', '<!doctype r><r/>', 'doctype', /DOCTYPE/],
    ['an ENTITY declaration outside a DTD', '<r><!ENTITY a "b"></r>', 'doctype', /ENTITY/],
    ['mismatched end tag', '<r><a></b></r>', 'niet-welgevormd', /<\/b>.*<a>.*regel 1, kolom 7/],
    ['unclosed element', '<r>\n  <a>', 'niet-welgevormd', /<a> is niet afgesloten.*regel 2, kolom 3/],
    ['duplicate attribute', '<r a="1" a="2"/>', 'niet-welgevormd', /twee keer/],
    ['same attribute through two prefixes', '<r xmlns:p="urn:x" xmlns:q="urn:x" p:a="1" q:a="2"/>', 'niet-welgevormd', /dezelfde namespace/],
    ["'<' in an attribute value", '<r a="<"/>', 'niet-welgevormd', /'<'/],
    ['unquoted attribute', '<r a=1/>', 'niet-welgevormd', /aanhalingstekens/],
    ['missing space between attributes', '<r a="1"b="2"/>', 'niet-welgevormd', /spatie/],
    ['text before the root', 'x<r/>', 'niet-welgevormd', /tekst vóór/],
    ['text after the root', '<r/>x', 'niet-welgevormd', /tekst na/],
    ['two roots', '<r/><r/>', 'niet-welgevormd', /meer dan één root/],
    ["']]>' in text", '<r>a]]>b</r>', 'niet-welgevormd', /]]>/],
    ["'--' in a comment", '<r><!-- a -- b --></r>', 'niet-welgevormd', /'--'/],
    ['XML declaration not at the start', '<r><?xml version="1.0"?></r>', 'niet-welgevormd', /XML-declaratie/],
    ['invalid XML declaration', '<?xml versie="1.0"?><r/>', 'niet-welgevormd', /XML-declaratie/],
    ['an undeclared prefix', '<p:r/>', 'niet-welgevormd', /prefix 'p'/],
    ['an empty prefix declaration', '<r xmlns:p=""/>', 'niet-welgevormd', /leeg/],
    ['a name with two colons', '<a:b:c xmlns:a="u"/>', 'niet-welgevormd', /hoogstens één/],
    ['a control character', '<r>\u0007</r>', 'niet-welgevormd', /U\+0007/],
    ['a lone surrogate', '<r>\uD800x</r>', 'niet-welgevormd', /U\+D800/],
    ['U+FFFE', '<r>\uFFFE</r>', 'niet-welgevormd', /U\+FFFE/],
    ['an unknown entity', '<r>&nbsp;</r>', 'niet-welgevormd', /onbekende entiteit &nbsp;/],
    ['a bare ampersand in an attribute', '<r a="A & B"/>', 'niet-welgevormd', /losse '&'/],
    ['a character reference beyond Unicode', '<r>&#x110000;</r>', 'niet-welgevormd', /&#x110000;/],
    ['empty input', '', 'niet-welgevormd', /geen root-element/],
    ['deep nesting', `${'<a>'.repeat(101)}${'</a>'.repeat(101)}`, 'niet-welgevormd', /dieper genest/],
  ];
  for (const [naam, xml, reden, bericht] of gevallen) {
    test(naam, () => {
      const e = fout(() => parseXml(xml));
      expect(e.reden).toBe(reden);
      expect(e.message).toMatch(bericht);
    });
  }

  test('a billion-laughs document is refused at once, before any expansion', () => {
    const lachen = `<?xml version="1.0"?>\n<!DOCTYPE dossier [\n${Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n')}\n<!ENTITY lol0 "lol">]>\n<dossier>&lol10;</dossier>`;
    const begin = performance.now();
    const e = fout(() => parseXml(lachen));
    expect(e.reden).toBe('doctype');
    expect(e.message).toMatch(/DOCTYPE; entiteiten worden niet verwerkt \(regel 2, kolom 1\)/);
    expect(performance.now() - begin).toBeLessThan(100);
  });

  test('an external entity (XXE) is refused', () => {
    expect(fout(() => parseXml('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>')).reden).toBe('doctype');
  });
});

test.describe('bytes to text', () => {
  const xml = '<r>Björn Ærøe</r>';
  test('UTF-8 with and without a byte-order mark', () => {
    expect(decodeerXmlBytes(new TextEncoder().encode(xml))).toBe(xml);
    expect(parseXml(decodeerXmlBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]))).wortel.tekst).toBe('Björn Ærøe');
  });

  test('UTF-16 little- and big-endian with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(parseXml(decodeerXmlBytes(le)).wortel.tekst).toBe('Björn Ærøe');
    expect(parseXml(decodeerXmlBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).wortel.tekst).toBe('Björn Ærøe');
  });

  test('a declared ISO-8859-1 encoding', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><r>Bj\xf6rn</r>', 'latin1');
    expect(parseXml(decodeerXmlBytes(bytes)).wortel.tekst).toBe('Björn');
  });

  test('invalid UTF-8 and unknown encodings are unreadable, never silently replaced', () => {
    expect(fout(() => decodeerXmlBytes(new Uint8Array([0x3c, 0x72, 0x3e, 0xc3, 0x28, 0x3c]))).reden).toBe('onleesbaar');
    expect(fout(() => decodeerXmlBytes(Buffer.from('<?xml version="1.0" encoding="EBCDIC"?><r/>'))).message).toMatch(/EBCDIC|ebcdic/);
  });
});
