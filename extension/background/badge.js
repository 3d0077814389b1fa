/*
 * The toolbar badge: how many settings are still on, a due re-check when none is, "!" when the
 * helper cannot be reached. A reminder alarm re-asks the host now and then whether a re-check is
 * due (the host decides; the alarm only refreshes what the toolbar shows).
 */
import '../lib/recheck.js';
import '../lib/walkthrough.js';

const COLORS = { count: '#c5221f', problem: '#7a4f01', due: '#0a66c2' };
const REMINDER_ALARM = 'linkedout-recheck-reminder';
// First refresh a minute after start-up, then every six hours.
const REMINDER_ALARM_MINUTES = 6 * 60;

export function install(background) {
  const { browser } = background;
  // The re-check state the host last reported (walkthrough replies carry it, verdicts do not): a
  // due re-check shows on the badge when nothing is on.
  let lastCheck = null;

  function set(text, color) {
    browser.action.setBadgeText({ text }).catch(() => {});
    if (text) browser.action.setBadgeBackgroundColor({ color }).catch(() => {});
  }

  function showStillOn(count) {
    const badge = LinkedOutRecheck.badge(count, lastCheck);
    set(badge.text, COLORS[badge.kind]);
    const title = badge.kind === 'due' ? browser.i18n.getMessage('badgeRecheckDue') : '';
    browser.action.setTitle({ title: title || 'LinkedOut' }).catch(() => {});
  }

  background.badge = Object.freeze({
    showStillOn,
    fromPlan(plan) {
      if (plan.check) lastCheck = plan.check;
      showStillOn(LinkedOutWalkthrough.stillOnCount(plan));
    },
    problem() { set('!', COLORS.problem); },
  });

  async function refresh() {
    try { await background.plan('status'); } catch { /* the host's state change already set the badge */ }
  }
  function scheduleReminder() {
    browser.alarms.create(REMINDER_ALARM, { delayInMinutes: 1, periodInMinutes: REMINDER_ALARM_MINUTES });
  }
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) refresh();
  });
  browser.runtime.onStartup.addListener(() => { scheduleReminder(); refresh(); });
  browser.runtime.onInstalled.addListener(() => { scheduleReminder(); refresh(); });
}
