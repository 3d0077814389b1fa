/*
 * Background: the only place that talks to the native host. Validates every message from the
 * content script and the popup once, at the boundary; keeps the badge (settings still on) up to
 * date and drives the walkthrough tab; holds the organisation's policy, read once and cached. Chrome runs this file as a classic service worker and loads the shared
 * libraries with importScripts; Firefox lists them before this file in background.scripts.
 */
'use strict';

if (typeof importScripts === 'function' && typeof LinkedOutProtocol === 'undefined') {
  importScripts('lib/protocol.js', 'lib/walkthrough.js', 'lib/recheck.js', 'lib/recheck-driver.js', 'lib/messages.js',
    'lib/host-connection.js', 'lib/policy.js', 'lib/core-backend.js');
  // The built-in core (issue 24); when it was not built, the core reports core_failed.
  try { importScripts('core/linkedout-core.js'); } catch { /* LinkedOutCoreBackend says it is missing */ }
}

const { buildWalkthrough, buildConfig, buildReport } = LinkedOutProtocol;

const POPUP_URL = chrome.runtime.getURL('popup/popup.html');
const REPORT_URL = chrome.runtime.getURL('report/report.html');
// Time the user sees a page confirmed all-off before the walkthrough moves on.
const WALKTHROUGH_ADVANCE_DELAY_MS = 1200;
const WALKTHROUGH_TAB_KEY = 'walkthroughTabId';
const BADGE_COLORS = { count: '#c5221f', problem: '#7a4f01', due: '#0a66c2' };
// How often the badge re-asks the host whether a re-check is due (the host decides; this only
// refreshes what the toolbar shows).
const REMINDER_ALARM = 'linkedout-recheck-reminder';
const REMINDER_ALARM_MINUTES = 6 * 60;

// The helper when it is installed and allows this extension, else the built-in core
// (lib/core-backend.js): the same messages either way. The badge warns only when neither answers.
const host = LinkedOutCoreBackend.createForBrowser(chrome, {
  onStateChange: (state) => {
    if (['host_missing', 'host_forbidden', 'host_failed', 'incompatible', 'core_failed'].includes(state.status)) {
      setBadge('!', BADGE_COLORS.problem);
    }
  },
});

// ---- small helpers over browser APIs ----

const sessionStore = chrome.storage.session || null;
let walkthroughTabInMemory = null;

async function getWalkthroughTab() {
  if (!sessionStore) return walkthroughTabInMemory;
  const stored = await sessionStore.get(WALKTHROUGH_TAB_KEY);
  return Number.isInteger(stored[WALKTHROUGH_TAB_KEY]) ? stored[WALKTHROUGH_TAB_KEY] : null;
}

async function setWalkthroughTab(tabId) {
  walkthroughTabInMemory = tabId;
  if (!sessionStore) return;
  if (tabId === null) await sessionStore.remove(WALKTHROUGH_TAB_KEY);
  else await sessionStore.set({ [WALKTHROUGH_TAB_KEY]: tabId });
}

function setBadge(text, color) {
  chrome.action.setBadgeText({ text }).catch(() => {});
  if (text) chrome.action.setBadgeBackgroundColor({ color }).catch(() => {});
}

// The re-check state the host last reported (walkthrough replies carry it, verdicts do not): a
// due re-check shows on the badge when nothing is on.
let lastCheck = null;

function showStillOn(count) {
  const badge = LinkedOutRecheck.badge(count, lastCheck);
  setBadge(badge.text, BADGE_COLORS[badge.kind]);
  const title = badge.kind === 'due' ? chrome.i18n.getMessage('badgeRecheckDue') : '';
  chrome.action.setTitle({ title: title || 'LinkedOut' }).catch(() => {});
}

function updateBadge(plan) {
  if (plan.check) lastCheck = plan.check;
  showStillOn(LinkedOutWalkthrough.stillOnCount(plan));
}

function errorReply(err) {
  const code = err && err.code ? err.code : 'internal';
  const status = code === 'host_missing' || code === 'host_forbidden' ? code : 'error';
  return { status, code, message: err && err.message ? err.message : String(err) };
}

async function walkthroughPlan(action, step) {
  const plan = await host.request(buildWalkthrough(undefined, action, step));
  if (plan.type !== 'walkthrough') throw new Error(`expected a walkthrough reply, got ${plan.type}`);
  updateBadge(plan);
  return plan;
}

async function applyMove(move, tabId, openNewTab) {
  if (move.action !== 'navigate') return move;
  if (openNewTab || tabId === null) {
    const tab = await chrome.tabs.create({ url: move.url });
    await setWalkthroughTab(tab.id);
  } else {
    await chrome.tabs.update(tabId, { url: move.url });
    await setWalkthroughTab(tabId);
  }
  return move;
}

