// The extension's two backends (lib/core-backend.js) with the real parts: the WebAssembly core as
// the extension ships it, and the real linkedout-host over a native-messaging-like port (a child
// process speaking the framed protocol). Only the browser's storage.local is a plain object here.
// Without the helper the core answers and keeps the store text in storage.local, one write per
// change; a stored text that is not a store is kept aside; when the helper appears its history is
// handed over once and counted once.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HOST, frame, onFrames, spawnHost, stopHost } from '../protocol/host-process.js';
import { loadInContext } from '../extension/helpers.js';
import { instantiateCore } from './core-loader.js';

const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js']);
const { CoreConnection, Backends, STATE_KEY, HANDED_KEY, importParts } = G.LinkedOutCoreBackend;
const { HostConnection } = G.LinkedOutHostConnection;
const P = G.LinkedOutProtocol;

const AI_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const aiPage = (checked) => P.buildPageState(undefined, { url: AI_URL, lang: 'en',
  controls: [{ key: 'allowDataForGenerativeAI', label: 'Use my data for training content creation AI models', checked }] });

/** chrome.storage.local's get/set, counting writes. */
function memoryStorage(initial = {}) {
  const data = { ...initial };
  const storage = {
    data, writes: [],
    async get(keys) { return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])); },
    async set(items) { storage.writes.push(Object.keys(items)); Object.assign(data, items); },
  };
  return storage;
}

/** connectNative for a browser where the helper is not installed (Chromium's words). */
function noHelper() {
  return () => {
    const disconnect = [];
    const port = { error: { message: 'Specified native messaging host not found.' },
      onMessage: { addListener() {} }, onDisconnect: { addListener: (fn) => disconnect.push(fn) },
      postMessage() {}, disconnect() {} };
    queueMicrotask(() => disconnect.forEach((fn) => fn(port)));
    return port;
  };
}

/**
 * connectNative that starts the real host over `dataDir`, framed as the browsers frame it, and
 * `stopAll()`, which ends every host it started (SIGTERM, as a browser does, then their exits).
 * A helper that loses its host reconnects (as in the browser): after stopAll() no host starts
 * again, so none outlives the test and keeps this file's process waiting on it.
 */
