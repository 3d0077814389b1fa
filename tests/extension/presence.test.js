// content/presence.js: which switches the user can see. jsdom has no layout, so each test page
// gives its elements the boxes a browser would (data-box: left, top, width, height) and the page
// its extent (data-extent on an element: its scroll and client size); presence.js decides on them.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage } from './helpers.js';

function withBoxes(w) {
  const boxOf = (el) => {
    const [left, top, width, height] = (el.getAttribute('data-box') || '0,0,100,20').split(',').map(Number);
    return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top };
  };
  w.Element.prototype.getBoundingClientRect = function getBoundingClientRect() { return boxOf(this); };
  w.Element.prototype.getClientRects = function getClientRects() { return this.hasAttribute('data-none') ? [] : [boxOf(this)]; };
  w.Element.prototype.checkVisibility = function checkVisibility() { return !this.hasAttribute('data-none'); };
  const extentOf = (el, i) => {
    const spec = el.getAttribute('data-extent') || (el.localName === 'html' ? '1280,2400,1280,800' : '0,0,0,0');
    return spec.split(',').map(Number)[i];
  };
  ['scrollWidth', 'scrollHeight', 'clientWidth', 'clientHeight'].forEach((name, i) => {
    Object.defineProperty(w.Element.prototype, name, { configurable: true, get() { return extentOf(this, i); } });
  });
}

const PAGE = `<!doctype html><html lang="en"><body><main>
  <input type="checkbox" role="switch" id="real" data-box="600,100,40,20">
  <input type="checkbox" role="switch" id="right" data-box="4000,100,40,20">
  <input type="checkbox" role="switch" id="above" data-box="600,-500,40,20">
  <input type="checkbox" role="switch" id="none" data-none>
  <input type="checkbox" role="switch" id="flat" data-box="600,200,40,0">
  <div style="overflow:hidden;width:0;height:0"><img name="scrollingElement" data-extent="9000,9000,9000,9000"></div>
</main></body></html>`;

const shownIds = (window, document, isShown) => Array.from(document.querySelectorAll('input'))
  .filter((el) => isShown(el)).map((el) => el.id);

test('only switches inside the page, with a size and a box, are shown; one checker per scan answers alike', () => {
  const { window, document } = loadPage(PAGE, { files: ['content/scan.js', 'content/presence.js'], beforeScripts: withBoxes });
  const presence = window.LinkedOutPresence;
  assert.deepEqual(shownIds(window, document, presence.isShown), ['real']);
  const checker = presence.forScan();
  assert.deepEqual(shownIds(window, document, checker.isShown), ['real']);
});

test('a page that names an element "scrollingElement" or "documentElement" cannot stretch itself to show an off-screen decoy', () => {
  const { window, document } = loadPage(PAGE, {
    files: ['content/scan.js', 'content/presence.js'],
    beforeScripts(w) {
      withBoxes(w);
      // What <img name="scrollingElement"> and <form name="documentElement"> do in Chromium and
      // Firefox: the document's named properties shadow its own getters.
      const img = w.document.querySelector('img');
      Object.defineProperty(w.document, 'scrollingElement', { configurable: true, get: () => img });
      Object.defineProperty(w.document, 'documentElement', { configurable: true, get: () => img });
    },
  });
  const presence = window.LinkedOutPresence;
  assert.deepEqual(shownIds(window, document, presence.isShown), ['real'], 'the decoy 4,000 px to the right counts as shown');
  assert.deepEqual(shownIds(window, document, presence.forScan().isShown), ['real']);
});
