// Organisation policy (extension/lib/policy.js): sanitising what the browser's managed storage
// holds, tolerating its absence and failures, merging with the member's options (policy wins),
// and the managed schema / manifest / ruleset agreeing with each other.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { EXTENSION_DIR, ROOT, loadInContext, plain } from './helpers.js';

const { LinkedOutPolicy: policyLib } = loadInContext(['lib/policy.js']);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
// Chrome's id for an extension with a manifest key: SHA-256 of the key, first 32 hex digits as a-p.
const chromeIdOf = (key) => [...createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32)]
  .map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

test('a valid policy is kept as it is', () => {
  const { policy, problems } = policyLib.sanitizePolicy({
    requiredSettings: ['data-for-ai-improvement', 'ads-beyond-linkedin'], allowAutoSwitch: false, region: 'UK',
  });
  assert.deepEqual(plain(policy), { requiredSettings: ['data-for-ai-improvement', 'ads-beyond-linkedin'], allowAutoSwitch: false, region: 'UK' });
  assert.deepEqual(plain(problems), []);
});

test('no policy at all is an empty policy, not a problem', () => {
  for (const raw of [undefined, null, {}]) {
    const { policy, problems } = policyLib.sanitizePolicy(raw);
    assert.deepEqual(plain(policy), {});
    assert.deepEqual(plain(problems), []);
  }
});

test('unknown keys, wrong types and bad values are dropped and reported', () => {
  const { policy, problems } = policyLib.sanitizePolicy({
    requiredSettings: ['data-for-ai-improvement', 'Not An Id', 42, 'data-for-ai-improvement', '<script>'],
    allowAutoSwitch: 'no',
    region: 'Mars',
    requiredSetings: ['typo'],
  });
  assert.deepEqual(plain(policy), { requiredSettings: ['data-for-ai-improvement'] });
  const keys = plain(problems.map((p) => p.key)).sort();
  assert.deepEqual(keys, ['allowAutoSwitch', 'region', 'requiredSetings', 'requiredSettings', 'requiredSettings', 'requiredSettings']);
  assert.match(problems.find((p) => p.key === 'region').message, /EU, UK, CH, CA, HK, US, OTHER/);
});

test('a policy that is not an object, or a requiredSettings that is not a list, is refused', () => {
  assert.deepEqual(plain(policyLib.sanitizePolicy(['a']).policy), {});
  assert.equal(policyLib.sanitizePolicy('x').problems.length, 1);
  const { policy, problems } = policyLib.sanitizePolicy({ requiredSettings: 'data-for-ai-improvement' });
  assert.deepEqual(plain(policy), {});
  assert.match(problems[0].message, /list of setting ids/);
});

test('a browser without managed storage reads as no policy', async () => {
  const result = await policyLib.readManagedPolicy(undefined);
  assert.deepEqual(plain(result), { policy: {}, problems: [], source: 'none' });
});

test('managed storage that rejects, throws or never answers reads as no policy, with the reason', async () => {
  const rejecting = { get: () => Promise.reject(new Error('Managed storage manifest not found')) };
  const throwing = { get: () => { throw new Error('storage.managed is not available'); } };
  const silent = { get: () => new Promise(() => {}) };
  const r1 = await policyLib.readManagedPolicy(rejecting);
  assert.equal(r1.source, 'error');
  assert.equal(r1.error, 'Managed storage manifest not found');
  assert.deepEqual(plain(r1.policy), {});
  const r2 = await policyLib.readManagedPolicy(throwing);
  assert.equal(r2.source, 'error');
  assert.match(r2.error, /not available/);
  const started = Date.now();
  const r3 = await policyLib.readManagedPolicy(silent, { timeoutMs: 50 });
  assert.equal(r3.source, 'error');
  assert.match(r3.error, /no answer within 50 ms/);
  assert.ok(Date.now() - started < 1000);
});