function realHelper(dataDir) {
  const children = [];
  let over = false;
  const connectNative = () => {
    if (over) throw new Error('the test is over: no helper starts now');
    const child = spawnHost(HOST, [], { env: { ...process.env, LINKEDOUT_DATA_DIR: dataDir, XDG_STATE_HOME: path.join(dataDir, '..', 'log'), LINKEDOUT_LOG: 'warn' }, stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    const listeners = { message: [], disconnect: [] };
    onFrames(child.stdout, (body) => {
      const msg = JSON.parse(body);
      listeners.message.forEach((fn) => fn(msg));
    });
    const port = { error: null,
      onMessage: { addListener: (fn) => listeners.message.push(fn) },
      onDisconnect: { addListener: (fn) => listeners.disconnect.push(fn) },
      postMessage(msg) { child.stdin.write(frame(msg)); },
      disconnect() { child.stdin.end(); } };
    child.on('close', () => listeners.disconnect.forEach((fn) => fn(port)));
    return port;
  };
  const stopAll = () => {
    over = true;
    return Promise.all(children.map(stopHost));
  };
  return { connectNative, stopAll };
}

function backendsOver(storage, connectNative, clock = () => new Date('2026-11-25T10:00:00Z')) {
  // Reconnect timers that do not keep the test process alive once the tests are done.
  const timers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (t) => clearTimeout(t) };
  const helper = new HostConnection({ connectNative, lastErrorOf: (port) => (port.error ? port.error.message : null), backoffInitialMs: 1, timers });
  const core = new CoreConnection({ loadCore: instantiateCore, storage, clock });
  return { helper, core, backends: new Backends({ helper, core, storage }) };
}

test('without the helper the built-in core answers and keeps the store in storage.local, one write per change', async () => {
  const storage = memoryStorage();
  const { backends } = backendsOver(storage, noHelper());
  const verdict = await backends.request(aiPage(true));
  assert.equal(verdict.type, 'verdict');
  assert.equal(verdict.highlight[0].key, 'allowDataForGenerativeAI');
  assert.equal(backends.state.backend, 'builtin');
  assert.equal(backends.state.status, 'connected');
  assert.equal(backends.state.helper, 'host_missing');
  assert.deepEqual(storage.writes, [[STATE_KEY, HANDED_KEY]], 'one write for the first sighting');
  const stored = JSON.parse(storage.data[STATE_KEY]);
  assert.equal(stored.settings['data-for-ai-improvement'].state, 'on');
  assert.equal(storage.data[HANDED_KEY], false);

  await backends.request(P.buildWalkthrough(undefined, 'status'));
  await backends.request(aiPage(true));  // the same page again, within the minute: nothing to write
  assert.equal(storage.writes.length, 1, 'reads write nothing');
  await backends.request(aiPage(false));
  assert.equal(storage.writes.length, 2, 'one write for the switch turned off');
  const report = await backends.request(P.buildReport(undefined, 'md'));
  assert.match(report.content, /LinkedOut/);
  assert.equal(storage.writes.length, 2);
});

test('the core picks up the stored state after the background restarts, and keeps a corrupt one aside', async () => {
  const storage = memoryStorage();
  await backendsOver(storage, noHelper()).backends.request(aiPage(false));
  const restarted = backendsOver(storage, noHelper()).backends;
  const plan = await restarted.request(P.buildWalkthrough(undefined, 'status'));
  assert.equal(plan.steps.find((s) => s.step === 'data-for-ai-improvement').state, 'off');

  const broken = memoryStorage({ [STATE_KEY]: '{"version":1,"settings":' });
  const fresh = backendsOver(broken, noHelper()).backends;
  await fresh.request(aiPage(true));
  const aside = Object.keys(broken.data).filter((k) => k.startsWith(`${STATE_KEY}.corrupt-`));
  assert.equal(aside.length, 1);
  assert.equal(broken.data[aside[0]], '{"version":1,"settings":');
  assert.equal(JSON.parse(broken.data[STATE_KEY]).settings['data-for-ai-improvement'].state, 'on');
});

test('a stored text that starts with a byte-order mark is the store itself: read, not kept aside', async () => {
  const storage = memoryStorage();
  await backendsOver(storage, noHelper()).backends.request(aiPage(false));
  const marked = memoryStorage({ [STATE_KEY]: `\uFEFF${storage.data[STATE_KEY]}` });
  const restarted = backendsOver(marked, noHelper()).backends;
  const plan = await restarted.request(P.buildWalkthrough(undefined, 'status'));
  assert.equal(plan.steps.find((s) => s.step === 'data-for-ai-improvement').state, 'off');
  const verdict = await restarted.request(aiPage(true));
  assert.equal(verdict.drift.length, 1, 'seen off before: the history was read');
  assert.deepEqual(Object.keys(marked.data).filter((k) => k.startsWith(`${STATE_KEY}.corrupt-`)), []);
  assert.ok(!marked.data[STATE_KEY].startsWith('\uFEFF'), 'written back without the mark');
});

test('when the helper appears, the browser\'s history is handed to it once, counted once', async (t) => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'linkedout-handover-'));
  const dataDir = path.join(scratch, 'data');
  const helpers = realHelper(dataDir);
  t.after(async () => {
    const ends = await helpers.stopAll();
    fs.rmSync(scratch, { recursive: true, force: true });
    // SIGTERM, like the end of input, ends the host with status 0 (docs/protocol.md §1).
    assert.deepEqual(ends, ends.map(() => ({ code: 0, signal: null })), 'every helper exits 0');
  });
  const storage = memoryStorage();
  const early = backendsOver(storage, noHelper(), () => new Date('2026-11-20T09:00:00Z')).backends;
  await early.request(aiPage(true));
  await early.request(aiPage(false));
  await early.request(P.buildWalkthrough(undefined, 'mark_done', 'objection-form'));

  const { backends, helper } = backendsOver(storage, helpers.connectNative);
  const plan = await backends.request(P.buildWalkthrough(undefined, 'status'));
  assert.equal(backends.state.backend, 'helper');
  assert.equal(storage.data[HANDED_KEY], true);
  assert.equal(plan.steps.find((s) => s.step === 'data-for-ai-improvement').state, 'off');
  assert.equal(plan.steps.find((s) => s.step === 'objection-form').state, 'done');
  const helperStore = () => JSON.parse(fs.readFileSync(path.join(dataDir, 'state.json'), 'utf8'));
  assert.equal(helperStore().history.length, 3, 'on, off and the form, each once');

  // A reconnect (the helper restarted) hands nothing again; a repeated import adds nothing.
  helper.disconnect();
  await backends.request(P.buildWalkthrough(undefined, 'status'));
  const again = await backends.request(P.buildImportHistory(undefined, storage.data[STATE_KEY]));
  assert.deepEqual([again.settings, again.history, again.forms, again.checks], [0, 0, 0, 0]);
  assert.equal(helperStore().history.length, 3);
});

