// The background's port to the host, driven by a scripted fake port (the real host is exercised
// by the browser suites): hello first, ids matched, errors typed, missing host, reconnect backoff.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadInContext } from './helpers.js';

const G = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js', 'lib/host-connection.js']);
const { HostConnection } = G.LinkedOutHostConnection;

const HELLO = { type: 'hello', host_version: '0.1.0', protocol: G.LinkedOutProtocol.PROTOCOL_VERSION, ruleset: { name: 'linkedin', version: '2026.11.1', count: 13 } };
const PLAN = { type: 'walkthrough', active: false, region: null, steps: [], progress: { done: 0, total: 0, remaining: 0 }, next: null };

function fakeTimers() {
  const timers = [];
  return {
    list: timers,
    setTimeout(fn, ms) { const t = { fn, ms, cleared: false }; timers.push(t); return t; },
    clearTimeout(t) { if (t) t.cleared = true; },
    fire(predicate = () => true) {
      const due = timers.filter((t) => !t.cleared && predicate(t));
      for (const t of due) { t.cleared = true; t.fn(); }
      return due.length;
    },
  };
}

/** A port whose host answers with `respond(msg)` (undefined = no answer), or fails at connect. */
function fakeBrowser({ respond = () => undefined, failWith = null } = {}) {
  const sent = [];
  const ports = [];
  const connectNative = (name) => {
    assert.equal(name, 'io.linkedout.host');
    const listeners = { message: [], disconnect: [] };
    const port = {
      error: null,
      onMessage: { addListener: (fn) => listeners.message.push(fn) },
      onDisconnect: { addListener: (fn) => listeners.disconnect.push(fn) },
      postMessage: (msg) => {
        sent.push(msg);
        const reply = respond(msg);
        if (reply !== undefined) queueMicrotask(() => listeners.message.forEach((fn) => fn(reply)));
      },
      disconnect: () => { port.closedByUs = true; },
      deliver: (msg) => listeners.message.forEach((fn) => fn(msg)),
      drop: (message) => { port.error = message ? { message } : null; listeners.disconnect.forEach((fn) => fn(port)); },
    };
    ports.push(port);
    if (failWith) queueMicrotask(() => port.drop(failWith));
    return port;
  };
  return { sent, ports, connectNative, lastErrorOf: (port) => (port.error ? port.error.message : null) };
}

const hostThat = (handlers) => (msg) => {
  if (msg.type === 'hello') return { ...HELLO, id: msg.id };
  const body = handlers[msg.type] && handlers[msg.type](msg);
  return body === undefined ? undefined : { ...body, id: msg.id };
};

test('says hello first, then matches each reply to its request by id', async () => {
  const browser = fakeBrowser({ respond: hostThat({ walkthrough: () => PLAN }) });
  const states = [];
  const host = new HostConnection({ ...browser, timers: fakeTimers(), extensionVersion: '0.1.0', onStateChange: (s) => states.push(s.status) });
  const [a, b] = await Promise.all([
    host.request({ type: 'walkthrough', action: 'status' }),
    host.request({ type: 'walkthrough', action: 'start' }),
  ]);
  assert.equal(browser.ports.length, 1, 'one long-lived port');
  assert.deepEqual(browser.sent.map((m) => [m.type, m.id]), [['hello', 1], ['walkthrough', 2], ['walkthrough', 3]]);
  assert.equal(browser.sent[0].extension_version, '0.1.0');
  assert.equal(a.id, 2);
  assert.equal(b.id, 3);
  assert.deepEqual(states, ['connecting', 'connected']);
  assert.equal(host.state.hello.ruleset.count, 13);
});

