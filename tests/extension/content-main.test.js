// content/main.js in a jsdom page with a scripted background: first scan, late rendering,
// debounce, SPA navigation by pushState, a user flip, "switch it for me" and its failure, host missing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPage, plain } from './helpers.js';

const SETTINGS = 'https://www.linkedin.com/mypreferences/d/settings/';
const CONTENT_SCRIPTS = ['lib/protocol.js', 'content/scan.js', 'content/tree-style.js', 'content/highlight.js', 'content/main.js'];

const switchRow = (key, label, on) => `<div class="r${key.length}"><span id="${key}">${label}</span>
  <input type="checkbox" role="switch" aria-labelledby="${key}" aria-checked="${on}" ${on ? 'checked' : ''}></div>`;

/** What a host would answer: on → highlight, off → ok, unreadable → unknown. */
function verdictFor(page) {
  const highlight = [];
  const ok = [];
  const unknown = [];
  page.controls.forEach((c, control) => {
    if (c.checked === null) unknown.push({ key: c.key, label: c.label, why: 'unreadable', control });
    else if (c.checked) highlight.push({ key: c.key, setting: 's', action: 'switch-off', severity: 'ads', reason: `${c.label} is on.`, matched_by: 'key', control });
    else ok.push({ key: c.key, setting: 's', matched_by: 'key', control });
  });
  return {
    type: 'verdict', url: page.url, setting: 's', highlight, ok, unknown, drift: [], progress: { done: 0, total: 1, remaining: 1 }, next: null,
    walkthrough: { active: false, still_on: highlight.length },
  };
}

/**
 * A clock the test moves by hand, installed into the page before the content script: its
 * setTimeout, clearTimeout and Date.now. `advance(ms)` runs every timer due within `ms`, in order,
 * letting the promises each one starts (the message round trip) settle before the next.
 */
function installClock(window) {
  let now = Date.now();
  let nextId = 1;
  const timers = new Map();
  window.Date.now = () => now;
  window.setTimeout = (fn, ms = 0) => {
    const id = nextId++;
    timers.set(id, { at: now + Math.max(0, Number(ms) || 0), id, fn });
    return id;
  };
  window.clearTimeout = (id) => { timers.delete(id); };
  const settle = async () => { for (let i = 0; i < 20; i += 1) await Promise.resolve(); };
  return {
    async advance(ms) {
      const end = now + ms;
      await settle();
      for (;;) {
        const due = [...timers.values()].filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        timers.delete(due.id);
        now = due.at;
        due.fn();
        await settle();
      }
      now = end;
    },
    settle,
  };
}

function startPage(body, { url = `${SETTINGS}data-for-ai-improvement`, autoSwitch = false, respond = (msg) => ({ status: 'ok', verdict: verdictFor(msg.page) }), pageConfirms = true, fakeClock = false, beforeScripts = () => {} } = {}) {
  const sent = [];
  const storageListeners = [];
  let clock = null;
  const page = loadPage(`<!doctype html><html lang="en"><body><main>${body}</main></body></html>`, {
    url,
    files: CONTENT_SCRIPTS,
    beforeScripts(window) {
      beforeScripts(window);
      if (fakeClock) clock = installClock(window);
      // The page's own switch logic, as LinkedIn's: a click flips the switch, the page updates aria-checked.
      window.document.addEventListener('click', (event) => {
        const input = event.target;
        if (!input.matches || !input.matches('input[role="switch"]')) return;
        if (!pageConfirms) { event.preventDefault(); return; }
        setTimeout(() => input.setAttribute('aria-checked', String(input.checked)), 30);
      });
      window.chrome = {
        runtime: { sendMessage: async (msg) => { sent.push(plain(msg)); return respond(msg); } },
        i18n: { getMessage: (name, subs) => (subs ? `${name}(${[].concat(subs).join('|')})` : name) },
        storage: {
          local: { get: async () => ({ autoSwitch }) },
          onChanged: { addListener: (fn) => storageListeners.push(fn) },
        },
      };
    },
  });
  return { ...page, sent, clock, setAutoSwitch: (value) => storageListeners.forEach((fn) => fn({ autoSwitch: { newValue: value } }, 'local')) };
}

async function waitFor(check, what, timeout = 4000) {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const marks = (document) => [...document.querySelectorAll('[data-linkedout]')].map((el) => [el.getAttribute('aria-labelledby'), el.dataset.linkedout]);

test('scans on load, sends one page_state, applies the verdict', async () => {
  const { document, sent } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true) + switchRow('other', 'Other', false));
  await waitFor(() => document.querySelector('[data-linkedout-reason]'), 'the highlight');
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0], {
    type: 'page_state',
    page: { url: `${SETTINGS}data-for-ai-improvement`, lang: 'en', controls: [
      { key: 'allowDataForGenerativeAI', label: 'Use my data', checked: true }, { key: 'other', label: 'Other', checked: false }] },
  });
  assert.deepEqual(marks(document), [['allowDataForGenerativeAI', 'switch-off'], ['other', 'ok']]);
  await sleep(400);
  assert.equal(sent.length, 1, 'our own marks do not trigger another scan');
});

