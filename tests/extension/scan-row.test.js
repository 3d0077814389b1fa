// The row around a highlighted switch (highlight.js rowOf) is the nearest ancestor that holds the
// switch, its labels and no other switch. Asked of up to six ancestors per highlighted switch at
// every apply, it used to collect every ancestor's switches (switchesIn: its trees, five queries,
// lists) only to see whether there were more than one: about 1.5 KB a row in Chromium, a share of
// the young-generation GCs that land in a scan + apply (docs/performance.md §9, round 5). It now
// counts, and stops at the second switch. These tests hold the count without a clock, and the
// answer: the same row as collecting gave, on pages of every shape a switch comes in.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage } from './helpers.js';

// Switch shapes and look-alikes (a list of checkboxes is one non-switch each; a radio group is one
// switch; an artdeco toggle around an input is that input), nested at random depths.
const SHAPES = [
  (i) => `<input type="checkbox" role="switch" aria-labelledby="l${i}" aria-checked="true" checked><span id="l${i}">Setting ${i}</span>`,
  (i) => `<span id="m${i}">Label ${i}</span><div><input type="checkbox" role="switch" aria-labelledby="m${i}" aria-checked="false"></div>`,
  (i) => `<input type="checkbox" aria-label="c${i}">`,
  (i) => `<fieldset><input type="checkbox" name="a${i}"><input type="checkbox" name="b${i}"></fieldset>`,
  (i) => `<div role="radiogroup" aria-label="g${i}"><input type="radio" name="r${i}" value="yes"><input type="radio" name="r${i}" value="no" checked></div>`,
  (i) => `<span class="artdeco-toggle"><input type="checkbox" role="switch" aria-label="w${i}" aria-checked="true" checked></span>`,
  (i) => `<span class="artdeco-toggle artdeco-toggle--toggled" aria-label="a${i}"></span>`,
  (i) => `<button aria-pressed="true">b${i}</button>`,
  (i) => `<select aria-label="q${i}"><option value="yes">Yes</option><option value="no" selected>No</option></select>`,
  (i) => `<p>text ${i}</p>`,
  (i) => `<a href="#">link ${i}</a>`,
];

function randomBody(seed, count) {
  let state = seed;
  const next = (n) => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state % n; };
  const parts = [];
  for (let i = 0; i < count; i += 1) {
    const open = next(4);
    const close = next(4);
    parts.push(`${'<div>'.repeat(open)}${SHAPES[next(SHAPES.length)](i)}${'</div>'.repeat(close)}`);
  }
  return parts.join('');
}

/** rowOf as it was: the switches of each ancestor collected, then counted. */
function rowByCollecting(scan, input) {
  const labels = scan.labellingElements(input);
  const body = input.ownerDocument.body;
  let best = null;
  let candidate = input.parentElement;
  for (let depth = 0; candidate && candidate !== body && depth < 6; depth += 1) {
    if (scan.switchesIn(candidate).length > 1) break;
    best = candidate;
    if (labels.every((label) => candidate.contains(label))) return candidate;
    candidate = candidate.parentElement;
  }
  return best;
}

test('the row of a switch is what collecting every ancestor\'s switches gave, on pages of every shape', () => {
  let rows = 0;
  let compared = 0;
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const { window, document } = loadPage(`<html lang="en"><body><main>${randomBody(seed, 120)}<div id="host"></div></main></body></html>`);
    // A shadow root with switches of its own, inside the page's rows.
    const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = randomBody(seed + 100, 30);
    const scan = window.LinkedOutScan;
    const highlight = window.LinkedOutHighlight;
    for (const input of scan.switchesIn(document)) {
      const expected = rowByCollecting(scan, input);
      assert.equal(highlight.rowOf(input), expected, `seed ${seed}: the row of ${input.outerHTML.slice(0, 80)}`);
      compared += 1;
      if (expected) rows += 1;
    }
  }
  assert.ok(compared > 400 && rows > 100, `enough switches compared (${compared}) and rows found (${rows})`);
});

test('a switch that only a shadow root or a radio group beside it shares its parent with gets no row', () => {
  const { window, document } = loadPage(`<html lang="en"><body><main>
    <div id="a"><input id="s1" type="checkbox" role="switch" aria-label="one" aria-checked="true" checked><div id="host"></div></div>
    <div id="b"><input id="s2" type="checkbox" role="switch" aria-label="two" aria-checked="true" checked>
      <input type="radio" name="r" value="yes"><input type="radio" name="r" value="no" checked></div>
    <div id="c"><input id="s3" type="checkbox" role="switch" aria-label="three" aria-checked="true" checked>
      <fieldset><input type="checkbox" name="x"><input type="checkbox" name="y"></fieldset></div>
  </main></body></html>`);
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<input type="checkbox" role="switch" aria-label="inner" aria-checked="false">';
  const { rowOf } = window.LinkedOutHighlight;
  assert.equal(rowOf(document.getElementById('s1')), null, 'its parent holds a switch in a shadow root too');
  assert.equal(rowOf(document.getElementById('s2')), null, 'its parent holds a radio group too');
  assert.equal(rowOf(document.getElementById('s3')), document.getElementById('c'), 'list checkboxes are not switches');
});

test('finding a switch\'s row collects no ancestor\'s switches: it counts, and stops at the second', () => {
  const rowsHtml = Array.from({ length: 30 }, (_, i) => `<div class="row"><div><span id="k${i}">Setting ${i}</span><p>Why</p></div>
    <div><input type="checkbox" role="switch" aria-labelledby="k${i}" aria-checked="true" checked><span></span></div></div>`).join('');
  let queries = 0;
  const { window, document } = loadPage(`<html lang="en"><body><main><section>${rowsHtml}</section></main></body></html>`, {
    beforeScripts(w) {
      // The scripts keep the prototypes' methods from load time: counted from the start.
      for (const proto of [w.Element.prototype, w.DocumentFragment.prototype, w.Document.prototype]) {
        const original = proto.querySelectorAll;
        proto.querySelectorAll = function counted(selector) { queries += 1; return original.call(this, selector); };
      }
    },
  });
  const real = window.LinkedOutScan;
  let collected = 0;
  window.LinkedOutScan = Object.freeze({ ...real, switchesIn: (...args) => { collected += 1; return real.switchesIn(...args); } });
  const inputs = Array.from(document.getElementsByTagName('input'));
  queries = 0;
  const rows = inputs.map((input) => window.LinkedOutHighlight.rowOf(input));
  rows.forEach((row, i) => assert.equal(row, inputs[i].closest('.row'), `switch ${i}: its row`));
  assert.deepEqual({ collected, queries }, { collected: 0, queries: 0 },
    `switch lists collected and queries made to find ${inputs.length} rows`);
});
