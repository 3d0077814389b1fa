// Where the built-in core's time goes (issue 24 item 5), in headless Chromium: the first verdict
// after a wake split into its steps, and a warm decide, for one or more builds of the extension
// side by side (`--variant name=DIR`, DIR an extension folder with lib/ and core/), one fresh page
// per wake with the variants interleaved wake by wake, so a busy machine slows them alike.
//
//   node bench/core_profile.mjs [--variant NAME=DIR[@bytes] ...] [--wakes N] [--warm N]
//                               [--cpu-profile] [--trace] [--cpu-steps] [--json OUT] [--browser-arg ARG ...]
//
// Each wake runs the extension's own CoreConnection (lib/core-backend.js) as core_bench.mjs does;
// the core's exported functions are timed from outside (the module's cwrap is wrapped), so the
// steps are: load (the .wasm compiled and instantiated), storage (the stand-in's get), each call
// into the core (lo_open, lo_handle per message, reading the state back), and the rest (the
// protocol's validators, JSON.parse, the texts' encoding). --cpu-profile adds a CDP CPU profile of
// one wake and of the warm decides per variant (self time by function; the .wasm needs names:
// link it with --profiling-funcs); --trace adds V8's own trace events for the same wake (the
// lazy compilation of WebAssembly functions, JavaScript compilation, garbage collection).
// --cpu-steps records each measured wake's trace and adds the page thread's CPU time per step
// (the marks' thread clocks): on a busy machine wall times mostly measure waiting for a core,
// thread CPU much less so (work on the engine's other threads is not in it). It also gives the CPU
// of loading the background's scripts before the wake ('cpu scripts'), and the sum of the two: work
// moved out of the timed span into the load (a file compiled up front, round 5) shows there.
// --browser-arg passes a switch to Chromium, for diagnosis only (the product runs in a stock
// browser): e.g. --browser-arg=--js-flags=--no-wasm-lazy-compilation.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { openSettingsPage, summarize } from './extension_bench.mjs';
import { realisticState } from './core_state.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AI_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const LIBS = ['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js'];

function parseArgs(argv) {
  const opts = { variants: [], wakes: 10, warm: 200, cpuProfile: false, trace: false, json: null, browserArgs: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (flag === '--variant') {
      const [name, spec] = value().split('=');
      const [dir, how] = spec.split('@');
      opts.variants.push({ name, dir: resolve(dir), bytesDirect: how === 'bytes' });
    } else if (flag === '--wakes') opts.wakes = Number(value());
    else if (flag === '--warm') opts.warm = Number(value());
    else if (flag === '--cpu-profile') opts.cpuProfile = true;
    else if (flag === '--trace') opts.trace = true;
    else if (flag === '--cpu-steps') opts.cpuSteps = true;
    else if (flag === '--json') opts.json = value();
    else if (flag === '--browser-arg') opts.browserArgs.push(value());
    else if (flag.startsWith('--browser-arg=')) opts.browserArgs.push(flag.slice('--browser-arg='.length));
    else throw new Error(`unknown option ${flag}`);
  }
  if (!opts.variants.length) opts.variants.push({ name: 'this', dir: join(ROOT, 'extension') });
  return opts;
}

/**
 * In the page: a CoreConnection whose core's exports are timed. __probe(stateText) resolves with
 * the steps of one wake (ms) and keeps the connection for warm decides (__probeWarm).
 */
