// What applyVerdict's own script does per apply, counted without a clock (bench/apply_pieces.mjs
// times the pieces in the browsers' content worlds): on the bench's shape of verdict (one switch
// highlighted, the rest unknown) most of the switches it is handed are ones it does not mark, and
// in Firefox's Xray sandbox every DOM call on them costs about half a microsecond.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage } from './helpers.js';

const ROWS = Array.from({ length: 50 }, (_, i) => `<div><div><span id="k${i}">Setting ${i}</span>
  <p>Choose how your data is used.</p></div><div><input type="checkbox" role="switch" aria-labelledby="k${i}"
  aria-checked="${i % 2 === 0}" ${i % 2 === 0 ? 'checked' : ''}><span></span></div></div>`).join('');
const PAGE = `<!doctype html><html lang="en"><body><main><section>${ROWS}</section></main></body></html>`;

const highlight = (control) => ({ key: `k${control}`, setting: 'x', action: 'switch-off', severity: 'ads', reason: 'r', matched_by: 'key', control });
const unknown = (control, why) => ({ key: `k${control}`, label: `Setting ${control}`, why, control });
/** The bench's verdict: one switch highlighted, every other unknown (some unreadable). */
function benchVerdict(count, highlighted) {
  const rest = [];
  for (let i = 0; i < count; i += 1) if (i !== highlighted) rest.push(unknown(i, i % 7 === 0 ? 'unreadable' : 'not_in_ruleset'));
  return { type: 'verdict', url: 'u', setting: 'x', highlight: [highlight(highlighted)], ok: [], unknown: rest, drift: [],
    progress: { done: 0, total: 1, remaining: 1 }, next: null, walkthrough: { active: false, still_on: 1 } };
}

/**
 * Counts the DOM calls made on `targets()` (a Set, read at call time) through the prototypes the
 * scripts will use; installed before the scripts load (they keep the prototypes' functions).
 */
function countCallsOn(w, targets) {
  const calls = { total: 0 };
  // A selector query is one native call in a browser; jsdom's own engine calls these methods on
  // each element it matches against: those are not the script's calls.
  let inQuery = 0;
  for (const proto of [w.Document.prototype, w.DocumentFragment.prototype, w.Element.prototype]) {
    for (const name of ['querySelectorAll', 'querySelector', 'matches', 'closest']) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = function query(...args) {
        if (proto === w.Element.prototype && (name === 'matches' || name === 'closest')) count(name, this);
        inQuery += 1;
        try {
          return original.apply(this, args);
        } finally {
          inQuery -= 1;
        }
      };
    }
  }
  const count = (name, self) => {
    if (inQuery > 0 || !targets().has(self)) return;
    calls.total += 1;
    calls[name] = (calls[name] || 0) + 1;
  };
  const connected = Object.getOwnPropertyDescriptor(w.Node.prototype, 'isConnected');
  Object.defineProperty(w.Node.prototype, 'isConnected', {
    configurable: true, get() { count('isConnected', this); return connected.get.call(this); },
  });
  for (const [proto, name] of [[w.Node.prototype, 'getRootNode'], [w.Element.prototype, 'getAttribute'], [w.Element.prototype, 'hasAttribute'],
    [w.Element.prototype, 'setAttribute'], [w.Element.prototype, 'removeAttribute']]) {
    const original = proto[name];
    proto[name] = function counted(...args) { count(name, this); return original.apply(this, args); };
  }
  return calls;
}

test('applyVerdict asks a switch it does not mark one thing: does it carry a mark', () => {
  let watched = new Set();
  let calls = null;
  const { window, document } = loadPage(PAGE, { beforeScripts(w) { calls = countCallsOn(w, () => watched); } });
  const switches = window.LinkedOutScan.switchesIn(document);
  assert.equal(switches.length, 50);
  const verdict = benchVerdict(50, 12);
  const H = window.LinkedOutHighlight;
  // Twice: a first apply, then one over its own marks (main.js re-applies after every page change).
  for (const round of ['first', 'again']) {
    watched = new Set(switches.filter((_, i) => i !== 12));
    for (const key of Object.keys(calls)) calls[key] = 0;
    const applied = H.applyVerdict(document, verdict, switches);
    watched = new Set();
    assert.deepEqual(Array.from(applied.highlighted), [switches[12]], round);
    assert.ok(calls.total <= 49, `${round}: ${calls.total} DOM calls on the 49 switches it does not mark (${JSON.stringify(calls)})`);
  }
  assert.deepEqual(Array.from(document.querySelectorAll('[data-linkedout]')), [switches[12]]);
  assert.equal(document.querySelectorAll('[data-linkedout-row]').length, 1);
});

