import test from 'node:test';
import assert from 'node:assert/strict';
import { loadInContext, plain } from './helpers.js';

const { LinkedOutWalkthrough: W } = loadInContext(['lib/protocol.js', 'lib/walkthrough.js']);
const BASE = 'https://www.linkedin.com/mypreferences/d/settings/';
const FORM_URL = 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO';

const toggle = (step, state) => ({ step, kind: 'toggle', title: step, url: BASE + step, severity: 'ads', state, last_seen: null, drift: false });
const form = (state) => ({ step: 'objection-form', kind: 'form', title: 'Form', url: FORM_URL, severity: 'ai-training', state, guidance: 'g', done_at: null });
const plan = (steps, next) => ({ type: 'walkthrough', active: true, steps, progress: { done: 0, total: steps.length, remaining: 0 }, next });
const verdictFor = (highlightKeys, next) => ({
  highlight: highlightKeys.map((key) => ({ key, setting: 's', action: 'switch-off', severity: 'ads', reason: 'r' })),
  ok: [], unknown: [], drift: [], progress: { done: 0, total: 1, remaining: 1 }, next,
});

test('remaining steps keep the host order and skip off, done and not-in-region', () => {
  const p = plan([toggle('data-for-ai-improvement', 'off'), toggle('ads-beyond-linkedin', 'on'),
    toggle('share-data-with-select-partners', 'not_in_region'), toggle('ads-related-actions', 'unseen'), form('todo')], null);
  assert.deepEqual(W.remainingSteps(p).map((s) => s.step), ['ads-beyond-linkedin', 'ads-related-actions', 'objection-form']);
  assert.equal(W.stillOnCount(p), 1);
});

test('next step: the host\'s choice when it is pending, else the first pending one; null means finished', () => {
  const steps = [toggle('a', 'off'), toggle('b', 'on'), toggle('c', 'unseen')];
  assert.equal(W.nextStep(plan(steps, { step: 'c', url: BASE + 'c' })).step, 'c');
  assert.equal(W.nextStep(plan(steps, { step: 'a', url: BASE + 'a' })).step, 'b', 'a done step is never next');
  assert.equal(W.nextStep(plan(steps, { step: 'zzz', url: BASE + 'zzz' })).step, 'b');
  assert.equal(W.nextStep(plan(steps, null)), null);
  assert.equal(W.nextStep(plan([toggle('a', 'off'), toggle('b', 'not_in_region')], undefined)), null);
});

test('start navigates to the next page unless the tab is already there', () => {
  const p = plan([toggle('a', 'off'), toggle('b', 'on')], { step: 'b', url: BASE + 'b' });
  assert.deepEqual(plain(W.onStart(p, 'https://www.linkedin.com/feed/')), { action: 'navigate', url: BASE + 'b', step: 'b' });
  assert.deepEqual(plain(W.onStart(p, null)), { action: 'navigate', url: BASE + 'b', step: 'b' });
  assert.deepEqual(plain(W.onStart(p, `${BASE}b/?trk=x#top`)), { action: 'stay', why: 'already-there', step: 'b' });
  assert.deepEqual(plain(W.onStart(plan([toggle('a', 'off')], null), null)), { action: 'finished' });
});

test('after a verdict: stay while switches are left, then move to the host\'s next page', () => {
  const here = BASE + 'a';
  assert.deepEqual(plain(W.afterVerdict({ active: false, tabUrl: here, verdict: verdictFor([], { step: 'b', url: BASE + 'b' }) })),
    { action: 'stay', why: 'inactive' });
  assert.deepEqual(plain(W.afterVerdict({ active: true, tabUrl: here, verdict: verdictFor(['k'], { step: 'b', url: BASE + 'b' }) })),
    { action: 'stay', why: 'switches-left' });
  assert.deepEqual(plain(W.afterVerdict({ active: true, tabUrl: here, verdict: verdictFor([], { step: 'b', url: BASE + 'b' }) })),
    { action: 'navigate', url: BASE + 'b', step: 'b' });
  assert.deepEqual(plain(W.afterVerdict({ active: true, tabUrl: here, verdict: verdictFor([], { step: 'a', url: here }) })),
    { action: 'stay', why: 'already-there', step: 'a' });
  assert.deepEqual(plain(W.afterVerdict({ active: true, tabUrl: here, verdict: verdictFor([], null) })), { action: 'finished' });
  // A page LinkedOut could not read: stay, so the user sees the notice and switches it by hand.
  assert.deepEqual(plain(W.afterVerdict({ active: true, tabUrl: here,
    verdict: { ...verdictFor([], { step: 'b', url: BASE + 'b' }), page_unreadable: true } })), { action: 'stay', why: 'page-unreadable' });
});

test('the walkthrough never navigates outside https://www.linkedin.com', () => {
  for (const url of ['https://evil.example/', 'javascript:alert(1)', 'http://www.linkedin.com/x', 'https://user@www.linkedin.com/x', 'not a url']) {
    assert.deepEqual(plain(W.afterVerdict({ active: true, tabUrl: BASE + 'a', verdict: verdictFor([], { step: 'x', url }) })),
      { action: 'stay', why: 'unsafe-url' }, url);
  }
  assert.equal(W.onStart(plan([form('todo')], { step: 'objection-form', url: FORM_URL }), null).action, 'navigate');
});

test('simulated walkthrough: visits every pending page once, in order, and ends finished', () => {
  // A tiny stand-in for the host's rule: next = first step still pending, in ruleset order.
  const states = { a: 'on', b: 'off', c: 'not_in_region', d: 'unseen', e: 'on' };
  const order = Object.keys(states);
  const pending = () => order.filter((s) => ['on', 'unseen'].includes(states[s]));
  const nextOf = () => (pending()[0] ? { step: pending()[0], url: BASE + pending()[0] } : null);
  const visited = [];
  let move = W.onStart(plan(order.map((s) => toggle(s, states[s])), nextOf()), 'https://www.linkedin.com/feed/');
  for (let guard = 0; move.action === 'navigate' && guard < 20; guard += 1) {
    visited.push(move.step);
    // the page shows the switch on: a verdict highlights it, the walkthrough waits
    if (states[move.step] !== 'off') {
      assert.equal(W.afterVerdict({ active: true, tabUrl: move.url, verdict: verdictFor([move.step], nextOf()) }).action, 'stay');
    }
    states[move.step] = 'off'; // the user switches it off; the next verdict has no highlight
    move = W.afterVerdict({ active: true, tabUrl: move.url, verdict: verdictFor([], nextOf()) });
  }
  assert.deepEqual(visited, ['a', 'd', 'e']);
  assert.deepEqual(plain(move), { action: 'finished' });
});
