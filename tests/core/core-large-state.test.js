// The built-in core over a store as large as the caps allow (5,000 history entries, long URLs:
// about 1.6 MB of text). Texts cross into the core through its heap: the loader once put them on
// the core's 5 MB stack at 4 bytes a character, and a store this size ran past the stack's end.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../protocol/boundary-cases.js';
import { loadCore } from './core-loader.js';

const rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/rules/linkedin.json'), 'utf8'));
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function largeState(entries) {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const settings = {};
  rules.settings.forEach((s, i) => {
    settings[s.id] = { state: 'off', first_seen: iso(start), last_seen: iso(start + 1000 * i), last_changed: iso(start + 1000 * i) };
  });
  const history = [];
  for (let i = 0; i < entries; i += 1) {
    const s = rules.settings[i % rules.settings.length];
    // LinkedIn's settings URLs carry tracking queries: long, and all of it is kept.
    history.push({ at: iso(start + 60000 * i), setting: s.id, from: i % 2 ? 'on' : 'off', to: i % 2 ? 'off' : 'on',
      url: `https://www.linkedin.com${s.path}?trk=${'settings_nav_'.repeat(12)}${i}` });
  }
  return JSON.stringify({ version: 1, settings, history, forms_done: {}, walkthrough_active: false });
}

test('a store as large as the caps allow opens, is read whole and is written back whole', async () => {
  const text = largeState(5000);
  assert.ok(text.length > 1_300_000, `the store is ${text.length} characters`);
  const core = await loadCore();
  assert.equal(core.open(text), true, 'the core took the store');
  const hello = JSON.parse(core.handle(JSON.stringify({ type: 'hello', id: 1, extension_version: '0.0.0' }), '2026-12-06T10:00:00Z').reply);
  assert.equal(hello.type, 'hello');
  // A sighting that changes the store: it is written back with every history entry it had.
  const ai = rules.settings.find((s) => s.path.includes('data-for-ai-improvement'));
  const page = { type: 'page_state', id: 2, url: `https://www.linkedin.com${ai.path}`, lang: 'en',
    controls: [{ key: ai.keys[0], label: ai.labels.en[0], checked: true }] };
  const result = core.handle(JSON.stringify(page), '2026-12-06T10:00:01Z');
  assert.equal(JSON.parse(result.reply).type, 'verdict');
  assert.notEqual(result.state, null, 'the sighting changed the store');
  const written = JSON.parse(result.state);
  const before = JSON.parse(text).history;
  assert.equal(written.history.length, 5000, 'the change added, the oldest dropped at the cap');
  assert.equal(written.history[4999].setting, ai.id);
  assert.deepEqual(written.history.slice(0, 4999), before.slice(1), 'every other entry read and written whole');
});
