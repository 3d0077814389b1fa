/*
 * Wires the content script: scans the settings page, sends its state through the background to
 * the host, applies the verdict. LinkedIn is a single-page app that changes the URL with
 * history.pushState, which the isolated world cannot hook, so the URL is re-checked on every DOM
 * mutation batch, popstate and Navigation API event. Re-scans are debounced; nothing polls forever.
 *
 * The page's script owns the switches: it may put a failed save back by setting .checked (no
 * event, no attribute) and may update aria-checked late. So after any flip the switches are
 * re-read for REREAD_WINDOW_MS, and again when the tab becomes visible or gets focus; a
 * checked/aria-checked disagreement is reported as unreadable only once it outlasts SETTLE_MS.
 * After an SPA navigation the old page's DOM can linger under the new URL: switches that were
 * there before the path changed are never reported for the new path.
 *
 * Identity: every verdict entry names its control by `control`, the index in the controls sent;
 * the element at that index in the scan that produced the request is the one marked, clicked and
 * read back, never "the first switch with this key" (a page may give several switches no key, or
 * one key twice). That element must still read the key and label that were sent when the verdict
 * is applied and when it is clicked: a page that re-binds its rows in between gets no mark and no
 * click there, and a notice when a click was held back. Only switches the user can see are
 * reported (content/presence.js): a hidden
 * decoy with a setting's key is never marked or clicked.
 *
 * "Switch it for me" trusts its click only once the switch has read off for CLICK_HOLD_MS (LinkedIn
 * can put it back at once). A verdict that takes the page's one switch for its setting "by page"
 * is checked before it is applied (unsureByPage): a page still showing a loading sign, or (in
 * Chromium) a closed shadow root the scans did not ask for, may hold the real one.
 *
 * Never silent: a settings page that shows no switch LinkedOut can read within UNREADABLE_AFTER_MS
 * is still reported (with no controls), so the host can answer page_unreadable and the page
 * shows a notice telling the user to switch the setting off by hand.
 * Loading is not unreadable: LinkedIn's settings can take 8–12 s to appear. While the page is
 * still loading (spinner, skeleton, busy or empty main, document not complete) it says "waiting
 * for LinkedIn" instead; "could not read" only once the page has settled for SETTLED_QUIET_MS (or
 * kept loading past LOADING_LIMIT_MS, which is as settled as it will get).
 *
 * Settings also live in open shadow roots and same-origin iframes (scan.js finds them): each is
 * observed and listened to like the document, since neither mutations nor `change` cross into it.
 * Finding them means asking every element of the page for its shadow root (half a scan's time on
 * a large page), and the switches in them querying every tree: so scans keep the trees and each
 * tree's candidate switches (scan.treeTracker) and look only in the nodes the mutation records say
 * were added or re-roled. A shadow root attached to an element already in the page has no record,
 * nor has a class that makes one an artdeco toggle: the whole page is walked and queried at the
 * first scan, at navigation, when a frame loads, when the tab is shown again, while the page is
 * loading, and at most FULL_WALK_MS after any scan that looked at less (a timer makes that scan if
 * nothing else does).
 */
