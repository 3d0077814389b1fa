/*
 * Renders the popup from the background's status (pure over a DOM; tested with jsdom).
 * Defines `LinkedOutPopupView`. Element ids are documented in popup.js.
 */
(function defineLinkedOutPopupView(root) {
  'use strict';

  const STATE_MESSAGES = Object.freeze({
    off: 'stateOff', on: 'stateOn', unseen: 'stateUnseen', not_in_region: 'stateNotInRegion',
    todo: 'stateTodo', done: 'stateDone',
  });

  /**
   * A step's name by id, from the host's plan (its `title`s, in the browser's language: the
   * ruleset is the one place setting and form names are translated); the id where there is none.
   */
  function stepTitles(plan) {
    const titles = new Map(plan && Array.isArray(plan.steps) ? plan.steps.map((s) => [s.step, s.title]) : []);
    return (id) => titles.get(id) || id;
  }

  /** Fills every [data-i18n] element's text from the locale files. */
  function localize(doc, t) {
    for (const el of doc.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    // The language the messages are in, not the browser's: a browser in a language LinkedOut
    // does not have shows English, and a screen reader must read it as English.
    doc.documentElement.lang = t('language') || 'en';
    doc.documentElement.dir = t('@@bidi_dir') || 'ltr';
  }

  function el(doc, tag, attrs = {}, text) {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * Sets an element's text only when it changes: rewriting the same words into a live region makes
   * screen readers say them again.
   */
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  /** The command that lets this copy of the extension use the helper (a store install's own id). */
  const allowCommand = (extensionId) => `linkedout-host install --extension-id ${extensionId}`;

  /** The install steps for the user's OS (runtime.getPlatformInfo().os): the MSI on Windows, else the .deb. */
  const INSTALL_STEPS = Object.freeze({
    win: ['installGuideWindows1', 'installGuideWindows2', 'installGuideWindows3'],
    other: ['installGuideStep1', 'installGuideStep2', 'installGuideStep3'],
  });

  function renderInstallGuide(doc, guide, t, platform) {
    const os = platform.os === 'win' ? 'win' : 'other';
    guide.dataset.os = platform.os || '';
    guide.querySelector('ol').replaceChildren(
      ...INSTALL_STEPS[os].map((name) => el(doc, 'li', { 'data-i18n': name }, t(name, [platform.version || '']))));
  }

  function renderHost(doc, host, t, extensionId, platform = {}) {
    const box = doc.getElementById('host-status');
    const text = doc.getElementById('host-status-text');
    const retry = doc.getElementById('retry');
    box.dataset.status = host.status;
    // Which backend answers (issue 24): the helper, or the built-in core when no helper is installed.
    const builtin = host.backend === 'builtin';
    box.dataset.backend = builtin ? 'builtin' : 'helper';
    let message;
    switch (host.status) {
      case 'connected':
        message = builtin ? t('coreConnected', [host.hello.ruleset.version])
          : t('hostConnected', [host.hello.host_version, host.hello.ruleset.version]);
        break;
      case 'core_failed': message = t('coreFailed', [host.message]); break;
      case 'host_missing': message = t('hostMissing'); break;
      case 'host_forbidden': message = t('hostForbidden'); break;
      case 'host_failed': message = t('hostFailed', [host.message]); break;
      case 'incompatible': message = t('hostIncompatible', [host.message]); break;
      default: message = t('hostConnecting');
    }
    setText(text, message);
    retry.hidden = host.status === 'connected' || host.status === 'connecting';

    // Not installed, or installed but not for this id: how to install it on this OS, in the popup
    // itself, unfolded: it is what the user can do now. With the built-in core working, only what
    // the helper would add, folded (said once, no nagging).
    const helperStatus = builtin ? host.helper : host.status;
    const working = builtin && host.status === 'connected';
    const guide = doc.getElementById('install-guide');
    const wasHidden = guide.hidden;
    guide.hidden = working || (helperStatus !== 'host_missing' && helperStatus !== 'host_forbidden');
    if (!guide.hidden) renderInstallGuide(doc, guide, t, platform);
    if (!guide.hidden && wasHidden) guide.open = true;
    const adds = doc.getElementById('helper-adds');
    if (adds) adds.hidden = !working;

    const fix = doc.getElementById('host-fix');
    fix.hidden = helperStatus !== 'host_forbidden' || !extensionId;
    doc.getElementById('extension-id').textContent = fix.hidden ? '' : extensionId;
    doc.getElementById('fix-command').textContent = fix.hidden ? '' : allowCommand(extensionId);
  }

  function renderStep(doc, step, t, formatTime) {
    const li = el(doc, 'li', {
      'data-step': step.step, 'data-state': step.state, 'data-kind': step.kind,
      'data-drift': step.drift === true ? 'true' : 'false',
    });
    const title = step.title;  // the host's, in the browser's language (the ruleset names every step)
    // A setting's row opens its page (only ever a LinkedIn page); a form has its own link below.
    const linked = step.kind === 'toggle' && root.LinkedOutProtocol.isLinkedInUrl(step.url);
    // The link is read with its state ("Ads off LinkedIn, Still on"): both by id, title first.
    li.appendChild(linked
      ? el(doc, 'a', {
        class: 'step-title', id: `step-link-${step.step}`, href: step.url, target: '_blank', rel: 'noopener noreferrer',
        'aria-labelledby': `step-link-${step.step} step-state-${step.step}`,
      }, title)
      : el(doc, 'span', { class: 'step-title' }, title));
    li.appendChild(el(doc, 'span', { class: 'step-state', id: `step-state-${step.step}` }, t(STATE_MESSAGES[step.state]) || step.state));
    if (step.kind === 'toggle') {
      // One status word per row: the state says "not seen yet"; the time only when there is one.
      if (step.last_seen) li.appendChild(el(doc, 'span', { class: 'step-meta' }, t('lastChecked', [formatTime(step.last_seen)])));
    } else {
      const form = el(doc, 'div', { class: 'step-form' });
      // What to do first (the link, "Mark done"), then the longer guidance.
      if (root.LinkedOutProtocol.isLinkedInUrl(step.url)) {
        form.appendChild(el(doc, 'a', {
          id: `form-link-${step.step}`, href: step.url, target: '_blank', rel: 'noopener noreferrer',
        }, t('openForm')));
      }
      if (step.state === 'done') {
        form.appendChild(el(doc, 'p', { class: 'step-meta' }, t('doneOn', [step.done_at ? formatTime(step.done_at) : '—'])));
      } else {
        form.appendChild(doc.createTextNode(' '));
        form.appendChild(el(doc, 'button', {
          type: 'button', id: `mark-done-${step.step}`, 'data-mark-done': step.step,
        }, t('markDone')));
      }
      if (step.guidance) form.appendChild(el(doc, 'p', { class: 'help' }, step.guidance));
      li.appendChild(form);
    }
    return li;
  }

  // Row order: still to do first, then done, then what does not apply here; the host's order within.
  const ROW_GROUP = Object.freeze({ on: 0, unseen: 0, todo: 0, off: 1, done: 1, not_in_region: 2 });
  const rowGroup = (step) => ROW_GROUP[step.state] ?? 1;
  function inRowOrder(steps) {
    return steps.map((step, index) => ({ step, index }))
      .sort((a, b) => rowGroup(a.step) - rowGroup(b.step) || a.index - b.index)
      .map(({ step }) => step);
  }

  /** The one primary action the popup leads to: start / continue, the form, or check again. */
  function primaryAction(plan) {
    const remaining = root.LinkedOutWalkthrough.remainingSteps(plan);
    const toggles = remaining.filter((step) => step.kind === 'toggle');
    if (toggles.length > 0) return { action: 'start', count: remaining.length, started: plan.progress.done > 0 };
    const form = remaining.find((step) => step.kind === 'form' && root.LinkedOutProtocol.isLinkedInUrl(step.url));
    if (form) return { action: 'open-form', url: form.url };
    return { action: 'check-again' };
  }

  function renderPrimary(doc, plan, t) {
    const start = doc.getElementById('start');
    start.disabled = !plan;
    // Without a plan (no helper yet) Start cannot work: it is not the loudest thing on the popup.
    start.classList.toggle('primary', Boolean(plan));
    if (!plan) {
      start.textContent = t('startButton');
      start.dataset.action = 'start';
      delete start.dataset.url;
      return;
    }
    const primary = primaryAction(plan);
    start.dataset.action = primary.action;
    if (primary.url) start.dataset.url = primary.url;
    else delete start.dataset.url;
    if (primary.action === 'start') {
      start.textContent = primary.started ? t('continueButton', [String(primary.count)]) : t('startButton');
    } else {
      start.textContent = t(primary.action === 'open-form' ? 'openFormButton' : 'allDoneButton');
    }
  }

  function renderPlan(doc, plan, t, formatTime) {
    // No plan, no list: no "Settings" heading over nothing.
    doc.getElementById('steps-section').hidden = !plan;
    doc.getElementById('progress-section').hidden = !plan;
    const steps = doc.getElementById('steps');
    steps.replaceChildren(...(plan ? inRowOrder(plan.steps).map((step) => renderStep(doc, step, t, formatTime)) : []));

    const progress = doc.getElementById('progress');
    const bar = doc.getElementById('progress-bar');
    const done = plan ? plan.progress.done : 0;
    const total = plan ? plan.progress.total : 0;
    progress.dataset.done = String(done);
    progress.dataset.total = String(total);
    progress.textContent = plan ? t('progressText', [String(done), String(total)]) : '';
    bar.max = Math.max(total, 1);
    bar.value = done;

    const seenTimes = plan ? plan.steps.map((s) => s.last_seen).filter(Boolean).sort() : [];
    doc.getElementById('last-checked').textContent = seenTimes.length
      ? t('lastCheckedOverall', [formatTime(seenTimes[seenTimes.length - 1])]) : '';

    const drifted = plan ? plan.steps.filter((s) => s.drift === true) : [];
    const driftList = doc.getElementById('drift');
    driftList.replaceChildren(...drifted.map((s) =>
      el(doc, 'li', { 'data-drift-step': s.step }, t('driftReEnabled', [s.title]))));
    doc.getElementById('drift-section').hidden = drifted.length === 0;

    renderPrimary(doc, plan, t);
    // The report needs the helper too.
    doc.getElementById('open-report').disabled = !plan;
  }

  const MOVE_MESSAGES = Object.freeze({
    navigate: 'walkthroughGoing', finished: 'walkthroughFinished', 'already-there': 'walkthroughHere',
    'unsafe-url': 'walkthroughUnsafe',
  });

  /** What the walkthrough did after "Start": went to a page, is already there, or is finished. */
  function renderMove(doc, move, t) {
    const box = doc.getElementById('walkthrough-message');
    const name = move ? MOVE_MESSAGES[move.action === 'stay' ? move.why : move.action] : undefined;
    box.dataset.move = move ? (move.action === 'stay' ? move.why : move.action) : '';
    setText(box, name ? t(name) : '');
  }

  /**
   * After "Mark done": focus stays in the step's row (its rebuilt form link, else the row), and
   * the one live region says what changed, once: the progress and the new main button.
   */
  function afterMarkDone(doc, stepId, t) {
    const row = Array.from(doc.querySelectorAll('#steps > li')).find((li) => li.dataset.step === stepId);
    const target = doc.getElementById(`form-link-${stepId}`) || row;
    if (target) {
      if (target === row) row.setAttribute('tabindex', '-1');
      target.focus();
    }
    const progress = doc.getElementById('progress').textContent;
    const box = doc.getElementById('walkthrough-message');
    box.dataset.move = '';
    setText(box, t('announceProgress', [progress, doc.getElementById('start').textContent]));
  }

  /**
   * Pages LinkedOut could not read ({step: url}): "switch X off by hand", with a link to where it
   * is. Only steps of the plan, only LinkedIn URLs.
   */
  function renderUnreadable(doc, unreadable, plan, t) {
    const list = doc.getElementById('unreadable');
    if (!list) return;
    const steps = plan ? plan.steps.filter((s) => unreadable && typeof unreadable[s.step] === 'string') : [];
    list.replaceChildren(...steps.map((s) => {
      const li = el(doc, 'li', { 'data-unreadable-step': s.step },
        t('unreadablePage', [s.title]));
      const url = unreadable[s.step];
      if (root.LinkedOutProtocol.isLinkedInUrl(url)) {
        li.appendChild(doc.createTextNode(' '));
        li.appendChild(el(doc, 'a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, t('unreadableOpen')));
      }
      return li;
    }));
    doc.getElementById('unreadable-section').hidden = steps.length === 0;
  }

  /**
   * status = {host, plan, problem, unreadable} as the background's `status` reply, plus the popup's
   * own extensionId.
   */
  function render(doc, status, t, formatTime = (iso) => iso) {
    renderHost(doc, status.host, t, status.extensionId, { os: status.os, version: status.extensionVersion });
    renderPlan(doc, status.plan, t, formatTime);
    renderUnreadable(doc, status.unreadable, status.plan, t);
  }

  root.LinkedOutPopupView = Object.freeze({
    localize, render, renderMove, afterMarkDone, setText, stepTitles, allowCommand, STATE_MESSAGES,
  });
})(globalThis);
