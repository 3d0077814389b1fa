// The background (extension/background/, its features started by index.js) with a fake browser and a scripted host on a
// fake port: one host round trip and one validation per page_state, the organisation policy read
// once (start-up, then only when managed storage changes) with its region pushed to the host then,
// and the region hint taken from the config reply.
import test from 'node:test';
import assert from 'node:assert/strict';
import { plain, EXT_ID } from './helpers.js';
import { startBackground as startBackgroundIn, FEATURES } from '../../extension/background/index.js';

// Counts how often each string went through the protocol's well-formed-Unicode check: once per
// validation of the message that holds it.
const checked = new Map();
const regExpTest = RegExp.prototype.test;
RegExp.prototype.test = function countingTest(s) {
  if (this.source.includes('uD800')) checked.set(s, (checked.get(s) || 0) + 1);
  return regExpTest.call(this, s);
};

const SETTINGS = 'https://www.linkedin.com/mypreferences/d/settings/';
const PAGE_URL = `${SETTINGS}data-for-ai-improvement`;
const POPUP_URL = `chrome-extension://${EXT_ID}/popup/popup.html`;
const REGIONS = { CH: 'Switzerland', EU: 'European Union', UK: 'United Kingdom', US: 'United States' };
const HINT = { evidence: 'share-data-with-select-partners', ruled_out: ['CH', 'EU', 'UK'] };

/** A host that keeps a region and answers every request like linkedout-host would. */
function scriptedHost() {
  // next: the verdicts' next step; moreSteps: the plan's steps after the one setting.
  const state = { region: null, stillOn: 2, active: true, next: null, moreSteps: [] };
  const plan = () => ({
    type: 'walkthrough', active: state.active, region: state.region,
    steps: [{ step: 'data-for-ai-improvement', kind: 'toggle', title: 'AI', url: PAGE_URL, severity: 'ai-training', state: 'on', last_seen: null, drift: false },
      ...state.moreSteps],
    progress: { done: 0, total: 1, remaining: 1 }, next: null,
  });
  const answer = (msg) => {
    switch (msg.type) {
      case 'hello': return { type: 'hello', host_version: '0.1.0', protocol: 3, ruleset: { name: 'linkedin', version: '2026.11.1', count: 13 } };
      case 'config':
        if ('region' in msg) state.region = msg.region;
        return { type: 'config', region: state.region, regions: REGIONS, region_hint: state.region ? null : HINT };
      case 'status':
        if ('region' in msg) state.region = msg.region;
        return { type: 'status', plan: { ...plan(), id: msg.id }, config: { ...answer({ type: 'config' }), id: msg.id } };
      case 'walkthrough': return plan();
      case 'report': return { type: 'report', format: msg.format, content: '{}' };
      case 'page_state': {
        const on = msg.controls.map((c, control) => ({ ...c, control })).filter((c) => c.checked === true);
        if (msg.controls.length === 0) {
          return {
            type: 'verdict', url: msg.url, setting: 'data-for-ai-improvement', highlight: [], ok: [], unknown: [], drift: [],
            progress: { done: 0, total: 1, remaining: 1 }, next: null, walkthrough: { active: state.active, still_on: state.stillOn },
            page_unreadable: true,
          };
        }
        return {
          type: 'verdict', url: msg.url, setting: 'data-for-ai-improvement',
          highlight: on.map((c) => ({ key: c.key, setting: 'data-for-ai-improvement', action: 'switch-off', severity: 'ai-training', reason: 'r', matched_by: 'key', control: c.control })),
          ok: [], unknown: [], drift: [], progress: { done: 0, total: 1, remaining: 1 }, next: state.next,
          walkthrough: { active: state.active, still_on: state.stillOn },
        };
      }
      default: return { type: 'error', code: 'unknown_type', message: 'unknown' };
    }
  };
  return { state, answer };
}

