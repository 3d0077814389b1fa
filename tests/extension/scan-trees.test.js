// scan.treeTracker: between full walks, the trees of a page (document, open shadow roots,
// same-origin frames) are the ones kept from the last walk that are still there, plus those inside
// the nodes mutation records say were added: the same trees, in the same order, as a full walk
// (treesIn) finds, whatever the page added, removed or moved. Only a shadow root attached to an
// element already in the page needs the full walk (content/main.js makes it within FULL_WALK_MS).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage } from './helpers.js';

/** The page with a MutationObserver fed to the tracker as content/main.js feeds it. */
function trackedPage(html, options = {}) {
  const page = loadPage(html, options);
  const scan = page.window.LinkedOutScan;
  const tracker = scan.treeTracker(page.document);
  const observed = new Set();
  const observer = new page.window.MutationObserver(() => {});
  const observe = (trees) => {
    for (const tree of trees) {
      if (observed.has(tree)) continue;
      observed.add(tree);
      observer.observe(tree.nodeType === 9 ? tree.documentElement : tree,
        { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-checked', 'aria-pressed', 'role', 'type', 'id'] });
    }
  };
  const incremental = () => {
    for (const record of observer.takeRecords()) {
      if (record.type === 'childList') for (const node of record.addedNodes) tracker.noteAdded(node);
      else if (['aria-pressed', 'role', 'type'].includes(record.attributeName)) tracker.noteChanged(record.target);
    }
    const trees = tracker.trees(false);
    observe(trees);
    return trees;
  };
  observe(tracker.trees(true));
  return { ...page, scan, tracker, incremental };
}

const describe = (document, trees) => Array.from(trees, (tree) => (tree === document ? 'document'
  : tree.nodeType === 9 ? `frame:${tree.defaultView.frameElement.id}` : `shadow:${tree.host.id}`));

test('after added, removed, moved and re-roled nodes, the kept trees and switches are those a full walk and query find, in their order', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const { window, document, scan, tracker, incremental } = trackedPage('<html lang="en"><body><main id="m"></main></body></html>');
    let state = seed;
    let switchesSeen = 0;
    const next = (n) => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state % n; };
    let ids = 0;
    // Every element of every tree the page has now (where nodes can be added or moved to).
    const allElements = () => {
      const out = [];
      for (const tree of scan.treesIn(document)) out.push(...tree.querySelectorAll('*'));
      return out.filter((el) => el.localName !== 'html' && el.localName !== 'head' && el.localName !== 'body');
    };
    // A new subtree: plain elements, some hosting an open shadow root (with more inside), some
    // iframes, some switches of several shapes.
    const SWITCHES = ['<input type="checkbox" role="switch" aria-checked="true" checked aria-label="s">',
      '<div role="switch" aria-checked="false" aria-label="d"></div>', '<button aria-pressed="true">b</button>',
      '<select aria-label="q"><option value="yes">Yes</option><option value="no" selected>No</option></select>'];
    const build = (depth) => {
      const kind = next(7);
      const el = document.createElement(kind === 0 ? 'section' : kind === 1 ? 'span' : 'div');
      el.id = `e${ids += 1}`;
      if (kind === 6) el.innerHTML = SWITCHES[next(SWITCHES.length)];
      if (kind === 2 && depth < 3) {
        const root = el.attachShadow({ mode: 'open' });
        for (let i = next(3); i > 0; i -= 1) root.append(build(depth + 1));
      }
      if (kind === 3 && depth < 2) {
        const frame = document.createElement('iframe');
        frame.id = `f${ids += 1}`;
        el.append(frame);
      }
      if (depth < 3) for (let i = next(3); i > 0; i -= 1) el.append(build(depth + 1));
      return el;
    };
    for (let step = 0; step < 60; step += 1) {
      const els = allElements();
      const op = next(6);
      const target = els.length ? els[next(els.length)] : document.getElementById('m');
      if (op === 4 && els.length >= 3) {
        // A role given or taken away: the element becomes a switch, or stops being one.
        if (target.getAttribute('role') === 'switch') target.removeAttribute('role');
        else { target.setAttribute('role', 'switch'); target.setAttribute('aria-checked', 'true'); }
      } else if (op === 5 && els.length >= 3) {
        const input = allElements().find((el) => el.localName === 'input');
        if (input) input.setAttribute('type', input.type === 'checkbox' ? 'text' : 'checkbox');
      } else if (op <= 1 || els.length < 3) {
        const sub = build(0);
        (target.shadowRoot && next(2) ? target.shadowRoot : target).append(sub);
      } else if (op === 2) {
        if (target.id !== 'm') target.remove();
      } else {
        const into = els[next(els.length)];
        if (into !== target && !target.contains(into) && target.id !== 'm') {
          try { (into.shadowRoot && next(2) ? into.shadowRoot : into).append(target); } catch { /* a frame's own document */ }
        }
      }
      const kept = incremental();
      const walked = scan.treesIn(document);
      assert.deepEqual(describe(document, kept), describe(document, walked), `seed ${seed}, step ${step}: the same trees in the same order`);
      kept.forEach((tree, i) => assert.equal(tree, walked[i], `seed ${seed}, step ${step}: tree ${i} is the walk's`));
      const keptSwitches = scan.switchesIn(document, kept, tracker.candidatesOf);
      const queried = scan.switchesIn(document);
      assert.equal(keptSwitches.length, queried.length, `seed ${seed}, step ${step}: as many switches as querying every tree finds`);
      keptSwitches.forEach((el, i) => assert.equal(el, queried[i], `seed ${seed}, step ${step}: switch ${i} is the query's`));
      switchesSeen = Math.max(switchesSeen, queried.length);
    }
    assert.ok(switchesSeen > 5, `seed ${seed}: the page had switches (${switchesSeen})`);
    const final = describe(document, scan.treesIn(document));
    assert.ok(final.length > 3, `seed ${seed}: the page grew shadow roots and frames (${final})`);
    void window;
  }
});

