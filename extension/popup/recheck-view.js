/*
 * The popup's quick re-check and reminder (pure over a DOM; tested with jsdom). Defines
 * `LinkedOutRecheckView`. Element ids (the e2e harness drives these):
 *   #recheck          "Check again": starts a quick re-check in one tab
 *   #recheck-stop     "Stop re-check": shown while a re-check runs
 *   #check-status     data-due="true|false", data-running="true|false": last full check, next due
 *   #recheck-summary  data-result = all-off | came-back-on | incomplete (absent: no re-check yet);
 *                     its list holds li[data-finding="on|unreadable|unchecked|new"] with
 *                     data-step (a setting) or data-label (a new switch's label)
 *   #reminder         checkbox "Remind me to re-check"; #reminder-days the interval (days);
 *                     both disabled when the organisation's policy sets the reminder. Each has a
 *                     name of its own (popup.html): the checkbox reads as its sentence, "… every
 *                     30 days" (aria-labelledby: its label, the field's value, "days"), the field
 *                     as "Days between reminders"; no <label> wraps both (the checkbox's name
 *                     would then take in the field's name)
 */
(function defineLinkedOutRecheckView(root) {
  'use strict';

  const RESULT_MESSAGES = Object.freeze({
    'all-off': 'recheckAllOff', 'came-back-on': 'recheckCameBackOn', incomplete: 'recheckIncomplete',
  });
  const FINDING_MESSAGES = Object.freeze({
    on: 'recheckFindingOn', unreadable: 'recheckFindingUnreadable', unchecked: 'recheckFindingUnchecked', new: 'recheckFindingNew',
  });
  const DUE_MESSAGES = Object.freeze({
    never_checked: 'recheckDueNever', interval: 'recheckDueInterval', ruleset_changed: 'recheckDueRuleset',
  });

  function el(doc, tag, attrs, text) {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function statusText(check, t, formatTime) {
    const parts = [check.last_full_check ? t('recheckLastFull', [formatTime(check.last_full_check)]) : t('recheckNeverFull')];
    if (check.due) parts.push(t(DUE_MESSAGES[check.due_reason] || 'recheckDueInterval'));
    else if (check.next_due) parts.push(t('recheckNextDue', [formatTime(check.next_due)]));
    return parts.join(' ');
  }

  function renderSummary(doc, check, t, stepTitle, formatTime) {
    const box = doc.getElementById('recheck-summary');
    const summary = root.LinkedOutRecheck.summarize(check ? check.last : null);
    if (!summary) {
      box.hidden = true;
      delete box.dataset.result;
      return;
    }
    box.hidden = false;
    box.dataset.result = summary.result;
    const heading = el(doc, 'p', { class: 'recheck-result' },
      t(RESULT_MESSAGES[summary.result], [formatTime(summary.endedAt)]));
    const items = [];
    for (const kind of ['on', 'unreadable', 'unchecked']) {
      for (const step of summary[kind]) {
        items.push(el(doc, 'li', { 'data-finding': kind, 'data-step': step }, t(FINDING_MESSAGES[kind], [stepTitle(step)])));
      }
    }
    for (const control of summary.newControls) {
      items.push(el(doc, 'li', { 'data-finding': 'new', 'data-label': control.label }, t(FINDING_MESSAGES.new, [control.label])));
    }
    box.replaceChildren(heading, el(doc, 'ul', {}));
    box.lastChild.replaceChildren(...items);
  }

  /** plan: the host's walkthrough reply (with `check`) or null; options: merged policy options. */
  function render(doc, plan, options, t, { stepTitle = (id) => id, formatTime = (iso) => iso } = {}) {
    const check = plan && plan.check ? plan.check : null;
    const running = Boolean(check && check.running);
    const start = doc.getElementById('recheck');
    start.disabled = !plan;
    start.hidden = running;
    doc.getElementById('recheck-stop').hidden = !running;

    const status = doc.getElementById('check-status');
    status.dataset.due = check && check.due ? 'true' : 'false';
    status.dataset.running = running ? 'true' : 'false';
    // A live region: the same words written again would be read again.
    const statusWords = check ? (running ? t('recheckRunning') : statusText(check, t, formatTime)) : '';
    if (status.textContent !== statusWords) status.textContent = statusWords;
    renderSummary(doc, check, t, stepTitle, formatTime);

    const reminder = doc.getElementById('reminder');
    const days = doc.getElementById('reminder-days');
    const locked = Boolean(options && options.reminderLocked);
    const current = locked ? options.reminderDays : (check ? check.reminder_days : null);
    reminder.checked = current !== null && current !== undefined;
    if (reminder.checked) days.value = String(current);
    else if (!days.value) days.value = String(root.LinkedOutProtocol.REMINDER_DAYS.default);
    reminder.disabled = locked || !check;
    days.disabled = locked || !check || !reminder.checked;
    doc.getElementById('reminder-help').textContent = locked ? t('setByOrganisation') : t('reminderHelp');
  }

  /** The reminder interval the form asks for: null (off) or whole days within the host's range. */
  function reminderFromForm(doc) {
    if (!doc.getElementById('reminder').checked) return null;
    const { min, max, default: fallback } = root.LinkedOutProtocol.REMINDER_DAYS;
    const days = Number.parseInt(doc.getElementById('reminder-days').value, 10);
    if (!Number.isInteger(days)) return fallback;
    return Math.min(max, Math.max(min, days));
  }

  root.LinkedOutRecheckView = Object.freeze({ render, reminderFromForm });
})(globalThis);
