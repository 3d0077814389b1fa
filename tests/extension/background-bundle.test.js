// The background a wake loads (issue 24 item 5, docs/performance.md §8 round 6). Chromium compiled
// the background's ES modules from source at every service-worker wake (a module's code cache is
// produced and never used): the manifest now names one classic script, extension/background.js,
// generated from background/index.js and its imports by scripts/bundle-background, which the
// browser stores with its code cache. These count what a wake loads, with no clock; the bundle
// must be what the sources generate today and must start the same background.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { bundle, whyNotFresh, CORE_LOADER } from '../../scripts/bundle-background';
import { EXTENSION_DIR } from './helpers.js';
import { FEATURES } from '../../extension/background/index.js';

const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
const read = (file) => fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8');

/** The files Chromium's worker loads at a wake, and how: the module graph, or the classic script and what it importScripts. */
function workerLoads() {
  const first = manifest.background.service_worker;
  if (manifest.background.type === 'module') {
    const seen = new Set();
    const walk = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of read(file).matchAll(/^import\s+(?:[^']*\s+from\s+)?'([^']+)';/gm)) {
        walk(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
      }
    };
    walk(first);
    return { modules: seen.size, files: [...seen] };
  }
  const imported = [...read(first).matchAll(/importScripts\('\/([^']+)'\)/g)].map((m) => m[1]);
  return { modules: 0, files: [first, ...imported] };
}

test('a wake loads the background as classic scripts (one file and the core\'s loader), no ES modules', () => {
  const loads = workerLoads();
  assert.equal(loads.modules, 0, `the worker loads ${loads.modules} files as ES modules (compiled from source at every wake)`);
  assert.deepEqual(loads.files, ['background.js', CORE_LOADER]);
  // Firefox runs background.scripts as classic scripts of its background page, in order.
  assert.deepEqual(manifest.background, { service_worker: 'background.js', scripts: [CORE_LOADER, 'background.js'] });
});

test('extension/background.js is fresh: bundling the sources again changes nothing', () => {
  assert.equal(whyNotFresh(), null);
});

test('the bundle starts the same background: every feature installed, one message listener', () => {
  const listeners = { message: 0 };
  const listener = { addListener: () => {} };
  const chrome = {
    runtime: { id: 'x', getURL: (p) => p, getManifest: () => ({ version: '0.1.0' }), connectNative: () => { throw new Error('no host'); },
      onStartup: listener, onInstalled: listener, onMessage: { addListener: () => { listeners.message += 1; } } },
    i18n: { getUILanguage: () => 'en', getMessage: () => '' },
    alarms: { create: () => {}, onAlarm: listener },
    storage: { managed: { get: async () => ({}) }, local: { get: async () => ({}) }, onChanged: listener },
    tabs: { onRemoved: listener },
    action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} },
  };
  const imported = [];
  const context = vm.createContext({ chrome, URL, TextEncoder, TextDecoder, console, setTimeout, clearTimeout,
    importScripts: (file) => imported.push(file), LinkedOutCore: () => { throw new Error('not loaded in this test'); } });
  const before = new Set(vm.runInContext('Object.keys(globalThis)', context));
  new vm.Script(read('background.js'), { filename: 'background.js' }).runInContext(context);
  assert.deepEqual([...imported], [`/${CORE_LOADER}`]);
  assert.equal(listeners.message, 1);
  // Each source keeps a scope of its own, as a module does: only what a library defines on purpose is global.
  const added = [...vm.runInContext('Object.keys(globalThis)', context)].filter((k) => !before.has(k)).sort();
  assert.deepEqual(added, ['LinkedOutCoreBackend', 'LinkedOutHostConnection', 'LinkedOutMessages', 'LinkedOutPolicy', 'LinkedOutProtocol',
    'LinkedOutProtocolValidators', 'LinkedOutRecheck', 'LinkedOutRecheckDriver', 'LinkedOutWalkthrough', 'LinkedOutWalkthroughDriver']);
  assert.equal(vm.runInContext('typeof background_index_js.startBackground', context), 'function');
  assert.equal(vm.runInContext('background_index_js.FEATURES.length', context), FEATURES.length);
});

test('the bundler refuses an import or export form it does not handle, instead of guessing', () => {
  const sources = { 'background/index.js': "import def from './x.js';\n" };
  assert.throws(() => bundle((file) => sources[file]), /a form the bundler does not handle: import def from/);
  const reexport = { 'background/index.js': "export { a } from './x.js';\n" };
  assert.throws(() => bundle((file) => reexport[file]), /a form the bundler does not handle: export \{ a \}/);
});
