// A wake's first verdict from the built-in core should not compile the generated reply validators
// (lib/protocol-validators.js: ~20 ms of V8 compile per wake at load 8, docs/performance.md §8).
// The core's replies come from this repository's own C++, the same code as the helper's, whose
// replies are schema-checked and required identical to the core's (tests/core/core-parity.test.js).
// Requests going in stay validated; replies from the helper (another program) stay validated.
// Counted calls, no clock.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadInContext } from '../extension/helpers.js';
import { instantiateCore } from './core-loader.js';

const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js']);
const { CoreConnection } = G.LinkedOutCoreBackend;
const P = G.LinkedOutProtocol;

/** Replaces the generated validators with counting wrappers; returns the counts. */
function countValidatorCalls() {
  const real = G.LinkedOutProtocolValidators;
  const calls = { validateRequest: 0, validateReply: 0 };
  const counted = (name) => Object.assign((msg) => {
    calls[name] += 1;
    const ok = real[name](msg);
    counted[name].errors = real[name].errors;
    return ok;
  });
  counted.validateRequest = counted('validateRequest');
  counted.validateReply = counted('validateReply');
  G.LinkedOutProtocolValidators = { validateRequest: counted.validateRequest, validateReply: counted.validateReply };
  return calls;
}

const storage = () => {
  const data = {};
  return { async get(keys) { return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])); },
    async set(items) { Object.assign(data, items); } };
};

test('a wake (hello, then the first page_state) through the built-in core runs no generated reply validator', async () => {
  const calls = countValidatorCalls();
  const core = new CoreConnection({ loadCore: instantiateCore, storage: storage(), clock: () => new Date(Date.UTC(2026, 0, 5, 9)) });
  const verdict = await core.request(P.buildPageState(undefined, {
    url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', lang: 'en',
    controls: [{ key: 'allowDataForGenerativeAI', label: 'Use my data for training content creation AI models', checked: true }] }));
  assert.equal(verdict.type, 'verdict');
  assert.equal(verdict.highlight[0].key, 'allowDataForGenerativeAI');
  assert.equal(calls.validateReply, 0, `reply validator calls: ${calls.validateReply}`);
});

test('a request that is not valid is still refused before it reaches the core', async () => {
  const core = new CoreConnection({ loadCore: instantiateCore, storage: storage() });
  await assert.rejects(core.request({ type: 'walkthrough', action: 'fly' }), (err) => err instanceof P.ValidationError && err.field === 'action');
});