const PROBE = `(() => {
  const B = globalThis.LinkedOutCoreBackend;
  const P = globalThis.LinkedOutProtocol;
  const calls = {};
  const timed = (steps, name, fn) => (...args) => {
    calls[name] = (calls[name] || 0) + 1;
    performance.mark('step:' + name + (name === 'lo_handle' ? ' #' + calls[name] : ''));
    const t = performance.now();
    try { return fn(...args); } finally { steps.push([name, performance.now() - t]); }
  };
  globalThis.__probe = async (stateText, url) => {
    const steps = [];
    const stored = { [B.STATE_KEY]: stateText };
    const storage = {
      get: async (keys) => { const t = performance.now(); const out = Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])); steps.push(['storage.get', performance.now() - t]); return out; },
      set: async (items) => { steps.push(['storage.set ' + Object.keys(items).join('+'), 0]); Object.assign(stored, items); },
    };
    // As core_bench.mjs and the background load it: B.loadBundledCore over the package's file (a
    // Response holding the .wasm's bytes, handed to the page before the clock starts). A variant
    // named NAME=DIR@bytes instead hands the bytes straight to the loader (round 3's probe).
    const runtime = { getURL: () => 'https://www.linkedin.com/bench-core/linkedout-core.wasm' };
    const fetchFile = async () => new Response(globalThis.__coreBytes, { headers: { 'Content-Type': 'application/wasm' } });
    const loadCore = async () => {
      performance.mark('step:load');
      const t = performance.now();
      const module = globalThis.__probeBytesDirect
        ? await globalThis.LinkedOutCore({ wasmBinary: globalThis.__coreBytes })
        : await B.loadBundledCore(runtime, fetchFile);
      steps.push(['load (fetch + compile + instantiate)', performance.now() - t]);
      const cwrap = module.cwrap;
      module.cwrap = (name, ...rest) => timed(steps, name, cwrap(name, ...rest));
      return module;
    };
    const connection = new B.CoreConnection({ loadCore, storage, extensionVersion: '0.0.0', uiLanguage: 'en' });
    const page = { url, lang: 'en', controls: [{ key: 'allowDataForGenerativeAI', label: 'Use my data for training content creation AI models', checked: true }] };
    performance.mark('step:start');
    const t0 = performance.now();
    const verdict = await connection.request(P.buildPageState(undefined, page));
    const total = performance.now() - t0;
    if (verdict.type !== 'verdict') throw new Error('no verdict: ' + verdict.type);
    globalThis.__probeConnection = connection;
    performance.mark('step:end');
    return { total, steps };
  };
  // Warm decides after the wake: the same page_state again, as core_bench.mjs's scan + decide +
  // apply sends it (nothing changes, so nothing is written).
  globalThis.__probeWarm = async (reps, url) => {
    performance.mark('step:warm');
    const connection = globalThis.__probeConnection;
    const samples = [];
    for (let i = 0; i < reps; i += 1) {
      const page = { url, lang: 'en', controls: [{ key: 'allowDataForGenerativeAI', label: 'Use my data for training content creation AI models', checked: true }] };
      const t = performance.now();
      await connection.request(P.buildPageState(undefined, page));
      samples.push(performance.now() - t);
    }
    return samples;
  };
})();`;

/**
 * A fresh page with the variant's background scripts loaded. `traceScripts(page)` (optional) runs
 * before they load: --cpu-steps starts its trace there, so the scripts' own load (their compile)
 * is counted beside the wake.
 */
async function probePage(browser, variant, bytes, traceScripts = async () => {}) {
  const page = await openSettingsPage(browser, '<!doctype html><html lang="en"><head><title>probe</title></head><body>probe</body></html>');
  await page.evaluate((b64, direct) => {
    globalThis.__coreBytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    globalThis.__probeBytesDirect = direct;
  }, bytes, variant.bytesDirect);
  await traceScripts(page);
  await page.evaluate(() => performance.mark('step:scripts'));
  for (const file of LIBS) await page.addScriptTag({ content: readFileSync(join(variant.dir, file), 'utf8') });
  await page.addScriptTag({ content: readFileSync(join(variant.dir, 'core/linkedout-core.js'), 'utf8') });
  await page.evaluate(() => performance.mark('step:scripts loaded'));
  await page.addScriptTag({ content: PROBE });
  return page;
}

/** Self time per function of a CDP profile, the top `n`, and the wasm / JS / other split. */
function selfTimes(profile, n = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const node = byId.get(profile.samples[i]);
    const frame = node.callFrame;
    const kind = frame.url.startsWith('wasm://') ? 'wasm' : frame.url ? 'js' : 'other';
    const key = `${kind}\t${frame.functionName || '(anonymous)'}`;
    self.set(key, (self.get(key) || 0) + (dt[i + 1] || 0) / 1000);
  }
  const split = { wasm: 0, js: 0, other: 0 };
  for (const [key, ms] of self) split[key.split('\t')[0]] += ms;
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, ms]) => ({ kind: key.split('\t')[0], fn: key.split('\t')[1].slice(0, 140), ms: +ms.toFixed(2) }));
  return { split: Object.fromEntries(Object.entries(split).map(([k, v]) => [k, +v.toFixed(2)])), top };
}

