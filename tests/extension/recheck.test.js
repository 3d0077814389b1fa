import test from 'node:test';
import assert from 'node:assert/strict';
import { loadInContext, plain, EXT_ID } from './helpers.js';

const { LinkedOutRecheck: R } = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/walkthrough.js', 'lib/recheck.js']);
const BASE = 'https://www.linkedin.com/mypreferences/d/settings/';

const toggle = (step, state) => ({ step, kind: 'toggle', title: step, url: BASE + step, severity: 'ads', state, last_seen: null, drift: false });
const form = () => ({ step: 'objection-form', kind: 'form', title: 'Form', url: 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO', severity: 'ai-training', state: 'todo', guidance: 'g', done_at: null });
const plan = (steps) => ({ type: 'walkthrough', active: false, steps, progress: { done: 0, total: steps.length, remaining: 0 }, next: null });
const verdict = (setting, { on = [], off = [], unreadable } = {}) => ({
  url: BASE + setting, setting,
  highlight: on.map((key) => ({ key, setting, action: 'switch-off', severity: 'ads', reason: 'r', matched_by: 'key', control: 0 })),
  ok: off.map((key) => ({ key, setting, matched_by: 'key', control: 0 })), unknown: [], drift: [],
  progress: { done: 0, total: 1, remaining: 1 }, next: null,
  ...(unreadable === undefined ? {} : { page_unreadable: unreadable }),
});

test('a re-check visits every toggle page the region expects, in the host order; forms are not re-checked', () => {
  const p = plan([toggle('a', 'off'), toggle('b', 'on'), toggle('x', 'not_in_region'), toggle('c', 'unseen'), form()]);
  const { run, move } = R.start(p, 7);
  assert.deepEqual(plain(run.steps.map((s) => s.step)), ['a', 'b', 'c']);
  assert.equal(run.tabId, 7);
  assert.equal(run.index, 0);
  assert.deepEqual(plain(move), { action: 'navigate', url: BASE + 'a', step: 'a' });
  assert.deepEqual(plain(R.start(plan([form()]), 7).move), { action: 'finished' });
});

test('a step whose URL is not LinkedIn is never visited', () => {
  const evil = { ...toggle('a', 'off'), url: 'https://example.com/mypreferences/d/settings/a' };
  assert.deepEqual(plain(R.start(plan([evil, toggle('b', 'off')]), 1).run.steps.map((s) => s.step)), ['b']);
});

test('moves on by itself only after the page was read with everything off', () => {
  const { run } = R.start(plan([toggle('a', 'off'), toggle('b', 'off')]), 1);
  const next = R.afterVerdict(run, { tabUrl: BASE + 'a', verdict: verdict('a', { off: ['keyA'] }) });
  assert.deepEqual(plain(next.move), { action: 'navigate', url: BASE + 'b', step: 'b' });
  assert.equal(next.run.index, 1);
  const done = R.afterVerdict(next.run, { tabUrl: BASE + 'b', verdict: verdict('b', { off: ['keyB'] }) });
  assert.deepEqual(plain(done.move), { action: 'finished' });
});

test('stops on a page that needs the user, and goes on once it reads all off', () => {
  const { run } = R.start(plan([toggle('a', 'off'), toggle('b', 'off')]), 1);
  const stay = R.afterVerdict(run, { tabUrl: BASE + 'a', verdict: verdict('a', { on: ['keyA'] }) });
  assert.deepEqual(plain(stay.move), { action: 'stay', why: 'needs-user', step: 'a' });
  assert.equal(stay.run.index, 0);
  const after = R.afterVerdict(stay.run, { tabUrl: BASE + 'a', verdict: verdict('a', { off: ['keyA'] }) });
  assert.equal(after.move.action, 'navigate');
});

test('never moves on from a page it could not read', () => {
  const { run } = R.start(plan([toggle('a', 'off'), toggle('b', 'off')]), 1);
  // Nothing of this page's setting matched yet (still rendering): wait.
  const wait = R.afterVerdict(run, { tabUrl: BASE + 'a', verdict: verdict('a', {}) });
  assert.deepEqual(plain(wait.move), { action: 'wait', why: 'not-read', step: 'a' });
  // Controls of another setting only (the previous page's DOM under the new URL): wait too.
  const stale = R.afterVerdict(run, { tabUrl: BASE + 'a', verdict: { ...verdict('a', {}), ok: [{ key: 'k', setting: 'z', matched_by: 'key', control: 0 }] } });
  assert.equal(stale.move.action, 'wait');
  // The host says the page has no readable switch for its setting: stop there.
  const stop = R.afterVerdict(run, { tabUrl: BASE + 'a', verdict: verdict('a', { unreadable: true }) });
  assert.deepEqual(plain(stop.move), { action: 'stop', why: 'unreadable', step: 'a' });
  // A verdict for a page other than the one the re-check is on changes nothing.
  const other = R.afterVerdict(run, { tabUrl: BASE + 'b', verdict: verdict('b', { off: ['keyB'] }) });
  assert.deepEqual(plain(other.move), { action: 'wait', why: 'other-page', step: 'a' });
  assert.equal(other.run.index, 0);
});

test('the summary of the last re-check: all off, came back on, unreadable, not reached, new', () => {
  const base = { started_at: 's', ended_at: 'e', complete: true, off: ['a', 'b'], on: [], unreadable: [], unchecked: [], new_controls: [] };
  assert.equal(R.summarize(base).result, 'all-off');
  assert.equal(R.summarize({ ...base, on: ['a'] }).result, 'came-back-on');
  assert.equal(R.summarize({ ...base, complete: false, unreadable: ['b'] }).result, 'incomplete');
  assert.equal(R.summarize({ ...base, complete: false, unchecked: ['b'] }).result, 'incomplete');
  const withNew = R.summarize({ ...base, new_controls: [{ page: '/mypreferences/d/settings/a', key: 'k', label: 'Smart replies' }] });
  assert.equal(withNew.result, 'all-off');
  assert.deepEqual(plain(withNew.newControls), [{ page: '/mypreferences/d/settings/a', key: 'k', label: 'Smart replies' }]);
  assert.equal(R.summarize(null), null);
});

test('badge: the count of switches still on wins; else a due re-check shows', () => {
  const due = { due: true, due_reason: 'interval' };
  assert.deepEqual(plain(R.badge(3, due)), { text: '3', kind: 'count' });
  assert.deepEqual(plain(R.badge(0, due)), { text: R.DUE_BADGE, kind: 'due' });
  assert.deepEqual(plain(R.badge(0, { due: false })), { text: '', kind: 'count' });
  assert.deepEqual(plain(R.badge(0, undefined)), { text: '', kind: 'count' });
});

test('popup messages: recheck start/stop and the reminder interval are checked before the host sees them', () => {
  const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/messages.js']);
  const M = G.LinkedOutMessages;
  const POPUP_URL = `chrome-extension://${EXT_ID}/popup/popup.html`;
  const popup = { id: EXT_ID, url: POPUP_URL };
  const check = (msg) => plain(M.checkPopupMessage(msg, popup, EXT_ID, POPUP_URL));
  assert.equal(check({ type: 'recheck', action: 'start' }).ok, true);
  assert.equal(check({ type: 'recheck', action: 'stop' }).ok, true);
  assert.equal(check({ type: 'recheck', action: 'recheck_start' }).field, 'action');
  assert.equal(check({ type: 'reminder', days: 30 }).ok, true);
  assert.equal(check({ type: 'reminder', days: null }).ok, true);
  for (const days of [0, 366, 7.5, '30', undefined]) {
    assert.equal(check(days === undefined ? { type: 'reminder' } : { type: 'reminder', days }).field, 'days', String(days));
  }
  // The host's own re-check actions cannot be sent through the popup's walkthrough path.
  assert.equal(check({ type: 'walkthrough', action: 'recheck_start' }).field, 'action');
  assert.equal(check({ type: 'walkthrough', action: 'recheck_end' }).field, 'action');
});

test('protocol: config carries reminder_days; a walkthrough reply\'s check is validated', () => {
  const { LinkedOutProtocol: P } = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js']);
  assert.deepEqual(plain(P.buildConfig(4, { reminder_days: 30 })), { type: 'config', reminder_days: 30, id: 4 });
  assert.deepEqual(plain(P.buildConfig(4, 'EU')), { type: 'config', region: 'EU', id: 4 });
  assert.throws(() => P.buildConfig(4, { reminder_days: 0 }), /reminder_days/);
  const reply = {
    type: 'walkthrough', id: 1, active: false, region: null, steps: [], progress: { done: 0, total: 0, remaining: 0 }, next: null,
    check: { reminder_days: null, last_full_check: null, next_due: null, due: false, due_reason: null, running: true, last: null },
  };
  assert.equal(P.check(P.validateReply, reply).ok, true);
  const bad = { ...reply, check: { ...reply.check, due_reason: 'whenever' } };
  assert.equal(P.check(P.validateReply, bad).field, 'check.due_reason');
  const badLast = { ...reply, check: { ...reply.check, last: { started_at: 's', ended_at: 'e', complete: true, off: [], on: [1], unreadable: [], unchecked: [], new_controls: [] } } };
  assert.equal(P.check(P.validateReply, badLast).field, 'check.last.on[0]');
});
