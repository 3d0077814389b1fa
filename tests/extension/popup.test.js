// Popup rendering (jsdom, the real popup.html); the locale files themselves: locales.test.js.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, loadPage, EXT_ID, messagesOf, translator } from './helpers.js';

// Every locale folder that exists, so one added later is covered too.
const LOCALES = fs.readdirSync(path.join(EXTENSION_DIR, '_locales'));

const popupHtml = fs.readFileSync(path.join(EXTENSION_DIR, 'popup/popup.html'), 'utf8')
  .replace(/<script[^>]*><\/script>/g, ''); // scripts are loaded by the helper instead
const openPopup = (locale = 'en') => {
  const page = loadPage(popupHtml, { url: `chrome-extension://${EXT_ID}/popup/popup.html`, files: ['lib/protocol.js', 'lib/walkthrough.js', 'popup/view.js'] });
  const t = translator(locale);
  page.window.LinkedOutPopupView.localize(page.document, t);
  return { ...page, t };
};

const STATUS = {
  host: { status: 'connected', message: '', hello: { host_version: '0.1.0', protocol: 3, ruleset: { name: 'linkedin', version: '2026.11.1', count: 13 } } },
  plan: {
    type: 'walkthrough', active: true, region: 'EU',
    steps: [
      { step: 'data-for-ai-improvement', kind: 'toggle', title: 'Data for Generative AI Improvement', url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', severity: 'ai-training', state: 'off', last_seen: '2026-11-25T10:00:00Z', drift: false },
      { step: 'ads-beyond-linkedin', kind: 'toggle', title: 'Ads off LinkedIn', url: 'https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin', severity: 'ads', state: 'on', last_seen: '2026-11-26T09:30:00Z', drift: true },
      { step: 'ads-related-actions', kind: 'toggle', title: 'Measure ad success', url: 'https://www.linkedin.com/mypreferences/d/settings/ads-related-actions', severity: 'ads', state: 'unseen', last_seen: null, drift: false },
      { step: 'share-data-with-select-partners', kind: 'toggle', title: 'Share data', url: 'https://www.linkedin.com/mypreferences/d/settings/share-data-with-select-partners', severity: 'ads', state: 'not_in_region', last_seen: null, drift: false },
      { step: 'objection-form', kind: 'form', title: 'Data Processing Objection form', url: 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO', severity: 'ai-training', state: 'todo', guidance: 'Fill it in.', done_at: null },
    ],
    progress: { done: 1, total: 4, remaining: 3 },
    next: { step: 'ads-beyond-linkedin', url: 'https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin' },
  },
};

test('renders each step with its state, last check, drift, progress and the form step', () => {
  const { window, document, t } = openPopup('en');
  window.LinkedOutPopupView.render(document, STATUS, t);
  const rows = [...document.querySelectorAll('#steps [data-step]')].map((li) => [li.dataset.step, li.dataset.state, li.querySelector('.step-state').textContent]);
  // What is still to do comes first (in the host's order), then what is done, then what does not apply.
  assert.deepEqual(rows, [
    ['ads-beyond-linkedin', 'on', 'Still on'], ['ads-related-actions', 'unseen', 'Not seen yet'],
    ['objection-form', 'todo', 'To do'], ['data-for-ai-improvement', 'off', 'Off'],
    ['share-data-with-select-partners', 'not_in_region', 'Not in your region'],
  ]);
  // One status word per row: an unseen setting says "Not seen yet" once, with no second "not checked".
  assert.equal(document.querySelector('[data-step="ads-related-actions"] .step-meta'), null);
  assert.equal(document.querySelector('[data-step="data-for-ai-improvement"] .step-meta').textContent, 'Checked 2026-11-25T10:00:00Z');
  assert.equal(document.getElementById('progress').textContent, '1 of 4 done');
  assert.equal(document.getElementById('progress').dataset.total, '4');
  assert.equal(document.getElementById('last-checked').textContent, 'Last checked: 2026-11-26T09:30:00Z');
  assert.equal(document.getElementById('drift-section').hidden, false);
  assert.deepEqual([...document.querySelectorAll('#drift li')].map((li) => li.textContent), ['Ads off LinkedIn was off before and is on again.']);
  assert.equal(document.querySelector('[data-step="ads-beyond-linkedin"]').dataset.drift, 'true');
  const link = document.getElementById('form-link-objection-form');
  assert.equal(link.href, 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
  assert.equal(link.rel, 'noopener noreferrer');
  const markDone = document.getElementById('mark-done-objection-form');
  assert.equal(markDone.tagName, 'BUTTON');
  assert.equal(markDone.dataset.markDone, 'objection-form');
  assert.equal(document.getElementById('host-status').dataset.status, 'connected');
  assert.equal(document.getElementById('start').disabled, false);
  assert.equal(document.getElementById('start').textContent, 'Continue — 3 left');
});

test('a done form shows its date and no button', () => {
  const { window, document, t } = openPopup('en');
  const plan = structuredClone(STATUS.plan);
  plan.steps[4] = { ...plan.steps[4], state: 'done', done_at: '2026-11-27' };
  window.LinkedOutPopupView.render(document, { ...STATUS, plan }, t);
  assert.equal(document.getElementById('mark-done-objection-form'), null);
  assert.match(document.querySelector('[data-step="objection-form"]').textContent, /Done on 2026-11-27/);
});

test('host missing: says how to install it, offers retry, disables start', () => {
  const { window, document, t } = openPopup('en');
  window.LinkedOutPopupView.render(document, { host: { status: 'host_missing', message: 'Specified native messaging host not found.', hello: null }, plan: null }, t);
  assert.equal(document.getElementById('host-status').dataset.status, 'host_missing');
  assert.match(document.getElementById('host-status-text').textContent, /run linkedout-host install/);
  assert.equal(document.getElementById('retry').hidden, false);
  assert.equal(document.getElementById('start').disabled, true);
  assert.equal(document.querySelectorAll('#steps li').length, 0);
});

test('German and French UIs: every static string is translated, none hard-coded', () => {
  for (const locale of ['de', 'fr']) {
    const { window, document, t } = openPopup(locale);
    window.LinkedOutPopupView.render(document, STATUS, t);
    assert.equal(document.documentElement.lang, locale);
    assert.equal(document.getElementById('start').textContent, messagesOf(locale).continueButton.message.replace('$1', '3'));
    // A step's name is the host's title (the ruleset's, in the UI language), never a second copy.
    assert.equal(document.querySelector('[data-step="data-for-ai-improvement"] .step-title').textContent,
      STATUS.plan.steps.find((s) => s.step === 'data-for-ai-improvement').title);
  }
  // popup.html carries no text of its own: everything visible comes from a data-i18n key
  const { document } = openPopup('en');
  const raw = fs.readFileSync(path.join(EXTENSION_DIR, 'popup/popup.html'), 'utf8');
  const texts = raw.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '').trim();
  assert.equal(texts, '', 'no hard-coded text in popup.html');
  for (const el of document.querySelectorAll('[data-i18n]')) assert.notEqual(el.textContent, '', el.dataset.i18n);
});

test('popup controls are reachable by keyboard (native buttons, checkbox with a label)', () => {
  const { window, document, t } = openPopup('en');
  window.LinkedOutPopupView.render(document, STATUS, t);
  for (const id of ['start', 'retry', 'mark-done-objection-form']) assert.equal(document.getElementById(id).tagName, 'BUTTON', id);
  const autoSwitch = document.getElementById('auto-switch');
  assert.equal(autoSwitch.type, 'checkbox');
  assert.ok(autoSwitch.closest('label'), 'the checkbox has a label');
  assert.equal(document.querySelectorAll('[tabindex]').length, 0, 'no custom tab order');
});

test('after Start the popup says what the walkthrough did', () => {
  const { window, document, t } = openPopup('en');
  const V = window.LinkedOutPopupView;
  V.renderMove(document, { action: 'finished' }, t);
  assert.equal(document.getElementById('walkthrough-message').dataset.move, 'finished');
  assert.match(document.getElementById('walkthrough-message').textContent, /^All done/);
  V.renderMove(document, { action: 'stay', why: 'already-there', step: 'x' }, t);
  assert.equal(document.getElementById('walkthrough-message').dataset.move, 'already-there');
  V.renderMove(document, { action: 'navigate', url: 'https://www.linkedin.com/mypreferences/d/settings/x', step: 'x' }, t);
  assert.equal(document.getElementById('walkthrough-message').textContent, 'Opening the next settings page…');
});

test('helper forbids this id: names the id and the one command, with a copy button; start disabled', () => {
  for (const locale of LOCALES) {
    const { window, document, t } = openPopup(locale);
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    window.LinkedOutPopupView.render(document, {
      host: { status: 'host_forbidden', message: 'Access to the specified native messaging host is forbidden.', hello: null },
      plan: null, extensionId: id,
    }, t);
    assert.equal(document.getElementById('host-status').dataset.status, 'host_forbidden');
    assert.equal(document.getElementById('host-status-text').textContent, messagesOf(locale).hostForbidden.message);
    assert.equal(document.getElementById('extension-id').textContent, id);
    assert.equal(document.getElementById('fix-command').textContent, `linkedout-host install --extension-id ${id}`);
    assert.equal(document.getElementById('host-fix').hidden, false);
    assert.equal(document.getElementById('copy-command').textContent, messagesOf(locale).copyCommand.message);
    assert.equal(document.getElementById('retry').hidden, false);
    assert.equal(document.getElementById('start').disabled, true);
  }
  // Any other state hides the fix.
  const { window, document, t } = openPopup('en');
  window.LinkedOutPopupView.render(document, STATUS, t);
  assert.equal(document.getElementById('host-fix').hidden, true);
});

const withStates = (states) => {
  const plan = structuredClone(STATUS.plan);
  plan.steps.forEach((step, i) => { step.state = states[i]; });
  const remaining = plan.steps.filter((step) => ['on', 'unseen', 'todo'].includes(step.state)).length;
  const done = plan.steps.filter((step) => ['off', 'done'].includes(step.state)).length;
  plan.progress = { done, total: done + remaining, remaining };
  return { ...STATUS, plan };
};

test('the primary button follows the state: start, continue with the count, the form, all done', () => {
  const cases = [
    [['unseen', 'unseen', 'unseen', 'not_in_region', 'todo'], 'start', 'Start opt-out walkthrough'],
    [['off', 'on', 'unseen', 'not_in_region', 'todo'], 'start', 'Continue — 3 left'],
    [['off', 'off', 'off', 'not_in_region', 'todo'], 'open-form', 'Open the objection form'],
    [['off', 'off', 'off', 'not_in_region', 'done'], 'check-again', 'All done — check again'],
  ];
  for (const [states, action, label] of cases) {
    const { window, document, t } = openPopup('en');
    window.LinkedOutPopupView.render(document, withStates(states), t);
    const start = document.getElementById('start');
    assert.equal(start.dataset.action, action, states.join());
    assert.equal(start.textContent, label);
    assert.equal(start.disabled, false);
    if (action === 'open-form') assert.equal(start.dataset.url, 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
  }
});

test('each setting row opens its page; forms keep their own link', () => {
  const { window, document, t } = openPopup('en');
  window.LinkedOutPopupView.render(document, STATUS, t);
  const link = document.getElementById('step-link-ads-beyond-linkedin');
  assert.equal(link.tagName, 'A');
  assert.equal(link.href, 'https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin');
  assert.equal(link.target, '_blank');
  assert.equal(link.rel, 'noopener noreferrer');
  assert.equal(link.textContent, 'Ads off LinkedIn');
  // A step whose URL is not LinkedIn's is shown but never linked.
  const plan = structuredClone(STATUS.plan);
  plan.steps[1].url = 'https://evil.example/';
  window.LinkedOutPopupView.render(document, { ...STATUS, plan }, t);
  assert.equal(document.getElementById('step-link-ads-beyond-linkedin'), null);
  assert.equal(document.querySelector('[data-step="ads-beyond-linkedin"] .step-title').textContent, 'Ads off LinkedIn');
});

test('helper missing: the walkthrough actions are disabled and the install guide is offered', () => {
  for (const locale of LOCALES) {
    const { window, document, t } = openPopup(locale);
    window.LinkedOutPopupView.render(document, { host: { status: 'host_missing', message: 'x', hello: null }, plan: null }, t);
    assert.equal(document.getElementById('start').disabled, true);
    assert.equal(document.getElementById('open-report').disabled, true);
    const guide = document.getElementById('install-guide');
    assert.equal(guide.hidden, false);
    assert.equal(guide.querySelector('summary').textContent, messagesOf(locale).installGuideLink.message);
    assert.match(guide.textContent, /linkedout-host install/);
    assert.match(guide.textContent, /linkedout-host doctor/);
    window.LinkedOutPopupView.render(document, STATUS, t);
    assert.equal(document.getElementById('install-guide').hidden, true);
    assert.equal(document.getElementById('open-report').disabled, false);
  }
});

test('helper missing: the install guide gives the steps for the user\'s OS (runtime.getPlatformInfo): the MSI on Windows, the .deb on Linux', () => {
  for (const locale of LOCALES) {
    const { window, document, t } = openPopup(locale);
    const missing = { host: { status: 'host_missing', message: 'x', hello: null }, plan: null };
    const guideText = () => document.getElementById('install-guide').textContent;
    window.LinkedOutPopupView.render(document, { ...missing, os: 'win' }, t);
    assert.equal(document.getElementById('install-guide').dataset.os, 'win');
    assert.match(guideText(), /linkedout-[^ ]*x64\.msi/, `${locale}: Windows gets the MSI`);
    assert.match(guideText(), /linkedout-host\.exe doctor/);
    assert.doesNotMatch(guideText(), /\.deb|Debian/);
    window.LinkedOutPopupView.render(document, { ...missing, os: 'linux' }, t);
    assert.equal(document.getElementById('install-guide').dataset.os, 'linux');
    assert.match(guideText(), /\.deb/, `${locale}: Linux gets the .deb`);
    assert.match(guideText(), /linkedout-host install/);
    assert.doesNotMatch(guideText(), /\.msi/);
  }
});

test('pages LinkedOut could not read: "switch X off by hand", with a link to where it is (LinkedIn URLs only)', () => {
  const { window, document, t } = openPopup('de');
  const url = 'https://www.linkedin.com/mypreferences/m/settings/ads-related-actions';
  window.LinkedOutPopupView.render(document, { ...STATUS, unreadable: {
    'ads-related-actions': url, 'data-for-ai-improvement': 'https://evil.example/', 'not-a-step': url,
  } }, t);
  assert.equal(document.getElementById('unreadable-section').hidden, false);
  const items = [...document.querySelectorAll('#unreadable li')];
  assert.deepEqual(items.map((li) => li.dataset.unreadableStep), ['data-for-ai-improvement', 'ads-related-actions']);
  const title = STATUS.plan.steps.find((s) => s.step === 'ads-related-actions').title;
  assert.ok(items[1].textContent.startsWith(`LinkedOut konnte diese Seite nicht lesen — schalten Sie „${title}“ selbst aus.`), items[1].textContent);
  assert.equal(items[1].querySelector('a').getAttribute('href'), url);
  assert.equal(items[0].querySelector('a'), null, 'never a link outside LinkedIn');
  window.LinkedOutPopupView.render(document, STATUS, t);
  assert.equal(document.getElementById('unreadable-section').hidden, true);
});

test('no helper, the built-in core answers: said once, what the helper adds folded, no install nagging, start enabled', () => {
  for (const locale of LOCALES) {
    const { document, window, t } = openPopup(locale);
    const host = { ...STATUS.host, backend: 'builtin', helper: 'host_missing' };
    window.LinkedOutPopupView.render(document, { ...STATUS, host }, t);
    const box = document.getElementById('host-status');
    assert.equal(box.dataset.status, 'connected', locale);
    assert.equal(box.dataset.backend, 'builtin', locale);
    assert.equal(document.getElementById('host-status-text').textContent, t('coreConnected', ['2026.11.1']), locale);
    assert.ok(t('coreConnected', ['x']).length > 0, `${locale} has coreConnected`);
    const adds = document.getElementById('helper-adds');
    assert.equal(adds.hidden, false, locale);
    assert.equal(adds.open, false, `${locale}: folded`);
    assert.equal(adds.querySelector('p').textContent, t('helperAdds'), locale);
    assert.equal(document.getElementById('install-guide').hidden, true, `${locale}: no install guide`);
    assert.equal(document.getElementById('retry').hidden, true, locale);
    assert.equal(document.getElementById('start').disabled, false, locale);
  }
  // The helper's own connection shows no such line.
  const { document, window, t } = openPopup('en');
  window.LinkedOutPopupView.render(document, STATUS, t);
  assert.equal(document.getElementById('helper-adds').hidden, true);
  assert.equal(document.getElementById('host-status').dataset.backend, 'helper');
  assert.match(document.getElementById('host-status-text').textContent, /^Helper 0\.1\.0 connected/);
});

test('no helper and the built-in core failed: says why and how to install the helper', () => {
  const { document, window, t } = openPopup('en');
  window.LinkedOutPopupView.render(document, { host: { status: 'core_failed', message: 'core/linkedout-core.js is missing', hello: null, backend: 'builtin', helper: 'host_missing' }, plan: null }, t);
  assert.match(document.getElementById('host-status-text').textContent, /built-in core did not start \(core\/linkedout-core\.js is missing\)/);
  assert.equal(document.getElementById('install-guide').hidden, false);
  assert.equal(document.getElementById('helper-adds').hidden, true);
  assert.equal(document.getElementById('retry').hidden, false);
});

test('a11y: each setting link is read with its state; no plan hides the empty list and quiets Start; unchanged text is not rewritten', () => {
  const { window, document, t } = openPopup('en');
  const View = window.LinkedOutPopupView;
  View.render(document, STATUS, t);
  const link = document.getElementById('step-link-ads-beyond-linkedin');
  const name = link.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).textContent).join(' ');
  assert.equal(name, 'Ads off LinkedIn Still on');
  assert.equal(document.getElementById('steps-section').hidden, false);
  assert.equal(document.getElementById('start').classList.contains('primary'), true);

  // The same status again: the live region's text node is the same node (nothing re-announced).
  const statusText = document.getElementById('host-status-text');
  const node = statusText.firstChild;
  View.render(document, STATUS, t);
  assert.equal(statusText.firstChild, node);

  View.render(document, { host: { status: 'host_missing', message: '' }, plan: null }, t);
  assert.equal(document.getElementById('steps-section').hidden, true, 'no "Settings" heading over an empty list');
  assert.equal(document.getElementById('install-guide').hidden, false);
  assert.equal(document.getElementById('install-guide').open, true, 'the install guide is unfolded');
  assert.equal(document.getElementById('start').disabled, true);
  assert.equal(document.getElementById('start').classList.contains('primary'), false, 'a Start that cannot work is not the primary button');
});

test('a11y: after "Mark done" focus stays in the row and one live region says the progress and the next action', () => {
  const { window, document, t } = openPopup('en');
  const View = window.LinkedOutPopupView;
  const done = structuredClone(STATUS);
  done.plan.steps[4] = { ...done.plan.steps[4], state: 'done', done_at: '2026-11-27T10:00:00Z' };
  done.plan.progress = { done: 2, total: 4, remaining: 2 };
  View.render(document, done, t);
  View.afterMarkDone(document, 'objection-form', t);
  assert.equal(document.activeElement.id, 'form-link-objection-form');
  assert.equal(document.getElementById('walkthrough-message').textContent, '2 of 4 done. Next: Continue — 2 left');
});