function startBackground({ policy = {}, host = scriptedHost() } = {}) {
  const posted = [];
  const badges = [];
  const managedReads = [];
  const listeners = { message: [], storage: [] };
  const managed = { policy };
  const chrome = {
    runtime: {
      id: EXT_ID,
      lastError: null,
      getURL: (p) => `chrome-extension://${EXT_ID}/${p}`,
      getManifest: () => ({ version: '0.1.0' }),
      connectNative: () => {
        const portListeners = { message: [], disconnect: [] };
        return {
          onMessage: { addListener: (fn) => portListeners.message.push(fn) },
          onDisconnect: { addListener: (fn) => portListeners.disconnect.push(fn) },
          postMessage: (msg) => {
            posted.push(plain(msg));
            const reply = { ...host.answer(msg), id: msg.id };
            queueMicrotask(() => portListeners.message.forEach((fn) => fn(reply)));
          },
          disconnect: () => {},
        };
      },
      onMessage: { addListener: (fn) => listeners.message.push(fn) },
      onStartup: { addListener: () => {} },
      onInstalled: { addListener: () => {} },
    },
    i18n: { getUILanguage: () => 'de-DE', getMessage: (name) => name },
    alarms: { create: () => {}, onAlarm: { addListener: () => {} } },
    storage: {
      local: { get: async () => ({ autoSwitch: true }) },
      managed: { get: async () => { managedReads.push(1); return managed.policy; } },
      session: { get: async () => ({}), set: async () => {}, remove: async () => {} },
      onChanged: { addListener: (fn) => listeners.storage.push(fn) },
    },
    tabs: { update: async () => ({}), create: async () => ({ id: 99 }), query: async () => [], onRemoved: { addListener: () => {} } },
    action: { setBadgeText: async (b) => { badges.push(b.text); }, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} },
  };
  const background = startBackgroundIn(chrome);
  const send = (msg, sender) => new Promise((resolve) => { listeners.message[0](msg, sender, (r) => resolve(plain(r))); });
  return {
    background, host, posted, badges, managedReads, checked, managed,
    fromContent: (page) => send({ type: 'page_state', page }, { id: EXT_ID, url: page.url, origin: 'https://www.linkedin.com', frameId: 0, tab: { id: 5 } }),
    fromPopup: (msg) => send(msg, { id: EXT_ID, url: POPUP_URL }),
    changeStorage: (changes, area) => listeners.storage.forEach((fn) => fn(changes, area)),
  };
}


/** Lets every pending promise, microtask and zero-delay timer run. */
const settle = async () => { for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r)); };

const page = (label = 'Use my data', checked = true) => ({ url: PAGE_URL, lang: 'en', controls: [{ key: 'allowDataForGenerativeAI', label, checked }] });

test('one host round trip per page_state: the verdict carries the walkthrough state and the badge', async () => {
  const bg = startBackground();
  await settle();
  await bg.fromContent(page('first'));
  await settle();
  assert.deepEqual(bg.posted.map((m) => m.type), ['hello', 'page_state'], 'the connection says hello once');
  bg.posted.length = 0;
  const reply = await bg.fromContent(page());
  await settle();
  assert.equal(reply.status, 'ok');
  assert.equal(reply.verdict.walkthrough.still_on, 2);
  assert.deepEqual(bg.posted.map((m) => m.type), ['page_state'], 'no walkthrough status after the verdict');
  assert.equal(bg.badges.at(-1), '2', 'the badge comes from verdict.walkthrough.still_on');
  assert.equal(bg.posted[0].ui_lang, 'de-DE', 'the envelope carries the browser UI language');
});

test('a page done whose next step is no settings page (the objection form): the reply names that step, for "LinkedOut opens …"', async () => {
  const host = scriptedHost();
  const FORM_URL = 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO';
  host.state.moreSteps = [{ step: 'objection-form', kind: 'form', title: 'Objection form', url: FORM_URL, severity: 'ai-training', state: 'todo', guidance: 'g', done_at: null }];
  host.state.next = { step: 'objection-form', url: FORM_URL };
  const bg = startBackground({ host });
  await settle();
  const done = await bg.fromContent(page('Use my data', false));
  assert.equal(done.status, 'ok');
  assert.deepEqual(done.verdict.next, { step: 'objection-form', url: FORM_URL });
  assert.equal(done.nextTitle, 'Objection form');
  host.state.next = { step: 'ads-beyond-linkedin', url: `${SETTINGS}ads-beyond-linkedin` };
  const toSettings = await bg.fromContent(page('Use my data', false));
  assert.equal(toSettings.nextTitle, null, 'a settings page next: said as one, no name needed');
});

test('a page it could not read: the reply names the setting as the host\'s plan does, for the page\'s notice', async () => {
  const bg = startBackground();
  await settle();
  const unreadable = await bg.fromContent({ url: PAGE_URL, lang: 'en', controls: [] });
  assert.equal(unreadable.status, 'ok');
  assert.equal(unreadable.verdict.page_unreadable, true);
  assert.equal(unreadable.settingTitle, 'AI');
  bg.posted.length = 0;
  const readable = await bg.fromContent(page());
  assert.equal(readable.settingTitle, 'AI', 'known from the last plan');
  assert.deepEqual(bg.posted.map((m) => m.type), ['page_state'], 'a readable page costs no more than its one round trip');
});