// On the page's own clock (installClock), not wall time: a loaded machine cannot stretch the burst
// past the debounce and split it into two scans.
test('late rendering: nothing is sent for an empty shell; a burst of mutations gives one debounced scan', async () => {
  const { document, sent, clock } = startPage('<div id="shell">Loading…</div>', { fakeClock: true });
  await clock.advance(400);
  assert.equal(sent.length, 0);
  const shell = document.getElementById('shell');
  for (let i = 0; i < 20; i += 1) {
    shell.insertAdjacentHTML('beforeend', switchRow(`k${i}`, `Label ${i}`, i % 2 === 0));
    await clock.advance(5);  // each row its own mutation batch, 5 ms apart
  }
  assert.equal(sent.length, 0, 'nothing sent while the burst goes on');
  await clock.advance(250);  // the debounce after the last mutation
  assert.equal(sent.length, 1, 'one page_state once the burst is over');
  await clock.advance(5000);
  assert.equal(sent.length, 1, 'debounced into one message');
  assert.equal(sent[0].page.controls.length, 20);
});

test('a page that never stops mutating is still scanned within the max wait (no starvation)', async () => {
  const { document, sent } = startPage('<div id="shell">Loading…</div>');
  const shell = document.getElementById('shell');
  shell.insertAdjacentHTML('beforeend', switchRow('allowDataForGenerativeAI', 'Use my data', true));
  // Unrelated mutations faster than the timer clamp, for up to 3 s: a reset-on-every-mutation
  // debounce would never fire until they stop.
  const feed = document.createElement('div');
  document.body.append(feed);
  const started = Date.now();
  while (Date.now() - started < 3000 && sent.length === 0) {
    feed.textContent = String(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  assert.equal(sent.length, 1, 'scanned while the page kept changing');
});

test('user flips a highlighted switch: re-read, re-sent, highlight cleared only once the read-back says off', async () => {
  const { document, sent } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true));
  await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the highlight');
  const input = document.querySelector('input');
  input.click();
  await waitFor(() => sent.length === 2 && document.querySelector('[data-linkedout="ok"]'), 'the ok mark');
  assert.equal(sent[1].page.controls[0].checked, false);
  assert.equal(document.querySelectorAll('[data-linkedout-row], [data-linkedout-reason]').length, 0);
});

// What the flip off says after "… is off now", by what the walkthrough opens next (the verdict's
// `next`, and the name of a step that is no settings page, which the background adds).
const NEXT_CASES = [
  ['the next settings page', { step: 'ads-beyond-linkedin', url: `${SETTINGS}ads-beyond-linkedin` }, null, ' announceMovingOn'],
  ['a form, by its name', { step: 'objection-form', url: 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO' }, 'Objection form', ' announceMovingOnStep(Objection form)'],
  ['a form whose name is not known', { step: 'objection-form', url: 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO' }, null, ' announceMovingOnNextStep'],
  ['nothing left: all done', null, null, ' walkthroughFinished'],
  ['a page off LinkedIn, which the walkthrough never opens: nothing', { step: 'x', url: 'https://example.org/form' }, 'X', ''],
];
for (const [what, next, nextTitle, moving] of NEXT_CASES) {
  test(`a flip off in the walkthrough says what opens next: ${what}`, async () => {
    const respond = (msg) => ({ status: 'ok', nextTitle,
      verdict: { ...verdictFor(msg.page), next, walkthrough: { active: true, still_on: 0 } } });
    const { document } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true), { respond });
    await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the highlight');
    document.querySelector('input').click();
    const region = await waitFor(() => {
      const el = document.querySelector('[data-linkedout-announce]');
      return el && el.textContent ? el : null;
    }, 'the announcement');
    assert.equal(region.textContent, `announceSwitchedOff(Use my data)${moving}`);
  });
}

test('LinkedIn redraws a switch that is already off while it has focus: focus goes to the redrawn switch of the same setting', async () => {
  const { document, sent } = startPage(switchRow('other', 'Other', true) + switchRow('allowDataForGenerativeAI', 'Use my data', false));
  await waitFor(() => document.querySelector('[data-linkedout="ok"]'), 'the ok mark');
  const before = document.querySelector('[aria-labelledby="allowDataForGenerativeAI"]');
  before.focus();
  // The card is drawn again: new elements, the same settings (the highlighted one first).
  document.querySelector('main').innerHTML = switchRow('other', 'Other', true) + switchRow('allowDataForGenerativeAI', 'Use my data', false);
  const after = await waitFor(() => {
    const el = document.querySelector('[aria-labelledby="allowDataForGenerativeAI"][data-linkedout="ok"]');
    return el && el !== before ? el : null;
  }, 'the redrawn switch marked');
  await waitFor(() => document.activeElement === after, `focus on the redrawn switch (it is on ${document.activeElement.outerHTML.slice(0, 60)})`);
  assert.ok(sent.length >= 2);
});

test('a flip the page does not confirm (aria-checked stale) keeps the highlight', async () => {
  const { document, sent, window } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true), { pageConfirms: true });
  await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the highlight');
  const input = document.querySelector('input');
  input.checked = false; // state changes without the page updating aria-checked
  input.dispatchEvent(new window.Event('change', { bubbles: true }));
  await waitFor(() => sent.length === 2, 'a re-scan after the change event');
  assert.equal(sent[1].page.controls[0].checked, null);
  await sleep(50);
  assert.deepEqual(marks(document), [['allowDataForGenerativeAI', 'switch-off']]);
  assert.ok(document.querySelector('[data-linkedout-row] [data-linkedout-reason]'));
});