test('a shadow root attached to an element already in the page is found by the full walk only', () => {
  const { document, tracker, incremental } = trackedPage('<html lang="en"><body><main><div id="host"></div></main></body></html>');
  document.getElementById('host').attachShadow({ mode: 'open' });
  assert.deepEqual(describe(document, incremental()), ['document'], 'no record names it: the kept trees do not have it');
  assert.deepEqual(describe(document, tracker.trees(true)), ['document', 'shadow:host'], 'the full walk finds it');
  assert.deepEqual(describe(document, incremental()), ['document', 'shadow:host'], 'and it is kept from then on');
});

test('a subtree added in one record is walked once for its shadow roots, not the page', () => {
  const filler = Array.from({ length: 500 }, (_, i) => `<div><span>${i}</span></div>`).join('');
  let reads = 0;
  const page = loadPage(`<html lang="en"><body><main id="m">${filler}</main></body></html>`, {
    beforeScripts(window) {
      const descriptor = Object.getOwnPropertyDescriptor(window.Element.prototype, 'shadowRoot');
      Object.defineProperty(window.Element.prototype, 'shadowRoot', { ...descriptor, get() { reads += 1; return descriptor.get.call(this); } });
    },
  });
  const tracker = page.window.LinkedOutScan.treeTracker(page.document);
  tracker.trees(true);
  const card = page.document.createElement('article');
  card.innerHTML = '<div id="h"></div><p>text</p>';
  card.firstChild.attachShadow({ mode: 'open' }).innerHTML = '<span>inside</span>';
  page.document.getElementById('m').append(card);
  tracker.noteAdded(card);
  reads = 0;
  const trees = tracker.trees(false);
  assert.equal(trees.length, 2, 'the new shadow root is found');
  assert.ok(reads <= 6, `${reads} elements asked for a shadow root (the card's 3 and the new root's 1), not the page's 1,000`);
});