// ---- quick re-check: one tab, page after page (lib/recheck-driver.js) ----

const recheckSession = {
  inMemory: null,
  async get() {
    if (!sessionStore) return this.inMemory;
    const stored = await sessionStore.get(LinkedOutRecheckDriver.RUN_KEY);
    return stored[LinkedOutRecheckDriver.RUN_KEY] ?? null;
  },
  async set(run) {
    this.inMemory = run;
    if (!sessionStore) return;
    if (run === null) await sessionStore.remove(LinkedOutRecheckDriver.RUN_KEY);
    else await sessionStore.set({ [LinkedOutRecheckDriver.RUN_KEY]: run });
  },
};

const recheck = LinkedOutRecheckDriver.create({
  walkthrough: (action) => walkthroughPlan(action),
  createTab: (url) => chrome.tabs.create({ url }),
  updateTab: (tabId, url) => chrome.tabs.update(tabId, { url }),
  session: recheckSession,
  timers: globalThis,
});

chrome.tabs.onRemoved.addListener((tabId) => { recheck.onTabRemoved(tabId).catch(() => {}); });

// ---- organisation policy: read at start-up and when managed storage changes, never per message ----

const options = LinkedOutPolicy.createOptionsCache(chrome.storage, { onChange: applyPolicy });

async function applyPolicy(effective) {
  if (effective.policyProblems.length) console.warn('LinkedOut: managed policy entries ignored', effective.policyProblems);
  if (effective.reminderLocked) {
    try { await host.request(buildConfig(undefined, { reminder_days: effective.reminderDays })); } catch { /* pushed later */ }
  }
  if (!effective.regionLocked) return;
  // The host decides which steps are expected by region: give it the policy's now. If the host is
  // not reachable yet, configAndOptions() pushes it when the popup next asks.
  try { await host.request(buildConfig(undefined, effective.region)); } catch { /* pushed later */ }
}

options.refresh();
chrome.storage.onChanged.addListener((changes, areaName) => {
  if (LinkedOutPolicy.affectsOptions(changes, areaName)) options.refresh();
});

// Settings pages LinkedOut could not read (verdict page_unreadable), {step: url}, for the popup:
// the user must switch those off by hand. Kept for the browser session; a later readable visit
// of the same page clears its entry.
const UNREADABLE_KEY = 'unreadablePages';
let unreadableInMemory = {};

async function getUnreadablePages() {
  if (!sessionStore) return unreadableInMemory;
  const stored = await sessionStore.get(UNREADABLE_KEY);
  return stored[UNREADABLE_KEY] && typeof stored[UNREADABLE_KEY] === 'object' ? stored[UNREADABLE_KEY] : {};
}

async function rememberReadability(verdict, url) {
  if (typeof verdict.setting !== 'string') return;
  const pages = { ...(await getUnreadablePages()) };
  if (verdict.page_unreadable === true) pages[verdict.setting] = url;
  else if (verdict.setting in pages) delete pages[verdict.setting];
  else return;
  unreadableInMemory = pages;
  if (sessionStore) await sessionStore.set({ [UNREADABLE_KEY]: pages });
}

// ---- content script: page_state → verdict, one host round trip ----

async function onPageState(request, sender) {
  const [verdict, effective] = await Promise.all([host.request(request), options.get()]);
  if (verdict.type !== 'verdict') throw new Error(`expected a verdict, got ${verdict.type}`);
  showStillOn(verdict.walkthrough.still_on);
  await rememberReadability(verdict, request.url).catch(() => {});
  followWalkthrough(verdict, sender.tab.id, request.url).catch(() => {});
  // The organisation's policy may forbid "switch it for me", whatever the member stored.
  return { status: 'ok', verdict, autoSwitchAllowed: effective.autoSwitchAllowed };
}

async function followWalkthrough(verdict, tabId, tabUrl) {
  if (await recheck.onVerdict(verdict, tabId, tabUrl)) return;  // the re-check owns this tab
  const walkthroughTab = await getWalkthroughTab();
  if (walkthroughTab !== null && walkthroughTab !== tabId) return;
  const move = LinkedOutWalkthrough.afterVerdict({ active: verdict.walkthrough.active, tabUrl, verdict });
  if (move.action === 'finished') await setWalkthroughTab(null);
  if (move.action !== 'navigate') return;
  setTimeout(() => {
    chrome.tabs.update(tabId, { url: move.url }).catch(() => {});
  }, WALKTHROUGH_ADVANCE_DELAY_MS);
}

// ---- popup: region and organisation policy ----

/**
 * The host's config and the cached options with the host's region in. The config reply carries
 * the region hint (with no region set: what the toggles LinkedIn showed rule out).
 */
