/*
 * The long-lived native messaging port to io.linkedout.host: says hello, matches replies to
 * requests by id, reconnects with backoff, and knows when the host is not installed. Browser APIs
 * are injected (connectNative, lastErrorOf, timers) so node tests can drive it with a fake port.
 * Defines the global `LinkedOutHostConnection`.
 */
(function defineLinkedOutHostConnection(root) {
  'use strict';

  const protocol = () => root.LinkedOutProtocol;
  // Chromium: "Specified native messaging host not found."; Firefox: "No such native application
  // io.linkedout.host" (Firefox also says this when the manifest does not list the add-on id).
  const MISSING_PATTERN = /not found|no such native application|not allowed/i;
  // Chromium: "Access to the specified native messaging host is forbidden." — the helper IS
  // installed, but its manifest does not allow this extension id (a store install's own id).
  const FORBIDDEN_PATTERN = /forbidden/i;
  // States in which reconnecting at once would only repeat the same refusal.
  const NOT_REACHABLE = new Set(['host_missing', 'host_forbidden']);

  class HostError extends Error {
    constructor(code, message, field = null) {
      super(message);
      this.name = 'HostError';
      this.code = code;
      this.field = field;
    }
  }

  class HostConnection {
    constructor({
      connectNative, lastErrorOf = () => null, extensionVersion = '0.0.0', onStateChange = () => {},
      timers = globalThis, requestTimeoutMs = 15000, backoffInitialMs = 1000, backoffMaxMs = 60000,
      now = () => Date.now(), uiLanguage = null,
    }) {
      Object.assign(this, {
        connectNative, lastErrorOf, extensionVersion, onStateChange, timers, requestTimeoutMs,
        backoffInitialMs, backoffMaxMs, now,
      });
      // The browser's UI language rides in every request's envelope, so the host answers human
      // text in it; one the protocol would refuse is left out (the host then answers in English).
      const { LANG_PATTERN, LIMITS } = protocol();
      this.uiLang = typeof uiLanguage === 'string' && uiLanguage.length <= LIMITS.maxLangChars &&
        LANG_PATTERN.test(uiLanguage) ? uiLanguage : null;
      this.port = null;
      this.nextId = 1;
      this.pending = new Map();
      this.ready = null;
      this.backoffMs = backoffInitialMs;
      this.reconnectTimer = null;
      this.lastAttemptAt = 0;
      this.state = { status: 'disconnected', message: '', hello: null };
    }

    setState(status, message = '', hello = this.state.hello) {
      this.state = { status, message, hello };
      this.onStateChange(this.state);
    }

    /** Resolves with the host's hello once connected; rejects with a HostError otherwise. */
    ensureConnected() {
      if (this.ready) return this.ready;
      const recentlyMissing = NOT_REACHABLE.has(this.state.status) &&
        this.now() - this.lastAttemptAt < this.backoffInitialMs;
      if (recentlyMissing) return Promise.reject(new HostError(this.state.status, this.state.message));
      return this.connect();
    }

    connect() {
      this.cancelReconnect();
      this.lastAttemptAt = this.now();
      this.setState('connecting');
      let port;
      try {
        port = this.connectNative(protocol().HOST_NAME);
      } catch (err) {
        this.ready = null;
        this.handleLoss(String(err && err.message ? err.message : err));
        return Promise.reject(new HostError(this.state.status, this.state.message));
      }
      this.port = port;
      port.onMessage.addListener((msg) => this.onMessage(port, msg));
      port.onDisconnect.addListener(() => this.onDisconnect(port));
      const ready = this.send(protocol().buildHello(undefined, this.extensionVersion)).then((hello) => {
        if (hello.type !== 'hello') throw new HostError('bad_reply', `expected hello, got ${hello.type}`);
        if (hello.protocol !== protocol().PROTOCOL_VERSION) {
          const message = `host speaks protocol ${hello.protocol}, extension ${protocol().PROTOCOL_VERSION}`;
          this.setState('incompatible', message, hello);
          throw new HostError('incompatible', message);
        }
        this.backoffMs = this.backoffInitialMs;
        this.setState('connected', '', hello);
        return hello;
      });
      this.ready = ready;
      ready.catch((err) => {
        // A hello that failed while the port is still open (timeout, bad reply, wrong protocol):
        // drop that port so later requests retry a fresh one instead of failing forever.
        if (this.ready !== ready) return;
        this.ready = null;
        if (this.port === port) this.disconnect();
        if (err.code !== 'incompatible') this.setState('host_failed', err.message);
        this.scheduleReconnect();
      });
      return this.ready;
    }

    /** Sends a request (after the hello) and resolves with the host's reply (never an error reply). */
    async request(msg) {
      await this.ensureConnected();
      return this.send(msg);
    }

    send(msg) {
      const id = this.nextId++;
      // Validated once: a builder's request already was (and is frozen); anything else is here.
      const valid = protocol().isBuilt(msg) ? msg : protocol().validateRequest(msg);
      const framed = this.uiLang === null ? { ...valid, id } : { ...valid, id, ui_lang: this.uiLang };
      const port = this.port;
      if (!port) return Promise.reject(new HostError('disconnected', 'no connection to the host'));
      return new Promise((resolve, reject) => {
        const timer = this.timers.setTimeout(() => {
          this.pending.delete(id);
          reject(new HostError('timeout', `no reply from the host to ${msg.type} within ${this.requestTimeoutMs} ms`));
        }, this.requestTimeoutMs);
        this.pending.set(id, { resolve, reject, timer });
        try {
          port.postMessage(framed);
        } catch (err) {
          this.timers.clearTimeout(timer);
          this.pending.delete(id);
          reject(new HostError('disconnected', String(err && err.message ? err.message : err)));
        }
      });
    }

    onMessage(port, msg) {
      if (port !== this.port) return;
      const id = msg && typeof msg === 'object' ? msg.id : undefined;
      const waiter = this.pending.get(id);
      if (!waiter) return; // unsolicited or late (timed-out) reply: nothing waits for it
      this.pending.delete(id);
      this.timers.clearTimeout(waiter.timer);
      const valid = protocol().check(protocol().validateReply, msg);
      if (!valid.ok) waiter.reject(new HostError('bad_reply', `host reply is malformed: ${valid.message}`, valid.field));
      else if (msg.type === 'error') waiter.reject(new HostError(msg.code, msg.message, msg.field || null));
      else waiter.resolve(msg);
    }

    onDisconnect(port) {
      if (port !== this.port) return;
      const reason = this.lastErrorOf(port) || 'the host closed the connection';
      this.port = null;
      this.ready = null;
      this.handleLoss(reason);
    }

    handleLoss(reason) {
      let status = 'host_failed';
      if (FORBIDDEN_PATTERN.test(reason)) status = 'host_forbidden';
      else if (MISSING_PATTERN.test(reason)) status = 'host_missing';
      this.setState(status, reason);
      this.failPending(this.state.status, reason);
      this.scheduleReconnect();
    }

    /** Every request still waiting ends now, with `code` and `reason` (no timer left running). */
    failPending(code, reason) {
      for (const [id, waiter] of this.pending) {
        this.timers.clearTimeout(waiter.timer);
        waiter.reject(new HostError(code, reason));
        this.pending.delete(id);
      }
    }

    scheduleReconnect() {
      if (this.reconnectTimer !== null) return;
      const delay = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.backoffMaxMs);
      this.reconnectTimer = this.timers.setTimeout(() => {
        this.reconnectTimer = null;
        if (!this.ready) this.connect().catch(() => {});
      }, delay);
    }

    cancelReconnect() {
      if (this.reconnectTimer === null) return;
      this.timers.clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
    }

    /**
     * Closes the port on purpose: no reconnect, not even one a loss already scheduled. A request
     * still waiting fails now, saying so: its reply can no longer come on this port.
     */
    disconnect() {
      this.cancelReconnect();
      const port = this.port;
      this.port = null;
      this.ready = null;
      if (port) { try { port.disconnect(); } catch { /* already gone */ } }
      this.failPending('disconnected', 'the connection to the host was closed before it replied');
    }
  }

  root.LinkedOutHostConnection = Object.freeze({ HostConnection, HostError, MISSING_PATTERN, FORBIDDEN_PATTERN });
})(globalThis);
