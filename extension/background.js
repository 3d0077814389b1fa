/*
 * Background: the only place that talks to the native host. Validates every message from the
 * content script and the popup first, keeps the badge (settings still on) up to date and drives
 * the walkthrough tab. Chrome runs this file as a classic service worker and loads the shared
 * libraries with importScripts; Firefox lists them before this file in background.scripts.
 */
'use strict';

if (typeof importScripts === 'function' && typeof LinkedOutProtocol === 'undefined') {
  importScripts('lib/protocol.js', 'lib/walkthrough.js', 'lib/messages.js', 'lib/host-connection.js', 'lib/policy.js');
}

const { buildPageState, buildWalkthrough, buildConfig, buildReport } = LinkedOutProtocol;
const { HostConnection } = LinkedOutHostConnection;

const POPUP_URL = chrome.runtime.getURL('popup/popup.html');
const REPORT_URL = chrome.runtime.getURL('report/report.html');
// Time the user sees a page confirmed all-off before the walkthrough moves on.
const WALKTHROUGH_ADVANCE_DELAY_MS = 1200;
const WALKTHROUGH_TAB_KEY = 'walkthroughTabId';
const BADGE_COLORS = { count: '#c5221f', problem: '#7a4f01' };

const host = new HostConnection({
  connectNative: (name) => chrome.runtime.connectNative(name),
  // Chromium reports the reason in runtime.lastError, Firefox on port.error.
  lastErrorOf: (port) => (chrome.runtime.lastError && chrome.runtime.lastError.message) ||
    (port.error && port.error.message) || null,
  extensionVersion: chrome.runtime.getManifest().version,
  uiLanguage: chrome.i18n.getUILanguage(),
  onStateChange: (state) => {
    if (['host_missing', 'host_forbidden', 'host_failed', 'incompatible'].includes(state.status)) {
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

function updateBadge(plan) {
  const count = LinkedOutWalkthrough.stillOnCount(plan);
  setBadge(count > 0 ? String(count) : '', BADGE_COLORS.count);
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

// ---- content script: page_state → verdict ----

async function onPageState(page, sender) {
  const verdict = await host.request(buildPageState(undefined, page));
  if (verdict.type !== 'verdict') throw new Error(`expected a verdict, got ${verdict.type}`);
  followWalkthrough(verdict, sender.tab.id, page.url).catch(() => {});
  // The organisation's policy may forbid "switch it for me", whatever the member stored.
  const managed = await LinkedOutPolicy.readManagedPolicy(chrome.storage.managed);
  return { status: 'ok', verdict, autoSwitchAllowed: managed.policy.allowAutoSwitch !== false };
}

async function followWalkthrough(verdict, tabId, tabUrl) {
  const plan = await walkthroughPlan('status');
  const walkthroughTab = await getWalkthroughTab();
  if (walkthroughTab !== null && walkthroughTab !== tabId) return;
  const move = LinkedOutWalkthrough.afterVerdict({ active: plan.active, tabUrl, verdict });
  if (move.action === 'finished') await setWalkthroughTab(null);
  if (move.action !== 'navigate') return;
  setTimeout(() => {
    chrome.tabs.update(tabId, { url: move.url }).catch(() => {});
  }, WALKTHROUGH_ADVANCE_DELAY_MS);
}

// ---- popup: region and organisation policy ----

/** The host's config and the options after the organisation's policy; a policy region is applied. */
async function configAndOptions() {
  let config = await host.request(buildConfig(undefined));
  let options = await LinkedOutPolicy.loadEffectiveOptions(chrome.storage, config.region ?? null);
  if (options.policyProblems.length) console.warn('LinkedOut: managed policy entries ignored', options.policyProblems);
  if (options.regionLocked && config.region !== options.region) {
    config = await host.request(buildConfig(undefined, options.region));
    options = { ...options, region: config.region };
  }
  return { config, options, regionHint: config.region ? null : await regionHint() };
}

// With no region set: what the host infers from the toggles LinkedIn showed (report.json's
// region_hint, e.g. a toggle LinkedIn hides in the EU, UK and CH was seen). Only a hint.
async function regionHint() {
  try {
    const report = await host.request(buildReport(undefined, 'json'));
    const hint = JSON.parse(report.content).region_hint;
    return hint && typeof hint.evidence === 'string' && Array.isArray(hint.ruled_out) ? hint : null;
  } catch {
    return null;
  }
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
    return {
      status: 'ok', host: host.state, plan, problem, config: settings.config, options: settings.options,
      regionHint: settings.regionHint,
    };
  }
  if (msg.type === 'config') {
    const { options } = await configAndOptions();
    if (options.regionLocked) return { status: 'rejected', field: 'region', message: 'the region is set by your organisation' };
    const config = await host.request(buildConfig(undefined, msg.region));
    const plan = await walkthroughPlan('status');
    return { status: 'ok', host: host.state, plan, config, options: { ...options, region: config.region } };
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
    work = valid.ok ? onPageState(valid.page, sender)
      : Promise.resolve({ status: 'rejected', field: valid.field, message: valid.message });
  }
  work.then(sendResponse, (err) => sendResponse(errorReply(err)));
  return true; // the reply is asynchronous
});

async function refreshBadge() {
  try { await walkthroughPlan('status'); } catch { /* the state change already set the badge */ }
}

chrome.runtime.onStartup.addListener(refreshBadge);
chrome.runtime.onInstalled.addListener(refreshBadge);
