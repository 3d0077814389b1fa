// What a service-worker wake costs before the first verdict is mostly the browser compiling the
// core: Chromium compiles each WebAssembly function whole, on the calling thread, at its first
// call (docs/performance.md §8). One large function on the wake's path is paid at every wake —
// the ruleset's generated constructor was 104 KB of code that ran once. These checks read the
// shipped .wasm: no clock, the same answer on any machine.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { CORE_SCRIPT } from './core-loader.js';

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
