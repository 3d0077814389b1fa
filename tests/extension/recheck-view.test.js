// The popup's re-check section (jsdom, the real popup.html): Check again / Stop, when the next
// re-check is due, the last run's summary with what came back on, could not be read and is new,
// and the reminder option (locked by an organisation's policy).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, loadPage, EXT_ID } from './helpers.js';

const messages = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, '_locales/de/messages.json'), 'utf8'));
const t = (name, subs = []) => (messages[name] ? messages[name].message.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '') : '');
const popupHtml = fs.readFileSync(path.join(EXTENSION_DIR, 'popup/popup.html'), 'utf8').replace(/<script[^>]*><\/script>/g, '');
const open = () => loadPage(popupHtml, {
  url: `chrome-extension://${EXT_ID}/popup/popup.html`,
  files: ['lib/protocol.js', 'lib/walkthrough.js', 'lib/recheck.js', 'popup/recheck-view.js'],
});

const check = (over = {}) => ({ reminder_days: null, last_full_check: null, next_due: null, due: false, due_reason: null, running: false, last: null, ...over });
const plan = (c) => ({ type: 'walkthrough', active: false, region: null, steps: [], progress: { done: 0, total: 0, remaining: 0 }, next: null, check: c });
const titles = { 'data-for-ai-improvement': 'Daten zur Verbesserung generativer KI', 'ads-by-age': 'Altersgruppe' };
const stepTitle = (id) => titles[id] ?? id;

test('no re-check yet, reminder off: Check again offered, no summary, 30 days proposed', () => {
  const { window, document } = open();
  window.LinkedOutRecheckView.render(document, plan(check()), null, t, { stepTitle });
  assert.equal(document.getElementById('recheck').hidden, false);
  assert.equal(document.getElementById('recheck').disabled, false);
  assert.equal(document.getElementById('recheck-stop').hidden, true);
  assert.equal(document.getElementById('recheck-summary').hidden, true);
  assert.equal(document.getElementById('check-status').textContent, 'Noch keine vollständige Prüfung.');
  assert.equal(document.getElementById('reminder').checked, false);
  assert.equal(document.getElementById('reminder-days').value, '30');
  assert.equal(document.getElementById('reminder-days').disabled, true);
  assert.equal(window.LinkedOutRecheckView.reminderFromForm(document), null);
});

test('running: Stop instead of Check again', () => {
  const { window, document } = open();
  window.LinkedOutRecheckView.render(document, plan(check({ running: true })), null, t, { stepTitle });
  assert.equal(document.getElementById('recheck').hidden, true);
  assert.equal(document.getElementById('recheck-stop').hidden, false);
  assert.equal(document.getElementById('check-status').dataset.running, 'true');
});

test('due: the popup says why; the last run lists back on, unreadable, not checked and new switches', () => {
  const { window, document } = open();
  const last = { started_at: 'a', ended_at: '2026-11-25T10:00:30Z', complete: false, off: [], on: ['data-for-ai-improvement'],
    unreadable: ['ads-by-age'], unchecked: ['member-cookies'], new_controls: [{ page: '/mypreferences/d/settings/ads-by-age', key: null, label: 'Intelligente Antworten' }] };
  window.LinkedOutRecheckView.render(document, plan(check({ reminder_days: 14, due: true, due_reason: 'ruleset_changed', last })), null, t, { stepTitle });
  const status = document.getElementById('check-status');
  assert.equal(status.dataset.due, 'true');
  assert.match(status.textContent, /neue Einstellungen/);
  const summary = document.getElementById('recheck-summary');
  assert.equal(summary.dataset.result, 'came-back-on');
  const findings = [...summary.querySelectorAll('li')].map((li) => [li.dataset.finding, li.textContent]);
  assert.deepEqual(findings, [
    ['on', 'War wieder an: Daten zur Verbesserung generativer KI'],
    ['unreadable', 'Nicht lesbar: Altersgruppe'],
    ['unchecked', 'Nicht geprüft (vorher angehalten): member-cookies'],
    ['new', 'Neu bei LinkedIn – bitte prüfen: „Intelligente Antworten“'],
  ]);
  assert.equal(document.getElementById('reminder').checked, true);
  assert.equal(document.getElementById('reminder-days').value, '14');
  assert.equal(window.LinkedOutRecheckView.reminderFromForm(document), 14);
});

test('page text from LinkedIn is shown as text, never as markup', () => {
  const { window, document } = open();
  const last = { started_at: 'a', ended_at: 'b', complete: true, off: [], on: [], unreadable: [], unchecked: [],
    new_controls: [{ page: '/x', key: null, label: '<img src=x onerror=alert(1)>' }] };
  window.LinkedOutRecheckView.render(document, plan(check({ last })), null, t, { stepTitle });
  assert.equal(document.querySelector('#recheck-summary img'), null);
  assert.equal(document.getElementById('recheck-summary').dataset.result, 'all-off');
});

test('an organisation policy locks the reminder to its interval', () => {
  const { window, document } = open();
  window.LinkedOutRecheckView.render(document, plan(check({ reminder_days: 7 })), { reminderLocked: true, reminderDays: 30 }, t, { stepTitle });
  assert.equal(document.getElementById('reminder').checked, true);
  assert.equal(document.getElementById('reminder').disabled, true);
  assert.equal(document.getElementById('reminder-days').value, '30');
  assert.equal(document.getElementById('reminder-days').disabled, true);
  assert.equal(document.getElementById('reminder-help').textContent, t('setByOrganisation'));
});

test('out-of-range days typed by the user are clamped to what the host accepts', () => {
  const { window, document } = open();
  window.LinkedOutRecheckView.render(document, plan(check({ reminder_days: 30 })), null, t, { stepTitle });
  document.getElementById('reminder-days').value = '9999';
  assert.equal(window.LinkedOutRecheckView.reminderFromForm(document), 365);
  document.getElementById('reminder-days').value = '0';
  assert.equal(window.LinkedOutRecheckView.reminderFromForm(document), 1);
});