test('SPA navigation that re-mounts the old page (new elements, same markup) under the new URL: never sent for it', async () => {
  const { document, sent, window } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true));
  await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the first highlight');
  window.history.pushState({}, '', '/mypreferences/d/settings/ads-beyond-linkedin');
  document.querySelector('main').innerHTML = switchRow('allowDataForGenerativeAI', 'Use my data', true);  // re-mounted
  await sleep(600);
  assert.equal(sent.length, 1, 'the old page\'s switches are not the new page\'s');
  assert.equal(document.querySelectorAll('[data-linkedout]').length, 0);
  // The new page's own switch, beside the old one for a moment: judged, on its URL.
  document.querySelector('main').insertAdjacentHTML('beforeend', switchRow('allowLinkedInAudienceNetwork', 'Ads off LinkedIn', true));
  await waitFor(() => sent.length === 2, 'the new page_state');
  assert.equal(sent[1].page.url, `${SETTINGS}ads-beyond-linkedin`);
});

test('SPA navigation by pushState: old marks go, the new page is scanned with its own URL', async () => {
  const { document, sent, window } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true));
  await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the first highlight');
  window.history.pushState({}, '', '/mypreferences/d/settings/ads-beyond-linkedin');
  document.querySelector('main').innerHTML = '<p>Loading…</p>';
  await sleep(50);
  assert.equal(document.querySelectorAll('[data-linkedout], [data-linkedout-row], [data-linkedout-reason]').length, 0, 'cleared on navigation');
  document.querySelector('main').innerHTML = switchRow('allowLinkedInAudienceNetwork', 'Ads off LinkedIn', false);
  await waitFor(() => sent.length === 2, 'the second page_state');
  assert.equal(sent[1].page.url, `${SETTINGS}ads-beyond-linkedin`);
  await waitFor(() => marks(document).length === 1, 'the new marks');
  assert.deepEqual(marks(document), [['allowLinkedInAudienceNetwork', 'ok']]);
  // leaving the settings pages: nothing more is sent
  window.history.pushState({}, '', '/feed/');
  document.querySelector('main').innerHTML = switchRow('feedThing', 'Feed', true);
  await sleep(500);
  assert.equal(sent.length, 2);
  assert.equal(document.querySelectorAll('[data-linkedout]').length, 0);
});

test('"switch it for me": clicks, confirms by read-back, the next verdict clears the highlight', async () => {
  const { document, sent } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true), { autoSwitch: true });
  await waitFor(() => document.querySelector('[data-linkedout="ok"]'), 'the switch to be off and marked ok', 5000);
  assert.equal(document.querySelector('input').checked, false);
  assert.deepEqual(sent.map((m) => m.page.controls[0].checked), [true, false]);
  assert.equal(document.querySelectorAll('[data-linkedout-row], [data-linkedout-reason]').length, 0);
});

test('"switch it for me" on a page that does not confirm: says so and keeps the highlight', async () => {
  const { document } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true), { autoSwitch: true, pageConfirms: false });
  const reason = await waitFor(() => document.querySelector('[data-linkedout-reason-state="unconfirmed"]'), 'the unconfirmed label', 5000);
  assert.equal(reason.textContent, 'autoSwitchUnconfirmed');
  assert.equal(document.querySelector('input').checked, true);
  assert.deepEqual(marks(document), [['allowDataForGenerativeAI', 'switch-off']]);
});

test('"switch it for me" on a page that puts the switch back 300 ms after the click: never sent off, the reason says the click did not hold', async () => {
  const { window, document, sent } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true), { autoSwitch: true });
  document.addEventListener('change', (event) => {
    const input = event.target;
    if (input.checked) return;
    window.setTimeout(() => { input.checked = true; input.setAttribute('aria-checked', 'true'); }, 300);
  });
  const reason = await waitFor(() => document.querySelector('[data-linkedout-reason-state="unconfirmed"]'), 'the unconfirmed label', 6000);
  assert.equal(reason.textContent, 'autoSwitchUnconfirmed');
  await sleep(700);
  assert.deepEqual(sent.map((m) => m.page.controls[0].checked).filter((c) => c !== true), [], 'a state that did not hold was sent');
  assert.deepEqual(marks(document), [['allowDataForGenerativeAI', 'switch-off']]);
});

