/*
 * Reads the settings switches of a page: pure over a DOM, no side effects, no class names.
 * Defines `LinkedOutScan` in the content script's isolated world (never visible to the page).
 */
(function defineLinkedOutScan(root) {
  'use strict';

  const SWITCH_SELECTOR = 'input[role="switch"], input[type="checkbox"]';
  const MAX_CONTROLS = 500;
  const MAX_KEY_CHARS = 256;
  const MAX_LABEL_CHARS = 1024;
  const LANG_PATTERN = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

  const collapse = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const idList = (value) => (value || '').split(/\s+/).filter(Boolean);

  /** The elements that label `input` through aria-labelledby (which may list several ids). */
  function labellingElements(input) {
    const doc = input.ownerDocument;
    return idList(input.getAttribute('aria-labelledby'))
      .map((id) => doc.getElementById(id))
      .filter((el) => el !== null);
  }

  /** aria-labelledby key, else the input's id, else null (the host then matches by label). */
  function keyOf(input) {
    const labelledBy = idList(input.getAttribute('aria-labelledby')).join(' ');
    const key = labelledBy || input.id || null;
    return key !== null && key.length <= MAX_KEY_CHARS ? key : null;
  }

  /** Visible label text: aria-labelledby targets, else aria-label, else <label> elements. */
  function labelOf(input) {
    let text = labellingElements(input).map((el) => collapse(el.textContent)).join(' ');
    if (!text) text = collapse(input.getAttribute('aria-label'));
    if (!text && input.labels) text = Array.from(input.labels).map((l) => collapse(l.textContent)).join(' ');
    return collapse(text).slice(0, MAX_LABEL_CHARS);
  }

  /** true/false when .checked and aria-checked agree; null when they disagree or one is missing. */
  function checkedOf(input) {
    if (typeof input.checked !== 'boolean') return null;
    const aria = input.getAttribute('aria-checked');
    if (aria !== 'true' && aria !== 'false') return null;
    return (aria === 'true') === input.checked ? input.checked : null;
  }

  function switchesIn(doc) {
    return Array.from(doc.querySelectorAll(SWITCH_SELECTOR)).slice(0, MAX_CONTROLS);
  }

  function readControl(input) {
    return { key: keyOf(input), label: labelOf(input), checked: checkedOf(input) };
  }

  /** The switch input whose key is `key`, or null. */
  function findSwitch(doc, key) {
    return switchesIn(doc).find((input) => keyOf(input) === key) || null;
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
    SWITCH_SELECTOR, scanPage, readControl, switchesIn, findSwitch, keyOf, labelOf, checkedOf,
    labellingElements, langOf,
  });
})(globalThis);
