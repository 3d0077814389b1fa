/*
 * The background: the only place that talks to the native host. A list of features, each a
 * module that registers the message types it answers in the router's one {type: handler} table
 * and follows the verdicts it cares about. The imports below are the one load order: the browsers
 * run extension/background.js, these modules joined by scripts/bundle-background into one classic
 * script in this order (a classic worker script keeps its code cache between wakes, modules did
 * not: docs/performance.md §8). Node tests import this file and start it with a fake browser.
 */
import { createRouter } from './router.js';
import * as badge from './badge.js';
import * as host from './host.js';
import * as policy from './policy.js';
import * as unreadable from './unreadable.js';
import * as walkthrough from './walkthrough.js';
import * as recheck from './recheck.js';
import * as pageState from './page-state.js';
import * as report from './report.js';
import * as status from './status.js';

// In this order: a feature may use what an earlier one set up (the host reports to the badge,
// the policy pushes its region to the host at start-up).
export const FEATURES = Object.freeze([badge, host, policy, unreadable, walkthrough, recheck, pageState, report, status]);

/** Installs every feature into `browser` (the chrome.* namespace); returns the background's parts. */
export function startBackground(browser) {
  const background = { browser, router: createRouter(), onVerdict: [] };
  for (const feature of FEATURES) feature.install(background);
  background.router.checkComplete();
  browser.runtime.onMessage.addListener(background.router.listener(browser));
  return background;
}

if (typeof chrome === 'object' && chrome && chrome.runtime && chrome.runtime.id) startBackground(chrome);
