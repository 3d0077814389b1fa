// What keeps scan + apply within its budget (bench/extension_bench.mjs measures the time; these
// tests hold the work, without a clock): the candidates are found without one nine-selector
// query over the whole page, yet exactly as that query finds them, and applying a verdict never
// walks the page again.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage } from './helpers.js';

// Shapes a page may draw, candidates or look-alikes, for a pseudo-random page.
const SHAPES = [
  (i) => `<input type="checkbox" role="switch" aria-label="s${i}" aria-checked="true" checked>`,
  (i) => `<input type="CheckBox" aria-label="c${i}">`,
  (i) => `<input type="text" role="switch" aria-label="t${i}" aria-checked="false">`,
  (i) => `<input type="text" aria-label="plain text ${i}">`,
  (i) => `<div role="switch" aria-checked="false" aria-label="d${i}"></div>`,
  (i) => `<span role="checkbox" aria-checked="true" aria-label="k${i}"></span>`,
  (i) => `<button aria-pressed="true">b${i}</button>`,
  (i) => `<button>not a toggle ${i}</button>`,
  (i) => `<div role="button" aria-pressed="false">r${i}</div>`,
  (i) => `<div role="button">not a toggle ${i}</div>`,
  (i) => `<div role="presentation">p${i}</div>`,
  (i) => `<select aria-label="q${i}"><option value="yes">Yes</option><option value="no" selected>No</option></select>`,
  (i) => `<span class="artdeco-toggle artdeco-toggle--toggled" aria-label="a${i}"></span>`,
  (i) => `<a href="#">link ${i}</a>`,
];

function randomPage(seed, count) {
  let state = seed;
  const next = (n) => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state % n; };
  const parts = [];
  for (let i = 0; i < count; i += 1) {
    const depth = next(4);
    // Siblings and nesting vary, so the five queries' hits interleave in every way.
    parts.push(`${'<div>'.repeat(depth)}${SHAPES[next(SHAPES.length)](i)}${'</div>'.repeat(depth)}`);
  }
  return `<html lang="en"><body><main>${parts.join('')}</main></body></html>`;
}

test('the switches are the candidate selector\'s elements, in tree order, each once', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const { window, document } = loadPage(randomPage(seed, 300));
    const scan = window.LinkedOutScan;
    const expected = Array.from(document.querySelectorAll(scan.SWITCH_SELECTOR));
    const found = scan.switchesIn(document);
    assert.ok(expected.length > 100, `seed ${seed}: the page has candidates`);
    assert.equal(found.length, expected.length, `seed ${seed}: as many switches as the selector finds`);
    found.forEach((el, i) => assert.equal(el, expected[i], `seed ${seed}: switch ${i} is the selector's element ${i}`));
  }
});

test('in a shadow root too, the switches come in tree order', () => {
  const { window, document } = loadPage('<html lang="en"><body><main><div id="host"></div></main></body></html>');
  const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
  shadow.innerHTML = randomPage(9, 120).replace(/^.*<main>|<\/main>.*$/g, '');
  const expected = Array.from(shadow.querySelectorAll(window.LinkedOutScan.SWITCH_SELECTOR));
  const found = window.LinkedOutScan.switchesIn(document);
  assert.deepEqual(Array.from(found, (el) => el.getAttribute('aria-label') || el.textContent),
    expected.map((el) => el.getAttribute('aria-label') || el.textContent));
});

test('applying a verdict does not walk the page again (the scan that the verdict answers already did)', () => {
  const rows = Array.from({ length: 20 }, (_, i) => `<li><span id="k${i}">Setting ${i}</span>
    <input type="checkbox" role="switch" aria-labelledby="k${i}" aria-checked="true" checked></li>`).join('');
  let walks = 0;
  const { window, document } = loadPage(`<html lang="en"><body><main><ul>${rows}</ul></main></body></html>`, {
    beforeScripts(w) {
      // Every whole-tree walk starts with getElementsByTagName('*') or querySelectorAll('*') on the
      // document (or the candidate selector); jsdom's own selector engine calls them inside too.
      let depth = 0;
      for (const name of ['getElementsByTagName', 'querySelectorAll']) {
        const original = w.Document.prototype[name];
        w.Document.prototype[name] = function counted(selector, ...rest) {
          if (depth === 0 && (selector === '*' || String(selector).includes('[role="switch"]'))) walks += 1;
          depth += 1;
          try { return original.call(this, selector, ...rest); } finally { depth -= 1; }
        };
      }
    },
  });
  const switches = window.LinkedOutScan.switchesIn(document);
  const item = (control) => ({ key: `k${control}`, setting: 'x', action: 'switch-off', severity: 'ads', reason: 'r', matched_by: 'key', control });
  const verdict = { type: 'verdict', url: 'u', setting: 'x', highlight: [item(3), item(11)], ok: [{ key: 'k5', setting: 'x', matched_by: 'key', control: 5 }],
    unknown: [], drift: [], progress: { done: 0, total: 1, remaining: 1 }, next: null, walkthrough: { active: false, still_on: 2 } };
  walks = 0;
  const applied = window.LinkedOutHighlight.applyVerdict(document, verdict, switches);
  assert.deepEqual(Array.from(applied.highlighted), [switches[3], switches[11]]);
  assert.equal(walks, 0, 'applyVerdict walked the whole page');
  // Applied again with one switch now fine: the marks follow, still without a walk.
  const next = { ...verdict, highlight: [item(3)], ok: [...verdict.ok, { key: 'k11', setting: 'x', matched_by: 'key', control: 11 }] };
  window.LinkedOutHighlight.applyVerdict(document, next, switches);
  assert.equal(walks, 0, 'applyVerdict walked the whole page');
  assert.deepEqual(Array.from(document.querySelectorAll('[data-linkedout="switch-off"]')), [switches[3]]);
  assert.deepEqual(Array.from(document.querySelectorAll('[data-linkedout="ok"]')), [switches[5], switches[11]]);
  // A verdict without them clears every mark it made.
  window.LinkedOutHighlight.applyVerdict(document, { ...verdict, highlight: [], ok: [] }, switches);
  assert.equal(document.querySelectorAll('[data-linkedout]').length, 0);
});
