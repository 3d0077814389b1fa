// What keeps scan + apply within its budget (bench/extension_bench.mjs measures the time; these
// tests hold the work, without a clock): the candidates are found without one nine-selector
// query over the whole page, yet exactly as that query finds them, and applying a verdict never
// walks the page again.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage, plain } from './helpers.js';

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
      // Every whole-tree walk starts with a TreeWalker from the document, getElementsByTagName('*')
      // or querySelectorAll('*') on it (or the candidate selector); jsdom's own selector engine
      // calls them inside too.
      let depth = 0;
      for (const name of ['getElementsByTagName', 'querySelectorAll', 'createTreeWalker']) {
        const original = w.Document.prototype[name];
        w.Document.prototype[name] = function counted(selector, ...rest) {
          const wholeTree = name === 'createTreeWalker' ? selector === this : selector === '*' || String(selector).includes('[role="switch"]');
          if (depth === 0 && wholeTree) walks += 1;
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
  // Focus goes to the first of the switches it highlighted, without walking the page for them.
  assert.equal(window.LinkedOutHighlight.focusFirstSwitch(document, applied.highlighted), true);
  assert.equal(document.activeElement, switches[3]);
  assert.equal(walks, 0, 'focusFirstSwitch walked the whole page to find the switch applyVerdict just marked');
  switches[3].blur();
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

test('applying a verdict asks only the switches it marks whether they are still controls', () => {
  const rows = Array.from({ length: 40 }, (_, i) => `<li><span id="k${i}">Setting ${i}</span>
    <input type="checkbox" role="switch" aria-labelledby="k${i}" aria-checked="true" checked></li>`).join('');
  let controlChecks = 0;
  const { window, document } = loadPage(`<html lang="en"><body><main><ul>${rows}</ul></main></body></html>`, {
    beforeScripts(w) {
      const original = w.Element.prototype.closest;
      w.Element.prototype.closest = function counted(selector) {
        if (String(selector).includes('[role="switch"]')) controlChecks += 1;
        return original.call(this, selector);
      };
    },
  });
  const switches = window.LinkedOutScan.switchesIn(document);
  const item = (control) => ({ key: `k${control}`, setting: 'x', action: 'switch-off', severity: 'ads', reason: 'r', matched_by: 'key', control });
  const verdict = { type: 'verdict', url: 'u', setting: 'x', highlight: [item(3)], ok: [{ key: 'k5', setting: 'x', matched_by: 'key', control: 5 }],
    unknown: [], drift: [], progress: { done: 0, total: 1, remaining: 1 }, next: null, walkthrough: { active: false, still_on: 1 } };
  controlChecks = 0;
  window.LinkedOutHighlight.applyVerdict(document, verdict, switches);
  assert.equal(controlChecks, 2, `${controlChecks} switches asked whether they are still controls, for 2 marked of ${switches.length}`);
  assert.deepEqual(Array.from(document.querySelectorAll('[data-linkedout="switch-off"]')), [switches[3]]);
  assert.deepEqual(Array.from(document.querySelectorAll('[data-linkedout="ok"]')), [switches[5]]);
});

// ---- the scan as content/main.js makes it, on a page with a layout ----
// jsdom has no layout: the page below gives every element the box its data-box names (left, top,
// width, height; none: not rendered), the way a browser would answer, so presence.js decides as
// in a browser and its reads of the page can be counted.
const FIFTY_ROWS = Array.from({ length: 50 }, (_, i) => `<div class="_r${i}"><div><span id="k${i}">Setting ${i} uses your data</span>
  <p>Choose how your data is used.</p></div><div><input type="checkbox" role="switch" aria-labelledby="k${i}"
  aria-checked="${i % 2 === 0}" ${i % 2 === 0 ? 'checked' : ''} data-box="${i === 7 ? '-500,70,40,20' : `600,${i * 40},40,20`}"><span></span></div></div>`).join('');

/** Installs the boxes and counters for the page's geometry; returns the counters. */
function withLayout(w) {
  const reads = { extent: 0, boxes: 0 };
  const boxOf = (el) => {
    const spec = el.getAttribute('data-box');
    const [left, top, width, height] = spec ? spec.split(',').map(Number) : [0, 0, 100, 20];
    return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top };
  };
  w.Element.prototype.getBoundingClientRect = function getBoundingClientRect() { reads.boxes += 1; return boxOf(this); };
  w.Element.prototype.getClientRects = function getClientRects() { reads.boxes += 1; return [boxOf(this)]; };
  w.Element.prototype.checkVisibility = function checkVisibility() { reads.boxes += 1; return true; };
  // The page is 1280 × 2400, scrolled to the top: every read of its extent or offset is counted.
  for (const [name, value] of [['scrollWidth', 1280], ['scrollHeight', 2400], ['clientWidth', 1280], ['clientHeight', 800]]) {
    Object.defineProperty(w.Element.prototype, name, { configurable: true, get() { reads.extent += 1; return value; } });
  }
  for (const name of ['scrollX', 'scrollY']) {
    Object.defineProperty(w, name, { configurable: true, get() { reads.extent += 1; return 0; } });
  }
  return reads;
}

async function mainScanOf(body) {
  let reads = null;
  const sent = [];
  const page = loadPage(`<!doctype html><html lang="en"><body><main>${body}</main></body></html>`, {
    files: ['lib/protocol.js', 'content/scan.js', 'content/presence.js', 'content/tree-style.js', 'content/highlight.js', 'content/main.js'],
    beforeScripts(w) {
      reads = withLayout(w);
      w.chrome = {
        runtime: { sendMessage: async (msg) => { sent.push(msg); return { status: 'error', code: 'host_failed' }; } },
        i18n: { getMessage: (name) => name },
        storage: { local: { get: async () => ({}) }, onChanged: { addListener() {} } },
      };
    },
  });
  for (let i = 0; i < 200 && sent.length === 0; i += 1) await new Promise((r) => { setTimeout(r, 10); });
  return { ...page, reads, sent };
}

test('a scan reads the page\'s scroll extent once, not once per switch, and still drops the off-screen one', async () => {
  const { reads, sent } = await mainScanOf(FIFTY_ROWS);
  assert.equal(sent.length, 1, 'the scan sent its page_state');
  const labels = sent[0].page.controls.map((c) => c.label);
  assert.equal(labels.length, 49, 'every switch on the page but the off-screen one');
  assert.ok(!labels.includes('Setting 7 uses your data'), 'the off-screen switch is not reported');
  assert.ok(reads.extent <= 6, `the page's extent and offset were read ${reads.extent} times for 50 switches`);
});

test('reading switches of the usual shape splits and rewrites no strings (allocation drives the scan\'s p99)', () => {
  const { window, document } = loadPage(`<!doctype html><html lang="en"><body><main>${FIFTY_ROWS}</main></body></html>`, {
    files: ['content/scan.js', 'content/presence.js'],
    beforeScripts(w) { withLayout(w); },
  });
  const scan = window.LinkedOutScan;
  const presence = window.LinkedOutPresence;
  // Counted in the scripts' own realm (jsdom's internals use Node's).
  const counts = { split: 0, replace: 0, toLowerCase: 0 };
  for (const name of Object.keys(counts)) {
    const original = window.String.prototype[name];
    window.String.prototype[name] = function counted(...args) { counts[name] += 1; return original.apply(this, args); };
  }
  const shown = typeof presence.forScan === 'function' ? presence.forScan() : presence;
  const switches = scan.switchesIn(document, scan.treesIn(document)).filter((el) => shown.isShown(el));
  const controls = switches.map(scan.readControl);
  assert.equal(controls.length, 49);
  assert.deepEqual(plain(controls[0]), { key: 'k0', label: 'Setting 0 uses your data', checked: true });
  assert.deepEqual(plain(controls[1]), { key: 'k1', label: 'Setting 1 uses your data', checked: false });
  assert.deepEqual(counts, { split: 0, replace: 0, toLowerCase: 0 }, 'string calls that allocate, for 50 switches');
});

test('labels and keys keep their whitespace rules on the allocation-free path', () => {
  const { window, document } = loadPage(`<!doctype html><html lang="en"><body><main>
    <span id="a">  Use   my
      data </span><span id="b"></span><span id="c">\u00a0for ads\t</span>
    <input type="checkbox" role="switch" aria-labelledby=" a  b
      c " aria-checked="true" checked>
    <input type="checkbox" role="switch" aria-labelledby="b b" aria-label="Fallback" aria-checked="false">
    <input type="checkbox" role="SWITCH" id="solo" aria-label=" Solo  label " aria-checked="false">
    <span class="x artdeco-toggle-ish artdeco-toggle artdeco-toggle--toggled" role="button" aria-label="Artdeco"></span>
    <span class="artdeco-toggle-like" role="button" aria-label="Not a toggle"></span>
  </main></body></html>`);
  const scan = window.LinkedOutScan;
  const controls = scan.switchesIn(document).map(scan.readControl);
  assert.deepEqual(plain(controls.map((c) => [c.key, c.label, c.checked])), [
    ['a b c', 'Use my data for ads', true],
    // Two empty labelling elements still make a label (a space), so aria-label is not used.
    ['b b', '', false],
    ['solo', 'Solo label', false],
    [null, 'Artdeco', true],
  ]);
});

test('"switch it for me" reads whether the switch is shown before the marks are written, not after (no layout of the marks forced in the task)', async () => {
  let reads = null;
  let afterWrite = false;
  let geometryAfterWrite = 0;
  const sent = [];
  const verdictFor = (page) => ({
    type: 'verdict', url: page.url, setting: 's', ok: [], unknown: [], drift: [], progress: { done: 0, total: 1, remaining: 1 }, next: null,
    walkthrough: { active: false, still_on: 1 },
    highlight: page.controls.flatMap((c, control) => (c.checked ? [{ key: c.key, setting: 's', action: 'switch-off', severity: 'ads', reason: 'On.', matched_by: 'key', control }] : [])),
  });
  const { document } = loadPage(`<!doctype html><html lang="en"><body><main>
    <div><span id="k0">Use my data</span><input type="checkbox" role="switch" aria-labelledby="k0"></div>
    <div><span id="k1">Other</span><input type="checkbox" role="switch" aria-labelledby="k1"></div></main></body></html>`, {
    files: ['lib/protocol.js', 'content/scan.js', 'content/presence.js', 'content/tree-style.js', 'content/highlight.js', 'content/main.js'],
    beforeScripts(w) {
      w.document.querySelector('[aria-labelledby="k0"]').checked = true;
      reads = withLayout(w);
      // A geometry read after a LinkedOut mark was written in the same task forces the layout of
      // the marks there and then; a new task (a timer) starts clean.
      for (const name of ['getBoundingClientRect', 'getClientRects', 'checkVisibility']) {
        const measured = w.Element.prototype[name];
        w.Element.prototype[name] = function counted() { if (afterWrite) geometryAfterWrite += 1; return measured.call(this); };
      }
      const setAttribute = w.Element.prototype.setAttribute;
      w.Element.prototype.setAttribute = function marked(name, value) { if (String(name).startsWith('data-linkedout')) afterWrite = true; return setAttribute.call(this, name, value); };
      const timer = w.setTimeout;
      w.setTimeout = (fn, ms, ...args) => timer(() => { afterWrite = false; fn(...args); }, ms);
      w.chrome = {
        runtime: { sendMessage: async (msg) => { sent.push(msg); return { status: 'ok', verdict: verdictFor(msg.page) }; } },
        i18n: { getMessage: (name) => name },
        storage: { local: { get: async () => ({ autoSwitch: true }) }, onChanged: { addListener() {} } },
      };
    },
  });
  const input = document.querySelector('[aria-labelledby="k0"]');
  for (let i = 0; i < 300 && input.checked; i += 1) await new Promise((r) => { setTimeout(r, 10); });
  assert.equal(input.checked, false, 'the shown switch was switched off for the user');
  assert.ok(reads.boxes > 0, 'presence was asked');
  assert.equal(geometryAfterWrite, 0, `${geometryAfterWrite} geometry reads after the marks were written, in the same task`);
});

test('finding the candidates asks no element `instanceof HTMLInputElement` (in Firefox\'s content world ~20× a getter), and finds the same ones', () => {
  let asked = 0;
  const page = `${randomPage(7, 120).replace('</main>', '')}<div id="odd"></div></main></body></html>`;
  const { window, document } = loadPage(page, {
    beforeScripts(w) {
      Object.defineProperty(w.HTMLInputElement, Symbol.hasInstance, {
        value(x) { asked += 1; return Function.prototype[Symbol.hasInstance].call(this, x); },
      });
    },
  });
  // An element named input in another namespace is no HTMLInputElement: its `type` getter throws;
  // the candidate selector still matches its type attribute.
  const odd = document.createElementNS('http://www.w3.org/2000/svg', 'input');
  odd.setAttribute('type', 'checkbox');
  document.getElementById('odd').append(odd);
  const scan = window.LinkedOutScan;
  const tracker = scan.treeTracker(document);
  asked = 0;
  const first = scan.switchesIn(document, tracker.trees(true), tracker.candidatesOf);
  const added = document.createElement('div');
  added.innerHTML = '<input type="checkbox" role="switch" aria-label="late" aria-checked="true" checked><input type="RADIO" name="z" value="no">';
  document.querySelector('main').prepend(added);
  tracker.noteAdded(added);
  const again = scan.switchesIn(document, tracker.trees(false), tracker.candidatesOf);
  const counted = scan.switchCountIn(document.querySelector('main'), 1000);
  assert.equal(asked, 0, `${asked} instanceof checks for ${first.length} + ${again.length} switches and a count of ${counted}`);
  assert.ok(first.includes(odd), 'the other-namespace input is a candidate, as the selector says (reported, unreadable)');
  assert.deepEqual(again, scan.switchesIn(document), 'the kept candidates are the full query\'s');
  assert.equal(counted, again.length);
});

test('a switch\'s box is read once for each of left, top, width and height (each read goes through the content world\'s wrapper)', () => {
  const reads = { left: 0, top: 0, width: 0, height: 0 };
  const { window, document } = loadPage(`<!doctype html><html lang="en"><body><main>${FIFTY_ROWS}</main></body></html>`, {
    files: ['content/scan.js', 'content/presence.js'],
    beforeScripts(w) {
      withLayout(w);
      const original = w.Element.prototype.getBoundingClientRect;
      w.Element.prototype.getBoundingClientRect = function counted() {
        const box = original.call(this);
        const out = {};
        for (const name of Object.keys(box)) {
          Object.defineProperty(out, name, { get() { if (name in reads) reads[name] += 1; return box[name]; } });
        }
        return out;
      };
    },
  });
  const checker = window.LinkedOutPresence.forScan();
  const shown = Array.from(document.querySelectorAll('input')).filter((el) => checker.isShown(el));
  assert.equal(shown.length, 49, 'every switch but the off-screen one');
  assert.deepEqual(reads, { left: 50, top: 50, width: 50, height: 50 }, 'reads of the boxes of 50 switches');
});
