// The re-check driver with fake tabs, session storage, timers and host: one tab, moved page by
// page, stopped where the user is needed, ended (and recorded) when done, stopped or closed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadInContext, plain } from './helpers.js';

const G = loadInContext(['lib/protocol.js', 'lib/walkthrough.js', 'lib/recheck.js', 'lib/recheck-driver.js']);
const BASE = 'https://www.linkedin.com/mypreferences/d/settings/';
const toggle = (step) => ({ step, kind: 'toggle', title: step, url: BASE + step, severity: 'ads', state: 'off', last_seen: null, drift: false });
const verdict = (setting, on = false) => ({
  url: BASE + setting, setting,
  highlight: on ? [{ key: 'k', setting, action: 'switch-off', severity: 'ads', reason: 'r' }] : [],
  ok: on ? [] : [{ key: 'k', setting, matched_by: 'key', control: 0 }], unknown: [], drift: [], progress: { done: 0, total: 1, remaining: 1 }, next: null,
});

function harness(steps = ['a', 'b', 'c']) {
  const calls = [];
  let stored = null;
  const timers = new Map();
  let nextTimer = 1;
  const driver = G.LinkedOutRecheckDriver.create({
    recheck: async (action) => { calls.push(['host', action]); return { steps: steps.map(toggle), check: {} }; },
    createTab: async (url) => { calls.push(['create', url]); return { id: 42 }; },
    updateTab: async (tabId, url) => { calls.push(['update', tabId, url]); },
    session: { get: async () => stored, set: async (run) => { stored = run; } },
    timers: {
      setTimeout: (fn) => { const id = nextTimer++; timers.set(id, fn); return id; },
      clearTimeout: (id) => { timers.delete(id); },
    },
  });
  return { driver, calls, timers, stored: () => stored };
}

test('starts in one new tab and walks every page that reads all off, then ends the run', async () => {
  const h = harness();
  await h.driver.start();
  assert.deepEqual(h.calls.splice(0), [['host', 'start'], ['create', BASE + 'a']]);
  assert.equal(await h.driver.onVerdict(verdict('a'), 42, BASE + 'a'), true);
  assert.equal(await h.driver.onVerdict(verdict('b'), 42, BASE + 'b'), true);
  assert.deepEqual(h.calls.splice(0), [['update', 42, BASE + 'b'], ['update', 42, BASE + 'c']]);
  await h.driver.onVerdict(verdict('c'), 42, BASE + 'c');
  assert.deepEqual(h.calls.splice(0), [['host', 'end']]);
  assert.equal(h.stored(), null, 'no run left in the session');
});

test('verdicts from other tabs are not the re-check\'s', async () => {
  const h = harness();
  await h.driver.start();
  assert.equal(await h.driver.onVerdict(verdict('a'), 7, BASE + 'a'), false);
  assert.equal(h.stored().index, 0);
});

test('stays on a page with a switch on until it reads off', async () => {
  const h = harness();
  await h.driver.start();
  h.calls.splice(0);
  await h.driver.onVerdict(verdict('a', true), 42, BASE + 'a');
  assert.deepEqual(h.calls, []);
  assert.equal(h.timers.size, 0, 'no time limit while the user acts');
  await h.driver.onVerdict(verdict('a', false), 42, BASE + 'a');
  assert.deepEqual(h.calls, [['update', 42, BASE + 'b']]);
});

test('the user stops it, or closes the tab: the run ends and is recorded once', async () => {
  let h = harness();
  await h.driver.start();
  h.calls.splice(0);
  await h.driver.stop();
  assert.deepEqual(h.calls, [['host', 'end']]);
  assert.equal(await h.driver.onVerdict(verdict('a'), 42, BASE + 'a'), false, 'a stopped run moves nothing');

  h = harness();
  await h.driver.start();
  h.calls.splice(0);
  await h.driver.onTabRemoved(99);
  assert.deepEqual(h.calls, []);
  await h.driver.onTabRemoved(42);
  assert.deepEqual(h.calls, [['host', 'end']]);
});

test('a page that never reads ends the run after the time limit, without moving on', async () => {
  const h = harness();
  await h.driver.start();
  h.calls.splice(0);
  assert.equal(h.timers.size, 1);
  const [fire] = h.timers.values();
  await fire();
  assert.deepEqual(h.calls, [['host', 'end']]);
});

test('nothing to check (every page outside the region): the run ends at once, no tab', async () => {
  const h = harness([]);
  const { move } = await h.driver.start();
  assert.deepEqual(plain(move), { action: 'finished' });
  assert.deepEqual(h.calls, [['host', 'start'], ['host', 'end']]);
});
