// Loads the WebAssembly core as the extension ships it (extension/core/linkedout-core.{js,wasm})
// into Node, with the same C ABI wrapper the extension uses (lib/core-backend.js's coreEngine).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { ROOT } from '../protocol/boundary-cases.js';
import { loadInContext } from '../extension/helpers.js';

export const CORE_SCRIPT = process.env.LINKEDOUT_CORE || path.join(ROOT, 'extension/core/linkedout-core.js');

/**
 * LinkedOutCore, the factory the core's classic script defines. Evaluated as CommonJS by hand:
 * the repository's package.json makes every .js an ES module for Node, and the script is not one.
 */
export function coreFactory(script = CORE_SCRIPT) {
  if (!fs.existsSync(script)) throw new Error(`no core at ${script}: build it with scripts/build-wasm`);
  const wrapped = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(script, 'utf8')}\n})`,
    { filename: script });
  const module = { exports: {} };
  wrapped(module.exports, createRequire(script), module, script, path.dirname(script));
  return module.exports;
}

/**
 * The emscripten module, as the extension's background gets it from LinkedOutCore(). The .wasm is
 * handed over as bytes: emscripten 3.1.6 would fetch() a file path in Node 18+, which fails.
 */
export async function instantiateCore(script = CORE_SCRIPT) {
  return coreFactory(script)({ wasmBinary: fs.readFileSync(script.replace(/\.js$/, '.wasm')) });
}

/** The extension's own wrapper over a fresh core instance: {open(text), handle(req, now), state()}. */
export async function loadCore() {
  const module = await instantiateCore();
  const context = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js']);
  const engine = context.LinkedOutCoreBackend.coreEngine(module);
  let state = '';
  return {
    module,
    open(text) { const ok = engine.open(text); state = ok ? text : ''; return ok; },
    handle(request, now) {
      const result = engine.handle(request, now);
      if (result.state !== null) state = result.state;
      return result;
    },
    state: () => state,
  };
}
