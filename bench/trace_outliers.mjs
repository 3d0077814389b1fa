// What the slow runs of scan + apply are, in Chromium: the bench's loop (bench/extension_bench.mjs,
// in the content script's world) under a trace with V8's and Blink's GC categories, each run
// framed by two user-timing marks. For every run it lists what ran inside it on the renderer's
// main thread (GC of either heap, style, layout) and how much of its wall time the thread was
// actually on a CPU; the slowest runs are printed with their causes, and a summary says how many
// of the slow runs held a GC, and how many were off-CPU (the OS: another process had the core).
//
// Each run follows a feed card and scans as main.js then does (trees and candidates kept); --full:
// each run walks the whole page.
//
// Every GC of the loop, not only those inside a run, is also listed by where it landed: in a run
// (the timed span), in the harness's preparation before it (clearing the marks, the feed card,
// the mutation records, the settling layout), in the floor, or between runs; and the JS heap bytes
// the preparation and the span each allocate (precise heap sizes, batches after gc()): whose
// allocation fills the young generation. --spacing as extension_bench.mjs's: back-to-back (every
// run in one task, no idle time: the old bench) or tasks (each run in a task of its own after
// --gap ms of idle time, as main.js's debounced scans come).
//
//   node bench/trace_outliers.mjs --host PATH [--reps N] [--slow N] [--full] [--json OUT]
//                                 [--spacing back-to-back|tasks] [--gap MS] [--names]
//                                 [--trace-out TRACE.json]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_GAP_MS, FEED_CARD, FLOOR_WORK, SCAN_AS_MAIN_DOES, SPACED_RUNS, SPACINGS, askHost, launch, openBenchWorld, summarize } from './extension_bench.mjs';

const args = process.argv.slice(2);
const arg = (flag, fallback) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : fallback; };
const host = arg('--host');
const reps = Number(arg('--reps', 300));
const slowCount = Number(arg('--slow', 10));
const jsonOut = arg('--json', null);
const full = args.includes('--full');
const spacing = arg('--spacing', 'back-to-back');
const gapMs = Number(arg('--gap', DEFAULT_GAP_MS));
const listNames = args.includes('--names');
if (!SPACINGS.includes(spacing)) throw new Error(`--spacing is ${SPACINGS.join(' or ')}`);
if (!host) throw new Error('--host PATH is required');

