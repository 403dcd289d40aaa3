import { expect, test } from '@playwright/test';
import { escapeHtml, Html, html } from '../../web/html.ts';

const VIJANDIG = `"><script>alert('x')</script>&amp;`;

test('escapeHtml makes every character that can end text or an attribute value harmless', () => {
  expect(escapeHtml(VIJANDIG)).toBe('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;');
  expect(escapeHtml('gewone tekst, één BRIN 99AA')).toBe('gewone tekst, één BRIN 99AA');
});

test('html`…` escapes every interpolated text, in text and in attributes', () => {
  const uit = html`<p title="${VIJANDIG}">${VIJANDIG}</p>`.markup;
  expect(uit).not.toContain('<script>');
  expect(uit).toBe(`<p title="${escapeHtml(VIJANDIG)}">${escapeHtml(VIJANDIG)}</p>`);
  expect(html`<b>${42}</b>`.markup).toBe('<b>42</b>');
});

test('a fragment built with html`…` is kept as markup, once: no double escaping', () => {
  const binnen = html`<em>${'a & b'}</em>`;
  expect(html`<p>${binnen}</p>`.markup).toBe('<p><em>a &amp; b</em></p>');
  expect(html`<ul>${['x<', 'y'].map((t) => html`<li>${t}</li>`)}</ul>`.markup).toBe('<ul><li>x&lt;</li><li>y</li></ul>');
});

test('nothing, null and false leave no trace; a string that looks like markup is still text', () => {
  expect(html`<p>${undefined}${null}${false}</p>`.markup).toBe('<p></p>');
  expect(html`<p>${'<br>'}</p>`.markup).toBe('<p>&lt;br&gt;</p>');
  expect(String(html`<br>`)).toBe('<br>');
  expect(html`${new Html('<style>a>b{}</style>')}`.markup).toBe('<style>a>b{}</style>');
});
