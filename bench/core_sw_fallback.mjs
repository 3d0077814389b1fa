// How long the real service worker takes to fall back to the built-in core when no helper is
// installed (issue 24 item 5; a measurement, nothing changed): Backends.pick asks the helper first
// (connectNative, whose failure is a round trip to the browser's process) and starts loading the
// core only once that has failed, so the failure is time the first verdict waits for.
//
// The extension loaded as a user loads it (tests/e2e/harness.js), no host registered. Per wake:
// every service worker stopped (CDP ServiceWorker.stopAllWorkers), the extension's worker started
// again with no message to answer (ServiceWorker.startWorker: the background's own connection
// stays untried), then, inside the worker, a connection made as the
// background makes it (LinkedOutCoreBackend.createForBrowser) and asked to connect, timed: the
// helper's failure (pick's ensureConnected on the helper, to its rejection), the core's start after
// it (the .wasm fetched from the package, compiled, the stored state opened, hello), the whole
// pick; then a second helper failure in the same worker. Wall time on the worker's clock.
//
//   node bench/core_sw_fallback.mjs [--wakes N] [--json OUT]
import { writeFileSync } from 'node:fs';
import { REPLICA_ORIGIN, startReplica } from '../tests/fixtures/linkedin/server.js';
import { launchBrowser } from '../tests/e2e/harness.js';
import { summarize } from './extension_bench.mjs';

function parseArgs(argv) {
  const opts = { wakes: 20, json: null };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--wakes') opts.wakes = Number(argv[++i]);
    else if (flag === '--json') opts.json = argv[++i];
    else throw new Error(`unknown option ${flag}`);
  }
  if (!Number.isInteger(opts.wakes) || opts.wakes < 1) throw new Error('--wakes wants a positive integer');
  return opts;
}

const workerTarget = (browser, extensionId) => browser.targets()
  .find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));

/**
 * The worker stopped, started again with nothing to answer: evaluate(fn) in it, then detach()
 * (a DevTools session left attached keeps the worker from stopping at the next wake).
 */
async function freshWorker(session, page) {
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  for (let i = 0; i < 100 && workerTarget(session.browser, session.extensionId); i += 1) await new Promise((r) => { setTimeout(r, 50); });
  if (workerTarget(session.browser, session.extensionId)) throw new Error(`the service worker did not stop (${session.browser.targets().map((t) => `${t.type()} ${t.url()}`).join(", ")})`);
  await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${session.extensionId}/` });
  await cdp.detach();
  const target = await session.browser.waitForTarget((t) => t === workerTarget(session.browser, session.extensionId), { timeout: 15000 });
  const workerSession = await target.createCDPSession();
  const evaluate = async (fn) => {
    const reply = await workerSession.send('Runtime.evaluate', { expression: `(${fn})()`, returnByValue: true, awaitPromise: true });
    if (reply.exceptionDetails) throw new Error(`in the worker: ${JSON.stringify(reply.exceptionDetails).slice(0, 500)}`);
    return reply.result.value;
  };
  return { evaluate, detach: () => workerSession.detach() };
}

/** In the worker: a connection as the background makes it, asked to connect; its times. */
const PICK = async () => {
  const B = globalThis.LinkedOutCoreBackend;
  const backends = B.createForBrowser(chrome);
  const { helper } = backends;
  const asked = helper.ensureConnected.bind(helper);
  let helperFailed = null;
  helper.ensureConnected = () => asked().catch((err) => { helperFailed = performance.now(); throw err; });
  const t0 = performance.now();
  await backends.ensureConnected();
  const t1 = performance.now();
  const again = B.createForBrowser(chrome).helper;
  const t2 = performance.now();
  const second = await again.ensureConnected().then(() => 'connected', (err) => err.code);
  const t3 = performance.now();
  return {
    backend: backends.state.backend, helper_status: backends.state.helper, second_status: second,
    helper_failure_ms: helperFailed - t0, core_start_ms: t1 - helperFailed, pick_ms: t1 - t0, second_helper_failure_ms: t3 - t2,
  };
};

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const replica = await startReplica({ renderDelayMs: 0 });
  const samples = [];
  let version;
  const session = await launchBrowser('chromium', { replica, registerHost: false });
  try {
    version = await session.version();
    // As bench/core_sw_wake.mjs: a LinkedIn page open, the install's first start over (its verdict on the page).
    const page = await session.browser.newPage();
    await page.goto(`${REPLICA_ORIGIN}/mypreferences/d/settings/data-for-ai-improvement`);
    await page.waitForFunction(() => document.querySelector('[data-linkedout]'), { timeout: 30000 });
    for (let i = 0; i < opts.wakes + 1; i += 1) {
      const worker = await freshWorker(session, page);
      // Started with no event to answer, the background has not connected: this wake's first
      // connectNative is the probe's.
      const own = await worker.evaluate(() => (globalThis.LinkedOutCoreBackend ? 'loaded' : 'not loaded'));
      if (own !== 'loaded') throw new Error(`the background did not load in the worker (${own})`);
      const sample = await worker.evaluate(PICK);
      await worker.detach();
      if (sample.backend !== 'builtin' || sample.helper_status !== 'host_missing') throw new Error(`expected the built-in core without a helper, got ${JSON.stringify(sample)}`);
      if (i > 0) samples.push(sample);  // the first after the install's start, as core_bench.mjs's first wake
    }
  } finally {
    await session.close();
    await replica.close();
  }
  const f = (v) => v.toFixed(2);
  const line = (key) => { const s = summarize(samples.map((x) => x[key])); return `median ${f(s.median)} ms p90 ${f(s.p90)} max ${f(s.max)}`; };
  console.log(`${version}: Backends.pick with no helper installed, in the real service worker, ${samples.length} wakes (wall time on the worker's clock)`);
  console.log(`  helper's failure (connectNative to its rejection)   ${line('helper_failure_ms')}`);
  console.log(`  then the core's start (fetch, compile, open, hello) ${line('core_start_ms')}`);
  console.log(`  pick, in all                                        ${line('pick_ms')}`);
  console.log(`  a second helper failure in the same worker          ${line('second_helper_failure_ms')}`);
  const result = { browser: version, wakes: samples.length, samples,
    summary: Object.fromEntries(['helper_failure_ms', 'core_start_ms', 'pick_ms', 'second_helper_failure_ms'].map((k) => [k, summarize(samples.map((x) => x[k]))])) };
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(`core_sw_fallback: ${error.stack || error.message}`);
  process.exit(1);
});