(function startLinkedOut() {
  'use strict';

  const scan = globalThis.LinkedOutScan;
  const highlight = globalThis.LinkedOutHighlight;
  const protocol = globalThis.LinkedOutProtocol;
  // jsdom (the unit tests) has no layout: there every switch counts as shown. A scan asks through
  // a checker made for it (each document's extent read once) and dropped with it.
  const presence = globalThis.LinkedOutPresence;
  const EVERYTHING_SHOWN = Object.freeze({ isShown: () => true });
  const presenceForScan = () => (presence ? presence.forScan() : EVERYTHING_SHOWN);
  const isShown = presence ? presence.isShown : EVERYTHING_SHOWN.isShown;

  const DEBOUNCE_MS = 250;
  const MAX_WAIT_MS = 1000;
  const CONFIRM_TIMEOUT_MS = 2000;
  const CONFIRM_STEP_MS = 100;
  // A switch "Switch it for me" clicked is reported, and counted done, only once it has read off
  // for this long: LinkedIn can put it back on a moment later (a save it refused).
  const CLICK_HOLD_MS = 1000;
  const REREAD_STEP_MS = 250;
  const REREAD_WINDOW_MS = 6000;
  const SETTLE_MS = 2000;
  const UNREADABLE_AFTER_MS = 4000;
  const SETTLED_QUIET_MS = 1500;
  const LOADING_LIMIT_MS = 30000;
  const LOADING_POLL_MS = 500;
  const WAITING_NOTICE_AFTER_MS = 1500;
  const FULL_WALK_MS = 1000;
  const MAX_BY_PAGE_SWITCHES = 2;
  const WATCHED_ATTRIBUTES = ['aria-checked', 'aria-pressed', 'aria-labelledby', 'checked', 'id', 'lang', 'role', 'type'];
  // The watched attributes that can make an element a switch, or stop it being one.
  const CANDIDACY_ATTRIBUTES = new Set(['aria-pressed', 'role', 'type']);

  let currentUrl = location.href;
  // The switches last reported for this path and what was read from them (kept as the scan made
  // them: the element → key+label map is built only at navigation), and those of the path before
  // (element → key+label). The URL change may be noticed only in the mutation batch that brings
  // the new page, so the old page's switches are the ones reported under the old path, not those
  // present now.
  let reportedElements = [];
  let reportedControls = [];
  let staleSwitches = new Map();
  // Their keys+labels, sorted: an app may re-mount the old page's rows (new elements, same
  // markup) under the new URL before the new page's data comes; they are the old page's.
  let previousPage = [];
  // When each switch was first seen with .checked and aria-checked disagreeing.
  let disagreeingSince = new WeakMap();
  // When "Switch it for me" clicked each switch (see CLICK_HOLD_MS).
  const clickedAt = new WeakMap();
  let rereadTimer = null;
  let rereadUntil = 0;
  let pageShownAt = Date.now();
  let settledAt = null;
  let waitingShown = false;
  const watchedTrees = new WeakSet();
  // The trees (document, open shadow roots, frames) kept between scans, and when the whole page
  // was last walked for them; fullWalkWanted: the next scan walks it whole.
  const treeTracker = scan.treeTracker(document);
  const scanList = [];  // reused by every scan (see scanAndSend)
  let lastFullWalkAt = -Infinity;
  let fullWalkWanted = true;
  let fullWalkTimer = null;
  // The page last sent (null: send the next scan whatever it reads) and its switches.
  let lastSentPage = null;
  let lastSentSwitches = [];
  let debounceTimer = null;
  let firstPendingAt = 0;
  let autoSwitch = false;
  let autoSwitchTried = new WeakSet();
  // Focus is brought to the highlighted switch once per page visit (see highlight.focusFirstSwitch),
  // and again when the page re-rendered away the element focus was on: focus then sits on the
  // body, and a keyboard or screen-reader user would start again from the top of the page.
  // A switch that had focus is remembered as its setting too (key and label): redrawn, it is a new
  // element, and focus goes back to that one, highlighted or already off (see restoreFocus).
  let focusOffered = false;
  let lastFocused = null;
  let lastFocusedIdentity = null;
  document.addEventListener('focusin', (event) => {
    lastFocused = event.composedPath()[0] || event.target;
    lastFocusedIdentity = scan.controlAround(lastFocused) === lastFocused ? identityOf(lastFocused) : null;
  }, true);
  const focusLostToRerender = () => lastFocused !== null && !lastFocused.isConnected;
  let sending = false;
  let rescanAfterSend = false;
  // "Switch it for me" held back a click because the switch changed between the scan and the
  // click: the notice that says so stays until the page reads done or the user leaves it.
  let refusalNotice = null;
  // Verdicts in a row whose elements changed while they were applied (see handleResponse).
  let unfitVerdicts = 0;
  const MAX_UNFIT_VERDICTS = 3;

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

  const pathOf = (url) => { try { return new URL(url).pathname.replace(/\/+$/, ''); } catch { return url; } };

  function onUrlMaybeChanged() {
    if (location.href === currentUrl) return false;
    const samePath = pathOf(location.href) === pathOf(currentUrl);
    currentUrl = location.href;
    if (samePath) {
      scheduleScan(); // a query or fragment change: same page, same switches
      return false;
    }
    fullWalkWanted = true;
    staleSwitches = new Map(reportedElements.map((el, i) => [el, identityOfControl(reportedControls[i])]));
    previousPage = [...staleSwitches.values()].sort();
    reportedElements = [];
    reportedControls = [];
    pageShownAt = Date.now();
    settledAt = null;
    waitingShown = false;
    highlight.clearAll(document);
    autoSwitchTried = new WeakSet();
    focusOffered = false;
    refusalNotice = null;
    unfitVerdicts = 0;
    lastSentPage = null;
    scheduleScan();
    return true;
  }

  const identityOfControl = (control) => `${control.key}\u0000${control.label}`;
  const identityOf = (el) => identityOfControl({ key: scan.keyOf(el), label: scan.labelOf(el) });

  /** The element still is the control that was sent: connected, same key, same label. */
  const stillSent = (el, sent) => Boolean(el && sent) && el.isConnected
    && scan.keyOf(el) === sent.key && scan.labelOf(el) === sent.label;

  /** A switch left over from the previous page (same element, same key and label). */
  function isStale(el) {
    return staleSwitches.has(el) && staleSwitches.get(el) === identityOf(el);
  }

  /**
   * The switches shown are exactly the previous page's, by key and label (new elements: the app
   * re-mounted the old page under the new URL). They are never reported for this page: a verdict
   * comes only from the page's own switches. A page that really is identical to the one before
   * gets the "could not read" notice: a notice, not a guess. One switch more, less or different
   * and the page is judged as it is (a category page's switches, then one of them on its own page).
   */
  function looksLikePreviousPage(switches) {
    if (previousPage.length === 0 || switches.length !== previousPage.length) return false;
    const now = switches.map(identityOf).sort();
    return now.every((identity, i) => identity === previousPage[i]);
  }

  // A frame smaller than this cannot show a switch and its label (a tracking pixel): not counted.
  const MIN_FRAME_PX = 16;
  const boundingBox = Element.prototype.getBoundingClientRect;
  function bigEnoughForASwitch(frame) {
    const box = boundingBox.call(frame);
    return box.width >= MIN_FRAME_PX && box.height >= MIN_FRAME_PX;
  }

  // A frame too small or hidden to count may grow or show later (an embed sized by its content
  // once loaded): no attribute LinkedOut watches says so, its size does.
  const framesSized = new WeakSet();
  const frameSizes = typeof ResizeObserver === 'function' ? new ResizeObserver(() => scheduleScan()) : null;
  function watchFrameSize(frame) {
    if (frameSizes === null || framesSized.has(frame)) return;
    framesSized.add(frame);
    frameSizes.observe(frame);
  }

  /**
   * Ms until every checked/aria-checked disagreement has lasted SETTLE_MS and every switch
   * "Switch it for me" clicked has had CLICK_HOLD_MS to be put back (0: report now).
   */
  function settleWait(switches) {
    const now = Date.now();
    let wait = 0;
    for (const el of switches) {
      const clicked = clickedAt.get(el);
      if (clicked !== undefined) {
        if (now - clicked < CLICK_HOLD_MS) wait = Math.max(wait, clicked + CLICK_HOLD_MS - now);
        else clickedAt.delete(el);
      }
      if (!scan.isDisagreeing(el)) { disagreeingSince.delete(el); continue; }
      if (!disagreeingSince.has(el)) disagreeingSince.set(el, now);
      wait = Math.max(wait, disagreeingSince.get(el) + SETTLE_MS - now);
    }
    return wait;
  }

  /** Re-read the switches every REREAD_STEP_MS for the next `ms` (a flip, a save, a revert). */
  function rereadFor(ms = REREAD_WINDOW_MS) {
    rereadUntil = Math.max(rereadUntil, Date.now() + ms);
    if (rereadTimer !== null) return;
    const tick = () => {
      rereadTimer = null;
      scheduleScan(0);
      if (Date.now() < rereadUntil) rereadTimer = setTimeout(tick, REREAD_STEP_MS);
    };
    rereadTimer = setTimeout(tick, REREAD_STEP_MS);
  }

  async function scanAndSend() {
    onUrlMaybeChanged();
    if (!protocol.isSettingsUrl(location.href)) return;
    if (sending) { rescanAfterSend = true; return; }
    const pageTrees = treesForScan();
    watchTrees(pageTrees);
    const shown = presenceForScan();
    // The candidates in a list kept for every scan (switchesIn writes it from its start), the
    // shown ones kept in place, then copied at their exact size: a scan grows no list (what it
    // allocates, its GC pauses cost). Let go of after each scan by nulling its entries, not by
    // setting its length to 0: that frees its room, and the next scan grew it back.
    const found = scan.switchesIn(document, pageTrees, treeTracker.candidatesOf, scanList);
    let kept = 0;
    for (let i = 0; i < found.length; i += 1) if (!isStale(found[i]) && shown.isShown(found[i])) found[kept++] = found[i];
    // A shown frame LinkedOut cannot read, beside switches it can: reported as a switch that
    // cannot be read (the page's setting may be in it). With no switch at all the page takes the
    // path below (waiting for LinkedIn, then "could not read").
    if (kept > 0) {
      const unseen = treeTracker.unreadableFrames();
      for (let i = 0; i < unseen.length; i += 1) {
        watchFrameSize(unseen[i]);
        if (bigEnoughForASwitch(unseen[i]) && shown.isShown(unseen[i])) found[kept++] = unseen[i];
      }
    }
    found.length = kept;
    // The same switches as sent, each reading as it was sent: nothing to tell, and nothing built
    // to find that out (no copy of the list, no control objects: most scans end here).
    if (unchangedSinceSent(found)) {
      settledAt = null;
      reportedElements = lastSentSwitches;
      reportedControls = lastSentPage.controls;
      found.fill(null);
      return;
    }
    let switches = found.slice();
    found.fill(null);
    if (looksLikePreviousPage(switches)) switches = [];
    if (switches.length === 0) {
      // Not rendered yet (the observer calls again), or nothing here LinkedOut can read: once the
      // page has settled, and UNREADABLE_AFTER_MS have passed, report it with no controls.
      const now = Date.now();
      if (now - pageShownAt < LOADING_LIMIT_MS && scan.pageLoading(document, pageTrees)) {
        settledAt = null;
        fullWalkWanted = true;  // a loading page's components attach their shadow roots in place
        if (now - pageShownAt >= WAITING_NOTICE_AFTER_MS) {
          waitingShown = true;
          highlight.showNotice(document, t('noticeWaitingForLinkedIn'), t);
        }
        scheduleScan(LOADING_POLL_MS); // readyState and frames change without a mutation here
        return;
      }
      if (settledAt === null) settledAt = now;
      const left = Math.max(pageShownAt + UNREADABLE_AFTER_MS, settledAt + SETTLED_QUIET_MS) - now;
      if (left > 0) { scheduleScan(left); return; }
    } else {
      settledAt = null;
    }
    // One switch (two: one may be left alone) is matched "by page" when nothing else claims the
    // page. In Chromium the scans do not ask elements with children for a closed shadow root (an
    // extension API call each): asked before such a page is sent (each element once), a switch
    // in one is read, not missed beside the lone one (the host would record that one).
    const fewSwitches = switches.length > 0 && switches.length <= MAX_BY_PAGE_SWITCHES;
    if (fewSwitches && treeTracker.probeClosedRoots()) {
      fullWalkWanted = true;
      scheduleScan(0);
      return;
    }
    // While the page still shows a loading sign (a skeleton row filled in on scroll, a
    // spinner) another may be coming: nothing is sent (the host would record the lone one), as
    // for a page with none yet.
    if (fewSwitches && Date.now() - pageShownAt < LOADING_LIMIT_MS && scan.pageShowsLoadingSign(pageTrees)) {
      if (Date.now() - pageShownAt >= WAITING_NOTICE_AFTER_MS) {
        waitingShown = true;
        highlight.showNotice(document, t('noticeWaitingForLinkedIn'));
      }
      scheduleScan(LOADING_POLL_MS);
      return;
    }
    if (waitingShown) {
      waitingShown = false;
      highlight.clearNotice(document);
    }
    const wait = settleWait(switches);
    if (wait > 0) { scheduleScan(wait); return; }
    const page = { url: location.href, lang: scan.langOf(document), controls: switches.map(scan.readControl) };
    // Each switch's identity comes from what was just read (its key and label), not read again.
    reportedElements = switches;
    reportedControls = page.controls;
    // The same switches, read the same: nothing new to ask (the elements too: a re-render of
    // identical rows is new elements, and the verdict must land on them). Compared field by
    // field: no text is built for a page that did not change (most scans).
    if (samePage(page, lastSentPage) && sameElements(switches, lastSentSwitches)) return;
    lastSentSwitches = switches;
    lastSentPage = page;
    sending = true;
    let response;
    try {
      response = await chrome.runtime.sendMessage({ type: 'page_state', page });
    } catch {
      lastSentPage = null; // background restarting or the extension was reloaded
      response = null;
    } finally {
      sending = false;
    }
    if (location.href === page.url && response) handleResponse(response, switches, page.controls, pageTrees);
    if (rescanAfterSend) {
      rescanAfterSend = false;
      scheduleScan(0);
    }
  }

  /**
   * What the full path below would conclude for `found` without sending: the page last sent, the
   * same elements in the same order, each reading as sent, no notice to clear, no disagreement
   * still settling. (A list of no switches takes the full path: it has its own timing.)
   */
  function unchangedSinceSent(found) {
    if (lastSentPage === null || found.length === 0 || waitingShown) return false;
    if (lastSentPage.url !== location.href || !sameElements(found, lastSentSwitches)) return false;
    if (lastSentPage.lang !== scan.langOf(document) || settleWait(found) > 0) return false;
    const controls = lastSentPage.controls;
    for (let i = 0; i < found.length; i += 1) if (!scan.readsAs(found[i], controls[i])) return false;
    return true;
  }

  const sameElements = (a, b) => a.length === b.length && a.every((el, i) => el === b[i]);

  /** Whether two page_state pages say the same: what comparing their JSON would tell. */
  function samePage(a, b) {
    if (!b || a.url !== b.url || a.lang !== b.lang || a.controls.length !== b.controls.length) return false;
    for (let i = 0; i < a.controls.length; i += 1) if (!sameFields(a.controls[i], b.controls[i])) return false;
    return true;
  }

  /** Same fields, same values: every field readControl gives, so a field added there is compared too. */
  function sameFields(x, y) {
    let fields = 0;
    for (const name in x) {
      if (x[name] !== y[name]) return false;
      fields += 1;
    }
    for (const name in y) fields -= 1;  // (for-in builds no list of names)
    return fields === 0;
  }

  /**
   * The page's trees for this scan: the whole page walked when wanted or when the last full walk
   * is FULL_WALK_MS old, else the kept trees and the added nodes only; then a full walk is made
   * FULL_WALK_MS after the last one, by a scan of its own if no other scan comes first.
   */
  function treesForScan() {
    const now = Date.now();
    const full = fullWalkWanted || now - lastFullWalkAt >= FULL_WALK_MS;
    const found = treeTracker.trees(full);
    if (full) {
      fullWalkWanted = false;
      lastFullWalkAt = now;
      if (fullWalkTimer !== null) { clearTimeout(fullWalkTimer); fullWalkTimer = null; }
    } else if (fullWalkTimer === null) {
      fullWalkTimer = setTimeout(() => {
        fullWalkTimer = null;
        fullWalkWanted = true;
        scheduleScan(0);
      }, Math.max(0, lastFullWalkAt + FULL_WALK_MS - now));
    }
    return found;
  }

  /** Every element the verdict marks still reads as the control that was sent. */
  function verdictStillFits(verdict, switches, controls) {
    return [...verdict.highlight, ...verdict.ok].every((item) => !Number.isInteger(item.control)
      || stillSent(switches[item.control], controls[item.control]));
  }

  function refuse(item) {
    refusalNotice = t('autoSwitchPageChanged', [settingName(item.setting)]);
    highlight.showNotice(document, refusalNotice, t);
  }

  const NO_MARKS = { highlight: [], ok: [], unknown: [] };

  const byPage = (verdict) => [...verdict.highlight, ...verdict.ok].some((item) => item.matched_by === 'page');

  /**
   * A verdict that takes a switch for the page's setting only because it is the one switch the
   * scan found, or that finds no switch at all on the setting's page: true when the page may
   * still hold one LinkedOut missed (then nothing of the verdict is applied). In Chromium, closed
   * shadow roots on elements with children are looked for (the scans ask only custom and
   * childless elements: the extension API costs microseconds an element; scanAndSend asks before
   * it sends one or two switches); found, the page is scanned again with them. While the page
   * still shows a loading sign (a skeleton row to be filled on scroll, a spinner) past the
   * loading limit, it says it could not read the page rather than take the lone switch.
   */
  function unsureByPage(verdict, controls, trees) {
    const lone = byPage(verdict);
    if (!lone && !(verdict.page_unreadable === true && controls.length === 0)) return false;
    if (treeTracker.probeClosedRoots()) {
      fullWalkWanted = true;
      lastSentPage = null;
      scheduleScan(0);
      return true;
    }
    if (!lone || !scan.pageShowsLoadingSign(trees)) return false;
    highlight.applyVerdict(document, NO_MARKS, [], t);
    lastSentPage = null;
    if (Date.now() - pageShownAt < LOADING_LIMIT_MS) {
      waitingShown = true;
      highlight.showNotice(document, t('noticeWaitingForLinkedIn'));
      scheduleScan(LOADING_POLL_MS);
    } else {
      highlight.showNotice(document, t('noticePageUnreadable', [settingName(verdict.setting)]), t);
    }
    return true;
  }

  function handleResponse(response, switches, controls, trees) {
    if (response.status === 'ok') {
      const verdict = response.verdict;
      if (typeof response.settingTitle === 'string') knownTitle = { id: verdict.setting, title: response.settingTitle };
      if (unsureByPage(verdict, controls, trees)) return;
      // "Switch it for me" asks whether each switch to click is shown before anything is written
      // (the notice, the marks): asked after, it would force their layout inside this task (the
      // browser makes it at its next frame otherwise). Nothing but this task's own writes comes
      // in between.
      const clicking = autoSwitch && response.autoSwitchAllowed !== false;
      const shownBeforeMarks = clicking ? shownToClick(verdict, switches) : null;
      if (verdict.page_unreadable === true) {
        highlight.showNotice(document, t('noticePageUnreadable', [settingName(verdict.setting)]), t);
      } else if (refusalNotice !== null && verdict.highlight.length > 0) {
        highlight.showNotice(document, refusalNotice, t);
      } else {
        refusalNotice = null;
        highlight.clearNotice(document);
      }
      let applied = highlight.applyVerdict(document, verdict, switches, t);
      // The page re-bound a control to another setting while the verdict was applied (a list
      // re-sorted on an attribute LinkedOut set): its mark would be another setting's. Take the
      // marks back, click nothing, and judge the page as it is now.
      if (!verdictStillFits(verdict, switches, controls)) {
        applied = highlight.applyVerdict(document, NO_MARKS, [], t);
        const wanted = verdict.highlight.find((item) => item.action === 'switch-off');
        if (autoSwitch && response.autoSwitchAllowed !== false && wanted) refuse(wanted);
        lastSentPage = null;
        unfitVerdicts += 1;
        // A page that re-binds its rows every time is not read: it is said, never left silent
        // (and not re-scanned at once any more: its own next change brings the next scan).
        if (unfitVerdicts >= MAX_UNFIT_VERDICTS) {
          highlight.showNotice(document, t('noticePageUnreadable', [settingName(verdict.setting)]), t);
        } else {
          scheduleScan(0);
        }
        return;
      }
      unfitVerdicts = 0;
      if (focusLostToRerender()) restoreFocus(switches, applied.highlighted);
      else if (applied.highlighted.length > 0 && !focusOffered) {
        focusOffered = true;
        highlight.focusFirstSwitch(document, applied.highlighted);
      }
      if (applied.switchedOff.length > 0) announceSwitchedOff(applied.switchedOff, verdict, response.nextTitle);
      if (clicking) switchOffForUser(verdict, switches, controls, shownBeforeMarks);
    } else if (response.status === 'host_missing') {
      lastSentPage = null; // retry on the next change, the user may install it meanwhile
      highlight.showNotice(document, t('noticeHostMissing'), t);
    } else if (response.status === 'host_forbidden') {
      lastSentPage = null; // retry on the next change, the user may allow this id meanwhile
      highlight.showNotice(document, t('noticeHostForbidden'), t);
    } else if (response.code === 'store_busy') {
      lastSentPage = null; // retry on the next change: another process holds the store for now
      highlight.showNotice(document, t('noticeStoreBusy'), t);
    } else {
      // Generic text only: the page can read this notice, and the host's message can name local
      // paths (/home/<user>/…). The popup shows why the host stopped.
      highlight.showNotice(document, t(response.code === 'host_failed' ? 'noticeHostFailed' : 'noticeHostError'), t);
    }
  }

  /**
   * The page re-rendered away the element focus was on: focus sits on the body, and a keyboard or
   * screen-reader user would start again from the top of the page. Back to the same setting's
   * switch when the page drew it again (highlighted or already off: the one the user was on),
   * else to the first highlighted switch.
   */
  function restoreFocus(switches, highlighted) {
    const same = lastFocusedIdentity === null ? null
      : switches.find((el) => el.isConnected && identityOf(el) === lastFocusedIdentity);
    if (same) {
      focusOffered = true;
      highlight.focusIfUnfocused(document, same);
    } else if (highlighted.length > 0) {
      focusOffered = true;
      highlight.focusFirstSwitch(document, highlighted);
    }
  }

  /**
   * After a flip the page shows the new state; a screen reader hears it in words, and hears what
   * the walkthrough opens when this page is done (background.js moves the tab): the next settings
   * page, or a step that is none (the objection form) by its name; nothing left: all done.
   */
  function announceSwitchedOff(labels, verdict, nextTitle) {
    const parts = labels.map((label) => t('announceSwitchedOff', [label]));
    const pageDone = verdict.highlight.length === 0 && verdict.page_unreadable !== true;
    if (pageDone && verdict.walkthrough && verdict.walkthrough.active === true) {
      const next = verdict.next;
      if (!next) parts.push(t('walkthroughFinished'));
      else if (protocol.isSettingsUrl(next.url)) parts.push(t('announceMovingOn'));
      // The walkthrough opens LinkedIn pages only (lib/walkthrough.js): another is not announced.
      else if (protocol.isLinkedInUrl(next.url)) {
        parts.push(typeof nextTitle === 'string' && nextTitle ? t('announceMovingOnStep', [nextTitle]) : t('announceMovingOnNextStep'));
      }
    }
    highlight.announce(document, parts.join(' '), t);
  }

  // The page's setting's name as the host's ruleset gives it (the background adds it to its
  // reply); its id where none came.
  let knownTitle = { id: null, title: null };
  const settingName = (id) => (knownTitle.id === id && knownTitle.title) || String(id);

  const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

  /** The switches "switch it for me" may click (see switchOffForUser) that the user can see now. */
  function shownToClick(verdict, switches) {
    const shown = new Set();
    for (const item of verdict.highlight) {
      const input = item.action === 'switch-off' ? switches[item.control] : null;
      if (input && input.isConnected && isShown(input)) shown.add(input);
    }
    return shown;
  }

  /**
   * "Switch it for me": click once per switch and page visit, then trust only the read-back of
   * that same element. Only the element the verdict names by index, only while it is still the
   * switch that was scanned (connected, shown, same key and label, on, not disabled).
   */
  async function switchOffForUser(verdict, switches, controls, shownBeforeMarks) {
    // Until the first wait, still the task that applied the verdict: whether a switch is shown
    // was read before its marks. After a wait the page may have changed: read afresh.
    let sameTask = true;
    for (const item of verdict.highlight) {
      if (item.action !== 'switch-off') continue;  // "locked": never clicked
      const input = switches[item.control];
      const sent = controls[item.control];
      if (!input || !sent || autoSwitchTried.has(input)) continue;
      autoSwitchTried.add(input);
      if (!input.isConnected) continue;  // re-rendered: the next scan judges the new element
      // The element must still be the switch that was scanned: a page that re-binds or re-orders
      // its rows between the scan and the click would have it flip another setting. Then no
      // click, and the page says why (never silent); the next scan judges the page as it is.
      if (!stillSent(input, sent)) {
        refuse(item);
        lastSentPage = null;
        scheduleScan(0);
        continue;
      }
      const shown = sameTask ? shownBeforeMarks.has(input) : isShown(input);
      if (!shown || scan.isDisabled(input) || scan.checkedOf(input) !== true) continue;
      sameTask = false;
      input.click();
      const clicked = Date.now();
      clickedAt.set(input, clicked);
      rereadFor();
      let confirmed = false;
      let rebound = false;
      for (let waited = 0; waited <= CONFIRM_TIMEOUT_MS + CLICK_HOLD_MS; waited += CONFIRM_STEP_MS) {
        if (!input.isConnected) break;
        // Read back only while it is still the same switch: re-bound, it shows another setting.
        if (!stillSent(input, sent)) { rebound = true; break; }
        // Off, and still off once the page had CLICK_HOLD_MS to put it back.
        if (scan.checkedOf(input) === false && Date.now() - clicked >= CLICK_HOLD_MS) { confirmed = true; break; }
        await sleep(CONFIRM_STEP_MS);
      }
      // A re-rendered or re-bound row is judged by the next scan, not guessed here.
      if (confirmed || rebound || !input.isConnected) scheduleScan(0);
      else highlight.markUnconfirmed(input, t('autoSwitchUnconfirmed'));
    }
  }

  function isOwnMutation(record) {
    if (record.type !== 'childList') return false;
    if (highlight.isOwnNode(record.target)) return true;  // inside a notice or the announcer
    // Index loops over the live lists: no array is built for every record of the page's changes.
    const added = record.addedNodes;
    const removed = record.removedNodes;
    if (added.length + removed.length === 0) return false;
    for (let i = 0; i < added.length; i += 1) if (!highlight.isOwnNode(added[i])) return false;
    for (let i = 0; i < removed.length; i += 1) if (!highlight.isOwnNode(removed[i])) return false;
    return true;
  }

  const observer = new MutationObserver((records) => {
    if (onUrlMaybeChanged()) return;
    let relevant = false;
    for (const record of records) {
      if (isOwnMutation(record)) continue;
      relevant = true;
      // Where new shadow roots, frames and switches can be: the next scan looks in these, not in
      // the whole page.
      if (record.type === 'childList') for (const node of record.addedNodes) treeTracker.noteAdded(node);
      else if (CANDIDACY_ATTRIBUTES.has(record.attributeName)) treeTracker.noteChanged(record.target);
    }
    if (!relevant) return;
    scheduleScan();
  });
  const OBSERVED = { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES };
  observer.observe(document.documentElement, OBSERVED);

  // A flip changes .checked, which no mutation reports: listen for the change and the click
  // (a <button> switch has no change event), then keep re-reading while the page saves.
  const onFlip = (event) => {
    if (!scan.controlAround(event.target)) return;
    scheduleScan(50);
    rereadFor();
  };
  document.addEventListener('change', onFlip, true);
  document.addEventListener('click', onFlip, true);
  // An iframe that (re)loads brings a new document to read.
  document.addEventListener('load', () => { fullWalkWanted = true; scheduleScan(); }, true);

  /** Observe and listen to every shadow root and frame document the scan found, once each. */
  function watchTrees(trees) {
    for (const tree of trees) {
      if (tree === document || watchedTrees.has(tree)) continue;
      watchedTrees.add(tree);
      try {
        observer.observe(tree.nodeType === 9 ? tree.documentElement : tree, OBSERVED);
        tree.addEventListener('change', onFlip, true);
        tree.addEventListener('click', onFlip, true);
        if (tree.nodeType === 9) tree.addEventListener('readystatechange', () => { fullWalkWanted = true; scheduleScan(); }, true);
      } catch {
        // a frame that went away meanwhile: the next scan will not find it
      }
    }
  }
  // Back from another tab or window: the page may have changed the switches meanwhile.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') { fullWalkWanted = true; scheduleScan(0); }
  });
  window.addEventListener('focus', () => { fullWalkWanted = true; scheduleScan(0); });
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
      if (autoSwitch) { lastSentPage = null; scheduleScan(0); }
    }
  });

  scheduleScan(0);
})();
