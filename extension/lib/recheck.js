/*
 * The quick re-check's decisions, pure (no browser APIs): which pages it visits, whether to move
 * the tab on after a verdict, how the last run reads in the popup, and what the badge says.
 * The host records the run (docs/protocol.md §4.6, `recheck` start / end); the
 * background drives the one tab. Defines the global `LinkedOutRecheck`.
 */
(function defineLinkedOutRecheck(root) {
  'use strict';

  // Shown on the toolbar badge when a re-check is due and nothing is on.
  const DUE_BADGE = '↻';

  const samePage = (a, b) => root.LinkedOutWalkthrough.samePage(a, b);
  const isLinkedInUrl = (url) => root.LinkedOutProtocol.isLinkedInUrl(url);

  /** Every toggle page the region expects, in the host's order. Forms are not re-checked. */
  function stepsOf(plan) {
    return plan.steps
      .filter((s) => s.kind === 'toggle' && s.state !== 'not_in_region' && isLinkedInUrl(s.url))
      .map((s) => ({ step: s.step, url: s.url }));
  }

  function moveTo(run) {
    const target = run.steps[run.index];
    return target ? { action: 'navigate', url: target.url, step: target.step } : { action: 'finished' };
  }

  /** A new run over `plan` in tab `tabId`: {run, move} (navigate to the first page, or finished). */
  function start(plan, tabId) {
    const run = { tabId, steps: stepsOf(plan), index: 0 };
    return { run, move: moveTo(run) };
  }

  // Read: something on the page was matched to this page's own setting.
  function pageRead(verdict, step) {
    if (verdict.page_unreadable === true) return false;
    return verdict.highlight.some((h) => h.setting === step) || verdict.ok.some((o) => o.setting === step);
  }

  /**
   * After a verdict in the re-check's tab: {run, move}. move.action is `navigate` (this page read
   * all off: on to the next), `finished` (that was the last page), `stay` (something is on: the
   * user acts, the run goes on once the page reads all off), `stop` (the page cannot be read:
   * never move on from it) or `wait` (not this page's verdict yet).
   */
  function afterVerdict(run, { tabUrl, verdict }) {
    const current = run.steps[run.index];
    if (!current) return { run, move: { action: 'finished' } };
    if (!samePage(tabUrl, current.url) || !samePage(verdict.url, current.url)) {
      return { run, move: { action: 'wait', why: 'other-page', step: current.step } };
    }
    if (!pageRead(verdict, current.step)) {
      const why = verdict.page_unreadable === true ? 'unreadable' : 'not-read';
      return { run, move: { action: why === 'unreadable' ? 'stop' : 'wait', why, step: current.step } };
    }
    if (verdict.highlight.length > 0) return { run, move: { action: 'stay', why: 'needs-user', step: current.step } };
    const next = { ...run, index: run.index + 1 };
    return { run: next, move: moveTo(next) };
  }

  /** The host's `check.last` as the popup words it; null when there was no re-check yet. */
  function summarize(last) {
    if (!last) return null;
    let result = 'all-off';
    if (last.on.length > 0) result = 'came-back-on';
    else if (!last.complete) result = 'incomplete';
    return {
      result, endedAt: last.ended_at, on: [...last.on], unreadable: [...last.unreadable],
      unchecked: [...last.unchecked], newControls: last.new_controls.map((c) => ({ ...c })),
    };
  }

  /** Toolbar badge: switches still on, else a due re-check. {text, kind: 'count' | 'due'}. */
  function badge(stillOn, check) {
    if (stillOn > 0) return { text: String(stillOn), kind: 'count' };
    if (check && check.due === true) return { text: DUE_BADGE, kind: 'due' };
    return { text: '', kind: 'count' };
  }

  root.LinkedOutRecheck = Object.freeze({ DUE_BADGE, stepsOf, start, afterVerdict, summarize, badge });
})(globalThis);
