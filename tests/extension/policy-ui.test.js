// The organisation policy, the region and the report in the extension's UI (jsdom): the popup's
// region selector, required marks and "switch it for me" under a policy; the content script
// obeying allowAutoSwitch: false; the background's checks on config/report messages; the report
// page showing the host's HTML in a sandboxed frame.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, loadInContext, loadPage, plain, EXT_ID, messagesOf, translator } from './helpers.js';

const POPUP_URL = `chrome-extension://${EXT_ID}/popup/popup.html`;
const REPORT_URL = `chrome-extension://${EXT_ID}/report/report.html`;
const SETTINGS = 'https://www.linkedin.com/mypreferences/d/settings/';


const withoutScripts = (file) => fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8').replace(/<script[^>]*><\/script>/g, '');

const REGIONS = { EU: 'European Union and EEA', UK: 'United Kingdom', CH: 'Switzerland', CA: 'Canada', HK: 'Hong Kong', US: 'United States', OTHER: 'Anywhere else' };
const STATUS = {
  host: { status: 'connected', message: '', hello: { host_version: '0.1.0', protocol: 3, ruleset: { name: 'linkedin', version: '2026.11.1', count: 13 } } },
  plan: {
    type: 'walkthrough', active: false, region: null,
    steps: [
      { step: 'data-for-ai-improvement', kind: 'toggle', title: 'Data for Generative AI Improvement', url: `${SETTINGS}data-for-ai-improvement`, severity: 'ai-training', state: 'on', last_seen: null, drift: false },
      { step: 'ads-beyond-linkedin', kind: 'toggle', title: 'Ads off LinkedIn', url: `${SETTINGS}ads-beyond-linkedin`, severity: 'ads', state: 'off', last_seen: null, drift: false },
      { step: 'objection-form', kind: 'form', title: 'Data Processing Objection form', url: 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO', severity: 'ai-training', state: 'todo', guidance: 'Fill it in.', done_at: null },
    ],
    progress: { done: 1, total: 3, remaining: 2 },
    next: null,
  },
};

function openPopup(locale = 'en') {
  const page = loadPage(withoutScripts('popup/popup.html'), { url: POPUP_URL, files: ['lib/protocol.js', 'lib/walkthrough.js', 'popup/view.js', 'popup/organisation-view.js'] });
  const t = translator(locale);
  page.window.LinkedOutPopupView.localize(page.document, t);
  page.window.LinkedOutPopupView.render(page.document, STATUS, t);
  return { ...page, t, view: page.window.LinkedOutOrganisationView };
}

const { LinkedOutPolicy: policyLib } = loadInContext(['lib/policy.js']);

// ---- popup ----

// The host's config.regions in a UI language: the ruleset's names (the one place they are translated).
const RULESET = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, '../native-host/rules/linkedin.json'), 'utf8'));
const regionsIn = (locale) => Object.fromEntries(Object.entries(RULESET.regions).map(([code, names]) => [code, names[locale]]));

test('region: asked while unset, every ruleset region offered with the host\'s name for it', () => {
  for (const locale of ['en', 'de', 'fr']) {
    const { document, t, view } = openPopup(locale);
    const regions = regionsIn(locale);
    view.renderRegion(document, { region: null, regions }, policyLib.mergeOptions({}, {}), t);
    const section = document.getElementById('region-section');
    assert.equal(section.hidden, false);
    assert.equal(section.dataset.ask, 'true');
    const options = [...document.querySelectorAll('#region option')].map((o) => [o.value, o.textContent]);
    assert.deepEqual(options.map(([value]) => value), ['', ...Object.keys(regions)]);
    for (const [value, text] of options) {
      assert.ok(text.length > 0, `${locale}: region ${value} has a name`);
      if (value) assert.equal(text, regions[value], `${locale}: region ${value} named as the host names it`);
    }
    assert.equal(document.getElementById('region').value, '');
    assert.equal(document.getElementById('region').disabled, false);
    assert.equal(document.getElementById('region-help').textContent, t('regionHelp'));
  }
});

