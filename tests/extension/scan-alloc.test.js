// What one scan + apply allocates in the content script's world drives its p99: every young-
// generation GC pause lands in some run (docs/performance.md §9, round 4). These tests hold the
// steady state without a clock: a scan after a page change that brought no tree and no switch
// rebuilds none of the lists the tracker keeps between scans (they live from one scan to the next,
// so a GC in between copies whatever is new), and makes no Map or Set; main.js does not serialise
// an unchanged page to find out that it is unchanged. bench/extension_bench.mjs measures the bytes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage } from './helpers.js';

const rows = (n, prefix = 'k') => Array.from({ length: n }, (_, i) => `<div><span id="${prefix}${i}">Setting ${i}</span>
  <input type="checkbox" role="switch" aria-labelledby="${prefix}${i}" aria-checked="${i % 2 === 0}" ${i % 2 === 0 ? 'checked' : ''}></div>`).join('');

/** Counts the Maps and Sets the page's scripts construct (they name the global at each `new`). */
function countCollections(window) {
  const counts = { Map: 0, Set: 0 };
  for (const name of ['Map', 'Set']) {
    const Original = window[name];
    window[name] = class extends Original {
      constructor(...args) { super(...args); counts[name] += 1; }
    };
  }
  return counts;
}

test('a scan after an unrelated change keeps the tracker\'s trees and candidate lists and makes no Map or Set', () => {
  const { window, document } = loadPage(`<html lang="en"><body><main id="m">${rows(30)}<div id="host"></div><aside id="feed"><p>post</p></aside></main></body></html>`);
  const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
  shadow.innerHTML = rows(5, 's');
  const scan = window.LinkedOutScan;
  const tracker = scan.treeTracker(document);
  const observer = new window.MutationObserver(() => {});
  observer.observe(document.documentElement, { childList: true, subtree: true });
  const noteRecords = () => { for (const r of observer.takeRecords()) for (const node of r.addedNodes) tracker.noteAdded(node); };
  const firstTrees = tracker.trees(true);
  scan.switchesIn(document, firstTrees, tracker.candidatesOf);
  // One scan after a change to settle what a full walk leaves, then the steady state.
  const feed = document.getElementById('feed');
  const card = (i) => { const p = document.createElement('article'); p.innerHTML = `<div><span>Member ${i}</span></div><p>A post</p>`; feed.prepend(p); feed.lastElementChild.remove(); };
  card(0); noteRecords();
  const trees = tracker.trees(false);
  scan.switchesIn(document, trees, tracker.candidatesOf);
  const docList = tracker.candidatesOf(document);
  const shadowList = tracker.candidatesOf(shadow);

  const counts = countCollections(window);
  for (let i = 1; i <= 3; i += 1) {
    card(i); noteRecords();
    const again = tracker.trees(false);
    const found = scan.switchesIn(document, again, tracker.candidatesOf);
    assert.ok(again === trees, `scan ${i}: a new trees list, though no tree came or went`);
    assert.ok(tracker.candidatesOf(document) === docList, `scan ${i}: the document's candidate list was rebuilt`);
    assert.ok(tracker.candidatesOf(shadow) === shadowList, `scan ${i}: the shadow root's candidate list was rebuilt`);
    assert.deepEqual(found, scan.switchesIn(document), `scan ${i}: still exactly the switches a full walk finds`);
  }
  // switchesIn(document) above (the full reference walk) may build what it likes: count the kept scans only.
  const before = { ...counts };
  card(9); noteRecords();
  scan.switchesIn(document, tracker.trees(false), tracker.candidatesOf);
  assert.deepEqual({ Map: counts.Map - before.Map, Set: counts.Set - before.Set }, { Map: 0, Set: 0 },
    'Maps and Sets made by a scan after an unrelated change');
});

