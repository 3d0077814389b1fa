/*
 * Applies a host verdict to the page, and only that. DOM contract (read by the e2e harness):
 *   - [data-linkedout="switch-off"]       a switch (whatever element it is: input, button, …) the
 *                                         verdict says is on and should be off;
 *   - [data-linkedout="ok"]               a switch already in the desired state;
 *   - [data-linkedout="locked"]           a switch that is on and that the page does not let the
 *                                         user change: its row is marked too
 *                                         (data-linkedout-row="locked") and its reason says it
 *                                         cannot be switched off here and links the objection form;
 *   - [data-linkedout-row="switch-off"]   the row around a highlighted switch (the nearest
 *                                         ancestor holding the switch and its label, and no other
 *                                         switch): outlined / pulsing by content/highlight.css;
 *   - [data-linkedout-reason]             a short label inside that row giving the reason, linked to
 *                                         the switch by aria-describedby; its
 *                                         data-linkedout-reason-state is "unconfirmed" when
 *                                         "switch it for me" could not get the page to confirm;
 *   - [data-linkedout-notice]             one status box (e.g. "host not installed"), only when needed.
 * Nothing else is added or changed; marks that no longer apply are removed.
 *
 * The page cannot speak in LinkedOut's name: a reason or notice is LinkedOut's only when this file
 * made it (it keeps the references); an element the page planted with the same attributes is never
 * reused, changed, removed or taken for LinkedOut's own.
 */