// LinkedIn's server-driven rows: no key, the name in aria-label only.
const namedRow = (name, on, extra = '') => `<div><p>${name}</p>
  <input type="checkbox" role="switch" aria-label="${name}" aria-checked="${on}" ${on ? 'checked' : ''} ${extra}></div>`;

/** A host that knows one setting by its label: highlight (or lock) it, the rest unknown. */
const byLabel = (name) => (msg) => {
  const v = verdictFor({ ...msg.page, controls: [] });
  msg.page.controls.forEach((c, control) => {
    if (c.label !== name) v.unknown.push({ key: c.key, label: c.label, why: 'not_in_ruleset', control });
    else if (c.checked === false) v.ok.push({ key: null, setting: 's', matched_by: 'label', control });
    else v.highlight.push({ key: null, setting: 's', action: c.disabled ? 'locked' : 'switch-off', severity: 'ads', reason: 'r',
      matched_by: 'label', control, form: { step: 'objection-form', url: 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO' } });
  });
  return { status: 'ok', verdict: v };
};

test('"switch it for me" clicks the switch the verdict names by index, never the first keyless one', async () => {
  const { document } = startPage(namedRow('Smart replies', true) + namedRow('Location', true),
    { autoSwitch: true, respond: byLabel('Location') });
  await waitFor(() => document.querySelector('[aria-label="Location"][data-linkedout="ok"]'), 'Location to be off and marked ok', 5000);
  assert.equal(document.querySelector('[aria-label="Smart replies"]').checked, true, 'the other keyless switch is untouched');
  assert.equal(document.querySelector('[aria-label="Smart replies"]').hasAttribute('data-linkedout'), false);
});

test('a locked switch (on, disabled) is sent as disabled, marked locked and never clicked', async () => {
  const { document, sent } = startPage(namedRow('Location', true, 'disabled'), { autoSwitch: true, respond: byLabel('Location') });
  await waitFor(() => document.querySelector('[data-linkedout="locked"]'), 'the locked mark', 5000);
  assert.equal(sent[0].page.controls[0].disabled, true);
  await sleep(300);
  assert.equal(document.querySelector('input').checked, true, 'never clicked');
  assert.match(document.querySelector('[data-linkedout-reason]').textContent, /highlightLocked/);
  assert.equal(document.querySelector('[data-linkedout-reason] a').href, 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
});

test('"switch it for me": rows re-bound to other settings before the click: no wrong click, a notice, then the right one', async () => {
  let swapped = false;
  let doc = null;
  const respond = (msg) => {
    // The page re-binds its rows (labels swap between the two elements) while the verdict is on its way.
    if (!swapped) {
      swapped = true;
      const [a, b] = doc.querySelectorAll('input');
      const [pa, pb] = doc.querySelectorAll('p');
      a.setAttribute('aria-label', 'Location'); pa.textContent = 'Location';
      b.setAttribute('aria-label', 'Smart replies'); pb.textContent = 'Smart replies';
    }
    return byLabel('Location')(msg);
  };
  const page = startPage(namedRow('Smart replies', true) + namedRow('Location', true), { autoSwitch: true, respond });
  doc = page.document;
  const notices = [];
  new page.window.MutationObserver(() => {
    const notice = doc.querySelector('[data-linkedout-notice]');
    if (notice && notice.textContent && notices.at(-1) !== notice.textContent) notices.push(notice.textContent);
  }).observe(doc, { subtree: true, childList: true, characterData: true });
  await waitFor(() => doc.querySelector('[aria-label="Location"][data-linkedout="ok"]'), 'Location (now the first element) off and ok', 5000);
  assert.equal(doc.querySelector('[aria-label="Smart replies"]').checked, true, 'the element that was Location when scanned is never clicked');
  assert.deepEqual(notices, ['autoSwitchPageChanged(s)'], 'the held-back click was said');
  assert.equal(doc.querySelector('[aria-label="Smart replies"]').hasAttribute('data-linkedout'), false);
});

test('a page that re-binds its rows under every verdict is never left silent: the could-not-read notice', async () => {
  let doc = null;
  const respond = (msg) => {
    // Every time: the two rows swap what they show while the verdict is on its way.
    const [a, b] = doc.querySelectorAll('input');
    const [la, lb] = [a.getAttribute('aria-label'), b.getAttribute('aria-label')];
    a.setAttribute('aria-label', lb);
    b.setAttribute('aria-label', la);
    return byLabel('Location')(msg);
  };
  const page = startPage(namedRow('Smart replies', true) + namedRow('Location', true), { respond });
  doc = page.document;
  const notice = await waitFor(() => doc.querySelector('[data-linkedout-notice]')?.textContent, 'the notice', 8000);
  assert.equal(notice, 'noticePageUnreadable(s)');
  assert.equal(doc.querySelectorAll('[data-linkedout="switch-off"]').length, 0, 'no mark on a switch that shows another setting');
});

test('turning "switch it for me" on in the popup acts on the page already open', async () => {
  const { document, setAutoSwitch } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true));
  await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the highlight');
  setAutoSwitch(true);
  await waitFor(() => document.querySelector('[data-linkedout="ok"]'), 'the switch to be off', 5000);
});

test('host errors: the page notice is generic, never the host\'s text (it can name local paths the page could read)', async () => {
  const secret = '/home/alice/.local/share/linkedout/state.json';
  for (const code of ['store_error', 'host_failed']) {
    const { document } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true),
      { respond: () => ({ status: 'error', code, message: `cannot write ${secret}: No space left on device` }) });
    const notice = await waitFor(() => document.querySelector('[data-linkedout-notice]')?.textContent && document.querySelector('[data-linkedout-notice]'), `the notice for ${code}`);
    assert.equal(notice.textContent, code === 'host_failed' ? 'noticeHostFailed' : 'noticeHostError');
    assert.ok(!document.documentElement.outerHTML.includes(secret), 'the host\'s message reached the page');
  }
});

