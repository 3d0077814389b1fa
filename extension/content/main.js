/*
 * Wires the content script: scans the settings page, sends its state through the background to
 * the host, applies the verdict. LinkedIn is a single-page app that changes the URL with
 * history.pushState, which the isolated world cannot hook, so the URL is re-checked on every DOM
 * mutation batch, popstate and Navigation API event. Re-scans are debounced; nothing polls forever.
 */
(function startLinkedOut() {
  'use strict';

  const scan = globalThis.LinkedOutScan;
  const highlight = globalThis.LinkedOutHighlight;
  const protocol = globalThis.LinkedOutProtocol;

  const DEBOUNCE_MS = 250;
  const MAX_WAIT_MS = 1000;
  const CONFIRM_TIMEOUT_MS = 2000;
  const CONFIRM_STEP_MS = 100;
  const WATCHED_ATTRIBUTES = ['aria-checked', 'aria-labelledby', 'checked', 'id', 'lang', 'role', 'type'];

  let currentUrl = location.href;
  let lastSentSignature = null;
  let debounceTimer = null;
  let firstPendingAt = 0;
  let autoSwitch = false;
  let autoSwitchTried = new Set();
  let sending = false;
  let rescanAfterSend = false;

  const t = (name, substitutions) => {
    try { return chrome.i18n.getMessage(name, substitutions) || name; } catch { return name; }
  };

  function scheduleScan(delay = DEBOUNCE_MS) {
    const now = Date.now();
    if (debounceTimer === null) {
      firstPendingAt = now;
    } else {
      // A page that never stops mutating still gets scanned at least once per MAX_WAIT_MS:
      // once the pending scan is due at the deadline, later mutations must not push it back
      // (resetting a 0 ms timer on every mutation would starve it on a fast-changing page).
      if (firstPendingAt + MAX_WAIT_MS <= now + delay) return;
      clearTimeout(debounceTimer);
    }
    const wait = Math.max(0, Math.min(delay, firstPendingAt + MAX_WAIT_MS - now));
    debounceTimer = setTimeout(() => {
      debounceTimer = null;
      scanAndSend();
    }, wait);
  }

  function onUrlMaybeChanged() {
    if (location.href === currentUrl) return false;
    currentUrl = location.href;
    highlight.clearAll(document);
    autoSwitchTried = new Set();
    lastSentSignature = null;
    scheduleScan();
    return true;
  }

  async function scanAndSend() {
    onUrlMaybeChanged();
    if (!protocol.isSettingsUrl(location.href)) return;
    if (sending) { rescanAfterSend = true; return; }
    const page = scan.scanPage(document, location.href);
    if (page.controls.length === 0) return; // not rendered yet: the observer will call again
    const signature = JSON.stringify(page);
    if (signature === lastSentSignature) return;
    lastSentSignature = signature;
    sending = true;
    let response;
    try {
      response = await chrome.runtime.sendMessage({ type: 'page_state', page });
    } catch {
      lastSentSignature = null; // background restarting or the extension was reloaded
      response = null;
    } finally {
      sending = false;
    }
    if (location.href === page.url && response) handleResponse(response);
    if (rescanAfterSend) {
      rescanAfterSend = false;
      scheduleScan(0);
    }
  }

  function handleResponse(response) {
    if (response.status === 'ok') {
      highlight.clearNotice(document);
      highlight.applyVerdict(document, response.verdict, t);
      if (autoSwitch && response.autoSwitchAllowed !== false) switchOffForUser(response.verdict);
    } else if (response.status === 'host_missing') {
      lastSentSignature = null; // retry on the next change, the user may install it meanwhile
      highlight.showNotice(document, t('noticeHostMissing'));
    } else if (response.status === 'host_forbidden') {
      lastSentSignature = null; // retry on the next change, the user may allow this id meanwhile
      highlight.showNotice(document, t('noticeHostForbidden'));
    } else {
      // Generic text only: the page can read this notice, and the host's message can name local
      // paths (/home/<user>/…). The popup shows why the host stopped.
      highlight.showNotice(document, t(response.code === 'host_failed' ? 'noticeHostFailed' : 'noticeHostError'));
    }
  }

  const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

  /** "Switch it for me": click once per switch and page visit, then trust only the read-back. */
  async function switchOffForUser(verdict) {
    for (const item of verdict.highlight) {
      if (autoSwitchTried.has(item.key)) continue;
      autoSwitchTried.add(item.key);
      const input = scan.findSwitch(document, item.key);
      if (!input || scan.checkedOf(input) !== true) continue;
      input.click();
      let confirmed = false;
      for (let waited = 0; waited <= CONFIRM_TIMEOUT_MS; waited += CONFIRM_STEP_MS) {
        const current = scan.findSwitch(document, item.key);
        if (current && scan.checkedOf(current) === false) { confirmed = true; break; }
        await sleep(CONFIRM_STEP_MS);
      }
      if (confirmed) scheduleScan(0);
      else highlight.markUnconfirmed(document, item.key, t('autoSwitchUnconfirmed'));
    }
  }

  function isOwnMutation(record) {
    if (record.type !== 'childList') return false;
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length > 0 && nodes.every((node) => highlight.isOwnNode(node));
  }

  const observer = new MutationObserver((records) => {
    if (onUrlMaybeChanged()) return;
    if (records.every(isOwnMutation)) return;
    scheduleScan();
  });
  observer.observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES,
  });

  // A flip changes .checked, which no mutation reports: listen for the change itself.
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.matches(scan.SWITCH_SELECTOR)) scheduleScan(50);
  }, true);
  window.addEventListener('popstate', () => onUrlMaybeChanged());
  window.addEventListener('hashchange', () => onUrlMaybeChanged());
  if (globalThis.navigation && typeof globalThis.navigation.addEventListener === 'function') {
    globalThis.navigation.addEventListener('navigatesuccess', () => onUrlMaybeChanged());
    globalThis.navigation.addEventListener('currententrychange', () => setTimeout(onUrlMaybeChanged, 0));
  }

  chrome.storage.local.get('autoSwitch').then((stored) => {
    autoSwitch = stored.autoSwitch === true;
  }, () => {});
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.autoSwitch) {
      autoSwitch = changes.autoSwitch.newValue === true;
      if (autoSwitch) { lastSentSignature = null; scheduleScan(0); }
    }
  });

  scheduleScan(0);
})();
