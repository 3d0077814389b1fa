// The background's parts: one {type: handler} table that refuses a second handler for a type and
// refuses to start with a type unanswered; one session-state helper; one load order (the module
// imports of background/index.js, which scripts/bundle-background follows to write the one
// background file the manifest names, extension/background.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from './helpers.js';
import { createRouter } from '../../extension/background/router.js';
import { sessionState } from '../../extension/background/session-state.js';
import { FEATURES } from '../../extension/background/index.js';

test('every popup message type and page_state has exactly one handler', () => {
  const router = createRouter();
  for (const feature of FEATURES) {
    feature.install(new Proxy({ router, onVerdict: [], browser: fakeBrowser() }, { get: (t, k) => (k in t ? t[k] : undefined) }));
  }
  router.checkComplete();
  assert.deepEqual(Object.keys(router.handlers).sort(), [...globalThis.LinkedOutMessages.POPUP_TYPES, 'page_state'].sort());
});

test('a second handler for a type, or a type with none, is refused at start-up', () => {
  const router = createRouter();
  router.on('status', async () => ({}));
  assert.throws(() => router.on('status', async () => ({})), /two handlers for the message type status/);
  assert.throws(() => router.checkComplete(), /no handler for the message type\(s\) walkthrough, retry/);
});

test('session state: kept in session storage when there is one, else in memory; bad values read as the fallback', async () => {
  const stored = {};
  const session = { get: async (k) => (k in stored ? { [k]: stored[k] } : {}), set: async (o) => Object.assign(stored, o), remove: async (k) => { delete stored[k]; } };
  const tab = sessionState({ session }, 'tab', { isValid: Number.isInteger });
  assert.equal(await tab.get(), null);
  await tab.set(4);
  assert.deepEqual(stored, { tab: 4 });
  assert.equal(await sessionState({ session }, 'tab').get(), 4, 'a restarted worker reads it back');
  stored.tab = 'four';
  assert.equal(await tab.get(), null);
  await tab.set(null);
  assert.deepEqual(stored, {});
  const memory = sessionState({}, 'pages', { fallback: {} });
  await memory.set({ a: 1 });
  assert.deepEqual(await memory.get(), { a: 1 });
  await memory.set(null);
  assert.deepEqual(await memory.get(), {});
});

test('the background\'s sources are modules whose imports are the load order; none calls importScripts', () => {
  // The manifest names extension/background.js, generated from these (background-bundle.test.js).
  for (const file of fs.readdirSync(path.join(EXTENSION_DIR, 'background'))) {
    assert.doesNotMatch(fs.readFileSync(path.join(EXTENSION_DIR, 'background', file), 'utf8'), /importScripts/, file);
  }
});

function fakeBrowser() {
  const listener = { addListener: () => {} };
  return {
    runtime: { id: 'x', getURL: (p) => p, getManifest: () => ({ version: '0.1.0' }), connectNative: () => { throw new Error('no host'); }, onStartup: listener, onInstalled: listener, onMessage: listener },
    i18n: { getUILanguage: () => 'en', getMessage: () => '' },
    alarms: { create: () => {}, onAlarm: listener },
    storage: { managed: { get: async () => ({}) }, local: { get: async () => ({}) }, onChanged: listener },
    tabs: { onRemoved: listener },
    action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} },
  };
}
