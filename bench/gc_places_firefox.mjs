// Where Firefox's GCs land in the bench's loop (bench/extension_bench.mjs, in the content script's
// world: an Xray sandbox), Firefox's counterpart of bench/trace_outliers.mjs. Firefox's WebDriver
// BiDi has no trace, so the loop reads SpiderMonkey's own GC counters (performance.mozMemory.gc,
// with dom.enable_memory_stats: minor GCs, major GCs, major GC slices) at every boundary of every
// run: before the harness's preparation (clearing the marks, the feed card, the mutation records,
// the settling layout), before the idle time (--spacing tasks), before the floor, before the span,
// after it. It prints how many GCs of each kind began in each place, and the runs that held one
// against those that did not (median and slowest).
//
// --parts: instead, how many minor GCs each part of a run makes when it runs alone many times
// (with the harness's step it needs before it: a feed card before a scan after a change, the marks
// cleared before an apply): a count, not bytes (Firefox's nursery is resized from 256 KiB up, and a
// minor GC has other reasons than a full nursery). With JS_GC_PROFILE_NURSERY=0 in the environment
// Firefox prints every minor GC (reason, nursery size, survival, µs per phase) and the browser's
// output is shown.
//
//   node bench/gc_places_firefox.mjs --host PATH [--reps N] [--full] [--spacing back-to-back|tasks]
//                                    [--gap MS] [--json OUT] [--parts [--iterations N]]
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { DEFAULT_GAP_MS, FEED_CARD, FLOOR_WORK, SCAN_AS_MAIN_DOES, SPACED_RUNS, SPACINGS, askHost, launch, openBenchWorld, summarize } from './extension_bench.mjs';

const args = process.argv.slice(2);
const arg = (flag, fallback) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : fallback; };
const host = arg('--host');
const reps = Number(arg('--reps', 300));
const full = args.includes('--full');
const spacing = arg('--spacing', 'back-to-back');
const gapMs = Number(arg('--gap', DEFAULT_GAP_MS));
const jsonOut = arg('--json', null);
const partsMode = args.includes('--parts');
const iterations = Number(arg('--iterations', 1000));
if (!host) throw new Error('--host PATH is required');
if (!SPACINGS.includes(spacing)) throw new Error(`--spacing is ${SPACINGS.join(' or ')}`);