test('the kept lists still follow the page: a switch removed, one added, one re-roled', () => {
  const { window, document } = loadPage(`<html lang="en"><body><main id="m">${rows(10)}</main></body></html>`);
  const scan = window.LinkedOutScan;
  const tracker = scan.treeTracker(document);
  const observer = new window.MutationObserver(() => {});
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'type', 'aria-pressed'] });
  const step = () => {
    for (const r of observer.takeRecords()) {
      if (r.type === 'childList') for (const node of r.addedNodes) tracker.noteAdded(node);
      else tracker.noteChanged(r.target);
    }
    return scan.switchesIn(document, tracker.trees(false), tracker.candidatesOf);
  };
  scan.switchesIn(document, tracker.trees(true), tracker.candidatesOf);
  document.querySelectorAll('input')[3].closest('div').remove();
  assert.deepEqual(step(), scan.switchesIn(document), 'after a removal');
  const added = document.createElement('div');
  added.innerHTML = '<span id="n">New</span><input type="checkbox" role="switch" aria-labelledby="n" aria-checked="true" checked>';
  document.getElementById('m').prepend(added);
  assert.deepEqual(step(), scan.switchesIn(document), 'after an addition');
  const plain = document.createElement('div');
  plain.innerHTML = '<span id="r">Late role</span><div aria-labelledby="r" aria-checked="true"></div>';
  document.getElementById('m').append(plain);
  step();
  plain.lastElementChild.setAttribute('role', 'switch');
  const found = step();
  assert.deepEqual(found, scan.switchesIn(document), 'after a role change');
  assert.equal(found.length, 11);
});

test('a scan of switches of the usual shape reads no class attribute (each read makes a string)', () => {
  const reads = { class: 0 };
  const { window, document } = loadPage(`<html lang="en"><body><main>${rows(50)}
    <span class="x artdeco-toggle-ish artdeco-toggle artdeco-toggle--toggled" role="button" aria-label="Artdeco"></span>
    <span class="artdeco-toggle-like" role="button" aria-label="Not a toggle"></span></main></body></html>`, {
    beforeScripts(w) {
      const original = w.Element.prototype.getAttribute;
      // Only the scan's own reads: jsdom's selector engine reads classes too (called from a query).
      w.Element.prototype.getAttribute = function counted(name) {
        if (name === 'class' && /^\s*at .*content\/scan\.js/.test(new Error().stack.split('\n')[2])) reads.class += 1;
        return original.call(this, name);
      };
    },
  });
  const scan = window.LinkedOutScan;
  const controls = scan.switchesIn(document).map(scan.readControl);
  assert.equal(controls.length, 51, 'the 50 switches and the artdeco toggle, not its look-alike');
  assert.deepEqual([controls[50].label, controls[50].checked], ['Artdeco', true]);
  assert.equal(reads.class, 0, `${reads.class} class attributes read as strings for 51 switches`);
});

test('applying a verdict builds no Map or Set and no list per switch (it answers most scans that send)', () => {
  const { window, document } = loadPage(`<html lang="en"><body><main id="m">${rows(50)}</main></body></html>`);
  const scan = window.LinkedOutScan;
  const highlight = window.LinkedOutHighlight;
  const switches = scan.switchesIn(document);
  const verdict = { highlight: [{ key: 'k0', setting: 's', action: 'switch-off', reason: 'On.', control: 0 }], ok: [{ key: 'k1', control: 1 }], unknown: [] };
  highlight.applyVerdict(document, verdict, switches);
  const counts = countCollections(window);
  let arraysFrom = 0;
  const originalFrom = window.Array.from;
  window.Array.from = (...args) => { arraysFrom += 1; return originalFrom(...args); };
  for (let i = 0; i < 3; i += 1) {
    const applied = highlight.applyVerdict(document, verdict, switches);
    assert.deepEqual([applied.highlighted.length, applied.ok.length], [1, 1]);
  }
  window.Array.from = originalFrom;
  assert.equal(document.querySelectorAll('[data-linkedout-row]').length, 1, 'one row marked');
  assert.equal(document.querySelectorAll('[data-linkedout-reason]').length, 1, 'one reason, kept');
  assert.equal(switches[0].getAttribute('data-linkedout'), 'switch-off');
  assert.deepEqual({ ...counts, arraysFrom }, { Map: 0, Set: 0, arraysFrom: 0 }, 'Maps, Sets and Array.from copies made by three applies');
});

