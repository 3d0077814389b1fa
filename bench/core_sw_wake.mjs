// A real service-worker wake of the extension without the helper, in Chromium (issue 24 item 5):
// the extension loaded as a user loads it (tests/e2e/harness.js, no host registered), the LinkedIn
// replica's AI page open; each wake stops every service worker (CDP ServiceWorker.stopAllWorkers),
// then reloads the page, whose content script's page_state starts the worker again and waits for
// the built-in core's verdict on the page. A browser-wide trace gives, on the worker's thread: its
// CPU in top-level tasks (module compile and evaluation, the background's start, the first
// verdict: everything core_bench.mjs's page leaves out), the modules compiled (v8.compileModule,
// their CPU, and lib/protocol*.js's each)
// and the JavaScript functions compiled lazily (V8.CompileCode); all traced CPU on the thread
// (the lazy WebAssembly compiles run outside top-level tasks), the JavaScript's compile CPU
// however it happens (a module's, a script's, lazily, or a code cache read back) and the
// WebAssembly's. Variants are interleaved wake by wake, each in a browser of its own (the
// extension's id is fixed by its key). --idle-ms leaves the worker idle before each stop (V8
// offers optimised WebAssembly code to the browser's cache only after ~2 s without new code).
//
//   node bench/core_sw_wake.mjs [--variant NAME=DIR ...] [--wakes N] [--idle-ms MS] [--json OUT]
import { writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { startReplica, REPLICA_ORIGIN } from '../tests/fixtures/linkedin/server.js';
import { launchBrowser } from '../tests/e2e/harness.js';
import { summarize } from './extension_bench.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const AI_URL = `${REPLICA_ORIGIN}/mypreferences/d/settings/data-for-ai-improvement`;

function parseArgs(argv) {
  const opts = { variants: [], wakes: 8, json: null, idleMs: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (flag === '--variant') {
      const [name, dir] = value().split('=');
      opts.variants.push({ name, dir: resolve(dir) });
    } else if (flag === '--wakes') opts.wakes = Number(value());
    else if (flag === '--json') opts.json = value();
    else if (flag === '--idle-ms') opts.idleMs = Number(value());
    else throw new Error(`unknown option ${flag}`);
  }
  if (!opts.variants.length) opts.variants.push({ name: 'this', dir: join(ROOT, 'extension') });
  return opts;
}

const marked = (page) => page.waitForFunction(() => document.querySelector('[data-linkedout]'), { timeout: 30000 });

/** The browser-wide trace of `fn` (CDP Tracing from the browser's own session). */
async function traced(browser, fn) {
  const session = await browser.target().createCDPSession();
  await session.send('Tracing.start', { transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['toplevel', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.wasm.detailed', '__metadata'] } });
  await fn();
  const complete = new Promise((r) => session.once('Tracing.tracingComplete', r));
  await session.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle: stream });
  await session.detach();
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** One wake: the worker stopped, the page reloaded, the verdict on it; the worker thread's figures. */
async function wake(session, page, idleMs = 0) {
  // A worker left idle (a real one lives ~30 s after its last event) may hand its optimised
  // WebAssembly code to the browser's cache, which V8 does only after ~2 s without new code.
  if (idleMs) await new Promise((r) => setTimeout(r, idleMs));
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  for (let i = 0; i < 100 && session.browser.targets().some((t) => t.type() === 'service_worker'); i += 1) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (session.browser.targets().some((t) => t.type() === 'service_worker')) throw new Error('the service worker did not stop');
  const events = await traced(session.browser, async () => { await page.reload(); await marked(page); });
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const worker = events.filter((e) => names.get(`${e.pid}:${e.tid}`) === 'ServiceWorker thread');
  if (!worker.length) throw new Error('no service worker thread in the trace: the worker did not wake');
  const tasks = worker.filter((e) => e.ph === 'X' && e.cat === 'toplevel');
  const modules = worker.filter((e) => e.name === 'v8.compileModule');
  const moduleCpu = (e) => (e.tdur || 0) / 1000;
  const file = (e) => (e.args && e.args.data && e.args.data.url ? new URL(e.args.data.url).pathname.slice(1) : '?');
  // Each traced event's own CPU (its children's taken off), summed by kind: what the JavaScript's
  // compile costs (parse, compile, a code cache's deserialisation) whether it happens in a
  // module's compile, a script's or lazily at a function's first call.
  const own = new Map();
  const stack = [];
  for (const e of worker.filter((x) => x.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    own.set(e, (own.get(e) || 0) + (e.tdur || 0));
    if (parent) own.set(parent, (own.get(parent) || 0) - (e.tdur || 0));
    stack.push(e);
  }
  const ownCpu = (test) => [...own].filter(([e]) => test(e.name)).reduce((n, [, us]) => n + us, 0) / 1000;
  return {
    // All traced CPU on the thread: the top-level tasks and what runs outside them (WebAssembly's
    // lazy compiles, some script compiles), which worker_cpu_ms leaves out.
    worker_traced_cpu_ms: ownCpu(() => true),
    js_compile_cpu_ms: ownCpu((n) => /^V8\.(Compile|Parse|PreParse)|^v8\.compileModule$|Deserialize$/.test(n) && !/Isolate|Context/.test(n)),
    wasm_compile_cpu_ms: ownCpu((n) => n.startsWith('wasm.')),
    worker_cpu_ms: tasks.reduce((n, e) => n + (e.tdur || 0), 0) / 1000,
    modules_compiled: modules.length,
    modules_compile_cpu_ms: modules.reduce((n, e) => n + moduleCpu(e), 0),
    ...Object.fromEntries(modules.filter((e) => file(e).startsWith('lib/protocol')).map((e) => [`compile_cpu_ms ${file(e)}`, moduleCpu(e)])),
    functions_compiled_lazily: worker.filter((e) => e.name === 'V8.CompileCode').length,
    wasm_functions_compiled_lazily: worker.filter((e) => e.name === 'wasm.CompileBaseline').length,
    wasm_bytes_compiled_lazily: worker.filter((e) => e.name === 'wasm.CompileBaseline').reduce((n, e) => n + e.args.bodySize, 0),
    wasm_cpu_ms_compiled_lazily: worker.filter((e) => e.name === 'wasm.CompileBaseline').reduce((n, e) => n + (e.tdur || 0), 0) / 1000,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const replica = await startReplica({ renderDelayMs: 0 });
  const result = { wakes: opts.wakes, variants: {} };
  const running = [];
  try {
    for (const v of opts.variants) {
      const session = await launchBrowser('chromium', { replica, registerHost: false, extensionDir: v.dir });
      const page = await session.browser.newPage();
      await page.goto(AI_URL);
      await marked(page);  // the install's first start, not measured
      running.push({ v, session, page });
      const inside = relative(ROOT, v.dir);
      result.variants[v.name] = { dir: inside.startsWith('..') || isAbsolute(inside) ? '(outside the checkout)' : inside, samples: [] };
      result.browser = await session.version();
    }
    for (let i = 0; i < opts.wakes; i += 1) {
      for (const { v, session, page } of running) result.variants[v.name].samples.push(await wake(session, page, opts.idleMs));
    }
  } finally {
    for (const { session } of running) await session.close();
    await replica.close();
  }
  console.log(`${result.browser}: a service-worker wake to the first verdict on the page, ${opts.wakes} wakes per variant (median)`);
  for (const [name, r] of Object.entries(result.variants)) {
    r.median = Object.fromEntries(Object.keys(r.samples[0]).map((k) => [k, +summarize(r.samples.map((s) => s[k])).median.toFixed(2)]));
    console.log(`  ${name.padEnd(8)} worker thread CPU ${r.median.worker_cpu_ms} ms in top-level tasks, ${r.median.worker_traced_cpu_ms} ms in all traced events; modules compiled ${r.median.modules_compiled} ` +
      `(${r.median.modules_compile_cpu_ms} ms CPU); JavaScript functions compiled lazily ${r.median.functions_compiled_lazily}; ` +
      `JavaScript compile CPU ${r.median.js_compile_cpu_ms} ms; WebAssembly compile CPU ${r.median.wasm_compile_cpu_ms} ms ` +
      `(${r.median.wasm_functions_compiled_lazily} functions compiled lazily)`);
    for (const [k, ms] of Object.entries(r.median).filter(([k]) => k.startsWith('compile_cpu_ms '))) console.log(`    ${k.slice(15)} compiled in ${ms} ms CPU`);
  }
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(`core_sw_wake: ${error.stack || error.message}`);
  process.exit(1);
});
