// Loads the WebAssembly core as the extension ships it (extension/core/linkedout-core.{js,wasm})
// into Node, with the same C ABI wrapper the extension uses (lib/core-backend.js's coreEngine).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from '../protocol/boundary-cases.js';
import { loadInContext } from '../extension/helpers.js';

export const CORE_SCRIPT = process.env.LINKEDOUT_CORE || path.join(ROOT, 'extension/core/linkedout-core.js');

/** The emscripten module, as the extension's background gets it from LinkedOutCore(). */
export async function instantiateCore() {
  if (!fs.existsSync(CORE_SCRIPT)) throw new Error(`no core at ${CORE_SCRIPT}: build it with scripts/build-wasm`);
  return createRequire(import.meta.url)(CORE_SCRIPT)();
}

/** The extension's own wrapper over a fresh core instance: {open(text), handle(req, now), state()}. */
export async function loadCore() {
  const module = await instantiateCore();
  const context = loadInContext(['lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js']);
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
