// Issue 21, the reading side: where LinkedIn draws settings (same-origin iframes, open shadow
// roots, Yes/No radio groups and selects, class-only toggles, visible On/Off text), hostile
// elements that must not silence a page, and a scan that stays linear in the page's size.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage, plain } from './helpers.js';

const URL_AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

function page(html, lang = 'en', url = URL_AI) {
  return loadPage(`<!doctype html><html lang="${lang}"><body>${html}</body></html>`, { url });
}
const scanOf = (html, lang = 'en', url = URL_AI) => {
  const { window, document } = page(html, lang, url);
  return plain(window.LinkedOutScan.scanPage(document, window.location.href));
};

test('a switch inside a same-origin iframe (a legacy /psettings/ document) is read', () => {
  const { window, document } = page('<iframe title="settings"></iframe>');
  const inner = document.querySelector('iframe').contentDocument;
  inner.body.innerHTML = `<span id="allowDataForGenerativeAI">Use my data for training content creation AI models</span>
    <input type="checkbox" role="switch" aria-labelledby="allowDataForGenerativeAI" aria-checked="true" checked>`;
  inner.querySelector('input').checked = true;
  const state = plain(window.LinkedOutScan.scanPage(document, window.location.href));
  assert.deepEqual(state.controls, [
    { key: 'allowDataForGenerativeAI', label: 'Use my data for training content creation AI models', checked: true },
  ]);
  assert.equal(window.LinkedOutScan.findSwitch(document, 'allowDataForGenerativeAI'), inner.querySelector('input'));
});

test('a switch inside an open shadow root is read, its label found in the same root', () => {
  const { window, document } = page('<div id="host"></div>');
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = `<div><p id="allowAdsByAge">Ads by age</p>
    <button role="switch" aria-labelledby="allowAdsByAge" aria-checked="false"></button></div>`;
  const state = plain(window.LinkedOutScan.scanPage(document, window.location.href));
  assert.deepEqual(state.controls, [{ key: 'allowAdsByAge', label: 'Ads by age', checked: false }]);
});

test('a Yes/No radio group is one control: off when the ruleset\'s off answer is chosen', () => {
  const group = (yes, no) => `<fieldset aria-labelledby="allowAnonymizedDataResearch">
    <legend id="allowAnonymizedDataResearch">Social, economic and workplace research</legend>
    <label><input type="radio" name="research" value="yes" ${yes ? 'checked' : ''}> Yes</label>
    <label><input type="radio" name="research" value="no" ${no ? 'checked' : ''}> No</label></fieldset>`;
  const label = 'Social, economic and workplace research';
  assert.deepEqual(scanOf(group(true, false)).controls, [{ key: 'allowAnonymizedDataResearch', label, checked: true }]);
  assert.deepEqual(scanOf(group(false, true)).controls, [{ key: 'allowAnonymizedDataResearch', label, checked: false }]);
  assert.deepEqual(scanOf(group(false, false)).controls, [{ key: 'allowAnonymizedDataResearch', label, checked: null }],
    'nothing chosen: unreadable');
});

test('a German Ja/Nein radio group with no value attributes is read from its visible words', () => {
  const html = `<div role="radiogroup" aria-label="Werbung nach Alter">
    <label><input type="radio" name="age"> Ja</label><label><input type="radio" name="age" checked> Nein</label></div>`;
  assert.deepEqual(scanOf(html, 'de').controls, [{ key: 'age', label: 'Werbung nach Alter', checked: false }]);
});

test('a radio group whose options are not Yes/No (profile viewing options) is not a setting switch', () => {
  const html = `<fieldset><legend>Profile viewing options</legend>
    <label><input type="radio" name="v" value="full" checked> Your name and headline</label>
    <label><input type="radio" name="v" value="private"> Private mode</label></fieldset>`;
  assert.deepEqual(scanOf(html).controls, []);
});

test('a Yes/No <select> is read; a language <select> is not a switch', () => {
  const html = `<label for="allowAdsByGender">Ads by gender</label>
    <select id="allowAdsByGender"><option value="true" selected>Yes</option><option value="false">No</option></select>
    <label for="lang">Language</label><select id="lang"><option>English</option><option selected>Deutsch</option></select>`;
  assert.deepEqual(scanOf(html).controls, [{ key: 'allowAdsByGender', label: 'Ads by gender', checked: true }]);
});

test('a class-only toggle (artdeco-toggle--toggled) is read from its class and its On/Off text', () => {
  const toggle = (cls, text) => `<span id="allowAdsByAge">Ads by age</span>
    <div class="${cls}" data-control-name="toggle_ads_by_age" aria-labelledby="allowAdsByAge">
      <span class="artdeco-toggle__text">${text}</span></div>`;
  assert.deepEqual(scanOf(toggle('artdeco-toggle artdeco-toggle--toggled', 'On')).controls,
    [{ key: 'allowAdsByAge', label: 'Ads by age', checked: true }]);
  assert.deepEqual(scanOf(toggle('artdeco-toggle', 'Off')).controls,
    [{ key: 'allowAdsByAge', label: 'Ads by age', checked: false }]);
  assert.deepEqual(scanOf(toggle('artdeco-toggle artdeco-toggle--toggled', 'Off')).controls,
    [{ key: 'allowAdsByAge', label: 'Ads by age', checked: null }], 'class and text disagree: unreadable');
});

