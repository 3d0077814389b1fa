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

test('unreadable state: aria-checked disagreeing with .checked, or "mixed", gives null; absent, .checked counts', () => {
  const page = scanOf(`
    <span id="a">A</span><input type="checkbox" role="switch" aria-labelledby="a" checked>
    <span id="b">B</span><input type="checkbox" role="switch" aria-labelledby="b" aria-checked="false" checked>
    <span id="c">C</span><input type="checkbox" role="switch" aria-labelledby="c" aria-checked="true">
    <span id="d">D</span><input type="checkbox" role="switch" aria-labelledby="d" aria-checked="mixed">
    <span id="e">E</span><input type="checkbox" role="switch" aria-labelledby="e" aria-checked="false">`);
  assert.deepEqual(page.controls.map((c) => [c.key, c.checked]),
    [['a', true], ['b', null], ['c', null], ['d', null], ['e', false]]);
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
  // A role="switch" without aria-checked is a switch LinkedOut cannot read: reported, unreadable.
  assert.equal(page.controls.length, 500);
  assert.deepEqual(page.controls[0], { key: 'b', label: '', checked: null });
  assert.equal(page.controls[1].key, 's0');
  assert.equal(page.controls[499].key, 's498');
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

// ---- every switch shape LinkedIn has shipped (issue 12) ----

test('the older toggle: a bare checkbox with no role and no aria-checked reads .checked', () => {
  const { window, document } = loadPage(`<html lang="en"><body>
    <h3 id="allowAdsByAge">Age range</h3><input type="checkbox" aria-labelledby="allowAdsByAge" checked>
    <label for="allowAdsByGender">Gender</label><input type="checkbox" id="allowAdsByGender"></body></html>`);
  const scan = window.LinkedOutScan;
  assert.deepEqual(plain(scan.scanPage(document, window.location.href).controls), [
    { key: 'allowAdsByAge', label: 'Age range', checked: true },
    { key: 'allowAdsByGender', label: 'Gender', checked: false },
  ]);
  // The page's script sets .checked with no event and no attribute: the live property counts.
  document.querySelector('input').checked = false;
  assert.equal(scan.checkedOf(document.querySelector('input')), false);
});

test('a <button role="switch"> and a role="checkbox" element read aria-checked; "mixed" is unreadable', () => {
  const page = scanOf(`
    <span id="allowConversionTrackings">Measure ad success</span>
    <button type="button" role="switch" aria-labelledby="allowConversionTrackings" aria-checked="true"><span>On</span></button>
    <div role="checkbox" id="allowIpToPersonalizeAds" aria-label="Inferred city location" aria-checked="false" tabindex="0"></div>
    <div role="switch" aria-label="Half way" aria-checked="mixed"></div>`);
  assert.deepEqual(page.controls, [
    { key: 'allowConversionTrackings', label: 'Measure ad success', checked: true },
    { key: 'allowIpToPersonalizeAds', label: 'Inferred city location', checked: false },
    { key: null, label: 'Half way', checked: null },
  ]);
});

test('a state the switch\'s own On/Off words contradict is unreadable (not a checkbox input\'s: its text may lag a save); a state word on another switch beside it is not its own', () => {
  const page = scanOf(`
    <div><button type="button" role="switch" aria-label="Measure ad success" aria-checked="false"><span>On</span></button></div>
    <div><input type="checkbox" role="switch" aria-label="Ads by age" aria-checked="false"><span aria-hidden="true">On</span></div>
    <div><input type="checkbox" aria-label="Ads by gender" checked><span aria-hidden="true">Off</span></div>
    <div><input type="checkbox" role="switch" aria-label="Location" aria-checked="true" checked><span aria-hidden="true">On</span></div>
    <div><div role="checkbox" aria-label="Interests" aria-checked="false"></div><button type="button" aria-pressed="true">On</button></div>`);
  assert.deepEqual(page.controls, [
    { key: null, label: 'Measure ad success', checked: null },
    { key: null, label: 'Ads by age', checked: false },
    { key: null, label: 'Ads by gender', checked: true },
    { key: null, label: 'Location', checked: true },
    { key: null, label: 'Interests', checked: false },
    { key: null, label: '', checked: true },
  ]);
});

test('labels in decomposed Unicode (NFD) are sent composed (NFC), as the ruleset writes them', () => {
  const page = scanOf(`<input type="checkbox" role="switch" aria-label="${'Données et IA générative'.normalize('NFD')}" aria-checked="true" checked>`);
  assert.equal(page.controls[0].label, 'Données et IA générative'.normalize('NFC'));
});

test('toggle buttons with aria-pressed are switches', () => {
  const page = scanOf(`
    <p id="allowAnonymizedDataResearch">Social, economic and workplace research</p>
    <button aria-pressed="true" aria-labelledby="allowAnonymizedDataResearch">On</button>
    <span role="button" tabindex="0" aria-pressed="false" aria-label="Gender">Off</span>
    <button>Save</button>`);
  assert.deepEqual(page.controls, [
    { key: 'allowAnonymizedDataResearch', label: 'Social, economic and workplace research', checked: true },
    { key: null, label: 'Gender', checked: false },
  ]);
});

test('several label ids: the key lists every id (the host matches any it knows), the label joins their texts', () => {
  const page = scanOf(`
    <h3 id="allowDataForGenerativeAI">Use my data for training content creation AI models</h3>
    <p id="allowDataForGenerativeAI-description">Your data may be used to improve models.</p>
    <input type="checkbox" role="switch" aria-labelledby="allowDataForGenerativeAI allowDataForGenerativeAI-description" aria-checked="true" checked>`);
  assert.deepEqual(page.controls, [{
    key: 'allowDataForGenerativeAI allowDataForGenerativeAI-description',
    label: 'Use my data for training content creation AI models Your data may be used to improve models.',
    checked: true,
  }]);
});

test('plain checkboxes of a list beside a switch are options, not settings: not reported', () => {
  const page = scanOf(`
    <span id="adsPrivacyAllowInterestsAndBehaviors">Interest categories</span>
    <input type="checkbox" role="switch" aria-labelledby="adsPrivacyAllowInterestsAndBehaviors" aria-checked="true" checked>
    <fieldset><legend>Your interests</legend>
      <label><input type="checkbox" name="interest" checked> Cloud computing</label>
      <label><input type="checkbox" name="interest"> Marketing</label>
    </fieldset>
    <ul><li><label><input type="checkbox" checked> Travel</label></li><li><label><input type="checkbox"> Golf</label></li></ul>`);
  assert.deepEqual(page.controls, [{ key: 'adsPrivacyAllowInterestsAndBehaviors', label: 'Interest categories', checked: true }]);
});

test('an input with no aria-checked reads .checked; aria-checked that disagrees stays unreadable', () => {
  const { window, document } = loadPage(`<html lang="en"><body>
    <span id="a">A</span><input type="checkbox" role="switch" aria-labelledby="a" checked>
    <span id="b">B</span><input type="checkbox" aria-labelledby="b" aria-checked="false" checked></body></html>`);
  const [a, b] = document.querySelectorAll('input');
  assert.equal(window.LinkedOutScan.checkedOf(a), true);
  assert.equal(window.LinkedOutScan.checkedOf(b), null);
});

test('labels are cut without splitting a surrogate pair: no lone surrogate reaches the host', () => {
  // 1023 ASCII characters then an emoji (two UTF-16 units): a plain cut at 1024 units splits it.
  const text = `${'x'.repeat(1023)}\u{1F600}tail`;
  const { window, document } = loadPage(`<html lang="en"><body><span id="k">${text}</span>
    <input type="checkbox" role="switch" aria-labelledby="k" aria-checked="false"></body></html>`);
  const { label } = window.LinkedOutScan.readControl(document.querySelector('input'));
  assert.ok(label.isWellFormed(), 'no lone surrogate');
  assert.equal(label, 'x'.repeat(1023), 'the emoji that does not fit is dropped whole');
  const emoji = '\u{1F600}'.repeat(1500);
  const cut = window.LinkedOutScan.cutWhole(emoji, 1024);
  assert.ok(cut.isWellFormed());
  assert.equal(cut, '\u{1F600}'.repeat(512));
  assert.equal(window.LinkedOutScan.cutWhole(`${'y'.repeat(1023)}\u{1F600}`, 1025), `${'y'.repeat(1023)}\u{1F600}`);
});

test('a label in pieces is read as shown: parts that are display:none, hidden or aria-hidden are left out (its accessible name)', () => {
  const page = scanOf(`
    <style>.tip { display: none }</style>
    <p id="ai-label"><span>Use my data </span><span><span>for training</span><span style="display:none"> (beta)</span>
      <span class="tip">Learn more</span> content creation AI models</span><span hidden>Learn more</span><span aria-hidden="true">!</span></p>
    <input type="checkbox" role="switch" aria-labelledby="ai-label" aria-checked="true" checked>
    <label for="age"><span>Ads by age</span><i style="display:none">(new)</i></label>
    <input type="checkbox" role="switch" id="age" aria-checked="false">`);
  assert.deepEqual(page.controls.map((c) => c.label), ['Use my data for training content creation AI models', 'Ads by age']);
});