test('every request carries the browser UI language in the envelope (ui_lang); a malformed one is left out', async () => {
  const browser = fakeBrowser({ respond: hostThat({ walkthrough: () => PLAN }) });
  const host = new HostConnection({ ...browser, timers: fakeTimers(), uiLanguage: 'de-DE' });
  await host.request({ type: 'walkthrough', action: 'status' });
  assert.deepEqual(browser.sent.map((m) => [m.type, m.ui_lang]), [['hello', 'de-DE'], ['walkthrough', 'de-DE']]);

  const odd = fakeBrowser({ respond: hostThat({ walkthrough: () => PLAN }) });
  const oddHost = new HostConnection({ ...odd, timers: fakeTimers(), uiLanguage: 'de_DE; x' });
  await oddHost.request({ type: 'walkthrough', action: 'status' });
  assert.deepEqual(odd.sent.map((m) => 'ui_lang' in m), [false, false]);
});

test('an error reply rejects with its typed code and field', async () => {
  const browser = fakeBrowser({ respond: hostThat({ page_state: () => ({ type: 'error', code: 'not_linkedin', field: 'url', message: 'url is not a settings page' }) }) });
  const host = new HostConnection({ ...browser, timers: fakeTimers() });
  await assert.rejects(host.request({ type: 'page_state', url: 'https://www.linkedin.com/mypreferences/x', lang: 'en', controls: [] }),
    (err) => err.name === 'HostError' && err.code === 'not_linkedin' && err.field === 'url');
});

test('a malformed reply is refused, not passed on', async () => {
  const browser = fakeBrowser({ respond: hostThat({ walkthrough: () => ({ ...PLAN, steps: 'nope' }) }) });
  const host = new HostConnection({ ...browser, timers: fakeTimers() });
  await assert.rejects(host.request({ type: 'walkthrough', action: 'status' }), (err) => err.code === 'bad_reply' && err.field === 'steps');
});

test('a missing host gives host_missing (Chromium and Firefox wording) and retries with growing backoff', async () => {
  for (const wording of ['Specified native messaging host not found.', 'No such native application io.linkedout.host']) {
    const browser = fakeBrowser({ failWith: wording });
    const timers = fakeTimers();
    let clock = 0;
    const host = new HostConnection({ ...browser, timers, now: () => clock, backoffInitialMs: 1000, backoffMaxMs: 4000 });
    await assert.rejects(host.request({ type: 'walkthrough', action: 'status' }), (err) => err.code === 'host_missing');
    assert.equal(host.state.status, 'host_missing');
    assert.equal(host.state.message, wording);
    // right after a failed attempt, requests fail fast without spawning again
    await assert.rejects(host.request({ type: 'walkthrough', action: 'status' }), (err) => err.code === 'host_missing');
    assert.equal(browser.ports.length, 1);
    const delays = [];
    for (let i = 0; i < 4; i += 1) {
      const pending = timers.list.filter((t) => !t.cleared && t.ms >= 1000);
      delays.push(pending.map((t) => t.ms)[0]);
      timers.fire((t) => t.ms >= 1000);
      await new Promise((r) => setTimeout(r, 0));
    }
    assert.deepEqual(delays, [1000, 2000, 4000, 4000]);
    assert.equal(browser.ports.length, 5, 'one reconnect per backoff step');
  }
});

test('the host exiting fails pending requests and the next request reconnects', async () => {
  let answer = false;
  const browser = fakeBrowser({ respond: hostThat({ walkthrough: () => (answer ? PLAN : undefined) }) });
  const timers = fakeTimers();
  let clock = 0;
  const host = new HostConnection({ ...browser, timers, now: () => clock });
  const pending = assert.rejects(host.request({ type: 'walkthrough', action: 'status' }), (err) => err.code === 'host_failed' && /exited/.test(err.message));
  await new Promise((r) => setTimeout(r, 0));
  browser.ports[0].drop('Native host has exited.');
  await pending;
  assert.equal(host.state.status, 'host_failed');
  answer = true;
  clock = 10_000;
  const reply = await host.request({ type: 'walkthrough', action: 'status' });
  assert.equal(reply.type, 'walkthrough');
  assert.equal(browser.ports.length, 2);
  assert.equal(host.state.status, 'connected');
});