async function cpuProfile(page, fn) {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const out = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return { out, profile: selfTimes(profile) };
}

/** Function names by index from the .wasm's name section (present when linked with --profiling-funcs). */
function wasmNames(bytes) {
  const names = new Map();
  const leb = (at) => { let v = 0; let shift = 0; let b; do { b = bytes[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return [v, at]; };
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size; [size, at] = leb(at);
    const end = at + size;
    if (id === 0) {
      let n; let p; [n, p] = leb(at);
      if (Buffer.from(bytes.subarray(p, p + n)).toString() === 'name') {
        p += n;
        while (p < end) {
          const sub = bytes[p++];
          let len; [len, p] = leb(p);
          if (sub === 1) {
            let count; let q; [count, q] = leb(p);
            for (let i = 0; i < count; i += 1) {
              let index; let l; [index, q] = leb(q); [l, q] = leb(q);
              names.set(index, Buffer.from(bytes.subarray(q, q + l)).toString()); q += l;
            }
          }
          p += len;
        }
      }
    }
    at = end;
  }
  return names;
}

/**
 * V8's trace events during `fn` on the page's main thread: time per event name (wall and thread
 * CPU, ms), and each WebAssembly function compiled lazily (wasm.CompileBaseline: index, body
 * size) attributed to the step it was compiled in (the probe's performance marks).
 */
async function traced(page, fn, names) {
  await page.tracing.start({ categories: ['v8', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'disabled-by-default-v8.compile', 'blink.user_timing', 'disabled-by-default-v8.gc'] });
  const out = await fn();
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain');
  const onMain = events.filter((e) => !main || (e.pid === main.pid && e.tid === main.tid));
  const sums = new Map();
  for (const e of onMain) {
    if (e.ph !== 'X') continue;
    const s = sums.get(e.name) || { ms: 0, cpu_ms: 0, count: 0 };
    s.ms += (e.dur || 0) / 1000; s.cpu_ms += (e.tdur || 0) / 1000; s.count += 1;
    sums.set(e.name, s);
  }
  const marks = events.filter((e) => e.cat && e.cat.includes('blink.user_timing') && e.name.startsWith('step:')).sort((a, b) => a.ts - b.ts);
  const stepAt = (ts) => { let name = 'before'; for (const m of marks) { if (m.ts <= ts) name = m.name.slice(5); else break; } return name; };
  const compiled = onMain.filter((e) => e.name === 'wasm.CompileBaseline');
  const perStep = {};
  for (const e of compiled) {
    const step = stepAt(e.ts);
    const s = perStep[step] || (perStep[step] = { functions: 0, body_bytes: 0, cpu_ms: 0, largest: [] });
    s.functions += 1; s.body_bytes += e.args.bodySize; s.cpu_ms += (e.tdur || 0) / 1000;
    s.largest.push({ bytes: e.args.bodySize, fn: names.get(e.args.funcIndex) || `#${e.args.funcIndex}` });
  }
  for (const s of Object.values(perStep)) { s.largest = s.largest.sort((a, b) => b.bytes - a.bytes); s.cpu_ms = +s.cpu_ms.toFixed(2); }
  const top = [...sums].filter(([name]) => /wasm|compile|gc|parse|Wasm|Compile|GC|Parse/.test(name)).sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)
    .map(([name, s]) => ({ name, ms: +s.ms.toFixed(2), cpu_ms: +s.cpu_ms.toFixed(2), count: s.count }));
  const lazy = { functions: compiled.length, body_bytes: compiled.reduce((n, e) => n + e.args.bodySize, 0) };
  return { out, trace: { events: top, lazy, per_step: perStep } };
}

