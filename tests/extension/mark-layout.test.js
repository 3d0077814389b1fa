// What the marks make the browser lay out again (docs/performance.md §9, round 5). In Firefox a
// forced layout after the apply cost about the same (~1 ms on the bench's 10,000-element page)
// whether one thing or three in it needed a reflow — the row's flex-wrap, the reason, the
// confirmation region — while the outlines and the pulse, which change only paint, cost ~0.1 ms.
// So the apply asks for the one reflow it cannot do without (the reason's line in its row, beside
// its switch, in reading order, covering nothing) and no other in the same task: flex-wrap only on
// a row that is a flex container (where the reason needs it to get a line of its own), and the
// confirmation region inserted in a task of its own, long before anything is said into it. These
// tests hold that without a clock, on highlight.css's own cascade (jsdom computes it).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadPage, EXTENSION_DIR } from './helpers.js';

const CSS = fs.readFileSync(path.join(EXTENSION_DIR, 'content/highlight.css'), 'utf8');

const row = (key, label, style = '') => `<div class="row"${style ? ` style="${style}"` : ''}><div><span id="${key}">${label}</span></div>
  <div><input type="checkbox" role="switch" aria-labelledby="${key}" aria-checked="true" checked></div></div>`;

function page(rowStyle) {
  const { window, document } = loadPage(`<!doctype html><html lang="en"><head><style>${CSS}</style></head><body><main>
    ${row('allowDataForGenerativeAI', 'Use my data', rowStyle)}${row('other', 'Other')}</main></body></html>`);
  const switches = window.LinkedOutScan.switchesIn(document);
  const verdict = {
    type: 'verdict', url: 'https://www.linkedin.com/mypreferences/d/settings/x', setting: 'x',
    highlight: [{ key: 'allowDataForGenerativeAI', control: 0, setting: 'x', action: 'switch-off', severity: 'ai-training', reason: 'Trains AI.', matched_by: 'key' }],
    ok: [], unknown: [], drift: [], progress: { done: 0, total: 1, remaining: 1 }, next: null, walkthrough: { active: false, still_on: 1 },
  };
  return { window, document, apply: () => window.LinkedOutHighlight.applyVerdict(document, verdict, switches) };
}

// Everything in highlight.css that lays a box out (as opposed to painting it).
const LAYOUT_PROPERTIES = ['display', 'position', 'flex-wrap', 'flex', 'order', 'width', 'height', 'max-width', 'min-width',
  'margin', 'padding', 'border-width', 'box-sizing', 'font', 'white-space', 'overflow-wrap'];
const layoutOf = (window, el) => Object.fromEntries(LAYOUT_PROPERTIES.map((p) => [p, window.getComputedStyle(el).getPropertyValue(p)]));

test('marking a row that is not a flex container changes only how it is painted (no reflow of its own)', () => {
  const { window, document, apply } = page('');
  const target = document.querySelector('.row');
  const before = layoutOf(window, target);
  apply();
  assert.equal(target.getAttribute('data-linkedout-row'), 'switch-off', 'the row is marked');
  assert.notEqual(window.getComputedStyle(target).getPropertyValue('outline'), '', 'and outlined');
  assert.deepEqual(layoutOf(window, target), before, 'layout properties of the marked row');
});

test('a flex row still gets its reason on a line of its own (flex-wrap), and loses it with the mark', () => {
  const { window, document, apply } = page('display: flex');
  const target = document.querySelector('.row');
  apply();
  assert.equal(window.getComputedStyle(target).getPropertyValue('flex-wrap'), 'wrap', 'the flex row wraps');
  assert.equal(window.getComputedStyle(target.querySelector('[data-linkedout-reason]')).getPropertyValue('order'), '1');
  window.LinkedOutHighlight.clearAll(document);
  assert.equal(window.getComputedStyle(target).getPropertyValue('flex-wrap'), '', 'nothing of the mark is left');
  assert.equal(document.body.outerHTML.includes('linkedout'), false);
});

test('the apply adds one box to the page\'s flow, the reason; the confirmation region comes in a task of its own, before anything is said', async () => {
  const { window, document, apply } = page('');
  const added = [];
  new window.MutationObserver((records) => { for (const r of records) added.push(...r.addedNodes); })
    .observe(document.body, { childList: true, subtree: true });
  apply();
  await Promise.resolve();
  assert.deepEqual(added.filter((n) => n.nodeType === 1).map((n) => [...n.attributes].map((a) => a.name).find((a) => a.startsWith('data-linkedout'))),
    ['data-linkedout-reason'], 'elements inserted by the apply\'s task');
  await new Promise((resolve) => { setTimeout(resolve, 20); });
  const region = document.querySelector('[data-linkedout-announce]');
  assert.ok(region, 'the confirmation region is there a task later');
  assert.equal(region.textContent, '', 'empty: nothing is said yet');
  assert.equal(region.getAttribute('role'), 'status');
});