test('managed storage with a policy is read and sanitised', async () => {
  let askedFor;
  const area = { get: async (keys) => { askedFor = keys; return { allowAutoSwitch: false, region: 'EU', extra: 1 }; } };
  const result = await policyLib.readManagedPolicy(area);
  assert.equal(askedFor, null);
  assert.equal(result.source, 'managed');
  assert.deepEqual(plain(result.policy), { allowAutoSwitch: false, region: 'EU' });
  assert.deepEqual(plain(result.problems), [{ key: 'extra', message: 'unknown policy key extra' }]);
});

test('merge: without a policy the member decides', () => {
  const merged = plain(policyLib.mergeOptions({ autoSwitch: true, region: 'CA' }, {}));
  assert.deepEqual(merged, {
    autoSwitch: true, autoSwitchAllowed: true, autoSwitchLocked: false, region: 'CA', regionLocked: false,
    requiredSettings: [], reminderDays: null, reminderLocked: false, managed: false,
  });
  assert.equal(policyLib.mergeOptions({}, {}).autoSwitch, false, 'switch it for me is off by default');
  assert.equal(policyLib.mergeOptions({ region: 'Atlantis' }, {}).region, null);
});

test('policy: recheckReminderDays sets the re-check reminder (0 turns it off) and locks it', () => {
  assert.deepEqual(plain(policyLib.sanitizePolicy({ recheckReminderDays: 14 }).policy), { recheckReminderDays: 14 });
  const on = plain(policyLib.mergeOptions({}, { recheckReminderDays: 14 }));
  assert.deepEqual([on.reminderDays, on.reminderLocked, on.managed], [14, true, true]);
  const off = plain(policyLib.mergeOptions({}, { recheckReminderDays: 0 }));
  assert.deepEqual([off.reminderDays, off.reminderLocked], [null, true]);
  for (const bad of [-1, 366, 7.5, '30', true]) {
    const { policy, problems } = policyLib.sanitizePolicy({ recheckReminderDays: bad });
    assert.deepEqual(plain(policy), {}, String(bad));
    assert.equal(problems[0].key, 'recheckReminderDays');
  }
});

test('merge: the policy wins over the member', () => {
  const merged = plain(policyLib.mergeOptions({ autoSwitch: true, region: 'US' },
    { allowAutoSwitch: false, region: 'CH', requiredSettings: ['data-for-ai-improvement'] }));
  assert.equal(merged.autoSwitch, false);
  assert.equal(merged.autoSwitchAllowed, false);
  assert.equal(merged.autoSwitchLocked, true);
  assert.equal(merged.region, 'CH');
  assert.equal(merged.regionLocked, true);
  assert.deepEqual(merged.requiredSettings, ['data-for-ai-improvement']);
  assert.equal(merged.managed, true);
  // allowAutoSwitch: true permits the option but does not switch it on for the member.
  assert.equal(policyLib.mergeOptions({ autoSwitch: false }, { allowAutoSwitch: true }).autoSwitch, false);
  assert.equal(policyLib.mergeOptions({ autoSwitch: true }, { allowAutoSwitch: true }).autoSwitch, true);
});

test('loadEffectiveOptions reads storage.local and storage.managed together', async () => {
  const storage = {
    local: { get: async (key) => (key === 'autoSwitch' ? { autoSwitch: true } : {}) },
    managed: { get: async () => ({ allowAutoSwitch: false, requiredSettings: ['ads-beyond-linkedin'] }) },
  };
  const options = plain(await policyLib.loadEffectiveOptions(storage, 'EU'));
  assert.equal(options.autoSwitch, false);
  assert.equal(options.region, 'EU');
  assert.equal(options.policySource, 'managed');
  assert.deepEqual(options.requiredSettings, ['ads-beyond-linkedin']);

  const noManaged = plain(await policyLib.loadEffectiveOptions({ local: storage.local }, null));
  assert.equal(noManaged.autoSwitch, true);
  assert.equal(noManaged.policySource, 'none');
  const brokenLocal = { local: { get: async () => { throw new Error('quota'); } }, managed: { get: async () => ({}) } };
  assert.equal((await policyLib.loadEffectiveOptions(brokenLocal)).autoSwitch, false);
});