const CATEGORIES = ['blink.user_timing', 'v8.gc', 'blink.gc', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8'];
// Trace events that say where a run's time went, by name (prefix) → the cause they stand for.
const CAUSES = [
  [/^(MinorGC|Scavenge|V8\.GC_SCAVENGER$|V8\.GCScavenger$|MinorMS|V8\.GC_MINOR_MARK)/, 'V8 minor GC'],
  [/^(MajorGC|V8\.GC_MARK_COMPACTOR$|V8\.GCFinalizeMC|V8\.GC_MC_INCREMENTAL$|V8\.GCIncrementalMarking$)/, 'V8 major GC'],
  [/^BlinkGC\.|^CppGC\.|^V8\.GC_CPP/, 'Oilpan (Blink GC)'],
  [/^(UpdateLayoutTree|RecalculateStyles)$/, 'style'],
  [/^Layout$/, 'layout'],
];

const profile = mkdtempSync(join(tmpdir(), 'linkedout-trace-'));
const browser = await launch('chromium', profile);
try {
  const { page, world } = await openBenchWorld(browser, 'chromium', 'content');
  await world.addScript(SCAN_AS_MAIN_DOES);
  await world.addScript(FLOOR_WORK);
  await world.addScript(FEED_CARD);
  await world.addScript(SPACED_RUNS);
  const verdict = await askHost(host, await world.evaluate(() => globalThis.__benchScan().state));
  const load = loadavg()[0];
  await page.tracing.start({ categories: CATEGORIES });
  // The bench's spaced runs (extension_bench.mjs SPACED_RUNS), one kind of scan, each run's
  // boundaries marked for the trace: prep, idle (spacing tasks), floor, run, end.
  const runs = await world.evaluate(async (verdictArg, repsArg, fullArg, spacingArg, gapArg) => {
    const at = (place, n) => { if (place !== 'idle' || spacingArg === 'tasks') performance.mark(`${place}-${n}`); };
    const result = await globalThis.__benchSpacedRuns({ reps: repsArg, spacing: spacingArg, gap: gapArg, verdictFor: () => verdictArg,
      kinds: [fullArg], at, endTask: true, bytes: false });
    performance.clearMarks();
    return result[fullArg ? 'full_walk' : 'after_change'].total.map((run, i) => ({ floor: result.floor[i], run }));
  }, verdict, reps, full, spacing, gapMs);
  // The JS heap bytes of one preparation and of one run (the span), each in batches of 10 after a
  // full GC, median of 10 batches: whose allocation fills the young generation.
  const bytes = await world.evaluate((verdictArg, fullArg) => {
    if (typeof globalThis.gc !== 'function' || !performance.memory) return null;
    const heap = () => performance.memory.usedJSHeapSize;
    const perBatch = { prepare: [], run: [] };
    for (let batch = 0; batch < 12; batch += 1) {
      globalThis.gc();
      let prep = 0;
      let span = 0;
      for (let k = 0; k < 10; k += 1) {
        const h0 = heap();
        globalThis.LinkedOutHighlight.clearAll(document);
        if (!fullArg) globalThis.__benchFeedCard(5000 + batch * 10 + k);
        globalThis.__benchNoteMutations();
        void document.body.offsetHeight;
        const h1 = heap();
        const { switches } = globalThis.__benchScan(fullArg);
        globalThis.LinkedOutHighlight.applyVerdict(document, verdictArg, switches);
        void document.body.offsetHeight;
        const h2 = heap();
        prep += h1 - h0;
        span += h2 - h1;
      }
      if (batch >= 2) { perBatch.prepare.push(prep / 10); perBatch.run.push(span / 10); }
    }
    const median = (list) => list.sort((x, y) => x - y)[list.length >> 1];
    return { prepare: Math.round(median(perBatch.prepare)), run: Math.round(median(perBatch.run)) };
  }, verdict, full);
  const traceText = Buffer.from(await page.tracing.stop()).toString('utf8');
  if (arg('--trace-out')) writeFileSync(arg('--trace-out'), traceText);
  const trace = JSON.parse(traceText);
  const events = trace.traceEvents || trace;
  // The main thread is the one the marks were made on.
  const marks = new Map();
  let mainTid = null;
  for (const e of events) {
    if (e.cat && e.cat.includes('blink.user_timing') && /^(prep|idle|floor|run|end)-\d+$/.test(e.name)) {
      if (!marks.has(e.name)) marks.set(e.name, e.ts);
      mainTid = e.tid;
      var mainPid = e.pid;  // eslint-disable-line no-var
    }
  }
  const onMain = events.filter((e) => e.pid === mainPid && e.tid === mainTid && e.ph === 'X' && typeof e.dur === 'number');
  const anyThread = events.filter((e) => e.pid === mainPid && e.ph === 'X' && typeof e.dur === 'number');
  const perRun = runs.map((r, i) => {
    const start = marks.get(`run-${i}`);
    const end = marks.get(`end-${i}`);
    const causes = {};
    const onCpu = {};  // of that, the time the thread was on a CPU (the event's thread time, pro rata)
    // A GC is reported by several categories at once (e.g. MinorGC and V8.GC_SCAVENGER), nested:
    // each cause counts the union of its events' spans, not their sum.
    const spans = {};
    if (start === undefined || end === undefined) return { i, ...r, causes, onCpu, missing: true };
    for (const e of anyThread) {
      const [name] = CAUSES.find(([re]) => re.test(e.name)) ? [CAUSES.find(([re]) => re.test(e.name))[1]] : [null];
      if (!name) continue;
      const from = Math.max(start, e.ts);
      const to = Math.min(end, e.ts + e.dur);
      if (to <= from) continue;
      // GC on a helper thread counts only when the main thread waited for it (it is then on the
      // main thread too); style and layout are the main thread's.
      if (e.tid !== mainTid) continue;
      const share = typeof e.tdur === 'number' && e.dur > 0 ? Math.min(1, e.tdur / e.dur) : 1;
      (spans[name] ||= []).push([from, to, share]);
    }
    for (const [name, list] of Object.entries(spans)) {
      list.sort((a, b) => a[0] - b[0]);
      let wall = 0;
      let cpu = 0;
      let [from, to, share] = list[0];
      for (const [f, t, sh] of list.slice(1)) {
        if (f <= to) { to = Math.max(to, t); share = Math.min(share, sh); continue; }
        wall += to - from; cpu += share * (to - from);
        [from, to, share] = [f, t, sh];
      }
      wall += to - from; cpu += share * (to - from);
      causes[name] = wall / 1000;
      onCpu[name] = cpu / 1000;
    }
    // The innermost task on the main thread that holds the run: its thread time against its wall
    // time says whether the thread was descheduled during it.
    return { i, ...r, causes, onCpu };
  });
  // Whole-task CPU share: the evaluate task holds every run; its tdur/dur is the loop's CPU share.
  const task = onMain.filter((e) => typeof e.tdur === 'number' && e.ts <= marks.get('run-0') && e.ts + e.dur >= marks.get(`end-${reps - 1}`))
    .sort((a, b) => a.dur - b.dur)[0];
  const median = summarize(perRun.map((r) => r.run)).median;
  const slow = [...perRun].sort((a, b) => b.run - a.run).slice(0, slowCount);
  const f = (v) => v.toFixed(2);
  console.log(`${await browser.version()}, isolated world, ${reps} runs (${full ? 'full walk' : 'after a page change'}), ${spacing === 'tasks' ? `each in a task of its own after ${gapMs} ms idle` : 'back to back in one task'}, load average ${load.toFixed(2)}`);
  console.log(`  scan + apply  ${JSON.stringify(summarize(perRun.map((r) => r.run)), (k, v) => (typeof v === 'number' ? Number(v.toFixed(3)) : v))}`);
  console.log(`  floor         ${JSON.stringify(summarize(perRun.map((r) => r.floor)), (k, v) => (typeof v === 'number' ? Number(v.toFixed(3)) : v))}`);
  if (task) console.log(`  the loop's task: ${f(task.dur / 1000)} ms wall, ${f(task.tdur / 1000)} ms on a CPU (${f(100 * task.tdur / task.dur)} %)`);
  const gcIn = (r) => (r.causes['V8 minor GC'] || 0) + (r.causes['V8 major GC'] || 0) + (r.causes['Oilpan (Blink GC)'] || 0);
  const withGc = perRun.filter((r) => gcIn(r) > 0);
  console.log(`  runs with a GC inside: ${withGc.length} of ${reps}; their median ${f(summarize(withGc.map((r) => r.run)).median || 0)} ms, GC ${f(summarize(withGc.map(gcIn)).median || 0)} ms`);
  console.log(`  the ${slowCount} slowest runs (median ${f(median)} ms): run ms, floor ms before it, causes inside (ms wall, and on a CPU)`);
  for (const r of slow) {
    const causes = Object.entries(r.causes).map(([k, v]) => `${k} ${f(v)} (${f(r.onCpu[k])} on a CPU)`).join(', ');
    console.log(`    #${String(r.i).padStart(3)}  ${f(r.run).padStart(6)}  floor ${f(r.floor)}  ${causes || '(no GC; style/layout not seen)'}${r.missing ? ' (marks missing)' : ''}`);
  }
  const slowGc = slow.filter((r) => gcIn(r) > 0.3 * (r.run - median));
  console.log(`  of the ${slowCount} slowest, ${slowGc.length} are explained by GC (GC ≥ 30 % of their excess over the median)`);
  // Every GC of the loop, by where it landed. Nested and overlapping GC events on the main thread
  // (one GC is reported by several categories) make one episode.
  const gcKind = (name) => { const hit = CAUSES.slice(0, 3).find(([re]) => re.test(name)); return hit ? hit[1] : null; };
  const loopFrom = marks.get('prep-0');
  const loopTo = marks.get(`prep-${reps}`);
  const gcEvents = onMain.filter((e) => gcKind(e.name) && e.ts + e.dur > loopFrom && e.ts < loopTo).sort((x, y) => x.ts - y.ts);
  const episodes = [];
  for (const e of gcEvents) {
    const last = episodes[episodes.length - 1];
    if (last && e.ts < last.to) {
      last.to = Math.max(last.to, e.ts + e.dur);
      last.kinds.add(gcKind(e.name));
      last.names.add(e.name);
      if (typeof e.tdur === 'number') last.cpu = Math.max(last.cpu, e.tdur);
      continue;
    }
    episodes.push({ from: e.ts, to: e.ts + e.dur, cpu: typeof e.tdur === 'number' ? e.tdur : e.dur, kinds: new Set([gcKind(e.name)]), names: new Set([e.name]) });
  }
  const bounds = [];
  for (let i = 0; i < reps; i += 1) {
    for (const [name, phase] of [[`prep-${i}`, 'preparation (harness)'], [`idle-${i}`, 'idle before the run'], [`floor-${i}`, 'floor'], [`run-${i}`, 'run (timed span)'], [`end-${i}`, 'between runs']]) {
      if (marks.has(name)) bounds.push([marks.get(name), phase]);
    }
  }
  bounds.sort((x, y) => x[0] - y[0]);
  const phaseAt = (ts) => {
    let lo = 0;
    let hi = bounds.length - 1;
    let found = 'before the loop';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (bounds[mid][0] <= ts) { found = bounds[mid][1]; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };
  const byPlace = {};
  for (const ep of episodes) {
    const kind = [...ep.kinds].sort().join(' + ');
    const key = `${phaseAt(ep.from)} | ${kind}`;
    const slot = (byPlace[key] ||= { count: 0, wall_ms: 0, cpu_ms: 0, names: new Set() });
    slot.count += 1;
    slot.wall_ms += (ep.to - ep.from) / 1000;
    slot.cpu_ms += ep.cpu / 1000;
    for (const n of ep.names) slot.names.add(n);
  }
  console.log(`  every GC of the loop (${episodes.length}), by where it began | kind: count, wall ms (sum), on a CPU ms (sum), trace events`);
  for (const [key, v] of Object.entries(byPlace).sort()) {
    console.log(`    ${key.padEnd(48)} ${String(v.count).padStart(4)}  ${f(v.wall_ms).padStart(8)}  ${f(v.cpu_ms).padStart(8)}  ${[...v.names].join(', ')}`);
  }
  if (bytes) console.log(`  JS heap bytes allocated: preparation (harness) ${bytes.prepare}, run (timed span) ${bytes.run}, per run`);
  if (listNames) {
    // What ran inside the timed spans on the main thread, by trace event name.
    const spans = perRun.filter((r) => !r.missing).map((r) => [marks.get(`run-${r.i}`), marks.get(`end-${r.i}`)]);
    const names = {};
    for (const e of onMain) {
      for (const [from, to] of spans) {
        if (e.ts >= from && e.ts < to) { const n = (names[e.name] ||= { count: 0, ms: 0 }); n.count += 1; n.ms += e.dur / 1000; break; }
      }
    }
    console.log('  trace events beginning inside the spans (main thread): count, wall ms (sum)');
    for (const [name, v] of Object.entries(names).sort((x, y) => y[1].ms - x[1].ms).slice(0, 40)) console.log(`    ${name.padEnd(48)} ${String(v.count).padStart(6)}  ${f(v.ms)}`);
  }
  // One run a line, times in µs-rounded ms: small enough to keep beside the docs.
  const round = (k, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v);
  if (jsonOut) {
    const out = { browser: await browser.version(), load_average: load, reps, scan: full ? 'full walk' : 'after a page change',
      spacing, gap_ms: spacing === 'tasks' ? gapMs : 0, bytes_per_run: bytes,
      gc_by_place: Object.fromEntries(Object.entries(byPlace).map(([k, v]) => [k, { ...v, names: [...v.names] }])),
      task: task ? { dur_ms: task.dur / 1000, cpu_ms: task.tdur / 1000 } : null };
    const head = JSON.stringify(out, round, 1).replace(/\n}$/, '');
    writeFileSync(jsonOut, `${head},\n "runs": [\n${perRun.map((r) => `  ${JSON.stringify(r, round)}`).join(',\n')}\n ]\n}\n`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