/**
 * The page thread's CPU time (ms) between the probe's marks of one wake: {step: ms}; the trace was
 * started before the page's scripts loaded (probePage's traceScripts), so 'cpu scripts' is their
 * load (before the wake's timed span, but paid at every wake of a service worker too).
 */
async function cpuSteps(page, fn) {
  const out = await fn();
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
  const marks = events.filter((e) => e.name.startsWith('step:') && e.tts !== undefined).sort((a, b) => a.ts - b.ts);
  const start = marks.findIndex((m) => m.name === 'step:start');
  const cpu = {};
  const scripts = marks.find((m) => m.name === 'step:scripts');
  const loaded = marks.find((m) => m.name === 'step:scripts loaded');
  if (scripts && loaded) cpu['cpu scripts (before the wake)'] = (loaded.tts - scripts.tts) / 1000;
  for (let i = start; i >= 0 && i + 1 < marks.length && marks[i].name !== 'step:end'; i += 1) {
    const name = `cpu ${marks[i].name.slice(5)}`;
    cpu[name] = (cpu[name] || 0) + (marks[i + 1].tts - marks[i].tts) / 1000;
  }
  if (start >= 0) {
    const end = marks.find((m) => m.name === 'step:end');
    if (end) cpu['cpu total'] = (end.tts - marks[start].tts) / 1000;
    if (end && scripts && loaded) cpu['cpu scripts + total'] = cpu['cpu total'] + cpu['cpu scripts (before the wake)'];
  }
  return { out, cpu };
}