test('the managed schema, the manifest, the policy library and the ruleset agree', () => {
  const manifest = readJson(path.join(EXTENSION_DIR, 'manifest.json'));
  assert.equal(manifest.storage?.managed_schema, 'managed_schema.json');
  const schema = readJson(path.join(EXTENSION_DIR, manifest.storage.managed_schema));
  assert.equal(schema.type, 'object');
  assert.deepEqual(Object.keys(schema.properties).sort(), [...policyLib.POLICY_KEYS].sort());
  assert.equal(schema.properties.requiredSettings.type, 'array');
  assert.equal(schema.properties.requiredSettings.items.type, 'string');
  assert.equal(schema.properties.allowAutoSwitch.type, 'boolean');
  assert.deepEqual(schema.properties.region.enum, [...policyLib.REGIONS]);
  const rules = readJson(path.join(ROOT, 'native-host/rules/linkedin.json'));
  assert.deepEqual(Object.keys(rules.regions).sort(), [...policyLib.REGIONS].sort());
  for (const setting of rules.settings) {
    assert.deepEqual(plain(policyLib.sanitizePolicy({ requiredSettings: [setting.id] }).problems), [], setting.id);
  }
});

test('the sample policies in docs/organisations.md are valid policies for every key', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/organisations.md'), 'utf8');
  const samples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  const manifest = readJson(path.join(EXTENSION_DIR, 'manifest.json'));
  const chromeFile = samples.find((s) => s['3rdparty'] && s['3rdparty'].extensions);
  const firefoxFile = samples.find((s) => s.policies && s.policies['3rdparty']);
  assert.ok(chromeFile, 'a Chrome sample with 3rdparty.extensions');
  assert.ok(firefoxFile, 'a Firefox policies.json sample with policies.3rdparty');
  const chromeId = chromeIdOf(manifest.key);
  const chromePolicy = chromeFile['3rdparty'].extensions[chromeId];
  const firefoxPolicy = firefoxFile.policies['3rdparty'].Extensions[manifest.browser_specific_settings.gecko.id];
  assert.ok(chromePolicy, `the Chrome sample names the extension id ${chromeId}`);
  assert.ok(firefoxPolicy, 'the Firefox sample names the add-on id');
  for (const sample of [chromePolicy, firefoxPolicy]) {
    const { problems } = policyLib.sanitizePolicy(sample);
    assert.deepEqual(plain(problems), []);
    assert.deepEqual(Object.keys(sample).sort(), [...policyLib.POLICY_KEYS].sort());
  }
});

test('the host\'s region fills in only where the policy sets none', () => {
  const free = policyLib.mergeOptions({ autoSwitch: true }, {});
  assert.equal(policyLib.withHostRegion(free, 'EU').region, 'EU');
  assert.equal(policyLib.withHostRegion(free, 'Mars').region, null);
  const locked = policyLib.mergeOptions({}, { region: 'UK' });
  assert.equal(policyLib.withHostRegion(locked, 'EU').region, 'UK');
  assert.equal(policyLib.withHostRegion(locked, 'EU').regionLocked, true);
});

test('the options cache reads storage once, and again only on refresh (a storage change)', async () => {
  let reads = 0;
  const storage = {
    local: { get: async () => ({ autoSwitch: true }) },
    managed: { get: async () => { reads += 1; return reads === 1 ? {} : { allowAutoSwitch: false }; } },
  };
  const seen = [];
  const cache = policyLib.createOptionsCache(storage, { onChange: (o) => seen.push(o.autoSwitchAllowed) });
  assert.equal((await cache.get()).autoSwitch, true);
  await cache.get();
  assert.equal(reads, 1);
  assert.equal((await cache.refresh()).autoSwitchAllowed, false);
  assert.equal((await cache.get()).autoSwitch, false);
  assert.equal(reads, 2);
  assert.deepEqual(seen, [true, false]);
  assert.equal(policyLib.affectsOptions({ region: {} }, 'managed'), true);
  assert.equal(policyLib.affectsOptions({ autoSwitch: {} }, 'local'), true);
  assert.equal(policyLib.affectsOptions({ walkthroughTabId: {} }, 'session'), false);
  assert.equal(policyLib.affectsOptions({ other: {} }, 'local'), false);
});
