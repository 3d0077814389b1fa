// The core's loader as the extension's background loads it (issue 24): background/host.js, an ES
// module in both browsers, imports core/linkedout-core.js statically, and lib/core-backend.js
// fetches the .wasm beside it from the extension's package and hands it over as bytes. Here the
// same file is imported as an ES module (the repository's package.json makes every .js one) and
// the backend's own loader runs over a fetch that reads the extension's files.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../protocol/boundary-cases.js';
import { loadInContext } from '../extension/helpers.js';
import { CORE_SCRIPT, coreFactory } from './core-loader.js';

const EXTENSION = path.join(ROOT, 'extension');

/** fetch() over the unpacked extension, as the browser serves its own package. */
async function packageFetch(url) {
  const file = path.join(EXTENSION, new URL(url).pathname);
  if (!fs.existsSync(file)) return { ok: false, status: 404 };
  const bytes = fs.readFileSync(file);
  return { ok: true, status: 200, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) };
}
const runtime = { getURL: (file) => `chrome-extension://linkedout/${file}` };

test('imported as an ES module, the core loader defines globalThis.LinkedOutCore', async () => {
  delete globalThis.LinkedOutCore;
  await import(`${new URL(`file://${CORE_SCRIPT}`).href}?as-module`);
  assert.equal(typeof globalThis.LinkedOutCore, 'function', 'the module background would find no LinkedOutCore');
  delete globalThis.LinkedOutCore;
});

test('the backend loads the core from the package: the .wasm fetched, then a hello answered', async () => {
  const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js'],
    { LinkedOutCore: coreFactory(), fetch: packageFetch });
  const { loadBundledCore, coreEngine } = G.LinkedOutCoreBackend;
  const module = await loadBundledCore(runtime);
  const engine = coreEngine(module);
  assert.equal(engine.open(''), true);
  const hello = G.LinkedOutProtocol.buildHello(undefined, '0.1.0');
  const { reply } = engine.handle(JSON.stringify({ ...hello, id: 1 }), '2026-01-01T00:00:00Z');
  assert.equal(JSON.parse(reply).type, 'hello');
});

test('a missing .wasm is a clear error, not a hang', async () => {
  const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js'],
    { LinkedOutCore: coreFactory(), fetch: async () => ({ ok: false, status: 404 }) });
  await assert.rejects(G.LinkedOutCoreBackend.loadBundledCore(runtime), /linkedout-core\.wasm did not load \(404\)/);
});

/** fetch() over the package, as a browser answers it: a real Response, served as application/wasm. */
function servedFetch(counts) {
  return async (url) => {
    const file = path.join(EXTENSION, new URL(url).pathname);
    const response = new Response(fs.readFileSync(file), { headers: { 'Content-Type': 'application/wasm' } });
    const read = response.arrayBuffer.bind(response);
    response.arrayBuffer = () => { counts.copied += 1; return read(); };
    return response;
  };
}

test('a .wasm served as application/wasm is compiled as it is read: its bytes are never copied into JavaScript', async () => {
  const counts = { copied: 0, streamed: 0 };
  const streaming = Object.assign(Object.create(WebAssembly), {
    instantiateStreaming: (...args) => { counts.streamed += 1; return WebAssembly.instantiateStreaming(...args); },
  });
  const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js'],
    { LinkedOutCore: coreFactory(), fetch: servedFetch(counts), WebAssembly: streaming });
  const { loadBundledCore, coreEngine } = G.LinkedOutCoreBackend;
  const engine = coreEngine(await loadBundledCore(runtime));
  assert.equal(engine.open(''), true);
  const { reply } = engine.handle(JSON.stringify({ ...G.LinkedOutProtocol.buildHello(undefined, '0.1.0'), id: 1 }), '2026-01-01T00:00:00Z');
  assert.equal(JSON.parse(reply).type, 'hello');
  assert.equal(counts.copied, 0, `the .wasm's bytes were read into JavaScript ${counts.copied} time(s)`);
  assert.equal(counts.streamed, 1);
});

test('a .wasm the streaming compile refuses is a clear error, not a hang', async () => {
  const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js', 'lib/core-backend.js'], {
    LinkedOutCore: coreFactory(),
    fetch: async () => new Response(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]), { headers: { 'Content-Type': 'application/wasm' } }),
  });
  await assert.rejects(G.LinkedOutCoreBackend.loadBundledCore(runtime), WebAssembly.CompileError);
});