test('a switch the verdict no longer names loses its mark, whether it was marked "ok", planted by the page or unreadable', () => {
  const { window, document } = loadPage(PAGE);
  const switches = window.LinkedOutScan.switchesIn(document);
  const H = window.LinkedOutHighlight;
  const first = benchVerdict(50, 12);
  first.ok = [{ key: 'k3', setting: 'x', matched_by: 'key', control: 3 }];
  first.unknown = first.unknown.filter((u) => u.control !== 3);
  H.applyVerdict(document, first, switches);
  assert.equal(switches[3].getAttribute('data-linkedout'), 'ok');
  // The page plants a mark on a switch LinkedOut never marked; the next verdict names neither.
  switches[20].setAttribute('data-linkedout', 'switch-off');
  H.applyVerdict(document, benchVerdict(50, 14), switches);
  assert.deepEqual(Array.from(document.querySelectorAll('[data-linkedout]')), [switches[14]]);
  assert.deepEqual(Array.from(document.querySelectorAll('[data-linkedout-row] input'), (el) => el === switches[14]), [true]);
  // An unreadable switch that was highlighted keeps its highlight until its read-back says off.
  const stillUnreadable = benchVerdict(50, 30);
  stillUnreadable.unknown = stillUnreadable.unknown.map((u) => (u.control === 14 ? { ...u, why: 'unreadable' } : u));
  H.applyVerdict(document, stillUnreadable, switches);
  assert.equal(switches[14].getAttribute('data-linkedout'), 'switch-off');
  assert.equal(switches[30].getAttribute('data-linkedout'), 'switch-off');
  assert.equal(document.querySelectorAll('[data-linkedout-row]').length, 2);
});

test('a switch that shadows the DOM methods by name (a form\'s named inputs) does not stop the apply', () => {
  // <form role="switch"><input name="hasAttribute">…: in a browser form.hasAttribute is the input.
  const { window, document } = loadPage(`<!doctype html><html lang="en"><body><main><section>${ROWS}
    <div><span id="hostile">Hostile</span><form role="switch" aria-labelledby="hostile" aria-checked="true"></form></div></section></main></body></html>`);
  const form = document.querySelector('form');
  // jsdom has no named properties on forms, and its own selector engine calls these methods on
  // every element: the input shadows the method for the extension's scripts only, as the page's
  // named input does in a browser.
  const fromExtension = () => {
    const caller = new Error().stack.split('\n').slice(1).find((line) => !line.includes('apply-cost.test.js') && !line.includes('node_modules/jsdom/'));
    return /content\/[a-z-]+\.js/.test(caller || '');
  };
  for (const name of ['getAttribute', 'hasAttribute', 'setAttribute', 'removeAttribute', 'getRootNode', 'closest', 'isConnected', 'parentElement', 'ownerDocument']) {
    const input = document.createElement('input');
    input.name = name;
    form.append(input);
    const own = Object.getOwnPropertyDescriptor(window.Element.prototype, name) || Object.getOwnPropertyDescriptor(window.Node.prototype, name);
    Object.defineProperty(form, name, {
      configurable: true,
      get() { return fromExtension() ? input : (own.get ? own.get.call(form) : own.value); },
    });
  }
  const switches = window.LinkedOutScan.switchesIn(document);
  const formAt = switches.indexOf(form);
  assert.ok(formAt >= 0, 'the form is scanned as a switch');
  const verdict = benchVerdict(switches.length, 12);
  verdict.unknown = verdict.unknown.map((u) => (u.control === formAt ? { ...u, why: 'unreadable' } : u));
  const applied = window.LinkedOutHighlight.applyVerdict(document, verdict, switches);
  assert.deepEqual(Array.from(applied.highlighted), [switches[12]]);
  // Highlighted itself, it is marked like any other switch.
  const marked = benchVerdict(switches.length, formAt);
  window.LinkedOutHighlight.applyVerdict(document, marked, switches);
  assert.equal(window.Element.prototype.getAttribute.call(form, 'data-linkedout'), 'switch-off');
  window.LinkedOutHighlight.applyVerdict(document, benchVerdict(switches.length, 12), switches);
  assert.equal(window.Element.prototype.hasAttribute.call(form, 'data-linkedout'), false);
});