test('a scan\'s presence checker is made once, not per scan (scan-cost.test.js holds that each scan measures afresh)', () => {
  const { window } = loadPage(`<html lang="en"><body><main id="m">${rows(5)}</main></body></html>`, {
    files: ['lib/protocol.js', 'content/scan.js', 'content/presence.js', 'content/tree-style.js', 'content/highlight.js'],
  });
  const presence = window.LinkedOutPresence;
  presence.forScan();
  const counts = countCollections(window);
  const first = presence.forScan();
  const second = presence.forScan();
  assert.deepEqual({ ...counts }, { Map: 0, Set: 0 }, 'Maps and Sets made by two scans\' checkers');
  assert.equal(first, second, 'one checker, reused');
});

test('reading a switch of the usual shape reads its role once (in Firefox each attribute read makes a string)', () => {
  const reads = { role: 0 };
  const { window, document } = loadPage(`<html lang="en"><body><main>${rows(50)}
    <div role="radiogroup" id="g" aria-label="Ads"><div role="radio" aria-checked="true">Yes</div><div role="radio" aria-checked="false">No</div></div>
    <button role="switch" aria-label="Drawn"><span>On</span></button></main></body></html>`, {
    beforeScripts(w) {
      const original = w.Element.prototype.getAttribute;
      w.Element.prototype.getAttribute = function counted(name) {
        if (name === 'role' && /^\s*at .*content\/scan\.js/.test(new Error().stack.split('\n')[2])) reads.role += 1;
        return original.call(this, name);
      };
    },
  });
  const scan = window.LinkedOutScan;
  const switches = scan.switchesIn(document);
  reads.role = 0;
  const controls = switches.map((el) => scan.readControl(el));
  assert.equal(controls.length, 52);
  assert.deepEqual(Array.from(controls.slice(50), (c) => [c.key, c.label, c.checked]), [['g', 'Ads', true], [null, 'Drawn', true]]);
  const readOnce = reads.role;
  reads.role = 0;
  assert.ok(switches.every((el, i) => scan.readsAs(el, controls[i])), 'each reads as it was read');
  // The checkbox switches' role is read once each, for isRadio; the drawn switch's once more (its
  // state is its text, by role); the radio group reads its options' roles.
  assert.ok(readOnce <= 50 + 2 + 6, `readControl read role ${readOnce} times for 52 switches`);
  assert.ok(reads.role <= 50 + 2 + 6, `readsAs read role ${reads.role} times for 52 switches`);
});

/**
 * Counts the calls scan.js makes to a getter of `proto` (wrapped before the scripts load, which
 * take the prototypes' getters once): only the scan's own calls, not jsdom's selector engine's.
 */
function countGetter(w, proto, name) {
  const count = { n: 0 };
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  Object.defineProperty(proto, name, {
    ...descriptor,
    get() {
      if (/^\s*at .*content\/scan\.js/.test(new Error().stack.split('\n')[2])) count.n += 1;
      return descriptor.get.call(this);
    },
  });
  return count;
}