test('a store over the frame cap is handed over in parts that each parse and together hold every entry', () => {
  const history = Array.from({ length: 5000 }, (_, i) => ({ at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
    setting: `s${i}`, from: 'on', to: 'off', url: `${AI_URL}?${'x'.repeat(300)}` }));
  const text = JSON.stringify({ version: 1, settings: {}, history });
  const parts = importParts(text);
  assert.ok(parts.length > 1);
  for (const part of parts) assert.ok(Buffer.byteLength(part) < 1000 * 1024);
  assert.equal(parts.map((p) => JSON.parse(p).history.length).reduce((a, b) => a + b, 0), history.length);
});

// A wake reads the stored state while the browser compiles the core, not after: in the browser
// storage.local.get is a round trip to another process, and the compile runs on its own threads
// (docs/performance.md §8). Order of calls, no clock. A core that does not load still says so.
test('a wake asks storage for the state while the core is still loading', async () => {
  const storage = memoryStorage();
  const order = [];
  const get = storage.get;
  storage.get = async (keys) => { order.push('storage.get'); return get(keys); };
  let loaded;
  const loading = new Promise((resolve) => { loaded = resolve; });
  const core = new CoreConnection({ storage, loadCore: () => { order.push('load started'); return loading; } });
  const hello = core.ensureConnected();
  for (let i = 0; i < 5; i += 1) await null;  // let the wake run as far as it can without the core
  order.push('core loaded');
  loaded(await instantiateCore());
  assert.equal((await hello).type, 'hello');
  assert.deepEqual(order, ['load started', 'storage.get', 'core loaded']);

  const failing = new CoreConnection({ storage: memoryStorage(), loadCore: async () => { throw new Error('no .wasm'); } });
  await assert.rejects(failing.ensureConnected(), (err) => err.code === 'core_failed' && /no \.wasm/.test(err.message));
  assert.equal(failing.state.status, 'core_failed');
});

test('isoNow writes the time as the host does: ISO 8601 UTC to the second, for any date the clock gives', () => {
  const { isoNow } = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js']).LinkedOutCoreBackend;
  assert.equal(isoNow(new Date(Date.UTC(2026, 0, 5, 9, 4, 7, 999))), '2026-01-05T09:04:07Z');
  assert.equal(isoNow(new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 0))), '1999-12-31T23:59:59Z');
  assert.equal(isoNow(new Date(8.64e15)), '+275760-09-13T00:00:00Z');
  assert.equal(isoNow(new Date(-62198755200000)), '-000001-01-01T00:00:00Z');
});