test('a request the host never answers times out, and a late reply is ignored', async () => {
  const browser = fakeBrowser({ respond: hostThat({}) });
  const timers = fakeTimers();
  const host = new HostConnection({ ...browser, timers, requestTimeoutMs: 5000 });
  const pending = assert.rejects(host.request({ type: 'walkthrough', action: 'status' }), (err) => err.code === 'timeout');
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(timers.fire((t) => t.ms === 5000), 1);
  await pending;
  assert.equal(host.pending.size, 0);
  browser.ports[0].deliver({ ...PLAN, id: 2 }); // too late: nobody waits, nothing breaks
  const next = host.request({ type: 'walkthrough', action: 'status' });
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(browser.sent.at(-1).id, 3);
  browser.ports[0].deliver({ ...PLAN, id: 3 });
  assert.equal((await next).id, 3);
});

test('a host speaking another protocol version is reported as incompatible', async () => {
  const browser = fakeBrowser({ respond: (msg) => ({ ...HELLO, protocol: 1, id: msg.id }) });
  const host = new HostConnection({ ...browser, timers: fakeTimers() });
  await assert.rejects(host.request({ type: 'walkthrough', action: 'status' }), (err) => err.code === 'incompatible');
  assert.equal(host.state.status, 'incompatible');
  assert.equal(browser.ports[0].closedByUs, true);
});

test('requests that break the protocol never reach the port', async () => {
  const browser = fakeBrowser({ respond: hostThat({}) });
  const host = new HostConnection({ ...browser, timers: fakeTimers() });
  await assert.rejects(host.request({ type: 'page_state', url: 'https://evil.example/', lang: 'en', controls: [] }),
    (err) => err.name === 'ValidationError' && err.field === 'url');
  assert.deepEqual(browser.sent.map((m) => m.type), ['hello']);
});

test('a helper that does not allow this extension id gives host_forbidden, not host_missing', async () => {
  const browser = fakeBrowser({ failWith: 'Access to the specified native messaging host is forbidden.' });
  const timers = fakeTimers();
  const host = new HostConnection({ ...browser, timers, now: () => 0 });
  await assert.rejects(host.request({ type: 'walkthrough', action: 'status' }), (err) => err.code === 'host_forbidden');
  assert.equal(host.state.status, 'host_forbidden');
  // Like a missing helper: fail fast right after the attempt instead of spawning again.
  await assert.rejects(host.request({ type: 'walkthrough', action: 'status' }), (err) => err.code === 'host_forbidden');
  assert.equal(browser.ports.length, 1);
});

test('disconnect() cancels a reconnect already scheduled: a closed connection starts no host', async () => {
  const browser = fakeBrowser({ respond: hostThat({}) });
  const timers = fakeTimers();
  const host = new HostConnection({ ...browser, timers, backoffInitialMs: 1000 });
  await host.ensureConnected();
  browser.ports[0].drop('Native host has exited.'); // the loss schedules a reconnect
  assert.equal(timers.list.filter((t) => !t.cleared && t.ms === 1000).length, 1);
  host.disconnect();
  timers.fire();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(browser.ports.length, 1, 'no host started after disconnect()');
  assert.equal(host.reconnectTimer, null);
});

test('disconnect() fails the requests still waiting at once, saying the connection was closed (not a timeout 15 s later)', async () => {
  const browser = fakeBrowser({ respond: hostThat({}) }); // answers hello, never the walkthrough
  const timers = fakeTimers();
  const host = new HostConnection({ ...browser, timers });
  await host.ensureConnected();
  let settled = null;
  const waiting = host.request({ type: 'walkthrough', action: 'status' }).then(
    () => { settled = { ok: true }; }, (err) => { settled = { code: err.code, message: err.message }; });
  await new Promise((r) => setTimeout(r, 0));
  host.disconnect();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(settled && settled.code, 'disconnected', `the waiting request ${JSON.stringify(settled)} after disconnect()`);
  assert.match(settled.message, /closed/);
  assert.equal(timers.list.filter((t) => !t.cleared).length, 0, 'no request timer left running');
  await waiting;
});
