// What a service-worker wake compiles before its first verdict. Chromium (and Node: the same V8)
// compiles each WebAssembly function at its first call, on the calling thread, so every byte of
// code the wake's path touches for the first time is paid at every wake (docs/performance.md §8).
// The wake runs in a child Node whose V8 writes its trace events; the test sums the body sizes of
// the functions compiled lazily (wasm.CompileBaseline) per call into the core. Byte counts: no
// clock, the same answer on any machine and at any load.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wake-compile-probe.js');

/** {step: {functions, bytes}} for one wake, and the probe's own output (the verdict). */
export function compiledPerStep() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkedout-wake-compile-'));
  try {
    const trace = path.join(dir, 'trace.json');
    const out = JSON.parse(execFileSync(process.execPath, ['--trace-event-categories', 'disabled-by-default-v8.wasm.detailed',
      '--trace-event-file-pattern', trace, PROBE], { encoding: 'utf8', env: process.env }));
    const events = JSON.parse(fs.readFileSync(trace, 'utf8')).traceEvents.filter((e) => e.name === 'wasm.CompileBaseline');
    const steps = {};
    for (const e of events) {
      let step = 'before';
      for (const [name, at] of out.steps) if (at <= e.ts) step = name;
      const s = steps[step] || (steps[step] = { functions: 0, bytes: 0 });
      s.functions += 1;
      s.bytes += e.args.bodySize;
      s.largest = Math.max(s.largest || 0, e.args.bodySize);
    }
    return { out, steps, total: Object.values(steps).reduce((n, s) => n + s.bytes, 0) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const wake = compiledPerStep();
const bytes = (step) => (wake.steps[step] ? wake.steps[step].bytes : 0);
const table = () => Object.entries(wake.steps).map(([s, v]) => `${s} ${v.functions} fn ${v.bytes} B`).join('; ');

test('the wake reaches its verdict (the probe counts a real wake)', () => {
  assert.equal(wake.out.verdict, 'verdict');
  assert.deepEqual(wake.out.highlight, ['allowDataForGenerativeAI']);
  assert.ok(wake.total > 10000, `compiled ${wake.total} bytes: ${table()}`);
});

// Measured in Chromium (bench/core_profile.mjs --trace): the 22 KB read_request, with a
// landing pad for every call that may throw past a destructor, took longer to compile than the
// 52 KB of smaller functions the store's reading compiled before it. Binaryen inlines every
// function with a single caller whatever its size (the per-type readers marked noinline came back
// into read_request, the ruleset's builder into lo_open); native-host/wasm/CMakeLists.txt caps that.
const MAX_WAKE_FUNCTION_BYTES = 12 * 1024;

test(`no function the wake compiles is over ${MAX_WAKE_FUNCTION_BYTES / 1024} KB`, () => {
  const largest = Math.max(...Object.values(wake.steps).map((s) => s.largest));
  assert.ok(largest <= MAX_WAKE_FUNCTION_BYTES, `the largest function compiled on the wake is ${largest} bytes: ${table()}`);
});

// The first message of a wake is the hello: it compiles the request reader and the dispatcher,
// not every request type's checks (each type's finish_<type> is compiled when that type arrives).
test('the hello compiles the reader for what arrives, not every request type', () => {
  assert.ok(bytes('lo_handle #1') <= 28 * 1024, `the hello compiled ${bytes('lo_handle #1')} bytes: ${table()}`);
});

// Reading the store allocates thousands of times, so V8 recompiles the allocator with TurboFan
// during every wake, on a background thread that takes the machine's other core: dlmalloc's
// 5.9 KB function took 11 ms of TurboFan CPU in Node's trace of one wake, and the wake's wall time
// in Chromium dropped by about 30 % with emmalloc (docs/performance.md §8). The allocator is what the
// module compiles before the store is opened (its first allocation); this keeps it small.
test('the allocator the wake runs is small (compiled before the store is opened)', () => {
  assert.ok(bytes('load') <= 2048, `before lo_open the wake compiled ${bytes('load')} bytes (largest ${wake.steps.load && wake.steps.load.largest}): ${table()}`);
});
