/*
 * Reads the settings switches of a page: pure over a DOM, no side effects, no class names.
 * Defines `LinkedOutScan` in the content script's isolated world (never visible to the page).
 *
 * Switch shapes LinkedIn has shipped (docs/protocol.md §4.2):
 *   - <input type="checkbox" role="switch" aria-checked>  (today's toggle)
 *   - <input type="checkbox"> with no role and no aria-checked (the older toggle: .checked is the state)
 *   - any element with role="switch" or role="checkbox" and aria-checked (e.g. a <button>)
 *   - toggle buttons with aria-pressed
 *   - reported as unreadable (so the host never guesses around it): an element with
 *     role="switch" but no aria-checked
 * A bare checkbox that is one option of a list (several checkboxes in one fieldset, group or list,
 * e.g. interest categories) is not a setting switch and is not reported.
 */
(function defineLinkedOutScan(root) {
  'use strict';

  const SWITCH_SELECTOR = 'input[type="checkbox"], [role="switch"], [role="checkbox"][aria-checked], '
    + 'button[aria-pressed], [role="button"][aria-pressed]';
  const matches = Element.prototype.matches;
  const LIST_SELECTOR = 'fieldset, [role="group"], [role="list"], [role="listbox"], ul, ol';
  const MAX_CONTROLS = 500;
  const MAX_KEY_CHARS = 256;
  const MAX_LABEL_CHARS = 1024;
  const LANG_PATTERN = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

  const collapse = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const idList = (value) => (value || '').split(/\s+/).filter(Boolean);

  /**
   * At most `max` UTF-16 units of `text` (so within the limit whether a validator counts units or
   * code points), never ending on half a surrogate pair: a lone half is not UTF-8 and the host
   * would refuse the whole page.
   */
  function cutWhole(text, max) {
    if (text.length <= max) return text;
    const last = text.charCodeAt(max - 1);
    return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
  }

  /** The elements that label `el` through aria-labelledby (which may list several ids). */
  function labellingElements(el) {
    const doc = el.ownerDocument;
    return idList(el.getAttribute('aria-labelledby'))
      .map((id) => doc.getElementById(id))
      .filter((target) => target !== null);
  }

  /**
   * aria-labelledby (every id, space-separated: the host matches any id it knows), else the
   * element's id, else null (the host then matches by label or by page).
   */
  function keyOf(el) {
    const labelledBy = idList(el.getAttribute('aria-labelledby')).join(' ');
    const key = labelledBy || el.id || null;
    return key !== null && key.length <= MAX_KEY_CHARS ? key : null;
  }

  /** Visible label text: aria-labelledby targets, else aria-label, else <label> elements. */
  function labelOf(el) {
    let text = labellingElements(el).map((target) => collapse(target.textContent)).join(' ');
    if (!text) text = collapse(el.getAttribute('aria-label'));
    if (!text && el.labels) text = Array.from(el.labels).map((l) => collapse(l.textContent)).join(' ');
    return cutWhole(collapse(text), MAX_LABEL_CHARS);
  }

  const ariaBool = (value) => (value === 'true' ? true : value === 'false' ? false : null);
  const isCheckboxInput = (el) => el.localName === 'input' && (el.type || '').toLowerCase() === 'checkbox';

  /**
   * The switch's state, or null when it cannot be read:
   *   checkbox input: .checked, unless aria-checked is present and disagrees (or is "mixed");
   *   role switch/checkbox element: aria-checked;  toggle button: aria-pressed.
   */
  function checkedOf(el) {
    if (isCheckboxInput(el)) {
      if (typeof el.checked !== 'boolean') return null;
      if (!el.hasAttribute('aria-checked')) return el.checked;
      const aria = ariaBool(el.getAttribute('aria-checked'));
      return aria === el.checked ? el.checked : null;
    }
    if (el.hasAttribute('aria-checked')) return ariaBool(el.getAttribute('aria-checked'));
    if (el.hasAttribute('aria-pressed')) return ariaBool(el.getAttribute('aria-pressed'));
    return null;
  }

  /** A checkbox input whose aria-checked says the opposite of .checked (a re-render in progress?). */
  function isDisagreeing(el) {
    if (!isCheckboxInput(el) || !el.hasAttribute('aria-checked')) return false;
    const aria = ariaBool(el.getAttribute('aria-checked'));
    return aria !== null && aria !== el.checked;
  }

  /** A bare checkbox (no role, no aria-checked) that sits in a list with other checkboxes. */
  function isListOption(el) {
    if (!isCheckboxInput(el) || el.hasAttribute('role') || el.hasAttribute('aria-checked')) return false;
    const list = el.parentElement && el.parentElement.closest(LIST_SELECTOR);
    return Boolean(list) && list.querySelectorAll('input[type="checkbox"]').length > 1;
  }

  /** The setting switches inside `scope` (a document or an element), in document order. */
  function switchesIn(scope) {
    return Array.from(scope.querySelectorAll(SWITCH_SELECTOR))
      .filter((el) => !isListOption(el))
      .slice(0, MAX_CONTROLS);
  }

  /** The page does not let the user change it (disabled, in a disabled fieldset, aria-disabled). */
  function isDisabled(el) {
    return matches.call(el, ':disabled') || el.getAttribute('aria-disabled') === 'true';
  }

  function readControl(el) {
    const control = { key: keyOf(el), label: labelOf(el), checked: checkedOf(el) };
    if (isDisabled(el)) control.disabled = true;
    return control;
  }

  /** The switch whose key is `key`, or null. */
  function findSwitch(doc, key) {
    return switchesIn(doc).find((el) => keyOf(el) === key) || null;
  }

  function langOf(doc) {
    const lang = (doc.documentElement.getAttribute('lang') || '').trim();
    return LANG_PATTERN.test(lang) && lang.length <= 35 ? lang : '';
  }

  /** {url, lang, controls}: the page part of a page_state message. */
  function scanPage(doc, url) {
    return { url, lang: langOf(doc), controls: switchesIn(doc).map(readControl) };
  }

  root.LinkedOutScan = Object.freeze({
    SWITCH_SELECTOR, scanPage, readControl, switchesIn, findSwitch, keyOf, labelOf, checkedOf, isDisabled,
    labellingElements, langOf, cutWhole, isListOption, isDisagreeing,
  });
})(globalThis);
