// The background's checks on content-script and popup messages: nothing malformed, oversized or
// from the wrong sender reaches the host.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadInContext, plain, EXT_ID } from './helpers.js';

const G = loadInContext(['lib/protocol.js', 'lib/messages.js']);
const M = G.LinkedOutMessages;
const PAGE_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const POPUP_URL = `chrome-extension://${EXT_ID}/popup/popup.html`;

const sender = (over = {}) => ({ id: EXT_ID, url: PAGE_URL, origin: 'https://www.linkedin.com', frameId: 0, tab: { id: 7 }, ...over });
const message = (over = {}) => ({
  type: 'page_state',
  page: { url: PAGE_URL, lang: 'en', controls: [{ key: 'allowDataForGenerativeAI', label: 'Use my data', checked: true }] },
  ...over,
});
const withPage = (over) => message({ page: { ...message().page, ...over } });

test('a well-formed page_state from our content script on a settings page is accepted', () => {
  const result = M.checkContentMessage(message(), sender(), EXT_ID);
  assert.equal(result.ok, true);
  assert.deepEqual(plain(result.page), message().page);
  // Firefox gives no origin; a Chromium content script may omit frameId in some paths
  assert.equal(M.checkContentMessage(message(), sender({ origin: undefined, frameId: undefined }), EXT_ID).ok, true);
});

test('wrong senders are rejected', () => {
  const cases = [
    ['another extension', sender({ id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' })],
    ['no tab (e.g. another extension page)', sender({ tab: undefined })],
    ['a subframe', sender({ frameId: 3 })],
    ['a LinkedIn page outside the settings', sender({ url: 'https://www.linkedin.com/feed/' })],
    ['a look-alike host', sender({ url: 'https://www.linkedin.com.evil.example/mypreferences/d/settings/x' })],
    ['plain http', sender({ url: 'http://www.linkedin.com/mypreferences/d/settings/x' })],
    ['a foreign origin', sender({ origin: 'https://evil.example' })],
    ['no sender at all', null],
  ];
  for (const [what, s] of cases) {
    const result = M.checkContentMessage(message(), s, EXT_ID);
    assert.equal(result.ok, false, what);
    assert.equal(result.field, 'sender', what);
  }
});

test('bad shapes are rejected with the field named', () => {
  const cases = [
    [null, 'message'],
    [[], 'message'],
    [message({ type: 'walkthrough' }), 'type'],
    [message({ extra: true }), 'extra'],
    [message({ page: 'x' }), 'page'],
    [withPage({ url: 'https://www.linkedin.com/feed/' }), 'page.url'],
    [withPage({ lang: 42 }), 'page.lang'],
    [withPage({ controls: {} }), 'page.controls'],
    [withPage({ controls: [{ key: 'k', label: 'l', checked: 'on' }] }), 'page.controls[0].checked'],
    [withPage({ controls: [{ key: 'k', checked: true }] }), 'page.controls[0].label'],
    [withPage({ controls: [null] }), 'page.controls[0]'],
    [withPage({ cookies: 'x' }), 'page.cookies'],
  ];
  for (const [msg, field] of cases) {
    const result = M.checkContentMessage(msg, sender(), EXT_ID);
    assert.equal(result.ok, false, JSON.stringify(msg));
    assert.equal(result.field, field, JSON.stringify(msg));
  }
});

test('oversized messages are rejected before any field check', () => {
  const huge = withPage({ controls: Array.from({ length: 400 }, (_, i) => ({ key: `k${i}`, label: '€'.repeat(1024), checked: true })) });
  assert.ok(M.byteLength(huge) > M.MAX_MESSAGE_BYTES);
  const result = M.checkContentMessage(huge, sender(), EXT_ID);
  assert.deepEqual(plain(result), { ok: false, field: 'message', message: `message larger than ${M.MAX_MESSAGE_BYTES} bytes` });
  const tooMany = withPage({ controls: Array(501).fill({ key: 'k', label: 'l', checked: false }) });
  assert.equal(M.checkContentMessage(tooMany, sender(), EXT_ID).field, 'page.controls');
  const cyclic = message();
  cyclic.page.self = cyclic;
  assert.equal(M.checkContentMessage(cyclic, sender(), EXT_ID).ok, false);
});

test('the largest legal page_state fits under the size cap', () => {
  const max = withPage({ controls: Array.from({ length: 500 }, () => ({ key: 'k'.repeat(256), label: 'l'.repeat(1024), checked: null })) });
  assert.equal(M.checkContentMessage(max, sender(), EXT_ID).ok, true);
});

test('popup messages: only from our popup page, known types and actions', () => {
  const popup = { id: EXT_ID, url: POPUP_URL };
  assert.equal(M.checkPopupMessage({ type: 'status' }, popup, EXT_ID, POPUP_URL).ok, true);
  assert.equal(M.checkPopupMessage({ type: 'walkthrough', action: 'start' }, popup, EXT_ID, POPUP_URL).ok, true);
  assert.equal(M.checkPopupMessage({ type: 'walkthrough', action: 'mark_done', step: 'objection-form' }, popup, EXT_ID, POPUP_URL).ok, true);
  assert.equal(M.checkPopupMessage({ type: 'walkthrough', action: 'mark_done' }, popup, EXT_ID, POPUP_URL).field, 'step');
  assert.equal(M.checkPopupMessage({ type: 'walkthrough', action: 'launch' }, popup, EXT_ID, POPUP_URL).field, 'action');
  assert.equal(M.checkPopupMessage({ type: 'print' }, popup, EXT_ID, POPUP_URL).field, 'type');
  assert.equal(M.checkPopupMessage({ type: 'report' }, popup, EXT_ID, POPUP_URL).field, 'format');
  assert.equal(M.checkPopupMessage({ type: 'status' }, { id: 'other', url: POPUP_URL }, EXT_ID, POPUP_URL).field, 'sender');
  assert.equal(M.checkPopupMessage({ type: 'status' }, { id: EXT_ID, url: PAGE_URL }, EXT_ID, POPUP_URL).field, 'sender');
});
