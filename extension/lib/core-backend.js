/*
 * One interface, two backends (issue 24). The background sends the protocol's messages to
 * whichever answers: the helper (linkedout-host) over native messaging when it is installed and
 * allows this extension, otherwise the built-in core — the helper's own C++ compiled to
 * WebAssembly (extension/core/linkedout-core.{js,wasm}, built by scripts/build-wasm). No second
 * implementation: this file only carries messages and the state text.
 *
 * Without the helper the state store lives in storage.local, as the helper's file format (one
 * string, docs/protocol.md §5), written once per change. When the helper answers later, that
 * history is handed to it once (`import_history`, §4.6), and the helper is used from then on.
 *
 * Browser APIs are injected (storage, the core's loader) so node tests drive it with the real
 * .wasm and the real host binary. Defines the global `LinkedOutCoreBackend`.
 */
(function defineLinkedOutCoreBackend(root) {
  'use strict';

  const protocol = () => root.LinkedOutProtocol;
  const hostErrors = () => root.LinkedOutHostConnection;

  const STATE_KEY = 'linkedout.state';
  // True once the state above was handed to the helper; every change the core writes clears it.
  const HANDED_KEY = 'linkedout.stateHanded';
  // The helper is absent (not installed) or refuses this extension id: the built-in core answers.
  // A helper that is installed but failing is said, not worked around (two histories otherwise).
  const FALLBACK_CODES = new Set(['host_missing', 'host_forbidden']);
  // Room under the frame cap for the envelope around an import_history part.
  const IMPORT_PART_BYTES = 900 * 1024;

  const HostError = (...args) => new (hostErrors().HostError)(...args);

  /**
   * The current time as the host writes it: ISO 8601 UTC, second precision. toISOString always
   * ends in ".sssZ"; cut, not a regular expression, whose first use in a fresh worker is compiled
   * on the wake (0.5 ms, at times several).
   */
  const isoNow = (date) => `${date.toISOString().slice(0, -5)}Z`;

  /**
   * The C ABI of native-host/wasm/core_wasm.cpp over an instantiated emscripten module. Texts go
   * in and out through the core's heap, encoded and decoded natively (TextEncoder.encodeInto,
   * TextDecoder with the length the core gives): cwrap's 'string' encodes in a JS loop onto the
   * core's stack, 4 bytes reserved per character, and searches for the NUL of what comes back —
   * for a store of 1,000 history entries most of opening it, and a 900 KB import part would
   * come close to the stack's end.
   */
  function coreEngine(module) {
    const open = module.cwrap('lo_open', 'number', ['number']);
    const handle = module.cwrap('lo_handle', 'number', ['number', 'number']);
    const replySize = module.cwrap('lo_reply_size', 'number', []);
    const changed = module.cwrap('lo_state_changed', 'number', []);
    const state = module.cwrap('lo_state', 'number', []);
    const stateSize = module.cwrap('lo_state_size', 'number', []);
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    /** The core's text at `at`, `size` bytes: decoded natively, no search for its NUL. */
    const heapText = (at, size) => decoder.decode(module.HEAPU8.subarray(at, at + size));
    /** `text` as a NUL-terminated UTF-8 string in the core's heap; free it with module._free. */
    function heapString(text) {
      const size = text.length * 3 + 1;  // a UTF-16 unit is at most 3 UTF-8 bytes
      const at = module._malloc(size);
      if (!at) throw new Error('the built-in core is out of memory');
      const heap = module.HEAPU8;  // read after malloc: a grown memory is a new buffer
      const { written } = encoder.encodeInto(text, heap.subarray(at, at + size - 1));
      heap[at + written] = 0;
      return at;
    }
    return {
      open(text) {
        const at = heapString(text);
        try {
          return open(at) === 0;
        } finally {
          module._free(at);
        }
      },
      handle(request, now) {
        const at = heapString(request);
        const when = heapString(now);
        let reply;
        try {
          reply = heapText(handle(at, when), replySize());
        } finally {
          module._free(at);
          module._free(when);
        }
        return { reply, state: changed() ? heapText(state(), stateSize()) : null };
      },
    };
  }

  /**
   * The built-in core with HostConnection's interface: ensureConnected(), request(msg), state,
   * connect(), disconnect(). `loadCore` resolves with the emscripten module.
   */
  class CoreConnection {
    constructor({ loadCore, storage, extensionVersion = '0.0.0', uiLanguage = null, clock = () => new Date(), onStateChange = () => {} }) {
      Object.assign(this, { loadCore, storage, extensionVersion, clock, onStateChange });
      const { LANG_PATTERN, LIMITS } = protocol();
      this.uiLang = typeof uiLanguage === 'string' && uiLanguage.length <= LIMITS.maxLangChars &&
        LANG_PATTERN.test(uiLanguage) ? uiLanguage : null;
      this.engine = null;
      this.ready = null;
      this.nextId = 1;
      this.writes = Promise.resolve();
      this.state = { status: 'disconnected', message: '', hello: null };
    }

    setState(status, message = '', hello = this.state.hello) {
      this.state = { status, message, hello };
      this.onStateChange(this.state);
    }

    ensureConnected() {
      if (!this.ready) {
        this.ready = this.start();
        this.ready.catch(() => { this.ready = null; });
      }
      return this.ready;
    }

    connect() { return this.ensureConnected(); }

    disconnect() { /* nothing to close: the core lives as long as the background */ }

    async start() {
      this.setState('connecting');
      // The stored state is read while the core compiles (storage.local is a round trip to the
      // browser's process; the compile runs on the engine's own threads), not after it.
      const loading = (async () => this.loadCore())();  // started now; a throw becomes a rejection
      const reading = this.storage.get([STATE_KEY]);
      reading.catch(() => {});  // awaited below, once the core has loaded (a failed load is said first)
      let module;
      try {
        module = await loading;
      } catch (err) {
        const message = `the built-in core did not load: ${err && err.message ? err.message : err}`;
        this.setState('core_failed', message);
        throw HostError('core_failed', message);
      }
      this.engine = coreEngine(module);
      const stored = await reading;
      const text = typeof stored[STATE_KEY] === 'string' ? stored[STATE_KEY] : '';
      if (!this.engine.open(text)) {
        // As the helper moves a corrupt state file aside: kept, never silently dropped.
        const aside = `${STATE_KEY}.corrupt-${isoNow(this.clock()).replace(/[-:]/g, '')}`;
        await this.storage.set({ [aside]: text });
      }
      const hello = await this.send(protocol().buildHello(undefined, this.extensionVersion));
      this.setState('connected', '', hello);
      return hello;
    }

    async request(msg) {
      await this.ensureConnected();
      return this.send(msg);
    }

    /** One request through the core; the state, when changed, is stored before the reply returns. */
    async send(msg) {
      const id = this.nextId++;
      const valid = protocol().isBuilt(msg) ? msg : protocol().validateRequest(msg);
      const framed = this.uiLang === null ? { ...valid, id } : { ...valid, id, ui_lang: this.uiLang };
      const { reply, state } = this.engine.handle(JSON.stringify(framed), isoNow(this.clock()));
      if (state !== null) {
        // One write per change, in order; the helper has not seen this state yet.
        this.writes = this.writes.then(() => this.storage.set({ [STATE_KEY]: state, [HANDED_KEY]: false }));
        await this.writes;
      }
      // The core is this repository's own C++, the helper's code, whose replies are schema-checked
      // and required identical to the core's by the tests: no generated reply validator here (its
      // compile was ~20 ms of every wake, docs/performance.md §8). Only that it is this reply.
      let parsed = null;
      try {
        parsed = JSON.parse(reply);
      } catch (err) { /* said below */ }
      if (parsed === null || typeof parsed !== 'object' || typeof parsed.type !== 'string' || parsed.id !== id) {
        throw HostError('bad_reply', 'core reply is malformed: not a reply to this request', 'message');
      }
      if (parsed.type === 'error') throw HostError(parsed.code, parsed.message, parsed.field || null);
      return parsed;
    }
  }

  /** The store text in parts that each fit a frame: the store without history, then history slices. */
  function importParts(text, maxBytes = IMPORT_PART_BYTES) {
    const bytes = (s) => new TextEncoder().encode(s).length;
    if (bytes(text) <= maxBytes) return [text];
    const store = JSON.parse(text);
    const history = Array.isArray(store.history) ? store.history : [];
    const parts = [JSON.stringify({ ...store, history: [] })];
    let slice = [];
    let size = 0;
    for (const entry of history) {
      const cost = bytes(JSON.stringify(entry)) + 1;
      if (slice.length && size + cost > maxBytes - 64) {
        parts.push(JSON.stringify({ version: store.version, history: slice }));
        slice = [];
        size = 0;
      }
      slice.push(entry);
      size += cost;
    }
    if (slice.length) parts.push(JSON.stringify({ version: store.version, history: slice }));
    return parts;
  }

  /**
   * The helper when it answers, else the built-in core; the same interface again. `state` says
   * which is in use: {status, message, hello, backend: 'helper' | 'builtin', helper: status}.
   */
  class Backends {
    constructor({ helper, core, storage, onStateChange = () => {} }) {
      Object.assign(this, { helper, core, storage, onStateChange });
      this.active = null;
      this.handing = null;
    }

    get state() {
      const helperStatus = this.helper.state.status;
      const builtin = this.active === 'builtin' || (this.active === null && FALLBACK_CODES.has(helperStatus));
      const use = builtin ? this.core : this.helper;
      return { ...use.state, backend: builtin ? 'builtin' : 'helper', helper: helperStatus };
    }

    use(name) {
      if (this.active === name) return;
      this.active = name;
      this.onStateChange(this.state);
    }

    /** The backend that answers now: the helper (after handing it the browser's history), else the core. */
    async pick() {
      try {
        await this.helper.ensureConnected();
      } catch (err) {
        if (!FALLBACK_CODES.has(err && err.code)) throw err;
        await this.core.ensureConnected();
        this.use('builtin');
        return this.core;
      }
      await this.handOver();
      this.use('helper');
      return this.helper;
    }

    async ensureConnected() {
      const backend = await this.pick();
      return backend.state.hello;
    }

    async connect() {
      await this.helper.connect().catch(() => {});
      return this.ensureConnected();
    }

    disconnect() { this.helper.disconnect(); }

    async request(msg) {
      const backend = await this.pick();
      return backend.request(msg);
    }

    /** Hands the browser's history to the helper once (again only after the core changed it). */
    handOver() {
      if (!this.handing) {
        this.handing = this.handOverNow().finally(() => { this.handing = null; });
      }
      return this.handing;
    }

    async handOverNow() {
      if (!this.storage) return;
      const stored = await this.storage.get([STATE_KEY, HANDED_KEY]);
      const text = stored[STATE_KEY];
      if (typeof text !== 'string' || text === '' || stored[HANDED_KEY] === true) return;
      for (const part of importParts(text)) {
        await this.helper.request(protocol().buildImportHistory(undefined, part));
      }
      await this.storage.set({ [HANDED_KEY]: true });
    }
  }

  /**
   * The core's emscripten module, from the extension's own files (no remote code): background/
   * host.js imports core/linkedout-core.js, which defines LinkedOutCore; the .wasm beside it is
   * fetched here. A response served as application/wasm (Chromium serves its package's .wasm so)
   * is compiled as it is read (WebAssembly.instantiateStreaming): no copy of its bytes into
   * JavaScript first, which cost a Chromium worker's wake ~9 ms (docs/performance.md §8, round 4).
   * Any other response is handed over as bytes (a service worker has no XMLHttpRequest to fall
   * back on).
   */
  async function loadBundledCore(runtime, fetchFile = (url) => root.fetch(url)) {
    if (typeof root.LinkedOutCore !== 'function') {
      throw new Error('core/linkedout-core.js is missing (build it with scripts/build-wasm)');
    }
    const response = await fetchFile(runtime.getURL('core/linkedout-core.wasm'));
    if (!response.ok) throw new Error(`core/linkedout-core.wasm did not load (${response.status})`);
    const type = response.headers && typeof response.headers.get === 'function' ? response.headers.get('Content-Type') : null;
    const { WebAssembly: wasm } = root;
    if (!/^application\/wasm\b/i.test(type || '') || !wasm || typeof wasm.instantiateStreaming !== 'function') {
      return root.LinkedOutCore({ wasmBinary: new Uint8Array(await response.arrayBuffer()) });
    }
    // emscripten's hook: it hands over the imports, we instantiate and give back the instance.
    // A failure there would leave emscripten's promise pending, so it rejects this one instead.
    let failed;
    const failure = new Promise((resolve, reject) => { failed = reject; });
    const ready = root.LinkedOutCore({
      instantiateWasm(imports, receiveInstance) {
        wasm.instantiateStreaming(response, imports)
          .then(({ instance, module }) => receiveInstance(instance, module), failed);
        return {};  // the exports arrive through receiveInstance
      },
    });
    return Promise.race([ready, failure]);
  }

  /** The background's connection: helper first, else the built-in core. `onStateChange(state)`. */
  function createForBrowser(chromeApi, { onStateChange = () => {} } = {}) {
    const { HostConnection } = hostErrors();
    let backends = null;
    const report = () => { if (backends) onStateChange(backends.state); };
    const common = {
      extensionVersion: chromeApi.runtime.getManifest().version,
      uiLanguage: chromeApi.i18n.getUILanguage(),
      onStateChange: report,
    };
    const helper = new HostConnection({
      ...common,
      connectNative: (name) => chromeApi.runtime.connectNative(name),
      // Chromium reports the reason in runtime.lastError, Firefox on port.error.
      lastErrorOf: (port) => (chromeApi.runtime.lastError && chromeApi.runtime.lastError.message) ||
        (port.error && port.error.message) || null,
    });
    const storage = (chromeApi.storage && chromeApi.storage.local) || null;
    const core = new CoreConnection({ ...common, storage, loadCore: () => loadBundledCore(chromeApi.runtime) });
    backends = new Backends({ helper, core, storage, onStateChange: report });
    return backends;
  }

  root.LinkedOutCoreBackend = Object.freeze({
    CoreConnection, Backends, coreEngine, importParts, isoNow, createForBrowser, loadBundledCore,
    STATE_KEY, HANDED_KEY, FALLBACK_CODES,
  });
})(globalThis);