test('region: once set it is selected and no longer asked for', () => {
  const { document, t, view } = openPopup();
  view.renderRegion(document, { region: 'UK', regions: REGIONS }, policyLib.mergeOptions({ region: 'UK' }, {}), t);
  assert.equal(document.getElementById('region').value, 'UK');
  assert.equal(document.getElementById('region-section').dataset.ask, 'false');
});

test('region: with none set, the host\'s hint from the toggles LinkedIn showed is shown; gone once set', () => {
  const { document, t, view, window } = openPopup();
  const hint = { evidence: 'share-data-with-select-partners', ruled_out: ['CH', 'EU', 'UK'] };
  const partners = { step: 'share-data-with-select-partners', kind: 'toggle', title: 'Share data with affiliates and partners', url: `${SETTINGS}share-data-with-select-partners`, severity: 'ads', state: 'on', last_seen: null, drift: false };
  const stepTitle = window.LinkedOutPopupView.stepTitles({ ...STATUS.plan, steps: [...STATUS.plan.steps, partners] });
  view.renderRegion(document, { region: null, regions: REGIONS }, policyLib.mergeOptions({}, {}), t, hint, stepTitle);
  const box = document.getElementById('region-hint');
  assert.equal(box.hidden, false);
  assert.equal(box.textContent, 'LinkedIn showed you "Share data with affiliates and partners", which it does not show in Switzerland, European Union and EEA, United Kingdom: you are probably elsewhere.');
  view.renderRegion(document, { region: 'US', regions: REGIONS }, policyLib.mergeOptions({ region: 'US' }, {}), t, hint, stepTitle);
  assert.equal(box.hidden, true);
  view.renderRegion(document, { region: null, regions: REGIONS }, policyLib.mergeOptions({}, {}), t, null, stepTitle);
  assert.equal(box.hidden, true);
});

test('region: without a host config the selector stays hidden', () => {
  const { document, t, view } = openPopup();
  view.renderRegion(document, null, null, t);
  assert.equal(document.getElementById('region-section').hidden, true);
});

test('policy: a region set by the organisation locks the selector', () => {
  const { document, t, view } = openPopup();
  const options = policyLib.mergeOptions({ region: 'US' }, { region: 'CH' });
  view.renderRegion(document, { region: 'CH', regions: REGIONS }, options, t);
  assert.equal(document.getElementById('region').value, 'CH');
  assert.equal(document.getElementById('region').disabled, true);
  assert.equal(document.getElementById('region-help').textContent, 'Set by your organisation.');
});

test('policy: required settings are marked, "switch it for me" hidden when not allowed', () => {
  const { document, t, view } = openPopup();
  view.renderPolicy(document, policyLib.mergeOptions({ autoSwitch: true }, { requiredSettings: ['data-for-ai-improvement', 'objection-form'], allowAutoSwitch: false }), t);
  const required = [...document.querySelectorAll('#steps li[data-required="true"]')].map((li) => li.dataset.step);
  assert.deepEqual(required, ['data-for-ai-improvement', 'objection-form']);
  assert.equal(document.querySelector('[data-step="data-for-ai-improvement"] .step-required').textContent, 'Required by your organisation');
  assert.equal(document.querySelector('[data-step="ads-beyond-linkedin"] .step-required'), null);
  assert.equal(document.getElementById('auto-switch-option').hidden, true);
  assert.equal(document.getElementById('auto-switch').disabled, true);
  assert.equal(document.getElementById('auto-switch').checked, false);
  const note = document.getElementById('policy-note');
  assert.equal(note.hidden, false);
  assert.match(note.textContent, /pre-set LinkedOut/);
  assert.match(note.textContent, /turned off "Switch it for me"/);
  // Rendering again does not add a second mark.
  view.renderPolicy(document, policyLib.mergeOptions({}, { requiredSettings: ['data-for-ai-improvement'] }), t);
  assert.equal(document.querySelectorAll('[data-step="data-for-ai-improvement"] .step-required').length, 1);
  assert.equal(document.querySelector('[data-step="objection-form"]').dataset.required, undefined);
});