test('store busy: the notice says the saved history is in use elsewhere, and the page is sent again on the next change', async () => {
  let busy = true;
  const { document, sent } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true), {
    respond: (msg) => (busy
      ? { status: 'error', code: 'store_busy', message: 'the state store is in use by another LinkedOut process' }
      : { status: 'ok', verdict: verdictFor(msg.page) }) });
  const notice = await waitFor(() => document.querySelector('[data-linkedout-notice]')?.textContent, 'the notice');
  assert.equal(notice, 'noticeStoreBusy');
  busy = false;
  const sentBefore = sent.length;
  document.querySelector('main').insertAdjacentHTML('beforeend', '<p>a change on the page</p>');
  await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the highlight once the store is free');
  assert.ok(sent.length > sentBefore, 'the page was sent again');
});

test('host missing: a notice says how to install it; nothing else is marked', async () => {
  const { document } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true),
    { respond: () => ({ status: 'host_missing', code: 'host_missing', message: 'Specified native messaging host not found.' }) });
  const notice = await waitFor(() => document.querySelector('[data-linkedout-notice]')?.textContent && document.querySelector('[data-linkedout-notice]'), 'the notice');
  assert.equal(notice.textContent, 'noticeHostMissing');
  assert.equal(notice.getAttribute('role'), 'status');
  assert.equal(document.querySelectorAll('[data-linkedout]').length, 0);
});

// ---- the page's script owns the state; stale DOM after SPA navigation (issue 12) ----

test('a save the page puts back by script (no event, no attribute) is noticed: the highlight returns', async () => {
  const { document, sent } = startPage(`<span id="allowDataForGenerativeAI">Use my data</span>
    <input type="checkbox" aria-labelledby="allowDataForGenerativeAI" checked>`);
  await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the highlight');
  const input = document.querySelector('input');
  input.click();
  await waitFor(() => document.querySelector('[data-linkedout="ok"]'), 'the ok mark after the flip');
  await sleep(1500);
  input.checked = true; // the failed save put back, silently
  await waitFor(() => document.querySelector('[data-linkedout="switch-off"]'), 'the highlight to come back', 3000);
  assert.deepEqual(sent.map((m) => m.page.controls[0].checked), [true, false, true]);
});

test('an aria-checked that lags the click is not reported as unreadable', async () => {
  const { document, sent, window } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true));
  await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the highlight');
  const input = document.querySelector('input');
  input.checked = false;
  input.dispatchEvent(new window.Event('change', { bubbles: true }));
  await sleep(600); // the page's attribute update arrives late, but within a moment
  input.setAttribute('aria-checked', 'false');
  await waitFor(() => document.querySelector('[data-linkedout="ok"]'), 'the ok mark');
  assert.deepEqual(sent.map((m) => m.page.controls[0].checked), [true, false]);
});

test('re-reads when the window gets focus: a change made meanwhile with no event is seen', async () => {
  const { document, sent, window } = startPage(`<span id="allowAdsByAge">Age range</span>
    <input type="checkbox" aria-labelledby="allowAdsByAge">`);
  await waitFor(() => sent.length === 1, 'the first page_state');
  await sleep(300);
  document.querySelector('input').checked = true; // property only: no event, no mutation
  await sleep(400);
  assert.equal(sent.length, 1, 'nothing can notice it by itself');
  window.dispatchEvent(new window.Event('focus'));
  await waitFor(() => sent.length === 2, 'a re-read on focus');
  assert.deepEqual(sent.map((m) => m.page.controls[0].checked), [false, true]);
});

