// What a service-worker wake costs before the first verdict is mostly the browser compiling the
// core: Chromium compiles each WebAssembly function whole, on the calling thread, at its first
// call (docs/performance.md §8). One large function on the wake's path is paid at every wake —
// the ruleset's generated constructor was 104 KB of code that ran once. These checks read the
// shipped .wasm: no clock, the same answer on any machine.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { CORE_SCRIPT, instantiateCore } from './core-loader.js';

/** The body size of every function defined in a .wasm (its code section), in bytes. */
export function functionSizes(bytes) {
  const leb = (at) => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return [value, at];
  };
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb(at);
    if (id === 10) {
      let count;
      let p;
      [count, p] = leb(at);
      const sizes = [];
      for (let i = 0; i < count; i += 1) {
        let body;
        [body, p] = leb(p);
        sizes.push(body);
        p += body;
      }
      return sizes;
    }
    at += size;
  }
  throw new Error('no code section');
}

// The largest left are the report's renderers (a click in the popup, never a wake), at ~34 KB.
const MAX_FUNCTION_BYTES = 40 * 1024;

test(`no function in the core is over ${MAX_FUNCTION_BYTES / 1024} KB of code (each is compiled whole at its first call)`, () => {
  const sizes = functionSizes(fs.readFileSync(CORE_SCRIPT.replace(/\.js$/, '.wasm')));
  const largest = Math.max(...sizes);
  assert.ok(sizes.length > 100, `${sizes.length} functions read`);
  assert.ok(largest <= MAX_FUNCTION_BYTES, `the largest function is ${largest} bytes`);
});

// The core reads no environment (issue 24 item 1): no libc getenv, so no constructor that copies
// the browser's environment in at every instantiation (emscripten's getEnvStrings reads
// navigator.languages, whose first read in a fresh worker costs up to several ms).
test('instantiating the core reads no environment: no environ import, navigator never asked', async () => {
  const bytes = fs.readFileSync(CORE_SCRIPT.replace(/\.js$/, '.wasm'));
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => i.name);
  assert.deepEqual(imports.filter((name) => name.startsWith('environ')), [], 'the core imports the environment');
  let asked = 0;
  const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', { configurable: true, get() { asked += 1; return { languages: ['de-DE'] }; } });
  try {
    const module = await instantiateCore();
    assert.equal(typeof module._lo_open, 'function');
  } finally {
    if (had) Object.defineProperty(globalThis, 'navigator', had);
    else delete globalThis.navigator;
  }
  assert.equal(asked, 0, `the core's loader read navigator ${asked} time(s) while instantiating`);
});

// The browser decodes and validates the whole module at every wake (in Chromium's worker ~10 ms of
// CPU for 1,265 functions, 537 KB of code), whatever the wake calls. libc++'s streams and locales
// came in only through the report's std::ostringstream: 326 functions, 58 KB of code and their
// tables, never on a verdict's path (docs/performance.md §8, round 6). Their own texts mark them.
test('the core carries no iostreams or locales (the browser decodes every function at every wake)', () => {
  const bytes = fs.readFileSync(CORE_SCRIPT.replace(/\.js$/, '.wasm'));
  const text = bytes.toString('latin1');
  for (const marker of ['ios_base::', '%m/%d/%y', 'locale::']) {
    assert.ok(!text.includes(marker), `the core holds libc++'s "${marker}" (streams or locales linked in)`);
  }
  const sizes = functionSizes(bytes);
  const code = sizes.reduce((n, s) => n + s, 0);
  assert.ok(sizes.length <= 1000 && code <= 500 * 1024, `the core defines ${sizes.length} functions, ${code} bytes of code`);
});