const PLACES = ['preparation (harness)', 'idle before the run', 'floor', 'run (timed span)', 'between runs'];
const browser = await launch('firefox');
try {
  const { world } = await openBenchWorld(browser, 'firefox', 'content');
  for (const script of [SCAN_AS_MAIN_DOES, FLOOR_WORK, FEED_CARD, SPACED_RUNS]) await world.addScript(script);
  const verdict = await askHost(host, await world.evaluate(() => globalThis.__benchScan().state));
  const load = loadavg()[0];
  if (partsMode) {
    // Each part in an evaluation of its own (a long one would meet the protocol's timeout).
    await world.evaluate((verdictArg) => {
      const H = globalThis.LinkedOutHighlight;
      const settle = () => { void document.body.offsetHeight; };
      let i = 0;
      const card = () => { globalThis.__benchFeedCard(i); i += 1; globalThis.__benchNoteMutations(); settle(); };
      let switches = globalThis.__benchScan(false).switches;
      globalThis.__parts = {
        'feed card (harness)': card,
        'feed card + scan after a change': () => { card(); switches = globalThis.__benchScan(false).switches; },
        'scan after no change': () => { switches = globalThis.__benchScan(false).switches; },
        'clear marks (harness)': () => { H.clearAll(document); settle(); },
        'clear marks + applyVerdict': () => { H.clearAll(document); settle(); H.applyVerdict(document, verdictArg, switches); },
        'clear marks + applyVerdict + layout': () => { H.clearAll(document); settle(); H.applyVerdict(document, verdictArg, switches); settle(); },
        'full walk scan': () => { switches = globalThis.__benchScan(true).switches; },
      };
    }, verdict);
    const parts = { minorGcs: {} };
    const names = await world.evaluate(() => Object.keys(globalThis.__parts));
    for (const name of names) {
      const count = await world.evaluate((partName, n) => {
        const gc = window.wrappedJSObject.performance.mozMemory.gc;
        const fn = globalThis.__parts[partName];
        for (let k = 0; k < 50; k += 1) fn();
        const c0 = gc.minorGCCount;
        for (let k = 0; k < n; k += 1) fn();
        return gc.minorGCCount - c0;
      }, name, iterations);
      (parts.minorGcs[name] ||= []).push(count);
    }
    console.log(`${await browser.version()}, Xray sandbox, ${iterations} iterations a part, load average ${load.toFixed(2)}; minor GCs (a count, not bytes)`);
    for (const [name, [count]] of Object.entries(parts.minorGcs)) console.log(`  ${name.padEnd(40)} ${String(count).padStart(5)}`);
    if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ browser: await browser.version(), load_average: load, iterations, ...parts }, null, 1)}\n`);
  }
  // The bench's spaced runs (extension_bench.mjs SPACED_RUNS), one kind of scan, the GC counters
  // read at each boundary of each run: before the preparation, the idle time, the floor, the
  // span, and after it.
  const out = partsMode ? null : await world.evaluate(async (verdictArg, repsArg, fullArg, spacingArg, gapArg) => {
    const gc = window.wrappedJSObject.performance.mozMemory.gc;
    // [minor GCs, major GCs, major GC slices] so far; a major GC is one slice or more.
    const counters = () => [gc.minorGCCount, gc.majorGCCount, gc.sliceCount];
    const bounds = [];
    const at = (place, n) => { (bounds[n] ||= []).push(counters()); };
    const result = await globalThis.__benchSpacedRuns({ reps: repsArg, spacing: spacingArg, gap: gapArg, verdictFor: () => verdictArg,
      kinds: [fullArg], at, endTask: true, bytes: false });
    const runs = result[fullArg ? 'full_walk' : 'after_change'].total.map((run, i) => ({ floor: result.floor[i], run, at: bounds[i] }));
    runs.push({ at: bounds[repsArg] });
    return runs;
  }, verdict, reps, full, spacing, gapMs);
  if (!partsMode) report(out, load, await browser.version());
} finally {
  await browser.close();
}

function report(out, load, version) {
  // Each place's GCs: the counters' growth from its boundary to the next one.
  const places = Object.fromEntries(PLACES.map((p) => [p, { minor: 0, major: 0, slices: 0 }]));
  const perRun = [];
  for (let i = 0; i < reps; i += 1) {
    const bounds = [...out[i].at, out[i + 1].at[0]];
    const inSpan = [0, 1, 2].map((k) => bounds[4][k] - bounds[3][k]);
    for (let p = 0; p < PLACES.length; p += 1) {
      const [minor, major, slices] = [0, 1, 2].map((k) => bounds[p + 1][k] - bounds[p][k]);
      places[PLACES[p]].minor += minor;
      places[PLACES[p]].major += major;
      places[PLACES[p]].slices += slices;
    }
    perRun.push({ i, run: out[i].run, floor: out[i].floor, minor: inSpan[0], major: inSpan[1], slices: inSpan[2] });
  }
  const f = (v) => v.toFixed(2);
  const stats = (list) => { const s = summarize(list.length ? list : [0]); return `${list.length} runs, median ${f(s.median)} ms, slowest ${f(s.max)} ms`; };
  console.log(`${version}, Xray sandbox, ${reps} runs (${full ? 'full walk' : 'after a page change'}), ${spacing === 'tasks' ? `each in a task of its own after ${gapMs} ms idle` : 'back to back in one task'}, load average ${load.toFixed(2)}`);
  console.log(`  scan + apply  ${JSON.stringify(summarize(perRun.map((r) => r.run)), (k, v) => (typeof v === 'number' ? Number(v.toFixed(3)) : v))}`);
  console.log(`  floor         ${JSON.stringify(summarize(perRun.map((r) => r.floor)), (k, v) => (typeof v === 'number' ? Number(v.toFixed(3)) : v))}`);
  console.log('  GCs by where they began: minor GCs, major GCs ended, major GC slices');
  for (const [name, v] of Object.entries(places)) console.log(`    ${name.padEnd(24)} ${String(v.minor).padStart(5)} ${String(v.major).padStart(5)} ${String(v.slices).padStart(5)}`);
  const withGc = perRun.filter((r) => r.minor + r.slices > 0);
  const without = perRun.filter((r) => r.minor + r.slices === 0);
  console.log(`  runs with a GC inside: ${stats(withGc.map((r) => r.run))}; without: ${stats(without.map((r) => r.run))}`);
  const slow = [...perRun].sort((a, b) => b.run - a.run).slice(0, 10);
  console.log('  the 10 slowest runs: run ms, floor ms, GCs inside (minor / major slices)');
  for (const r of slow) console.log(`    #${String(r.i).padStart(3)}  ${f(r.run).padStart(6)}  floor ${f(r.floor)}  ${r.minor} / ${r.slices}`);
  if (jsonOut) {
    writeFileSync(jsonOut, `${JSON.stringify({ browser: version, load_average: load, reps, scan: full ? 'full walk' : 'after a page change',
      spacing, gap_ms: spacing === 'tasks' ? gapMs : 0, places, runs: perRun.map((r) => ({ ...r, run: Number(r.run.toFixed(3)), floor: Number(r.floor.toFixed(3)) })) })}\n`);
  }
}
