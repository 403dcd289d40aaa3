/**
 * Indents an XML document for a reader of the Allure report. A SOAP message arrives on one line; indented, a reviewer can
 * find the field a finding is about. Only whitespace between elements is touched: tags are copied as they are, text and
 * CDATA stay byte for byte, and an element with mixed content (text beside child elements) is copied whole. Anything this
 * small reader does not understand — malformed or unbalanced markup — comes back unchanged. The evidence log keeps the
 * bytes as exchanged; this is for display only.
 */

interface Element {
  kind: 'element';
  /** The start tag as written (or the whole empty-element tag). */
  start: string;
  end?: string;
  children: Node[];
  /** Where the element starts and ends in the input, to copy mixed content whole. */
  from: number;
  to: number;
}
/** Text, CDATA, a comment, a processing instruction or a DOCTYPE: copied as written. */
interface Verbatim {
  kind: 'text' | 'markup';
  value: string;
}
type Node = Element | Verbatim;

const INDENT = '  ';

export function prettyXml(xml: string): string {
  const nodes = parse(xml);
  if (!nodes) return xml;
  const lines: string[] = [];
  for (const node of nodes) {
    if (node.kind === 'text' && node.value.trim() === '') continue;
    if (node.kind === 'text') return xml; // text outside the root element: not a document this reader formats
    write(node, 0, xml, lines);
  }
  return lines.join('\n');
}

function write(node: Element | Verbatim, depth: number, xml: string, lines: string[]): void {
  const pad = INDENT.repeat(depth);
  if (node.kind !== 'element') {
    lines.push(pad + node.value);
    return;
  }
  if (node.end === undefined) {
    lines.push(pad + node.start);
    return;
  }
  const hasElements = node.children.some((c) => c.kind === 'element' || c.kind === 'markup');
  const hasText = node.children.some((c) => c.kind === 'text' && c.value.trim() !== '');
  if (!hasElements || hasText) {
    // Text only, or mixed content: on one line, exactly as written.
    lines.push(pad + xml.slice(node.from, node.to));
    return;
  }
  lines.push(pad + node.start);
  for (const child of node.children) if (child.kind !== 'text') write(child, depth + 1, xml, lines);
  lines.push(pad + node.end);
}

/** The top-level nodes, or undefined when the markup is not well nested. */
function parse(xml: string): Node[] | undefined {
  const root: Element = { kind: 'element', start: '', children: [], from: 0, to: xml.length };
  const open: Array<{ element: Element; name: string }> = [{ element: root, name: '' }];
  let i = 0;
  while (i < xml.length) {
    const parent = open[open.length - 1]!.element;
    if (xml[i] !== '<') {
      const next = xml.indexOf('<', i);
      const end = next === -1 ? xml.length : next;
      parent.children.push({ kind: 'text', value: xml.slice(i, end) });
      i = end;
      continue;
    }
    const special = specialMarkup(xml, i);
    if (special === null) return undefined;
    if (special !== undefined) {
      // CDATA is content; comments, processing instructions and DOCTYPE are markup of their own.
      parent.children.push({ kind: xml.startsWith('<![CDATA[', i) ? 'text' : 'markup', value: xml.slice(i, special) });
      i = special;
      continue;
    }
    const close = tagEnd(xml, i);
    if (close === undefined) return undefined;
    const tag = xml.slice(i, close);
    if (tag.startsWith('</')) {
      const name = tag.slice(2, -1).trim();
      const top = open.pop();
      if (!top || top.element === root || top.name !== name) return undefined;
      top.element.end = tag;
      top.element.to = close;
    } else {
      const name = /^<([^\s/>]+)/.exec(tag)?.[1];
      if (!name) return undefined;
      const element: Element = { kind: 'element', start: tag, children: [], from: i, to: close };
      parent.children.push(element);
      if (!tag.endsWith('/>')) open.push({ element, name });
    }
    i = close;
  }
  return open.length === 1 ? root.children : undefined;
}

/** The end of a comment, CDATA section, processing instruction or DOCTYPE at `i`; undefined if none starts there, null if unterminated. */
function specialMarkup(xml: string, i: number): number | undefined | null {
  const kinds: Array<[string, string]> = [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
  ];
  for (const [begin, end] of kinds) {
    if (!xml.startsWith(begin, i)) continue;
    const at = xml.indexOf(end, i + begin.length);
    return at === -1 ? null : at + end.length;
  }
  if (xml.startsWith('<!', i)) {
    // DOCTYPE, possibly with an internal subset in brackets.
    let depth = 0;
    for (let j = i + 2; j < xml.length; j++) {
      if (xml[j] === '[') depth++;
      else if (xml[j] === ']') depth--;
      else if (xml[j] === '>' && depth === 0) return j + 1;
    }
    return null;
  }
  return undefined;
}

/** The index after the `>` that ends the tag at `i`, skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, i: number): number | undefined {
  let quote: string | undefined;
  for (let j = i + 1; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') return undefined;
    else if (c === '>') return j + 1;
  }
  return undefined;
}