test('a scan after a page change queries no whole tree for switches, and finds the added one', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `<div><span id="k${i}">Setting ${i}</span>
    <input type="checkbox" role="switch" aria-labelledby="k${i}" aria-checked="true" checked></div>`).join('');
  let wholeTreeQueries = 0;
  const { window, document, tracker, incremental } = trackedPage(`<html lang="en"><body><main id="m">${rows}</main></body></html>`, {
    beforeScripts(w) {
      for (const proto of [w.Document.prototype, w.DocumentFragment.prototype]) {
        const original = proto.querySelectorAll;
        proto.querySelectorAll = function counted(...args) { wholeTreeQueries += 1; return original.apply(this, args); };
      }
    },
  });
  const scan = window.LinkedOutScan;
  assert.equal(scan.switchesIn(document, incremental(), tracker.candidatesOf).length, 30);
  const card = document.createElement('div');
  card.innerHTML = '<span id="late">Late</span><input type="checkbox" role="switch" aria-labelledby="late" aria-checked="false">';
  document.getElementById('m').prepend(card);
  wholeTreeQueries = 0;
  const found = scan.switchesIn(document, incremental(), tracker.candidatesOf);
  assert.equal(wholeTreeQueries, 0, `${wholeTreeQueries} queries over a whole tree for a scan after one added row`);
  assert.equal(found.length, 31);
  assert.equal(found[0].getAttribute('aria-labelledby'), 'late', 'the added switch, first in tree order');
});

test('a node added is walked once for its shadow roots and its frames: no collection of its iframes and frames is asked of it', () => {
  let collections = 0;
  const { window, document, tracker, incremental } = trackedPage('<html lang="en"><body><main id="m"><div id="old"></div></main></body></html>', {
    beforeScripts(w) {
      const original = w.Element.prototype.getElementsByTagName;
      // Only the scan's own calls: jsdom's selector engine calls it too (from a query).
      w.Element.prototype.getElementsByTagName = function counted(name) {
        if (/^\s*at .*content\/scan\.js/.test(new Error().stack.split('\n')[2])) collections += 1;
        return original.call(this, name);
      };
    },
  });
  const scan = window.LinkedOutScan;
  for (let i = 0; i < 3; i += 1) {
    const card = document.createElement('article');
    card.innerHTML = `<div><span>Member ${i}</span></div><p>A post</p><ul><li>Like</li><li>Share</li></ul>`;
    document.getElementById('m').prepend(card);
  }
  const framed = document.createElement('section');
  framed.innerHTML = '<div id="host"></div><div><iframe id="inner"></iframe></div>';
  framed.firstChild.attachShadow({ mode: 'open' }).innerHTML = '<span>inside</span>';
  document.getElementById('m').append(framed);
  collections = 0;
  const trees = incremental();
  assert.equal(collections, 0, `${collections} collections of iframes and frames asked of 4 added nodes`);
  assert.deepEqual(describe(document, trees), ['document', 'shadow:host', 'frame:inner'], 'the added shadow root and frame are found');
  assert.deepEqual(describe(document, trees), describe(document, scan.treesIn(document)), 'as a full walk finds them');
});

test('a kept candidate is asked only its tree and whether it is still a candidate: 50 kept switches, no isConnected or nodeType read of each', () => {
  const reads = { isConnected: 0, nodeType: 0 };
  const rows = Array.from({ length: 50 }, (_, i) => `<div><span id="k${i}">Setting ${i}</span>
    <input type="checkbox" role="switch" aria-labelledby="k${i}" aria-checked="true" checked></div>`).join('');
  const { window, document, tracker, incremental } = trackedPage(`<html lang="en"><body><main id="m">${rows}<div id="host"></div></main></body></html>`, {
    beforeScripts(w) {
      for (const name of Object.keys(reads)) {
        const descriptor = Object.getOwnPropertyDescriptor(w.Node.prototype, name);
        Object.defineProperty(w.Node.prototype, name, {
          ...descriptor,
          get() {
            if (/^\s*at .*content\/scan\.js/.test(new Error().stack.split('\n')[2])) reads[name] += 1;
            return descriptor.get.call(this);
          },
        });
      }
    },
  });
  const scan = window.LinkedOutScan;
  const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<input type="checkbox" role="switch" aria-label="inside" aria-checked="false">';
  scan.switchesIn(document, tracker.trees(true), tracker.candidatesOf);
  const gone = document.querySelectorAll('input')[4];
  gone.remove();
  const moved = document.querySelectorAll('input')[9];
  reads.isConnected = 0;
  reads.nodeType = 0;
  const found = scan.switchesIn(document, incremental(), tracker.candidatesOf);
  // The shadow root's host is asked whether it is still connected (the tree is kept only then).
  assert.ok(reads.isConnected <= 1 && reads.nodeType <= 1, `${reads.isConnected} isConnected and ${reads.nodeType} nodeType reads for 50 kept candidates and no added node`);
  assert.equal(found.length, 50, 'the removed one is gone, the shadow root\'s is kept');
  shadow.append(moved);  // moved into the shadow root: no longer the document's
  const after = scan.switchesIn(document, incremental(), tracker.candidatesOf);
  assert.deepEqual(after, scan.switchesIn(document), 'as a full walk and query find them');
  document.getElementById('host').remove();  // the shadow root's switches go with their host
  assert.deepEqual(scan.switchesIn(document, incremental(), tracker.candidatesOf), scan.switchesIn(document));
});

