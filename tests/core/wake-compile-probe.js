// Run by core-wake-compile.test.js in a child Node whose V8 writes trace events: one service-
// worker wake through the extension's own CoreConnection (the shipped core, a store after the
// walkthrough with 1,000 history entries). It prints where each call into the core began on the
// monotonic clock the trace events use (microseconds), only to order them: the test tells which
// WebAssembly functions each step compiled, and measures no time.
import fs from 'node:fs';
import path from 'node:path';
import { loadInContext, ROOT } from '../extension/helpers.js';
import { instantiateCore } from './core-loader.js';
import { realisticState } from '../../bench/core_state.mjs';

const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js']);
const rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/rules/linkedin.json'), 'utf8'));
const data = { [G.LinkedOutCoreBackend.STATE_KEY]: realisticState(rules) };
const storage = {
  async get(keys) { return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])); },
  async set(items) { Object.assign(data, items); },
};
const calls = {};
const steps = [];
const mark = (name) => steps.push([name, Number(process.hrtime.bigint() / 1000n)]);
async function loadCore() {
  mark('load');
  const module = await instantiateCore();
  const cwrap = module.cwrap;
  module.cwrap = (name, ...rest) => {
    const fn = cwrap(name, ...rest);
    return (...args) => {
      calls[name] = (calls[name] || 0) + 1;
      mark(`${name}${name === 'lo_handle' ? ` #${calls[name]}` : ''}`);
      return fn(...args);
    };
  };
  return module;
}
const core = new G.LinkedOutCoreBackend.CoreConnection({ loadCore, storage, clock: () => new Date(Date.UTC(2026, 5, 5, 9)) });
const verdict = await core.request(G.LinkedOutProtocol.buildPageState(undefined, {
  url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', lang: 'en',
  controls: [{ key: 'allowDataForGenerativeAI', label: 'Use my data for training content creation AI models', checked: true }] }));
mark('done');
process.stdout.write(JSON.stringify({ verdict: verdict.type, highlight: verdict.highlight.map((h) => h.key), steps }));