test('a page_state is validated once, at the boundary', async () => {
  const bg = startBackground();
  await settle();
  const label = 'A label seen only in this test';
  const reply = await bg.fromContent(page(label));
  assert.equal(reply.status, 'ok');
  assert.equal(bg.checked.get(label), 1, `the page's label was validated ${bg.checked.get(label)} times`);
  // And a bad page still never reaches the host, with the field named.
  bg.posted.length = 0;
  const refused = await bg.fromContent({ ...page(), lang: 'en US' });
  assert.deepEqual(refused, { status: 'rejected', field: 'page.lang', message: 'lang must be a BCP 47 language tag' });
  assert.deepEqual(bg.posted, []);
});

test('the organisation policy is read once at start-up, not on every page_state', async () => {
  const bg = startBackground({ policy: { allowAutoSwitch: false } });
  await settle();
  assert.equal(bg.managedReads.length, 1);
  for (let i = 0; i < 3; i++) {
    const reply = await bg.fromContent(page(`label ${i}`));
    assert.equal(reply.autoSwitchAllowed, false);
  }
  await bg.fromPopup({ type: 'status' });
  assert.equal(bg.managedReads.length, 1, 'cached: no more reads');
});

test('a managed storage change recomputes the options once and pushes the policy region to the host', async () => {
  const bg = startBackground();
  await settle();
  assert.equal((await bg.fromContent(page())).autoSwitchAllowed, true);
  assert.equal(bg.host.state.region, null);
  bg.managed.policy = { region: 'UK', allowAutoSwitch: false };
  bg.posted.length = 0;
  bg.changeStorage({ region: { newValue: 'UK' }, allowAutoSwitch: { newValue: false } }, 'managed');
  await settle();
  assert.equal(bg.managedReads.length, 2);
  assert.deepEqual(bg.posted.map((m) => [m.type, m.region]), [['config', 'UK']], 'the region is pushed once, then');
  assert.equal(bg.host.state.region, 'UK');
  assert.equal((await bg.fromContent(page('after'))).autoSwitchAllowed, false);
  bg.changeStorage({ autoSwitch: { newValue: false } }, 'sync');  // not ours: nothing re-read
  await settle();
  assert.equal(bg.managedReads.length, 2);
});

test('a policy region at start-up is pushed to the host before the popup asks', async () => {
  const bg = startBackground({ policy: { region: 'CH' } });
  await settle();
  assert.equal(bg.host.state.region, 'CH');
  const status = await bg.fromPopup({ type: 'status' });
  assert.equal(status.options.region, 'CH');
  assert.equal(status.options.regionLocked, true);
  assert.equal(status.config.region, 'CH');
});

test('the popup\'s status is one host reply: the plan and the config together', async () => {
  const bg = startBackground();
  await settle();
  bg.posted.length = 0;
  const status = await bg.fromPopup({ type: 'status' });
  assert.equal(status.status, 'ok');
  assert.deepEqual(bg.posted.map((m) => m.type).filter((type) => type !== 'hello'), ['status'], 'one request (the connection\'s hello aside)');
  assert.equal(status.plan.type, 'walkthrough');
  assert.equal(status.config.type, 'config');
  assert.equal(bg.badges.at(-1), '1', 'the badge follows the plan in it');
});

test('an organisation\'s fixed region rides on the popup\'s one status request', async () => {
  const bg = startBackground({ policy: { region: 'CH' } });
  await settle();
  bg.host.state.region = 'EU';  // changed behind the policy's back (another browser, the CLI)
  bg.posted.length = 0;
  const status = await bg.fromPopup({ type: 'status' });
  assert.deepEqual(bg.posted.filter((m) => m.type !== 'hello').map((m) => [m.type, m.region]), [['status', 'CH']]);
  assert.equal(status.config.region, 'CH');
  assert.equal(status.plan.region, 'CH');
});

test('the popup\'s region choice is one host request too', async () => {
  const bg = startBackground();
  await settle();
  bg.posted.length = 0;
  const reply = await bg.fromPopup({ type: 'config', region: 'UK' });
  assert.equal(reply.status, 'ok');
  assert.deepEqual(bg.posted.filter((m) => m.type !== 'hello').map((m) => [m.type, m.region]), [['status', 'UK']]);
  assert.equal(reply.config.region, 'UK');
  assert.equal(reply.plan.region, 'UK');
});

test('the popup\'s region hint comes from the config reply: no report is rendered for it', async () => {
  const bg = startBackground();
  await settle();
  bg.posted.length = 0;
  const status = await bg.fromPopup({ type: 'status' });
  assert.equal(status.status, 'ok');
  assert.deepEqual(status.regionHint, HINT);
  assert.ok(!bg.posted.some((m) => m.type === 'report'), `asked: ${bg.posted.map((m) => m.type)}`);
});