test('the frames it cannot read are known to the tracker: one added after the last full walk is found with the added nodes, and no collection of frames is asked of the whole document at each scan', () => {
  let documentCollections = 0;
  const { window, document, tracker, incremental } = trackedPage('<html lang="en"><body><main id="m"><iframe id="own"></iframe><iframe id="early" data-foreign></iframe></main></body></html>', {
    beforeScripts(w) {
      // A frame of another origin, as jsdom has none: its document cannot be read.
      const descriptor = Object.getOwnPropertyDescriptor(w.HTMLIFrameElement.prototype, 'contentDocument');
      Object.defineProperty(w.HTMLIFrameElement.prototype, 'contentDocument', {
        configurable: true,
        get() { return this.hasAttribute('data-foreign') ? null : descriptor.get.call(this); },
      });
      const original = w.Document.prototype.getElementsByTagName;
      w.Document.prototype.getElementsByTagName = function counted(name) {
        if (/^\s*at .*content\/scan\.js/.test(new Error().stack.split('\n')[2])) documentCollections += 1;
        return original.call(this, name);
      };
    },
  });
  const ids = (frames) => Array.from(frames, (f) => f.id);  // (the list is of the page's realm)
  assert.deepEqual(ids(tracker.unreadableFrames()), ['early'], 'the full walk finds the frame it cannot read, not the readable one');
  const late = document.createElement('div');
  late.innerHTML = '<iframe id="late" data-foreign></iframe>';
  document.getElementById('m').append(late);
  documentCollections = 0;
  incremental();
  assert.deepEqual(ids(tracker.unreadableFrames()), ['early', 'late'], 'the frame added since is found with the added nodes');
  assert.equal(documentCollections, 0, `${documentCollections} collections of frames asked of the whole document by a scan after a page change`);
  document.getElementById('early').remove();
  incremental();
  assert.deepEqual(ids(tracker.unreadableFrames()), ['late'], 'a frame removed is forgotten');
  void window;
});

test('Chromium: a closed root on an element with children is found by probeClosedRoots (each element asked once), then read by every walk', () => {
  // chrome.dom.openOrClosedShadowRoot as Chromium gives it to content scripts (jsdom has no such
  // API, nor Element.openOrClosedShadowRoot): the closed roots the page attached.
  const closed = new WeakMap();
  const asked = [];
  const page = loadPage(`<!doctype html><html lang="en"><body><main>
    <div><input type="checkbox" role="switch" aria-label="Smart reply suggestions" aria-checked="true" checked></div>
    <div id="host"><p>Advertising data</p></div></main></body></html>`, {
    beforeScripts(window) {
      window.chrome = { dom: { openOrClosedShadowRoot: (el) => { asked.push(el); return closed.get(el) ?? null; } } };
      const host = window.document.getElementById('host');
      const root = host.attachShadow({ mode: 'closed' });
      root.innerHTML = '<slot></slot><input type="checkbox" role="switch" aria-label="Ad-related actions" aria-checked="true" checked>';
      closed.set(host, root);
    },
  });
  const scan = page.window.LinkedOutScan;
  const tracker = scan.treeTracker(page.document);
  const labels = () => [...scan.switchesIn(page.document, tracker.trees(true), tracker.candidatesOf)].map((el) => scan.labelOf(el));
  assert.deepEqual(labels(), ['Smart reply suggestions'], 'the walk asks only custom and childless elements');
  assert.equal(tracker.probeClosedRoots(), true);
  assert.deepEqual(labels(), ['Smart reply suggestions', 'Ad-related actions']);
  asked.length = 0;
  assert.equal(tracker.probeClosedRoots(), false, 'nothing new');
  assert.deepEqual(asked.filter((el) => el.firstChild !== null && el.localName !== 'input'), [], 'no element with children asked twice');
});