test('policy: none → nothing marked, the option visible, no note', () => {
  const { document, t, view } = openPopup();
  view.renderPolicy(document, policyLib.mergeOptions({}, {}), t);
  assert.equal(document.querySelectorAll('[data-required]').length, 0);
  assert.equal(document.getElementById('auto-switch-option').hidden, false);
  assert.equal(document.getElementById('auto-switch').disabled, false);
  assert.equal(document.getElementById('policy-note').hidden, true);
  assert.ok(document.getElementById('open-report'), 'the popup has an "Open report" button');
  assert.equal(document.getElementById('open-report').textContent, 'Open report');
});

// ---- background checks ----

test('background checks: config needs a region code or null, report a known format; the report page may ask', () => {
  const { LinkedOutMessages: M } = loadInContext(['lib/protocol.js', 'lib/messages.js']);
  const popup = { id: EXT_ID, url: POPUP_URL };
  const check = (msg, sender = popup, page = POPUP_URL) => plain(M.checkPopupMessage(msg, sender, EXT_ID, page));
  assert.equal(check({ type: 'config', region: 'EU' }).ok, true);
  assert.equal(check({ type: 'config', region: null }).ok, true);
  assert.equal(check({ type: 'config' }).field, 'region');
  assert.equal(check({ type: 'config', region: 'eu; drop' }).field, 'region');
  assert.equal(check({ type: 'config', region: 7 }).field, 'region');
  for (const format of ['md', 'html', 'json']) assert.equal(check({ type: 'report', format }).ok, true);
  assert.equal(check({ type: 'report', format: 'pdf' }).field, 'format');
  assert.equal(check({ type: 'report', format: 'html' }, { id: EXT_ID, url: REPORT_URL }, REPORT_URL).ok, true);
  assert.equal(check({ type: 'report', format: 'html' }, { id: 'other', url: REPORT_URL }, REPORT_URL).field, 'sender');
  assert.equal(check({ type: 'report', format: 'html' }, { id: EXT_ID, url: `${SETTINGS}x` }, REPORT_URL).field, 'sender');
});

// ---- content script ----

const switchRow = (key, label, on) => `<div><span id="${key}">${label}</span>
  <input type="checkbox" role="switch" aria-labelledby="${key}" aria-checked="${on}" ${on ? 'checked' : ''}></div>`;

