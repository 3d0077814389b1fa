// The walkthrough driver with fake tabs, session storage, timers and host: Start opens or moves one
// tab, a verdict moves only that tab on (after a pause), reset forgets it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadInContext } from './helpers.js';

const G = loadInContext(['lib/protocol.js', 'lib/walkthrough.js', 'lib/walkthrough-driver.js']);
const BASE = 'https://www.linkedin.com/mypreferences/d/settings/';
const toggle = (step, state) => ({ step, kind: 'toggle', title: step, url: BASE + step, severity: 'ads', state, last_seen: null, drift: false });
const plan = { active: true, steps: [toggle('a', 'off'), toggle('b', 'on')], progress: { done: 1, total: 2, remaining: 1 }, next: { step: 'b', url: BASE + 'b' } };
const verdict = (setting, next, on = false) => ({
  url: BASE + setting, setting, highlight: on ? [{ key: 'k', setting, action: 'switch-off', severity: 'ads', reason: 'r', matched_by: 'key' }] : [],
  ok: [], unknown: [], drift: [], progress: { done: 0, total: 2, remaining: 2 }, next, walkthrough: { active: true, still_on: on ? 1 : 0 },
});

function harness({ activeTab = null } = {}) {
  const calls = [];
  let stored = null;
  const timers = [];
  const driver = G.LinkedOutWalkthroughDriver.create({
    walkthrough: async (action, step) => { calls.push(['host', action, step]); return plan; },
    createTab: async (url) => { calls.push(['create', url]); return { id: 7 }; },
    updateTab: async (tabId, url) => { calls.push(['update', tabId, url]); },
    activeTab: async () => activeTab,
    session: { get: async () => stored, set: async (tabId) => { stored = tabId; } },
    timers: { setTimeout: (fn, ms) => { timers.push({ fn, ms }); return timers.length; }, clearTimeout: () => {} },
  });
  return { driver, calls, timers, stored: () => stored };
}

test('Start from a popup in a tab opens the next page in a new tab and remembers that tab', async () => {
  const h = harness({ activeTab: { id: 3, url: 'https://example.org/' } });
  const { move } = await h.driver.act('start', undefined, { inTab: true });
  assert.equal(move.action, 'navigate');
  assert.deepEqual(h.calls, [['host', 'start', undefined], ['create', BASE + 'b']]);
  assert.equal(h.stored(), 7);
});

test('Start from the toolbar popup moves the active tab', async () => {
  const h = harness({ activeTab: { id: 3, url: 'https://example.org/' } });
  await h.driver.act('start');
  assert.deepEqual(h.calls.at(-1), ['update', 3, BASE + 'b']);
  assert.equal(h.stored(), 3);
});

test('a verdict moves only the walkthrough tab, after a pause, and only when the page reads all off', async () => {
  const h = harness();
  await h.driver.act('start', undefined, { inTab: true });
  h.calls.length = 0;
  assert.equal((await h.driver.onVerdict(verdict('a', { step: 'b', url: BASE + 'b' }), 8, BASE + 'a')).why, 'other-tab');
  assert.equal((await h.driver.onVerdict(verdict('a', { step: 'b', url: BASE + 'b' }, true), 7, BASE + 'a')).why, 'switches-left');
  assert.equal(h.timers.length, 0);
  const move = await h.driver.onVerdict(verdict('a', { step: 'b', url: BASE + 'b' }), 7, BASE + 'a');
  assert.equal(move.action, 'navigate');
  assert.equal(h.timers.length, 1);
  assert.equal(h.timers[0].ms, G.LinkedOutWalkthroughDriver.ADVANCE_DELAY_MS);
  assert.deepEqual(h.calls, [], 'nothing moves before the pause');
  h.timers[0].fn();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(h.calls, [['update', 7, BASE + 'b']]);
});

test('reset forgets the walkthrough tab; the last page done forgets it too', async () => {
  const h = harness();
  await h.driver.act('start', undefined, { inTab: true });
  await h.driver.act('reset');
  assert.equal(h.stored(), null);
  await h.driver.act('start', undefined, { inTab: true });
  assert.equal((await h.driver.onVerdict(verdict('b', null), 7, BASE + 'b')).action, 'finished');
  assert.equal(h.stored(), null);
});
