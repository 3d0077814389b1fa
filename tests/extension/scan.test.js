import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage, plain } from './helpers.js';

const scanOf = (html, lang = 'en') => {
  const { window, document } = loadPage(`<!doctype html><html lang="${lang}"><body>${html}</body></html>`);
  return plain(window.LinkedOutScan.scanPage(document, window.location.href));
};

test('reads a LinkedIn-shaped switch by aria-labelledby, with label text and state', () => {
  const page = scanOf(`
    <div class="a8f3k">
      <h3 id="allowDataForGenerativeAI" class="x9d2">  Use my data for training
        content creation AI models </h3>
      <input type="checkbox" role="switch" class="zz1" aria-labelledby="allowDataForGenerativeAI"
             aria-checked="true" checked>
      <span aria-hidden="true">On</span>
    </div>`);
  assert.equal(page.lang, 'en');
  assert.equal(page.url, 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
  assert.deepEqual(page.controls, [
    { key: 'allowDataForGenerativeAI', label: 'Use my data for training content creation AI models', checked: true },
  ]);
});

test('falls back to the input id as key when there is no aria-labelledby', () => {
  const page = scanOf(`
    <label for="allowAdsByAge">Ads by age</label>
    <input type="checkbox" role="switch" id="allowAdsByAge" aria-checked="false">`);
  assert.deepEqual(page.controls, [{ key: 'allowAdsByAge', label: 'Ads by age', checked: false }]);
});

test('joins several labelling ids in order, and the key is the whole aria-labelledby list', () => {
  const page = scanOf(`
    <span id="t1">Ads off</span><span id="t2">LinkedIn</span>
    <input type="checkbox" role="switch" aria-labelledby=" t1   t2 " aria-checked="true" checked>`);
  assert.deepEqual(page.controls, [{ key: 't1 t2', label: 'Ads off LinkedIn', checked: true }]);
});

test('unreadable state: missing aria-checked, disagreeing, or "mixed" give null', () => {
  const page = scanOf(`
    <span id="a">A</span><input type="checkbox" role="switch" aria-labelledby="a" checked>
    <span id="b">B</span><input type="checkbox" role="switch" aria-labelledby="b" aria-checked="false" checked>
    <span id="c">C</span><input type="checkbox" role="switch" aria-labelledby="c" aria-checked="true">
    <span id="d">D</span><input type="checkbox" role="switch" aria-labelledby="d" aria-checked="mixed">
    <span id="e">E</span><input type="checkbox" role="switch" aria-labelledby="e" aria-checked="false">`);
  assert.deepEqual(page.controls.map((c) => [c.key, c.checked]),
    [['a', null], ['b', null], ['c', null], ['d', null], ['e', false]]);
});

test('the live .checked property counts, not the initial attribute', () => {
  const { window, document } = loadPage(`<html lang="en"><body><span id="k">K</span>
    <input type="checkbox" role="switch" aria-labelledby="k" aria-checked="true" checked></body></html>`);
  const input = document.querySelector('input');
  input.checked = false;
  assert.equal(window.LinkedOutScan.checkedOf(input), null, 'disagrees with aria-checked');
  input.setAttribute('aria-checked', 'false');
  assert.equal(window.LinkedOutScan.checkedOf(input), false);
});

test('hashed class names changing between deployments change nothing', () => {
  const shape = (a, b, c) => `<div class="${a}"><p id="allowUseOfThirdPartyData" class="${b}">Data from others for ads</p>
    <input class="${c}" type="checkbox" role="switch" aria-labelledby="allowUseOfThirdPartyData" aria-checked="true" checked></div>`;
  assert.deepEqual(scanOf(shape('q1w2', 'e3r4', 't5y6')), scanOf(shape('zz9', 'yy8', 'xx7')));
  assert.deepEqual(scanOf(shape('', '', '')), scanOf(shape('q1w2', 'e3r4', 't5y6')));
});

test('German UI: label text and lang are passed as they are', () => {
  const page = scanOf(`
    <h3 id="allowDataForGenerativeAI">Daten zur Verbesserung generativer KI</h3>
    <input type="checkbox" role="switch" aria-labelledby="allowDataForGenerativeAI" aria-checked="false">
    <span>Aus</span>`, 'de-DE');
  assert.equal(page.lang, 'de-DE');
  assert.deepEqual(page.controls, [{ key: 'allowDataForGenerativeAI', label: 'Daten zur Verbesserung generativer KI', checked: false }]);
});

test('a switch with neither aria-labelledby nor id has key null and its aria-label', () => {
  const page = scanOf('<input type="checkbox" role="switch" aria-label="Interest categories" aria-checked="true" checked>');
  assert.deepEqual(page.controls, [{ key: null, label: 'Interest categories', checked: true }]);
});

test('ignores non-switch inputs, finds switches in document order, caps at 500', () => {
  const many = Array.from({ length: 520 }, (_, i) =>
    `<input type="checkbox" role="switch" id="s${i}" aria-checked="false">`).join('');
  const page = scanOf(`<input type="text" id="q"><input type="radio" id="r"><button role="switch" id="b"></button>${many}`);
  assert.equal(page.controls.length, 500);
  assert.equal(page.controls[0].key, 's0');
  assert.equal(page.controls[499].key, 's499');
});

test('invalid or missing <html lang> gives an empty lang; oversized keys become null, labels are cut', () => {
  const longId = 'k'.repeat(300);
  const page = scanOf(`<span id="${longId}">${'x'.repeat(2000)}</span>
    <input type="checkbox" role="switch" aria-labelledby="${longId}" aria-checked="false">`, 'en_US!');
  assert.equal(page.lang, '');
  assert.equal(page.controls[0].key, null);
  assert.equal(page.controls[0].label.length, 1024);
});

test('a scanned page is a valid page_state for the protocol', () => {
  const { window, document } = loadPage(`<html lang="fr"><body><span id="a">Âge</span>
    <input type="checkbox" role="switch" aria-labelledby="a" aria-checked="true" checked></body></html>`);
  const page = window.LinkedOutScan.scanPage(document, window.location.href);
  const msg = window.LinkedOutProtocol.buildPageState(9, page);
  assert.equal(msg.type, 'page_state');
  assert.equal(msg.id, 9);
});
