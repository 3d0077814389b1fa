// The built-in core's .wasm read and compiled inside the real extension's service worker, in
// Chromium (issue 24 item 5): the part of a wake core_bench.mjs leaves out, since there the bytes
// are handed to a page. Two ways, interleaved in the same worker: `bytes` (fetch the package's
// file, read it whole into JavaScript, hand the bytes to the loader: the extension until round 4)
// and `streaming` (lib/core-backend.js's loadBundledCore: the response compiled as it is read).
// Each sample is the core loaded and instantiated, ready for lo_open, in one worker (a restart of
// the worker from here was not reliable in headless Chromium: not measured).
//
//   node bench/core_sw_load.mjs [--reps N] [--json OUT]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { summarize } from './extension_bench.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const EXTENSION = join(ROOT, 'extension');

function parseArgs(argv) {
  const opts = { reps: 30, json: null };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (flag === '--reps') opts.reps = Number(value());
    else if (flag === '--json') opts.json = value();
    else throw new Error(`unknown option ${flag}`);
  }
  return opts;
}

/** In the worker: one load of the core by `way`, in ms (the worker's clock: 0.1 ms steps). */
const LOAD_ONCE = async (way) => {
  const runtime = { getURL: (file) => new URL(`/${file}`, self.location.href).href };
  const B = globalThis.LinkedOutCoreBackend;
  const t0 = performance.now();
  const module = way === 'streaming'
    ? await B.loadBundledCore(runtime)
    : await globalThis.LinkedOutCore({ wasmBinary: new Uint8Array(await (await fetch(runtime.getURL('core/linkedout-core.wasm'))).arrayBuffer()) });
  const ms = performance.now() - t0;
  if (typeof module._lo_open !== 'function') throw new Error('the core did not load');
  return ms;
};

async function worker(browser) {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  // Raw CDP: puppeteer's worker.evaluate runs in a world of its own, without the worker's globals.
  const session = await target.createCDPSession();
  const evaluate = async (fn, ...args) => {
    const reply = await session.send('Runtime.evaluate', { expression: `(${fn})(...${JSON.stringify(args)})`, awaitPromise: true, returnByValue: true });
    if (reply.exceptionDetails) throw new Error(`in the worker: ${JSON.stringify(reply.exceptionDetails).slice(0, 400)}`);
    return reply.result.value;
  };
  // Attached as it starts: wait for the background's modules to have run.
  for (let i = 0; i < 100 && !(await evaluate(() => typeof globalThis.LinkedOutCoreBackend === 'object')); i += 1) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return { target, w: { evaluate, url: () => target.url() } };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const profile = mkdtempSync(join(tmpdir(), 'linkedout-core-sw-'));
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, userDataDir: profile, pipe: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      `--load-extension=${EXTENSION}`, `--disable-extensions-except=${EXTENSION}`] });
  const ways = ['bytes', 'streaming'];
  const samples = { first: { bytes: [], streaming: [] }, again: { bytes: [], streaming: [] } };  // first: discarded (the worker's own caches)
  try {
    const { w } = await worker(browser);
    // The two ways alternate which goes first; the first load of all is the worker's first.
    for (let i = 0; i < opts.reps + 1; i += 1) {
      for (const way of i % 2 ? ways : [...ways].reverse()) {
        const ms = await w.evaluate(LOAD_ONCE, way);
        samples[i === 0 ? 'first' : 'again'][way].push(ms);
      }
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const result = { browser: 'chromium', reps: opts.reps,
    again: Object.fromEntries(ways.map((w) => [w, summarize(samples.again[w])])) };
  for (const [name, part] of [['loads in one worker, interleaved', result.again]]) {
    console.log(`${name}:`);
    for (const w of ways) console.log(`  ${w.padEnd(10)} median ${part[w].median.toFixed(1)} ms  p99 ${part[w].p99.toFixed(1)}  (${part[w].count})`);
  }
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(`core_sw_load: ${error.stack || error.message}`);
  process.exit(1);
});
