/*
 * Drives the walkthrough tab: the popup's Start opens (or moves) a tab to the next settings page,
 * and each verdict from that tab moves it on once the page reads all off (LinkedOutWalkthrough
 * decides). Only the tab the walkthrough opened or moved is ever navigated. Browser APIs come in
 * as `deps`, so node tests drive it with fakes, like lib/recheck-driver.js.
 * Defines the global `LinkedOutWalkthroughDriver`.
 */
(function defineLinkedOutWalkthroughDriver(root) {
  'use strict';

  const TAB_KEY = 'walkthroughTabId';
  // Time the user sees a page confirmed all-off before the walkthrough moves on.
  const ADVANCE_DELAY_MS = 1200;

  /**
   * deps: {
   *   walkthrough(action, step) → Promise<plan>   the host's walkthrough reply (badge updated by the caller)
   *   createTab(url) → Promise<{id}>, updateTab(tabId, url) → Promise, activeTab() → Promise<{id, url}|null>
   *   session: {get() → Promise<tabId|null>, set(tabId|null) → Promise}   survives a service-worker restart
   *   timers: {setTimeout, clearTimeout}
   * }
   */
  function create(deps) {
    const W = root.LinkedOutWalkthrough;
    const timers = deps.timers || root;

    async function navigate(move, tabId) {
      if (tabId === null) {
        const tab = await deps.createTab(move.url);
        await deps.session.set(tab.id);
      } else {
        await deps.updateTab(tabId, move.url);
        await deps.session.set(tabId);
      }
    }

    /**
     * A popup action (start, status, reset, mark_done): {plan, move}. `inTab` is true when the
     * popup runs as a page in a tab (tests, keyboard users): Start then opens a new tab rather than
     * navigating the popup itself away.
     */
    async function act(action, step, { inTab = false } = {}) {
      const plan = await deps.walkthrough(action, step);
      let move = { action: 'stay', why: 'not-started' };
      if (action === 'start') {
        const tab = inTab ? null : await deps.activeTab();
        move = W.onStart(plan, tab && tab.url);
        if (move.action === 'navigate') await navigate(move, tab ? tab.id : null);
      } else if (action === 'reset') {
        await deps.session.set(null);
      }
      return { plan, move };
    }

    /** A verdict from `tabId` at `tabUrl`: moves the walkthrough's own tab on when its page is done. */
    async function onVerdict(verdict, tabId, tabUrl) {
      const walkthroughTab = await deps.session.get();
      if (walkthroughTab !== null && walkthroughTab !== tabId) return { action: 'stay', why: 'other-tab' };
      const move = W.afterVerdict({ active: verdict.walkthrough.active, tabUrl, verdict });
      if (move.action === 'finished') await deps.session.set(null);
      if (move.action === 'navigate') {
        timers.setTimeout(() => { Promise.resolve(deps.updateTab(tabId, move.url)).catch(() => {}); }, ADVANCE_DELAY_MS);
      }
      return move;
    }

    return Object.freeze({ act, onVerdict });
  }

  root.LinkedOutWalkthroughDriver = Object.freeze({ TAB_KEY, ADVANCE_DELAY_MS, create });
})(globalThis);