test('a marked row the page moves or clones, into a shadow root or beside it, is cleared or kept as the verdict says', () => {
  const { window, document } = loadPage(`<!doctype html><html lang="en"><body><main><section>${ROWS}</section><div id="host"></div></main></body></html>`);
  const H = window.LinkedOutHighlight;
  const S = window.LinkedOutScan;
  const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
  const rowsIn = (tree) => Array.from(tree.querySelectorAll('[data-linkedout-row]'));
  let switches = S.switchesIn(document);
  H.applyVerdict(document, benchVerdict(50, 12), switches);
  const row = rowsIn(document)[0];
  // The page clones the marked row into a shadow root (its reason's copy is the page's now) and
  // beside the original.
  shadow.append(row.cloneNode(true));
  row.after(row.cloneNode(true));
  switches = S.switchesIn(document);
  assert.equal(switches.length, 52);
  const original = switches.findIndex((el) => el.getAttribute('aria-describedby') && el.closest('[data-linkedout-row]') === row);
  H.applyVerdict(document, benchVerdict(52, original), switches);
  assert.deepEqual(rowsIn(document), [row], 'only the row LinkedOut marked is highlighted in the document');
  assert.deepEqual(rowsIn(shadow), [], 'the clone in the shadow root is not highlighted');
  assert.deepEqual(Array.from(document.querySelectorAll('[data-linkedout]')), [switches[original]]);
  assert.equal(shadow.querySelectorAll('[data-linkedout]').length, 0);
  // The page moves the marked row into the shadow root: still highlighted while the verdict says
  // so, cleared there once it does not.
  shadow.append(row);
  switches = S.switchesIn(document);
  const moved = switches.indexOf(row.querySelector('input'));
  H.applyVerdict(document, benchVerdict(switches.length, moved), switches);
  assert.deepEqual(rowsIn(shadow), [row]);
  assert.deepEqual(rowsIn(document), []);
  H.applyVerdict(document, benchVerdict(switches.length, 0), switches);
  assert.deepEqual(rowsIn(shadow), []);
  assert.equal(shadow.querySelectorAll('[data-linkedout], style').length, 0);
  assert.equal(row.querySelector('[data-linkedout-reason]'), null, 'its reason went with its highlight (the clone\'s copy is the page\'s)');
  assert.equal(rowsIn(document).length, 1);
});

test('applyVerdict searches each tree it knows once for marked-looking rows, before it writes anything', () => {
  let queries = 0;
  let queriesAfterAWrite = 0;
  let wrote = false;
  const { window, document } = loadPage(`<!doctype html><html lang="en"><body><main><section>${ROWS}</section><div id="host"></div></main></body></html>`, {
    beforeScripts(w) {
      for (const proto of [w.Document.prototype, w.DocumentFragment.prototype]) {
        for (const name of ['querySelectorAll', 'querySelector']) {
          const original = proto[name];
          proto[name] = function counted(selector) {
            if (String(selector).includes('data-linkedout')) {
              queries += 1;
              if (wrote) queriesAfterAWrite += 1;
            }
            return original.call(this, selector);
          };
        }
      }
      for (const name of ['setAttribute', 'removeAttribute']) {
        const original = w.Element.prototype[name];
        w.Element.prototype[name] = function counted(...args) {
          if (String(args[0]).startsWith('data-linkedout')) wrote = true;
          return original.apply(this, args);
        };
      }
    },
  });
  const H = window.LinkedOutHighlight;
  const S = window.LinkedOutScan;
  // A switch in a shadow root too: its tree is one this file marks in.
  const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<div><span id="s0">Shadow setting</span><input type="checkbox" role="switch" aria-labelledby="s0" aria-checked="true" checked></div>';
  const switches = S.switchesIn(document);
  assert.equal(switches.length, 51);
  const rowsIn = (tree) => Array.from(tree.querySelectorAll('[data-linkedout-row]'));
  // [the verdict's highlighted switch, the trees it knows then: the document, the shadow root
  // while it holds a mark or LinkedOut's style]
  for (const [highlighted, trees] of [[50, 2], [12, 2], [12, 1], [30, 1]]) {
    queries = 0;
    queriesAfterAWrite = 0;
    wrote = false;
    H.applyVerdict(document, benchVerdict(51, highlighted), switches);
    assert.equal(queries, trees, `highlighting ${highlighted}: ${queries} searches for marked rows in ${trees} trees`);
    assert.equal(queriesAfterAWrite, 0, 'every search before the first write');
  }
  assert.equal(rowsIn(shadow).length, 0, 'the shadow row was cleared when the verdict moved on');
  assert.deepEqual(rowsIn(document), [switches[30].parentElement.parentElement]);
  assert.equal(document.querySelectorAll('[data-linkedout-reason]').length, 1);
  assert.equal(shadow.querySelectorAll('[data-linkedout-reason], style').length, 0);
});

