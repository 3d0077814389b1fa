/*
 * Drives a quick re-check in one tab: asks the host to start a run, opens the first settings page,
 * moves the tab on as each page reads all off (LinkedOutRecheck decides), stops where the user is
 * needed, and ends the run (recorded by the host) when the last page is done, the user stops it
 * or the tab is closed. Browser APIs come in as `deps`, so node tests drive it with fakes.
 * Defines the global `LinkedOutRecheckDriver`.
 */
(function defineLinkedOutRecheckDriver(root) {
  'use strict';

  const RUN_KEY = 'recheckRun';
  // A page that never sends a readable verdict (no switch rendered at all): stop after this long
  // rather than leave the run hanging. The host then lists the page as not checked.
  const PAGE_READ_TIMEOUT_MS = 20000;

  /**
   * deps: {
   *   recheck(action) → Promise<plan>   the host's reply to recheck start | end: the plan (badge updated by the caller)
   *   createTab(url) → Promise<{id}>, updateTab(tabId, url) → Promise
   *   session: {get() → Promise<run|null>, set(run|null) → Promise}   survives a service-worker restart
   *   timers: {setTimeout, clearTimeout}
   *   onEvent(event)   optional: {type: 'moved'|'ended', ...} for logging and tests
   * }
   */
  function create(deps) {
    const R = root.LinkedOutRecheck;
    const timers = deps.timers || root;
    const onEvent = deps.onEvent || (() => {});
    let readTimer = null;

    function clearReadTimer() {
      if (readTimer !== null) timers.clearTimeout(readTimer);
      readTimer = null;
    }

    function armReadTimer(run) {
      clearReadTimer();
      const index = run.index;
      readTimer = timers.setTimeout(async () => {
        readTimer = null;
        const current = await deps.session.get();
        if (current && current.tabId === run.tabId && current.index === index) await end('page-not-read');
      }, PAGE_READ_TIMEOUT_MS);
    }

    async function end(why) {
      clearReadTimer();
      const run = await deps.session.get();
      await deps.session.set(null);
      const plan = await deps.recheck('end');
      onEvent({ type: 'ended', why, tabId: run ? run.tabId : null });
      return plan;
    }

    /** Starts a run in a new tab. Returns {plan, move}. */
    async function start() {
      clearReadTimer();
      const plan = await deps.recheck('start');
      const { run, move } = R.start(plan, null);
      if (move.action !== 'navigate') return { plan: await end('nothing-to-check'), move };
      const tab = await deps.createTab(move.url);
      const started = { ...run, tabId: tab.id };
      await deps.session.set(started);
      armReadTimer(started);
      onEvent({ type: 'moved', move, tabId: tab.id });
      return { plan, move };
    }

    /** The user pressed Stop. Returns the host's plan after the run was recorded. */
    async function stop() {
      return end('stopped');
    }

    /** A verdict from `tabId` at `tabUrl`. Returns true when the re-check owns that tab. */
    async function onVerdict(verdict, tabId, tabUrl) {
      const run = await deps.session.get();
      if (!run || run.tabId !== tabId) return false;
      const { run: next, move } = R.afterVerdict(run, { tabUrl, verdict });
      if (move.action === 'navigate') {
        await deps.session.set(next);
        armReadTimer(next);
        await deps.updateTab(tabId, move.url);
      } else if (move.action === 'finished') {
        await end('finished');
      } else if (move.action === 'stop') {
        await end(move.why);
      } else if (move.action === 'stay') {
        clearReadTimer();  // read, and waiting for the user: no time limit
      }
      onEvent({ type: 'moved', move, tabId });
      return true;
    }

    /** The tab closed: a run in it ends there. */
    async function onTabRemoved(tabId) {
      const run = await deps.session.get();
      if (run && run.tabId === tabId) await end('tab-closed');
    }

    return Object.freeze({ start, stop, onVerdict, onTabRemoved });
  }

  root.LinkedOutRecheckDriver = Object.freeze({ RUN_KEY, PAGE_READ_TIMEOUT_MS, create });
})(globalThis);