test('slow SPA navigation: the old page\'s switches are never reported under the new URL', async () => {
  const { document, sent, window } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true));
  await waitFor(() => document.querySelector('[data-linkedout-row]'), 'the first highlight');
  window.history.pushState({}, '', '/mypreferences/d/settings/ads-beyond-linkedin');
  document.body.append(document.createElement('i')); // any mutation: the old switch is still there
  await sleep(1000);
  assert.equal(sent.length, 1, 'nothing sent while only the old page is shown');
  assert.equal(document.querySelectorAll('[data-linkedout]').length, 0, 'old marks cleared');
  document.querySelector('main').innerHTML = switchRow('allowLinkedInAudienceNetwork', 'Ads off LinkedIn', true);
  await waitFor(() => sent.length === 2, 'the new page_state');
  assert.equal(sent[1].page.url, `${SETTINGS}ads-beyond-linkedin`);
  assert.deepEqual(sent[1].page.controls.map((c) => c.key), ['allowLinkedInAudienceNetwork']);
});

test('a query change is the same page: its switches are still reported', async () => {
  const { document, sent, window } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true));
  await waitFor(() => sent.length === 1, 'the first page_state');
  window.history.pushState({}, '', '/mypreferences/d/settings/data-for-ai-improvement?trk=nav');
  document.querySelector('input').click();
  await waitFor(() => sent.length === 2, 'the re-scan after the flip');
  assert.equal(sent[1].page.url, `${SETTINGS}data-for-ai-improvement?trk=nav`);
  assert.deepEqual(sent[1].page.controls.map((c) => c.key), ['allowDataForGenerativeAI']);
});

test('"switch it for me" clicks a <button role="switch"> and trusts only the read-back', async () => {
  const { document } = startPage(`<span id="allowConversionTrackings">Measure ad success</span>
    <button role="switch" aria-labelledby="allowConversionTrackings" aria-checked="true"
      onclick="">On</button>`, { autoSwitch: true });
  const button = document.querySelector('button');
  // The page shows the new state in words too (a switch whose "On" disagrees with its aria-checked is unreadable).
  button.addEventListener('click', () => setTimeout(() => { button.setAttribute('aria-checked', 'false'); button.textContent = 'Off'; }, 100));
  await waitFor(() => document.querySelector('button[data-linkedout="ok"]'), 'the button switch off and marked ok', 5000);
});

test('never silent: a settings page with no readable switch is reported after a bounded wait, and page_unreadable shows a notice', async () => {
  const respond = (msg) => ({
    status: 'ok', verdict: { ...verdictFor(msg.page), setting: 'data-for-ai-improvement', page_unreadable: msg.page.controls.length === 0 },
    settingTitle: msg.page.controls.length === 0 ? 'Data for Generative AI Improvement' : null,
  });
  const { document, sent } = startPage('<div>Loading…</div><div class="toggle" tabindex="0">On</div>', { respond });
  await sleep(1500);
  assert.equal(sent.length, 0, 'a page still rendering is given time');
  const notice = await waitFor(() => document.querySelector('[data-linkedout-notice]')?.textContent && document.querySelector('[data-linkedout-notice]'), 'the notice', 6000);
  assert.deepEqual(sent.map((m) => m.page.controls), [[]]);
  assert.equal(notice.textContent, 'noticePageUnreadable(Data for Generative AI Improvement)', 'the name the background gives');
  assert.equal(notice.getAttribute('role'), 'status');
  // The switch shows up after all and reads fine: the notice goes.
  document.querySelector('main').insertAdjacentHTML('beforeend', switchRow('allowDataForGenerativeAI', 'Use my data', true));
  await waitFor(() => !document.querySelector('[data-linkedout-notice]') && document.querySelector('[data-linkedout-row]'), 'the highlight instead of the notice');
});

// ---- issue 21 item 5: loading is not unreadable ----

test('loading is not unreadable: while LinkedIn\'s spinner is up, "waiting for LinkedIn" and no empty page_state; "could not read" once settled', async () => {
  const respond = (msg) => ({ status: 'ok', verdict: { ...verdictFor(msg.page), setting: 'data-for-ai-improvement', page_unreadable: msg.page.controls.length === 0 } });
  const { document, sent } = startPage('<section><h1>Data for Generative AI Improvement</h1><div role="progressbar" aria-label="Loading"></div></section>', { respond });
  document.querySelector('main').setAttribute('aria-busy', 'true');
  await sleep(5000); // past the 4 s after which a settled page with nothing readable is reported
  assert.equal(sent.length, 0, 'nothing is reported while the page is loading');
  const notice = document.querySelector('[data-linkedout-notice]');
  assert.ok(notice, 'the user is told LinkedOut is waiting');
  assert.equal(notice.textContent, 'noticeWaitingForLinkedIn');
  // The page settles with nothing LinkedOut can read: now, and only now, "could not read".
  document.querySelector('[role="progressbar"]').remove();
  document.querySelector('main').setAttribute('aria-busy', 'false');
  await waitFor(() => document.querySelector('[data-linkedout-notice]')?.textContent.startsWith('noticePageUnreadable'), 'the unreadable notice', 6000);
  assert.deepEqual(sent.map((m) => m.page.controls), [[]]);
});