test('a new reason goes into its row whole: one insertion, its attributes and text written before it', async () => {
  const { window, document } = loadPage(PAGE);
  const switches = window.LinkedOutScan.switchesIn(document);
  const records = [];
  const observer = new window.MutationObserver((list) => { records.push(...list); });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  window.LinkedOutHighlight.applyVerdict(document, benchVerdict(50, 12), switches, (name, subs) => `${name}: ${subs.join(' ')}`);
  records.push(...observer.takeRecords());
  observer.disconnect();
  const reason = document.querySelector('[data-linkedout-reason]');
  assert.equal(reason.textContent, 'highlightReason: r');
  assert.equal(reason.getAttribute('data-linkedout-palette'), 'light');
  const insideReason = records.filter((r) => r.target === reason || reason.contains(r.target));
  assert.deepEqual(insideReason.map((r) => `${r.type} ${r.attributeName || ''}`), [], 'writes recorded inside the reason after it was inserted');
  assert.equal(records.filter((r) => r.type === 'childList').length, 1, 'one insertion: the reason');
});

test('the row\'s display comes from the palette\'s walk: one computed style per element read, none twice', () => {
  const asked = [];
  const { window, document } = loadPage(PAGE, {
    beforeScripts(w) {
      const original = w.getComputedStyle;
      w.getComputedStyle = function counted(el, ...rest) { asked.push(el); return original.call(this, el, ...rest); };
    },
  });
  const switches = window.LinkedOutScan.switchesIn(document);
  asked.length = 0;
  window.LinkedOutHighlight.applyVerdict(document, benchVerdict(50, 12), switches);
  // The palette walks from the switch's parent to the root (nothing on this page paints a
  // background); the row is on that walk.
  const walk = [];
  for (let node = switches[12].parentElement; node; node = node.parentElement) walk.push(node);
  const row = document.querySelector('[data-linkedout-row]');
  assert.ok(walk.includes(row));
  assert.equal(asked.length, walk.length, `${asked.length} computed styles read for a walk of ${walk.length} elements`);
  assert.equal(new Set(asked).size, asked.length, 'an element\'s computed style read twice');
});

test('a row mark the page planted (no switch mark with it) is cleared at the next apply: LinkedOut\'s outline only where LinkedOut put it', () => {
  const { window, document } = loadPage(PAGE);
  const H = window.LinkedOutHighlight;
  const switches = window.LinkedOutScan.switchesIn(document);
  H.applyVerdict(document, benchVerdict(50, 12), switches);
  // The page marks another switch's row as LinkedOut would, and nothing on its switch.
  const planted = switches[30].closest('section > div');
  planted.setAttribute('data-linkedout-row', 'switch-off');
  planted.setAttribute('data-linkedout-palette', 'light');
  H.applyVerdict(document, benchVerdict(50, 12), switches);
  assert.equal(planted.hasAttribute('data-linkedout-row'), false, 'the planted row mark is gone');
  const rows = Array.from(document.querySelectorAll('[data-linkedout-row]'));
  assert.deepEqual(rows, [switches[12].closest('section > div')], 'only the row of the highlighted switch is marked');
});
