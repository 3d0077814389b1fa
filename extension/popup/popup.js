/*
 * Popup wiring. Stable element ids (the e2e harness drives these):
 *   #host-status      connection box; data-status = connected | connecting | host_missing |
 *                     host_forbidden | host_failed | incompatible; #host-status-text its text;
 *                     #retry reconnects
 *   #host-fix         shown when host_forbidden: #extension-id (chrome.runtime.id), #fix-command
 *                     (the install command allowing it), #copy-command copies it (data-copied="true")
 *   #start            the primary button (disabled until the helper answers); data-action =
 *                     start ("Start opt-out walkthrough" / "Continue — N left") | open-form
 *                     (data-url, "Open the objection form") | check-again ("All done — check again")
 *   #install-guide    how to install the helper (shown when it is missing or forbids this id)
 *   #walkthrough-message  what Start did; data-move = navigate | finished | already-there | unsafe-url
 *   #progress         "N of M done", with data-done / data-total; #progress-bar the <progress>
 *   #last-checked     when the host last saw any setting
 *   #drift            one <li data-drift-step> per setting that came back on (#drift-section hidden if none)
 *   #steps            one <li data-step="<id>" data-state="<state>" data-kind="toggle|form"
 *                     data-drift="true|false"> per walkthrough step: still to do first, then done,
 *                     then not in the region, each group in the host's order
 *   #step-link-<id>   a setting's title, a link to its settings page
 *   #form-link-<id>   link to a form step (e.g. #form-link-objection-form)
 *   #mark-done-<id>   "Mark done" for a form step still to do (e.g. #mark-done-objection-form)
 *   #auto-switch      the "switch it for me" checkbox (storage.local key `autoSwitch`)
 *   #region, #open-report, #policy-note: see organisation-view.js
 *   #recheck, #recheck-stop, #check-status, #recheck-summary, #reminder: see recheck-view.js
 * body[data-ready="true"] once the first status has been rendered.
 */
'use strict';

const t = (name, substitutions) => chrome.i18n.getMessage(name, substitutions);
const uiLocale = chrome.i18n.getUILanguage();
const formatTime = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(uiLocale, { dateStyle: 'medium', timeStyle: 'short' });
};

// The OS, for the install guide's steps (the MSI on Windows, the .deb on Linux).
const platformInfo = typeof chrome.runtime.getPlatformInfo === 'function'
  ? Promise.resolve(chrome.runtime.getPlatformInfo()).catch(() => ({ os: '' })) : Promise.resolve({ os: '' });

async function ask(message) {
  const reply = await chrome.runtime.sendMessage(message);
  if (!reply) throw new Error('no reply from the background');
  // This copy's id: a store install's differs from the one the helper allows by default.
  const { os } = await platformInfo;
  const extensionVersion = typeof chrome.runtime.getManifest === 'function' ? chrome.runtime.getManifest().version : '';
  return { ...reply, extensionId: chrome.runtime.id, os, extensionVersion };
}

// The organisation policy as last reported by the background; re-applied after every render.
let lastOptions = null;

function renderOrganisation(reply) {
  if ('options' in reply) lastOptions = reply.options;
  if ('config' in reply) {
    const stepTitle = LinkedOutPopupView.stepTitles(reply.plan);
    LinkedOutOrganisationView.renderRegion(document, reply.config, lastOptions, t, reply.regionHint ?? null, stepTitle);
  }
  LinkedOutOrganisationView.renderPolicy(document, lastOptions, t);
}

function renderRecheck(reply) {
  const stepTitle = LinkedOutPopupView.stepTitles(reply.plan);
  LinkedOutRecheckView.render(document, reply.plan ?? null, lastOptions, t, { stepTitle, formatTime });
}

async function refresh() {
  const reply = await ask({ type: 'status' });
  if (reply.status === 'ok') {
    LinkedOutPopupView.render(document, reply, t, formatTime);
    renderOrganisation(reply);
    renderRecheck(reply);
  }
  document.body.dataset.ready = 'true';
}

async function walkthrough(action, step) {
  const reply = await ask(step === undefined ? { type: 'walkthrough', action } : { type: 'walkthrough', action, step });
  if (reply.status === 'ok') {
    LinkedOutPopupView.render(document, reply, t, formatTime);
    renderOrganisation(reply);
    renderRecheck(reply);
    if (action === 'start') LinkedOutPopupView.renderMove(document, reply.move, t);
    if (action === 'mark_done') LinkedOutPopupView.afterMarkDone(document, step, t);
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

  // The primary button does what its label says (view.js sets data-action from the plan): one
  // entry a data-action; anything else starts (or continues) the walkthrough.
  const primaryActions = {
    'open-form': ({ url }) => (url ? chrome.tabs.create({ url }) : walkthrough('start')),
    'check-again': () => {
      const recheck = document.getElementById('recheck');  // the quick re-check, where the popup has it
      return recheck ? Promise.resolve(recheck.click()) : walkthrough('start');
    },
    start: () => walkthrough('start'),
  };
  document.getElementById('start').addEventListener('click', (event) => {
    const { dataset } = event.currentTarget;
    const act = Object.hasOwn(primaryActions, dataset.action) ? primaryActions[dataset.action] : primaryActions.start;
    act(dataset).catch(onError);
  });
  const copy = document.getElementById('copy-command');
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(document.getElementById('fix-command').textContent).then(() => {
      copy.textContent = t('commandCopied');
      copy.dataset.copied = 'true';
    }).catch(onError);
  });
  document.getElementById('retry').addEventListener('click', () => {
    ask({ type: 'retry' }).then(refresh).catch(onError);
  });
  // Form steps are re-rendered on each status: one delegated listener serves every mark-done button.
  document.getElementById('steps').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-mark-done]');
    if (button) walkthrough('mark_done', button.dataset.markDone).catch(onError);
  });

  // Re-check: the background drives the tab; the popup shows where it stands.
  const recheckReply = (reply) => {
    if (reply.status !== 'ok') return refresh();
    LinkedOutPopupView.render(document, reply, t, formatTime);
    renderOrganisation(reply);
    renderRecheck(reply);
    return undefined;
  };
  document.getElementById('recheck').addEventListener('click', () => {
    ask({ type: 'recheck', action: 'start' }).then(recheckReply).catch(onError);
  });
  document.getElementById('recheck-stop').addEventListener('click', () => {
    ask({ type: 'recheck', action: 'stop' }).then(recheckReply).catch(onError);
  });
  const sendReminder = () => {
    ask({ type: 'reminder', days: LinkedOutRecheckView.reminderFromForm(document) }).then(recheckReply).catch(onError);
  };
  document.getElementById('reminder').addEventListener('change', sendReminder);
  document.getElementById('reminder-days').addEventListener('change', sendReminder);

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