test('the "waiting for LinkedIn" notice is in the browser\'s language, its Dismiss button too, and says which (the page may be in another)', async () => {
  const { window, document } = startPage('<section><div role="progressbar" aria-label="Loading"></div></section>');
  document.querySelector('main').setAttribute('aria-busy', 'true');
  // A German browser: every message its German text, and the locale's language tag.
  window.chrome.i18n.getMessage = (name) => (name === 'language' ? 'de' : `de:${name}`);
  const box = await waitFor(() => document.querySelector('[data-linkedout-notice-box]'), 'the waiting notice', 4000);
  await waitFor(() => box.querySelector('[data-linkedout-notice]').textContent, 'its text');
  assert.deepEqual({ text: box.querySelector('[data-linkedout-notice]').textContent, button: box.querySelector('button').textContent, lang: box.lang },
    { text: 'de:noticeWaitingForLinkedIn', button: 'de:noticeDismiss', lang: 'de' });
});

test('a skeleton or an empty <main> is still loading too; the switch that arrives is read', async () => {
  const { document, sent } = startPage('');
  await sleep(4600);
  assert.equal(sent.length, 0, 'an empty main is a page still loading');
  document.querySelector('main').innerHTML = '<div class="feed-skeleton-loader"></div>';
  await sleep(600);
  assert.equal(sent.length, 0, 'a skeleton is a page still loading');
  assert.equal(document.querySelector('[data-linkedout-notice]')?.textContent, 'noticeWaitingForLinkedIn');
  document.querySelector('main').innerHTML = switchRow('allowDataForGenerativeAI', 'Use my data', true);
  await waitFor(() => document.querySelector('[data-linkedout-row]') && !document.querySelector('[data-linkedout-notice]'), 'the highlight, and the waiting notice gone');
  assert.equal(sent.length, 1);
});

// ---- issue 21 item 4: switches in open shadow roots are watched like the rest of the page ----

test('a switch in an open shadow root is reported, and a flip inside the shadow root is re-read', async () => {
  const { window, document, sent } = startPage('<div id="host"></div>');
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = switchRow('allowDataForGenerativeAI', 'Use my data', true);
  await waitFor(() => sent.length === 1, 'the first page_state');
  assert.deepEqual(sent[0].page.controls, [{ key: 'allowDataForGenerativeAI', label: 'Use my data', checked: true }]);
  const input = root.querySelector('input');
  input.checked = false;
  input.setAttribute('aria-checked', 'false');
  input.dispatchEvent(new window.Event('change', { bubbles: true })); // change is not composed: it stays in the shadow root
  await waitFor(() => sent.length === 2, 'the flip re-read');
  assert.equal(sent[1].page.controls[0].checked, false);
});

// ---- scans keep the page's trees: only added nodes are asked for shadow roots between full walks ----

/** Counts every element asked for its shadow root (the getter scan.js captures at load). */
function countShadowRootReads(window, counter) {
  const descriptor = Object.getOwnPropertyDescriptor(window.Element.prototype, 'shadowRoot');
  Object.defineProperty(window.Element.prototype, 'shadowRoot', {
    ...descriptor,
    get() { counter.reads += 1; return descriptor.get.call(this); },
  });
}

const FILLER = Array.from({ length: 300 }, (_, i) => `<article><div><span>Post ${i}</span><p>text</p></div></article>`).join('');

test('a re-scan after an unrelated mutation asks only the added elements for shadow roots; the whole page again within a second', async () => {
  const counter = { reads: 0 };
  const { document, sent, clock } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true) + `<aside id="feed">${FILLER}</aside>`,
    { fakeClock: true, beforeScripts: (window) => countShadowRootReads(window, counter) });
  await clock.advance(400);
  assert.equal(sent.length, 1, 'the first page_state');
  const elements = document.getElementsByTagName('*').length;
  assert.ok(counter.reads >= elements - 5, `the first scan walks the whole page (${counter.reads} of ${elements} elements asked)`);
  counter.reads = 0;
  // A feed card arrives: one mutation record, five new elements; the debounced scan follows.
  document.getElementById('feed').insertAdjacentHTML('afterbegin', '<article><div><span>New</span><p>post</p></div></article>');
  await clock.advance(300);
  assert.ok(counter.reads <= 10, `the re-scan asked ${counter.reads} elements for a shadow root, not the page's ${elements}`);
  counter.reads = 0;
  await clock.advance(1000);
  assert.ok(counter.reads >= elements, `the whole page walked again within FULL_WALK_MS of the first walk (${counter.reads} asked)`);
  counter.reads = 0;
  await clock.advance(5000);
  assert.equal(counter.reads, 0, 'and then nothing, on a page that does not change');
  assert.equal(sent.length, 1, 'nothing new to send');
});

