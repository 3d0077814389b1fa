// The extension checks host replies with code generated from docs/protocol.schema.json
// (scripts/generate-protocol-validators, ajv standalone): the committed file must be what the
// schema generates today, and it must need nothing at run time that extension pages forbid.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { generate, SCHEMA_FILE, OUT_FILE } from '../../scripts/generate-protocol-validators';
import { loadInContext } from './helpers.js';

test('lib/protocol-validators.js is fresh: regenerating it from the schema changes nothing', () => {
  const fresh = generate(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  assert.ok(fresh === fs.readFileSync(OUT_FILE, 'utf8'), 'stale: run scripts/generate-protocol-validators');
});

test('the generated code evaluates nothing and loads nothing', () => {
  const code = fs.readFileSync(OUT_FILE, 'utf8');
  assert.doesNotMatch(code, /\beval\s*\(|new\s+Function|\brequire\(|\bimport\b/);
});

test('a schema change reaches the extension: a reply type the schema lacks is refused', () => {
  const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js']);
  const P = G.LinkedOutProtocol;
  const bad = P.check(P.validateReply, { type: 'surprise', id: 1 });
  assert.equal(bad.ok, false);
  assert.equal(bad.field, 'type');
  const step = { step: 's', kind: 'toggle', title: 't', url: 'https://www.linkedin.com/mypreferences/d/s', severity: 'ads', state: 'sideways', last_seen: null, drift: false };
  const plan = { type: 'walkthrough', id: 2, active: true, region: null, steps: [step], progress: { done: 0, total: 1, remaining: 1 }, next: null };
  const refused = P.check(P.validateReply, plan);
  assert.equal(refused.field, 'steps[0].state');
});

// The file is loaded (compiled from source) at every service-worker wake, whether or not the helper
// answers: ~18 ms of the worker's CPU in Chromium (docs/performance.md §8, round 5). Requests are
// checked by lib/protocol.js's own rules (held equal to the schema by protocol-schema.test.js), so
// the file carries only what the extension calls: the reply validator.
test('the generated file holds the reply validator only: no request validator nothing calls', () => {
  const G = loadInContext(['lib/protocol-validators.js']);
  assert.deepEqual(Object.keys(G.LinkedOutProtocolValidators), ['validateReply']);
  const code = fs.readFileSync(OUT_FILE, 'utf8');
  assert.doesNotMatch(code, /exports\.validateRequest/);
});