test('a scan reads a checkbox switch\'s input type once to find it and once to read it (in Firefox each read makes a string)', () => {
  let types = null;
  const { window, document } = loadPage(`<html lang="en"><body><main>${rows(50)}
    <fieldset><legend>Ads</legend><label><input type="radio" name="a" value="yes" checked>Yes</label><label><input type="radio" name="a" value="no">No</label></fieldset>
    <input type="checkbox" role="radio" aria-checked="true" aria-label="Yes">
    <ul><li><input type="checkbox" aria-label="Option 1"></li><li><input type="checkbox" aria-label="Option 2"></li></ul>
    <input type="CheckBox" aria-label="Plain" checked></main></body></html>`, {
    beforeScripts(w) { types = countGetter(w, w.HTMLInputElement.prototype, 'type'); },
  });
  const scan = window.LinkedOutScan;
  const tracker = scan.treeTracker(document);
  scan.switchesIn(document, tracker.trees(true), tracker.candidatesOf);
  types.n = 0;
  const switches = scan.switchesIn(document, tracker.trees(false), tracker.candidatesOf);
  const inScan = types.n;
  assert.equal(switches.length, 53, 'the 50 switches, the radio group, the checkbox with role radio, the plain checkbox; not the list options');
  types.n = 0;
  const controls = switches.map((el) => scan.readControl(el));
  const inRead = types.n;
  types.n = 0;
  assert.ok(switches.every((el, i) => scan.readsAs(el, controls[i])), 'each reads as it was read');
  const inReadsAs = types.n;
  assert.deepEqual(Array.from(controls.slice(50), (c) => [c.key, c.label, c.checked]),
    [['a', 'Ads', true], [null, '', null], [null, 'Plain', true]]);
  // The checkbox switches: once as a kept candidate, once as a switch (list option? radio?), once
  // read; the radio group reads its two options' types to find its members.
  assert.ok(inScan <= 2 * 50 + 12, `a scan after a change read type ${inScan} times for 53 switches`);
  assert.ok(inRead <= 50 + 8, `readControl read type ${inRead} times for 53 switches`);
  assert.ok(inReadsAs <= 50 + 8, `readsAs read type ${inReadsAs} times for 53 switches`);
});

test('reading a switch reads its aria-labelledby once, for its key and its label both', () => {
  const reads = { labelledby: 0 };
  const { window, document } = loadPage(`<html lang="en"><body><main>${rows(50)}
    <span id="x1">Two</span><span id="x2">ids</span><input type="checkbox" role="switch" aria-labelledby=" x1  x2 " aria-checked="false">
    <input type="checkbox" role="switch" aria-labelledby="missing" aria-label="Fallback" aria-checked="false">
    <input type="checkbox" role="switch" aria-labelledby="" id="own" aria-label="Empty list" aria-checked="true" checked></main></body></html>`, {
    beforeScripts(w) {
      const original = w.Element.prototype.getAttribute;
      w.Element.prototype.getAttribute = function counted(name) {
        if (name === 'aria-labelledby' && /^\s*at .*content\/scan\.js/.test(new Error().stack.split('\n')[2])) reads.labelledby += 1;
        return original.call(this, name);
      };
    },
  });
  const scan = window.LinkedOutScan;
  const switches = scan.switchesIn(document);
  reads.labelledby = 0;
  const controls = switches.map((el) => scan.readControl(el));
  const inRead = reads.labelledby;
  reads.labelledby = 0;
  assert.ok(switches.every((el, i) => scan.readsAs(el, controls[i])), 'each reads as it was read');
  const inReadsAs = reads.labelledby;
  assert.deepEqual(Array.from(controls.slice(50), (c) => [c.key, c.label, c.checked]),
    [['x1 x2', 'Two ids', false], ['missing', 'Fallback', false], ['own', 'Empty list', true]]);
  assert.deepEqual(Array.from(controls.slice(50), (c, i) => [scan.keyOf(switches[50 + i]), scan.labelOf(switches[50 + i])]),
    [['x1 x2', 'Two ids'], ['missing', 'Fallback'], ['own', 'Empty list']], 'keyOf and labelOf alone say the same');
  assert.ok(inRead <= 53, `readControl read aria-labelledby ${inRead} times for 53 switches`);
  assert.ok(inReadsAs <= 53, `readsAs read aria-labelledby ${inReadsAs} times for 53 switches`);
});