function startContent({ autoSwitch, autoSwitchAllowed }) {
  const sent = [];
  const clicks = [];
  const page = loadPage(`<!doctype html><html lang="en"><body><main>${switchRow('allowDataForGenerativeAI', 'Use my data', true)}</main></body></html>`, {
    url: `${SETTINGS}data-for-ai-improvement`,
    files: ['lib/protocol.js', 'content/scan.js', 'content/highlight.js', 'content/main.js'],
    beforeScripts(window) {
      window.document.addEventListener('click', (event) => {
        clicks.push(event.target.getAttribute('aria-labelledby'));
        setTimeout(() => event.target.setAttribute('aria-checked', String(event.target.checked)), 30);
      });
      window.chrome = {
        runtime: {
          sendMessage: async (msg) => {
            sent.push(plain(msg));
            const on = msg.page.controls.filter((c) => c.checked);
            return {
              status: 'ok', autoSwitchAllowed,
              verdict: { type: 'verdict', url: msg.page.url, setting: 'data-for-ai-improvement', highlight: on.map((c) => ({ key: c.key, setting: 'data-for-ai-improvement', action: 'switch-off', severity: 'ai-training', reason: 'on', matched_by: 'key', control: msg.page.controls.indexOf(c) })), ok: msg.page.controls.filter((c) => c.checked === false).map((c) => ({ key: c.key, setting: 'data-for-ai-improvement', matched_by: 'key', control: msg.page.controls.indexOf(c) })), unknown: [], drift: [], progress: { done: 0, total: 1, remaining: 1 }, next: null, walkthrough: { active: false, still_on: on.length } },
            };
          },
        },
        i18n: { getMessage: (name) => name },
        storage: { local: { get: async () => ({ autoSwitch }) }, onChanged: { addListener: () => {} } },
      };
    },
  });
  return { ...page, sent, clicks };
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('content: the organisation forbids "switch it for me" → the page is only highlighted', async () => {
  const { document, sent, clicks } = startContent({ autoSwitch: true, autoSwitchAllowed: false });
  await sleep(1500);
  assert.equal(sent.length, 1);
  assert.deepEqual(clicks, []);
  assert.equal(document.querySelector('input').checked, true);
  assert.equal(document.querySelector('input').dataset.linkedout, 'switch-off');
});

test('content: allowed by the organisation and chosen by the member → it switches', async () => {
  const { document, clicks } = startContent({ autoSwitch: true, autoSwitchAllowed: true });
  const start = Date.now();
  while (document.querySelector('input').dataset.linkedout !== 'ok' && Date.now() - start < 5000) await sleep(20);
  assert.deepEqual(clicks, ['allowDataForGenerativeAI']);
  assert.equal(document.querySelector('input').checked, false);
});

// ---- report page ----

test('report page: the host\'s HTML goes into a sandboxed frame, with a link to save it', async () => {
  const content = '<!doctype html><html><head></head><body><h1>LinkedOut report</h1><p><a href="https://www.linkedin.com/mypreferences/d/settings/x">X</a>: Off</p></body></html>';
  const asked = [];
  const { document, window } = loadPage(withoutScripts('report/report.html'), {
    url: REPORT_URL,
    files: ['report/report.js'],
    beforeScripts(w) {
      w.URL.createObjectURL = (blob) => { asked.push(['blob', blob.type, blob.size]); return 'blob:report'; };
      w.chrome = {
        runtime: { sendMessage: async (msg) => { asked.push(plain(msg)); return { status: 'ok', report: { format: 'html', content, truncated: false } }; } },
        i18n: { getMessage: translator('en') },
      };
    },
  });
  const start = Date.now();
  while (document.body.dataset.ready !== 'true' && Date.now() - start < 3000) await sleep(10);
  assert.deepEqual(asked[0], { type: 'report', format: 'html' });
  const frame = document.getElementById('report-frame');
  // Sandboxed: no scripts, no same origin; a link may open a new tab, never load in the frame.
  assert.equal(frame.getAttribute('sandbox'), 'allow-popups allow-popups-to-escape-sandbox');
  assert.equal(frame.getAttribute('srcdoc'), '<!doctype html>\n<html><head></head><body><h1>LinkedOut report</h1><p>'
    + '<a href="https://www.linkedin.com/mypreferences/d/settings/x" target="_blank" rel="noopener noreferrer">X</a>: Off</p></body></html>');
  assert.equal(frame.hidden, false);
  const save = document.getElementById('save-report');
  assert.equal(save.hidden, false);
  assert.equal(save.getAttribute('href'), 'blob:report');
  assert.match(save.getAttribute('download'), /^linkedout-report-\d{4}-\d{2}-\d{2}\.html$/);
  assert.deepEqual(asked[1], ['blob', 'text/html', content.length]);
  assert.equal(document.getElementById('report-status').dataset.state, 'ready');
  assert.equal(document.title, 'LinkedOut report');
  assert.equal(frame.title, 'LinkedOut report', 'the frame is named from the locale files');
  window.close();
});

test('report page: a host error is shown, not a blank page', async () => {
  const { document } = loadPage(withoutScripts('report/report.html'), {
    url: REPORT_URL,
    files: ['report/report.js'],
    beforeScripts(w) {
      w.chrome = {
        runtime: { sendMessage: async () => ({ status: 'host_missing', code: 'host_missing', message: 'Specified native messaging host not found.' }) },
        i18n: { getMessage: translator('en') },
      };
    },
  });
  const start = Date.now();
  while (document.body.dataset.ready !== 'true' && Date.now() - start < 3000) await sleep(10);
  const status = document.getElementById('report-status');
  assert.equal(status.dataset.state, 'error');
  assert.equal(status.textContent, 'The report could not be made: Specified native messaging host not found.');
  assert.equal(document.getElementById('report-frame').hidden, true);
});