/** The steps of a wake as {name: ms}, the calls into the core numbered in order. */
function stepTable({ total, steps }) {
  const row = {};
  const seen = {};
  let accounted = 0;
  for (const [name, ms] of steps) {
    if (name.startsWith('lo_reply_size') || name.startsWith('lo_state_changed') || name.startsWith('lo_state_size')) {
      row['lo_* sizes'] = (row['lo_* sizes'] || 0) + ms;
    } else {
      seen[name] = (seen[name] || 0) + 1;
      const label = seen[name] > 1 || name === 'lo_handle' ? `${name} #${seen[name]}` : name;
      row[label] = (row[label] || 0) + ms;
    }
    accounted += ms;
  }
  row['rest (validators, JSON, encoding)'] = total - accounted;
  row.total = total;
  return row;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rules = JSON.parse(readFileSync(join(ROOT, 'native-host/rules/linkedin.json'), 'utf8'));
  const state = realisticState(rules);
  const profileDir = mkdtempSync(join(tmpdir(), 'linkedout-core-profile-'));
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, userDataDir: profileDir,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND', ...opts.browserArgs] });
  const result = { browser: await browser.version(), browser_args: opts.browserArgs, state_bytes: state.length, variants: {} };
  try {
    for (const v of opts.variants) {
      v.bytes = readFileSync(join(v.dir, 'core/linkedout-core.wasm')).toString('base64');
      // The folder as the checkout names it: no machine path goes into a result kept in the repository.
      const inside = relative(ROOT, v.dir);
      result.variants[v.name] = { dir: inside.startsWith('..') || isAbsolute(inside) ? '(outside the checkout)' : inside, wasm_bytes: readFileSync(join(v.dir, 'core/linkedout-core.wasm')).length, wakes: [], warm: null };
    }
    // One unmeasured wake each (the browser's own caches), then the variants interleaved.
    for (let i = 0; i < opts.wakes + 1; i += 1) {
      for (const v of opts.variants) {
        const page = await probePage(browser, v, v.bytes,
          opts.cpuSteps ? (p) => p.tracing.start({ categories: ['blink.user_timing'] }) : undefined);
        const wake = () => page.evaluate((s, url) => globalThis.__probe(s, url), state, AI_URL);
        const { out, cpu } = opts.cpuSteps ? await cpuSteps(page, wake) : { out: await wake(), cpu: {} };
        await page.close();
        if (i > 0) result.variants[v.name].wakes.push({ ...stepTable(out), ...cpu });
      }
    }
    for (const v of opts.variants) {
      const r = result.variants[v.name];
      const names = [...new Set(r.wakes.flatMap((w) => Object.keys(w)))];
      r.median = Object.fromEntries(names.map((n) => [n, +summarize(r.wakes.map((w) => w[n] || 0)).median.toFixed(2)]));
      // Warm decides on one page, after its wake.
      const page = await probePage(browser, v, v.bytes);
      await page.evaluate((s, url) => globalThis.__probe(s, url), state, AI_URL);
      const warm = await page.evaluate((n, url) => globalThis.__probeWarm(n, url), opts.warm, AI_URL);
      r.warm = summarize(warm);
      if (opts.cpuProfile) {
        r.warm_profile = (await cpuProfile(page, () => page.evaluate((n, url) => globalThis.__probeWarm(n, url), opts.warm, AI_URL))).profile;
      }
      await page.close();
      if (opts.cpuProfile) {
        const p = await probePage(browser, v, v.bytes);
        const { out, profile } = await cpuProfile(p, () => p.evaluate((s, url) => globalThis.__probe(s, url), state, AI_URL));
        r.wake_profile = { total: out.total, ...profile };
        await p.close();
      }
      if (opts.trace) {
        const p = await probePage(browser, v, v.bytes);
        const names = wasmNames(readFileSync(join(v.dir, 'core/linkedout-core.wasm')));
        const { out, trace } = await traced(p, async () => {
          const wake = await p.evaluate((s, url) => globalThis.__probe(s, url), state, AI_URL);
          await p.evaluate((n, url) => globalThis.__probeWarm(n, url), 20, AI_URL);
          return wake;
        }, names);
        r.wake_trace = { total: out.total, ...trace };
        await p.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  for (const [name, r] of Object.entries(result.variants)) {
    console.log(`${name} (${r.wasm_bytes} bytes): first verdict, median of ${r.wakes.length} wakes (ms)`);
    for (const [step, ms] of Object.entries(r.median)) console.log(`  ${step.padEnd(40)} ${ms.toFixed(2).padStart(8)}`);
    console.log(`  warm decide (CoreConnection.request)     median ${r.warm.median.toFixed(3)} p99 ${r.warm.p99.toFixed(3)} (${r.warm.count})`);
    if (r.wake_profile) {
      console.log(`  CPU profile of one wake (${r.wake_profile.total.toFixed(1)} ms): self ms wasm ${r.wake_profile.split.wasm} js ${r.wake_profile.split.js} other ${r.wake_profile.split.other}`);
      for (const t of r.wake_profile.top.slice(0, 15)) console.log(`    ${t.ms.toFixed(2).padStart(7)} ${t.kind.padEnd(5)} ${t.fn}`);
      console.log(`  CPU profile of ${opts.warm} warm decides: self ms wasm ${r.warm_profile.split.wasm} js ${r.warm_profile.split.js} other ${r.warm_profile.split.other}`);
      for (const t of r.warm_profile.top.slice(0, 15)) console.log(`    ${t.ms.toFixed(2).padStart(7)} ${t.kind.padEnd(5)} ${t.fn}`);
    }
    if (r.wake_trace) {
      const t = r.wake_trace;
      console.log(`  trace of one wake (${t.total.toFixed(1)} ms) and 20 warm decides, main thread (wall ms / thread CPU ms / count):`);
      for (const e of t.events.slice(0, 12)) console.log(`    ${e.ms.toFixed(2).padStart(7)} ${e.cpu_ms.toFixed(2).padStart(7)} ${String(e.count).padStart(5)} ${e.name}`);
      console.log(`  WebAssembly functions compiled lazily: ${t.lazy.functions} functions, ${t.lazy.body_bytes} bytes of code; per step:`);
      for (const [step, s] of Object.entries(t.per_step)) {
        console.log(`    ${step.padEnd(14)} ${String(s.functions).padStart(4)} functions ${String(s.body_bytes).padStart(7)} bytes ${s.cpu_ms.toFixed(2).padStart(7)} ms CPU; largest: ${s.largest.slice(0, 4).map((l) => `${l.fn.slice(0, 50)} ${l.bytes}`).join(', ')}`);
      }
    }
  }
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(`core_profile: ${error.stack || error.message}`);
  process.exit(1);
});