(function defineLinkedOutHighlight(root) {
  'use strict';

  const MARK = 'data-linkedout';
  const ROW = 'data-linkedout-row';
  const REASON = 'data-linkedout-reason';
  const REASON_STATE = 'data-linkedout-reason-state';
  const NOTICE = 'data-linkedout-notice';
  const REASON_ID_PREFIX = 'linkedout-reason-';
  const MAX_ROW_DEPTH = 6;
  let reasonCounter = 0;
  // Every reason and notice element this file created (and still shows), and the notice per document.
  const ownNodes = new WeakSet();
  const liveReasons = new Set();
  const notices = new WeakMap();

  const scan = () => root.LinkedOutScan;
  const identity = (name, subs) => (Array.isArray(subs) ? subs.join(' ') : name);

  /**
   * Nearest ancestor holding the switch and its label elements, and no other switch; the largest
   * such ancestor when the label is further away; null when even the parent holds other switches
   * (then only the switch itself is outlined: a shared container is never marked).
   */
  function rowOf(input) {
    const labels = scan().labellingElements(input);
    const body = input.ownerDocument.body;
    let best = null;
    let candidate = input.parentElement;
    for (let depth = 0; candidate && candidate !== body && depth < MAX_ROW_DEPTH; depth += 1) {
      if (scan().switchesIn(candidate).length > 1) break;
      best = candidate;
      if (labels.every((label) => candidate.contains(label))) return candidate;
      candidate = candidate.parentElement;
    }
    return best;
  }

  function addDescribedBy(input, id) {
    const tokens = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!tokens.includes(id)) input.setAttribute('aria-describedby', [...tokens, id].join(' '));
  }

  function removeDescribedBy(input, id) {
    const value = input.getAttribute('aria-describedby');
    if (value === null) return;
    const tokens = value.split(/\s+/).filter((t) => t && t !== id);
    if (tokens.length) input.setAttribute('aria-describedby', tokens.join(' '));
    else input.removeAttribute('aria-describedby');
  }

  function reasonElementOf(row) {
    return Array.from(row.children).find((el) => ownNodes.has(el)) || null;
  }

  function removeReason(reason) {
    liveReasons.delete(reason);
    reason.remove();
  }

  function unhighlightRow(row, input) {
    const reason = reasonElementOf(row);
    if (reason) {
      if (input) removeDescribedBy(input, reason.id);
      removeReason(reason);
    }
    row.removeAttribute(ROW);
  }

  // The form a locked switch's reason links to: only a LinkedIn page, whatever the verdict says.
  function formUrl(item) {
    const url = item.form && typeof item.form.url === 'string' ? item.form.url : '';
    try {
      const parsed = new URL(url);
      return parsed.origin === 'https://www.linkedin.com' && !parsed.username && !parsed.password ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function highlightRow(input, item, t) {
    const row = rowOf(input);
    if (!row) return;
    const locked = item.action === 'locked';
    row.setAttribute(ROW, locked ? 'locked' : 'switch-off');
    let reason = reasonElementOf(row);
    if (!reason) {
      reason = input.ownerDocument.createElement('span');
      reason.setAttribute(REASON, '');
      reason.setAttribute('role', 'note');
      reasonCounter += 1;
      reason.id = `${REASON_ID_PREFIX}${reasonCounter}`;
      ownNodes.add(reason);
      liveReasons.add(reason);
      row.appendChild(reason);
    }
    if (locked) {
      showLocked(reason, item, t);
    } else {
      const text = t('highlightReason', [item.reason]);
      if (reason.textContent !== text && !reason.hasAttribute(REASON_STATE)) reason.textContent = text;
    }
    addDescribedBy(input, reason.id);
  }

  // "LinkedIn does not let you switch this off here" and a link to the objection form.
  function showLocked(reason, item, t) {
    const text = t('highlightLocked', [item.reason]);
    const href = formUrl(item);
    const link = reason.firstElementChild;
    if (reason.textContent === text + (href ? t('highlightLockedForm') : '') && (!href || (link && link.href === href))) return;
    reason.textContent = text;
    if (href) {
      const a = reason.ownerDocument.createElement('a');
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = t('highlightLockedForm');
      reason.append(a);
    }
  }

  /**
   * Marks exactly the switches the verdict names and clears every mark that no longer applies.
   * `switches`: the elements scanned for the page_state this verdict answers, in the order sent;
   * every verdict entry names its element by `control` (its index there), never by key alone.
   * `t(messageName, substitutions)` gives localised text (chrome.i18n.getMessage in the browser).
   * Returns {highlighted, ok}: the elements marked.
   */
  function applyVerdict(doc, verdict, switches, t = identity) {
    const at = (item) => (Number.isInteger(item.control) ? switches[item.control] : undefined);
    const marks = new Map();  // element → [mark, highlight item]
    for (const item of verdict.ok) if (at(item)) marks.set(at(item), ['ok', null]);
    for (const item of verdict.highlight) {
      if (at(item)) marks.set(at(item), [item.action === 'locked' ? 'locked' : 'switch-off', item]);
    }
    // A highlighted switch whose state became unreadable keeps its highlight: it clears only when
    // the read-back says off.
    for (const item of verdict.unknown) {
      const el = at(item);
      if (el && item.why === 'unreadable' && el.getAttribute(MARK) === 'switch-off') marks.set(el, ['switch-off', null]);
    }
    const highlighted = [];
    const ok = [];
    const keptRows = new Set();

    for (const input of scan().switchesIn(doc)) {
      const [mark, item] = marks.get(input) || [null, null];
      if (mark === 'ok') {
        input.setAttribute(MARK, 'ok');
        ok.push(input);
        continue;
      }
      if (mark === null) {
        if (input.hasAttribute(MARK)) input.removeAttribute(MARK);
        continue;
      }
      input.setAttribute(MARK, mark);
      if (item) highlightRow(input, item, t);
      const row = rowOf(input);
      if (row) keptRows.add(row);
      highlighted.push(input);
    }
    // Stale rows: a switch that left the verdict, or a row whose switch vanished.
    for (const row of Array.from(doc.querySelectorAll(`[${ROW}]`))) {
      if (keptRows.has(row)) continue;
      unhighlightRow(row, scan().switchesIn(row)[0]);
    }
    for (const reason of Array.from(liveReasons)) {
      if (reason.ownerDocument !== doc) continue;
      if (!reason.parentElement || !reason.parentElement.hasAttribute(ROW)) removeReason(reason);
    }
    return { highlighted, ok };
  }

  /** Removes every mark, row highlight and notice (e.g. on navigation to another page). */
  function clearAll(doc) {
    for (const row of Array.from(doc.querySelectorAll(`[${ROW}]`))) {
      unhighlightRow(row, scan().switchesIn(row)[0]);
    }
    for (const reason of Array.from(liveReasons)) if (reason.ownerDocument === doc) removeReason(reason);
    for (const input of Array.from(doc.querySelectorAll(`[${MARK}]`))) input.removeAttribute(MARK);
    clearNotice(doc);
  }

  /** "Switch it for me" could not get the page to confirm: say so, keep the highlight. */
  function markUnconfirmed(input, text) {
    const row = input && input.isConnected ? rowOf(input) : null;
    const reason = row && reasonElementOf(row);
    if (!reason) return false;
    reason.setAttribute(REASON_STATE, 'unconfirmed');
    reason.textContent = text;
    return true;
  }

  function showNotice(doc, text) {
    let notice = notices.get(doc);
    if (!notice) {
      notice = doc.createElement('div');
      notice.setAttribute(NOTICE, '');
      notice.setAttribute('role', 'status');
      ownNodes.add(notice);
      notices.set(doc, notice);
    }
    if (!notice.isConnected) doc.body.appendChild(notice);
    if (notice.textContent !== text) notice.textContent = text;
  }

  function clearNotice(doc) {
    const notice = notices.get(doc);
    if (notice) notice.remove();
  }

  /** True for a node this file created (so the observer in main.js can ignore its mutations). */
  function isOwnNode(node) {
    return ownNodes.has(node);
  }

  root.LinkedOutHighlight = Object.freeze({
    MARK, ROW, REASON, REASON_STATE, NOTICE,
    applyVerdict, clearAll, rowOf, markUnconfirmed, showNotice, clearNotice, isOwnNode,
  });
})(globalThis);
