/*
 * Popup wiring. Stable element ids (the e2e harness drives these):
 *   #host-status      connection box; data-status = connected | connecting | host_missing |
 *                     host_failed | incompatible; #host-status-text its text; #retry reconnects
 *   #start            "Start opt-out walkthrough" (disabled until the host answers)
 *   #walkthrough-message  what Start did; data-move = navigate | finished | already-there | unsafe-url
 *   #progress         "N of M done", with data-done / data-total; #progress-bar the <progress>
 *   #last-checked     when the host last saw any setting
 *   #drift            one <li data-drift-step> per setting that came back on (#drift-section hidden if none)
 *   #steps            one <li data-step="<id>" data-state="<state>" data-kind="toggle|form"
 *                     data-drift="true|false"> per walkthrough step, in the host's order
 *   #form-link-<id>   link to a form step (e.g. #form-link-objection-form)
 *   #mark-done-<id>   "Mark done" for a form step still to do (e.g. #mark-done-objection-form)
 *   #auto-switch      the "switch it for me" checkbox (storage.local key `autoSwitch`)
 *   #region, #open-report, #policy-note: see organisation-view.js
 * body[data-ready="true"] once the first status has been rendered.
 */
'use strict';

const t = (name, substitutions) => chrome.i18n.getMessage(name, substitutions);
const uiLocale = chrome.i18n.getUILanguage();
const formatTime = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(uiLocale, { dateStyle: 'medium', timeStyle: 'short' });
};

async function ask(message) {
  const reply = await chrome.runtime.sendMessage(message);
  if (!reply) throw new Error('no reply from the background');
  return reply;
}

// The organisation policy as last reported by the background; re-applied after every render.
let lastOptions = null;

function renderOrganisation(reply) {
  if ('options' in reply) lastOptions = reply.options;
  if ('config' in reply) {
    const stepTitle = (id) => t(LinkedOutPopupView.stepMessageName(id)) || id;
    LinkedOutOrganisationView.renderRegion(document, reply.config, lastOptions, t, reply.regionHint ?? null, stepTitle);
  }
  LinkedOutOrganisationView.renderPolicy(document, lastOptions, t);
}

async function refresh() {
  const reply = await ask({ type: 'status' });
  if (reply.status === 'ok') {
    LinkedOutPopupView.render(document, reply, t, formatTime);
    renderOrganisation(reply);
  }
  document.body.dataset.ready = 'true';
}

async function walkthrough(action, step) {
  const reply = await ask(step === undefined ? { type: 'walkthrough', action } : { type: 'walkthrough', action, step });
  if (reply.status === 'ok') {
    LinkedOutPopupView.render(document, reply, t, formatTime);
    renderOrganisation(reply);
    if (action === 'start') LinkedOutPopupView.renderMove(document, reply.move, t);
  } else {
    await refresh();
  }
}

function onError(err) {
  const text = document.getElementById('host-status-text');
  text.textContent = t('popupError', [err && err.message ? err.message : String(err)]);
}

document.addEventListener('DOMContentLoaded', () => {
  LinkedOutPopupView.localize(document, t);

  document.getElementById('start').addEventListener('click', () => {
    walkthrough('start').catch(onError);
  });
  document.getElementById('retry').addEventListener('click', () => {
    ask({ type: 'retry' }).then(refresh).catch(onError);
  });
  // Form steps are re-rendered on each status: one delegated listener serves every mark-done button.
  document.getElementById('steps').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-mark-done]');
    if (button) walkthrough('mark_done', button.dataset.markDone).catch(onError);
  });

  const autoSwitch = document.getElementById('auto-switch');
  chrome.storage.local.get('autoSwitch').then((stored) => {
    autoSwitch.checked = stored.autoSwitch === true;
  });
  autoSwitch.addEventListener('change', () => {
    chrome.storage.local.set({ autoSwitch: autoSwitch.checked });
  });

  document.getElementById('region').addEventListener('change', (event) => {
    const region = event.target.value || null;
    ask({ type: 'config', region }).then((reply) => {
      if (reply.status !== 'ok') return refresh();
      LinkedOutPopupView.render(document, reply, t, formatTime);
      renderOrganisation(reply);
      return undefined;
    }).catch(onError);
  });
  document.getElementById('open-report').addEventListener('click', () => {
    chrome.tabs.create({ url: chrome.runtime.getURL('report/report.html') }).catch(onError);
  });

  // An organisation's policy can arrive or change while the popup is open.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') refresh().catch(onError);
  });

  refresh().catch(onError);
});
