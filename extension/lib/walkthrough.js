/*
 * The walkthrough's navigation decisions, pure (no browser APIs): which page comes next, whether
 * to move the tab now, and the badge count. Used by the background (lib/walkthrough-driver.js) and the popup, tested in node.
 * Defines the global `LinkedOutWalkthrough`.
 */
(function defineLinkedOutWalkthrough(root) {
  'use strict';

  const PENDING_STATES = Object.freeze(['on', 'unseen', 'todo']);

  function isLinkedInUrl(url) {
    return root.LinkedOutProtocol ? root.LinkedOutProtocol.isLinkedInUrl(url) : false;
  }

  /** Origin + path without a trailing slash: query and fragment never make a different page. */
  function pageOf(url) {
    try {
      const parsed = new URL(url);
      return parsed.origin + parsed.pathname.replace(/\/+$/, '');
    } catch {
      return null;
    }
  }

  function samePage(a, b) {
    const pa = pageOf(a);
    return pa !== null && pa === pageOf(b);
  }

  /** Steps still to do, in the host's (ruleset) order; not_in_region, off and done are skipped. */
  function remainingSteps(plan) {
    return plan.steps.filter((step) => PENDING_STATES.includes(step.state));
  }

  /** The step to visit next: the host's `next` when it names a pending step, else the first pending one. */
  function nextStep(plan) {
    const remaining = remainingSteps(plan);
    if (plan.next) {
      const named = remaining.find((step) => step.step === plan.next.step);
      if (named) return named;
    }
    if (plan.next === null) return null;
    return remaining[0] || null;
  }

  /** Badge count: toggles the host last saw on. */
  function stillOnCount(plan) {
    return plan.steps.filter((step) => step.kind === 'toggle' && step.state === 'on').length;
  }

  function moveTo(target, tabUrl) {
    if (!target) return { action: 'finished' };
    if (!isLinkedInUrl(target.url)) return { action: 'stay', why: 'unsafe-url' };
    if (tabUrl && samePage(target.url, tabUrl)) return { action: 'stay', why: 'already-there', step: target.step };
    return { action: 'navigate', url: target.url, step: target.step };
  }

  /** After a verdict on `tabUrl`: move on only once this page has nothing left to switch off and was read. */
  function afterVerdict({ active, tabUrl, verdict }) {
    if (!active) return { action: 'stay', why: 'inactive' };
    if (verdict.highlight.length > 0) return { action: 'stay', why: 'switches-left' };
    // The user must switch it by hand (the page says so): moving on would hide that.
    if (verdict.page_unreadable === true) return { action: 'stay', why: 'page-unreadable' };
    return moveTo(verdict.next, tabUrl);
  }

  /** When the user starts (or resumes) the walkthrough from the popup. */
  function onStart(plan, tabUrl) {
    return moveTo(nextStep(plan), tabUrl);
  }

  root.LinkedOutWalkthrough = Object.freeze({
    PENDING_STATES, pageOf, samePage, remainingSteps, nextStep, stillOnCount, afterVerdict, onStart,
  });
})(globalThis);