test('a re-scan that finds the page as it was sent serialises nothing to tell (what a scan allocates, its GC pauses cost)', async () => {
  const counter = { stringify: 0 };
  const { document, sent, clock } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true) + switchRow('other', 'Other', false) + '<aside id="feed"><p>post</p></aside>', {
    fakeClock: true,
    beforeScripts(window) {
      const original = window.JSON.stringify;
      window.JSON.stringify = (...args) => { counter.stringify += 1; return original(...args); };
    },
  });
  await clock.advance(400);
  assert.equal(sent.length, 1, 'the first page_state');
  counter.stringify = 0;
  for (let i = 0; i < 3; i += 1) {
    document.getElementById('feed').insertAdjacentHTML('afterbegin', `<article><p>post ${i}</p></article>`);
    await clock.advance(300);
  }
  assert.equal(sent.length, 1, 'nothing new to send');
  assert.equal(counter.stringify, 0, `${counter.stringify} JSON.stringify calls for re-scans of an unchanged page`);
  // A real change is still told: the switch flipped by the page.
  const input = document.querySelector('[aria-labelledby="other"]');
  input.checked = true;
  input.setAttribute('aria-checked', 'true');
  await clock.advance(400);
  assert.equal(sent.length, 2, 'the changed page is sent');
  assert.equal(sent[1].page.controls[1].checked, true);
});

test('a re-scan that finds the page as it was sent builds no control objects and no copy of its switches', async () => {
  const counter = { readControl: 0, copies: 0 };
  const { window, document, sent, clock } = startPage(switchRow('allowDataForGenerativeAI', 'Use my data', true) + switchRow('other', 'Other', false) + '<aside id="feed"><p>post</p></aside>', {
    fakeClock: true,
    beforeScripts(w) {
      // main.js keeps LinkedOutScan from its start: wrapped as scan.js defines it.
      let wrapped;
      Object.defineProperty(w, 'LinkedOutScan', {
        configurable: true,
        get: () => wrapped,
        set: (real) => { wrapped = Object.freeze({ ...real, readControl: (el) => { counter.readControl += 1; return real.readControl(el); } }); },
      });
    },
  });
  await clock.advance(400);
  assert.equal(sent.length, 1, 'the first page_state');
  const slice = window.Array.prototype.slice;
  window.Array.prototype.slice = function counted(...args) {
    if (this.length > 0 && this[0] instanceof window.Element) counter.copies += 1;
    return slice.apply(this, args);
  };
  counter.readControl = 0;
  for (let i = 0; i < 3; i += 1) {
    document.getElementById('feed').insertAdjacentHTML('afterbegin', `<article><p>post ${i}</p></article>`);
    await clock.advance(300);
  }
  window.Array.prototype.slice = slice;
  assert.equal(sent.length, 1, 'nothing new to send');
  assert.deepEqual(counter, { readControl: 0, copies: 0 }, 'control objects built and switch lists copied for re-scans of an unchanged page');
  // Each field still counts: a label the page changed, then a switch it flipped, are sent.
  document.getElementById('other').textContent = 'Other, renamed';
  await clock.advance(400);
  assert.equal(sent.length, 2, 'the renamed switch is sent');
  assert.equal(sent[1].page.controls[1].label, 'Other, renamed');
  const input = document.querySelector('[aria-labelledby="other"]');
  input.checked = true;
  input.setAttribute('aria-checked', 'true');
  await clock.advance(400);
  assert.equal(sent.length, 3, 'the flipped switch is sent');
  assert.equal(sent[2].page.controls[1].checked, true);
  input.disabled = true;
  await clock.advance(400);
  // (disabled is a property: no mutation; a re-read after the flip finds it)
  assert.equal(sent.length, 4, 'the disabled switch is sent');
  assert.equal(sent[3].page.controls[1].disabled, true);
});

test('a shadow root attached to an element already in the page is found, even when a mutation elsewhere brought a shorter scan first', async () => {
  const { document, sent, clock } = startPage(`${switchRow('other', 'Other', false)}<div id="host"></div><footer id="status"></footer>`, { fakeClock: true });
  await clock.advance(400);
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0].page.controls.map((c) => c.key), ['other']);
  // A component upgrades in place (attachShadow on an element that was already there: no mutation
  // record) while the page updates something else (a record, and a scan of the added nodes).
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = switchRow('allowDataForGenerativeAI', 'Use my data', true);
  document.getElementById('status').append(document.createElement('span'));
  await clock.advance(2000);
  assert.equal(sent.length, 2, 'the page sent again once the new tree was found');
  assert.deepEqual(sent[1].page.controls.map((c) => c.key), ['other', 'allowDataForGenerativeAI']);
  const marked = root.querySelector('[data-linkedout="switch-off"]');
  assert.ok(marked, 'the switch inside the late shadow root is highlighted');
});