test('a switch with no state attribute is read from its visible On/Off text, in the page\'s language', () => {
  const row = (text) => `<div><span id="allowAdsByGender">Gender</span>
    <div role="switch" tabindex="0" aria-labelledby="allowAdsByGender"></div><span aria-hidden="true">${text}</span></div>`;
  assert.deepEqual(scanOf(row('Ein'), 'de').controls, [{ key: 'allowAdsByGender', label: 'Gender', checked: true }]);
  assert.deepEqual(scanOf(row('Aus'), 'de-DE').controls, [{ key: 'allowAdsByGender', label: 'Gender', checked: false }]);
  assert.deepEqual(scanOf(row('Désactivé'), 'fr').controls, [{ key: 'allowAdsByGender', label: 'Gender', checked: false }]);
  assert.deepEqual(scanOf(row('Activé'), 'fr').controls, [{ key: 'allowAdsByGender', label: 'Gender', checked: true }]);
  assert.deepEqual(scanOf(row('Aus'), 'en').controls, [{ key: 'allowAdsByGender', label: 'Gender', checked: null }],
    'a word of another language is not read');
  assert.deepEqual(scanOf(row('Loading'), 'en').controls, [{ key: 'allowAdsByGender', label: 'Gender', checked: null }]);
});

test('a hostile <form role=switch> shadowing DOM methods cannot stop the scan: it and the rest of the page are read', () => {
  const { window, document } = page(`<form role="switch" aria-checked="true"><input name="getAttribute"><input name="id">
      <input name="closest"><input name="parentElement"><input name="textContent"></form>
    <span id="allowDataForGenerativeAI">Use my data</span>
    <input type="checkbox" role="switch" aria-labelledby="allowDataForGenerativeAI" aria-checked="true" checked>`);
  const scan = window.LinkedOutScan;
  // What a browser's named form properties do (jsdom has none): the inputs shadow the methods.
  // (Not getAttribute itself here: jsdom's own selector engine calls it and hasAttribute on every
  // element; the browser suites plant the real thing.)
  const form = document.querySelector('form');
  for (const input of form.querySelectorAll('input')) {
    const name = input.getAttribute('name');
    if (name !== 'getAttribute') Object.defineProperty(form, name, { value: input, configurable: true });
  }
  assert.throws(() => form.closest('body'), TypeError);
  const state = plain(scan.scanPage(document, window.location.href));
  assert.deepEqual(state.controls, [
    { key: null, label: '', checked: true },
    { key: 'allowDataForGenerativeAI', label: 'Use my data', checked: true },
  ]);
  assert.doesNotThrow(() => scan.readControl(form));
  assert.equal(scan.findSwitch(document, 'allowDataForGenerativeAI'), document.querySelector('body > input'));
});

test('a control whose reading throws cannot fool the scan: own properties on an element do not replace the DOM\'s', () => {
  const { window, document } = page(`<span id="a">A</span><input type="checkbox" role="switch" aria-labelledby="a" checked>
    <span id="b">B</span><input type="checkbox" role="switch" aria-labelledby="b">`);
  const first = document.querySelector('input');
  Object.defineProperty(first, 'checked', { get() { throw new Error('hostile'); } });
  const state = plain(window.LinkedOutScan.scanPage(document, window.location.href));
  assert.deepEqual(state.controls, [{ key: 'a', label: 'A', checked: true }, { key: 'b', label: 'B', checked: false }],
    'own-property tricks on an element do not fool the prototype getter');
});

test('the scan is linear: list checkboxes are counted once per list, not once per checkbox', () => {
  const counts = [];
  for (const n of [50, 400]) {
    const boxes = Array.from({ length: n }, (_, i) => `<li><label><input type="checkbox"> Option ${i}</label></li>`).join('');
    const { window, document } = page(`<ul>${boxes}</ul><span id="k">K</span>
      <input type="checkbox" role="switch" aria-labelledby="k" checked>`);
    let calls = 0;
    for (const proto of [window.Element.prototype, window.Document.prototype, window.DocumentFragment.prototype]) {
      const original = proto.querySelectorAll;
      proto.querySelectorAll = function counted(...args) { calls += 1; return original.apply(this, args); };
    }
    const state = plain(window.LinkedOutScan.scanPage(document, window.location.href));
    assert.deepEqual(state.controls, [{ key: 'k', label: 'K', checked: true }]);
    counts.push(calls);
  }
  assert.equal(counts[1], counts[0], `querySelectorAll calls grew with the number of checkboxes: ${counts}`);
});