async function configAndOptions() {
  const effective = await options.get();
  let config = await host.request(buildConfig(undefined));
  if (effective.reminderLocked && config.reminder_days !== effective.reminderDays) {
    config = await host.request(buildConfig(undefined, { reminder_days: effective.reminderDays }));
  }
  if (effective.regionLocked && config.region !== effective.region) {
    config = await host.request(buildConfig(undefined, effective.region)); // the start-up push failed
  }
  return { config, options: LinkedOutPolicy.withHostRegion(effective, config.region), regionHint: config.region_hint };
}

// ---- popup ----

async function activeTab() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab || null;
}

async function onPopupMessage(msg, sender) {
  if (msg.type === 'retry') {
    host.disconnect();
    await host.connect().catch(() => {});
    return { status: 'ok', host: host.state };
  }
  if (msg.type === 'status') {
    let plan = null;
    let problem = null;
    let settings = { config: null, options: null, regionHint: null };
    // The region first: a policy region changes which steps the plan expects.
    try { settings = await configAndOptions(); } catch (err) { problem = errorReply(err); }
    try { plan = await walkthroughPlan('status'); } catch (err) { problem = errorReply(err); }
    const unreadable = await getUnreadablePages().catch(() => ({}));
    return {
      status: 'ok', host: host.state, plan, problem, config: settings.config, options: settings.options,
      regionHint: settings.regionHint, unreadable,
    };
  }
  if (msg.type === 'config') {
    const effective = await options.get();
    if (effective.regionLocked) return { status: 'rejected', field: 'region', message: 'the region is set by your organisation' };
    const config = await host.request(buildConfig(undefined, msg.region));
    const plan = await walkthroughPlan('status');
    return {
      status: 'ok', host: host.state, plan, config, options: LinkedOutPolicy.withHostRegion(effective, config.region),
      regionHint: config.region_hint,
    };
  }
  if (msg.type === 'recheck') {
    if (msg.action === 'stop') {
      const plan = await recheck.stop();
      return { status: 'ok', host: host.state, plan };
    }
    const { plan, move } = await recheck.start();
    return { status: 'ok', host: host.state, plan, move };
  }
  if (msg.type === 'reminder') {
    const { options } = await configAndOptions();
    if (options.reminderLocked) return { status: 'rejected', field: 'days', message: 'the reminder is set by your organisation' };
    const config = await host.request(buildConfig(undefined, { reminder_days: msg.days }));
    const plan = await walkthroughPlan('status');
    return { status: 'ok', host: host.state, plan, config, options };
  }
  if (msg.type === 'report') {
    const report = await host.request(buildReport(undefined, msg.format));
    if (report.type !== 'report') throw new Error(`expected a report, got ${report.type}`);
    return { status: 'ok', report: { format: report.format, content: report.content, truncated: report.truncated === true } };
  }
  // walkthrough actions
  const plan = await walkthroughPlan(msg.action, msg.step);
  let move = { action: 'stay', why: 'not-started' };
  if (msg.action === 'start') {
    // The popup opened as a page in a tab (tests, keyboard users) must not navigate itself away.
    const openNewTab = Boolean(sender.tab);
    const tab = openNewTab ? null : await activeTab();
    move = await applyMove(LinkedOutWalkthrough.onStart(plan, tab && tab.url), tab ? tab.id : null, openNewTab);
  } else if (msg.action === 'reset') {
    await setWalkthroughTab(null);
  }
  return { status: 'ok', host: host.state, plan, move };
}

// ---- routing ----

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Our own pages: the popup (as a popup or in a tab) and the report page.
  const page = typeof sender.url === 'string' ? [POPUP_URL, REPORT_URL].find((url) => sender.url.startsWith(url)) : undefined;
  let work;
  if (page) {
    const valid = LinkedOutMessages.checkPopupMessage(msg, sender, chrome.runtime.id, page);
    work = valid.ok ? onPopupMessage(msg, sender)
      : Promise.resolve({ status: 'rejected', field: valid.field, message: valid.message });
  } else {
    const valid = LinkedOutMessages.checkContentMessage(msg, sender, chrome.runtime.id);
    work = valid.ok ? onPageState(valid.request, sender)
      : Promise.resolve({ status: 'rejected', field: valid.field, message: valid.message });
  }
  work.then(sendResponse, (err) => sendResponse(errorReply(err)));
  return true; // the reply is asynchronous
});

async function refreshBadge() {
  try { await walkthroughPlan('status'); } catch { /* the state change already set the badge */ }
}

function scheduleReminder() {
  chrome.alarms.create(REMINDER_ALARM, { delayInMinutes: 1, periodInMinutes: REMINDER_ALARM_MINUTES });
}

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REMINDER_ALARM) refreshBadge();
});
chrome.runtime.onStartup.addListener(() => { scheduleReminder(); refreshBadge(); });
chrome.runtime.onInstalled.addListener(() => { scheduleReminder(); refreshBadge(); });
