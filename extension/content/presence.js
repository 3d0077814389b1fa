/*
 * Whether the user can see a switch: a page may carry decoys with a setting's key (display:none,
 * visibility:hidden, off-screen, zero-size) that must never be marked or clicked in the setting's
 * name. Only switches that are shown are reported to the host. An opacity-0 input under a drawn
 * switch is shown (a common toggle pattern); so is a 1 px visually-hidden one: if such a decoy
 * claims a setting beside the real switch, the host sees two claimants and says so (ambiguous).
 * Defines `LinkedOutPresence` in the content script's isolated world.
 */
(function defineLinkedOutPresence(root) {
  'use strict';

  const getClientRects = Element.prototype.getClientRects;
  const getBoundingClientRect = Element.prototype.getBoundingClientRect;
  const checkVisibility = Element.prototype.checkVisibility;

  /** True when `el` is rendered, visible, has a size and lies (at least partly) inside the page. */
  function isShown(el) {
    try {
      if (getClientRects.call(el).length === 0) return false;  // display:none (itself or above)
      if (typeof checkVisibility === 'function') {
        if (!checkVisibility.call(el, { visibilityProperty: true })) return false;
      } else {
        const view = el.ownerDocument.defaultView;
        if (view && view.getComputedStyle(el).visibility !== 'visible') return false;
      }
      const box = getBoundingClientRect.call(el);
      if (box.width <= 0 || box.height <= 0) return false;
      const doc = el.ownerDocument;
      const view = doc.defaultView;
      const scroller = doc.scrollingElement || doc.documentElement;
      const left = box.left + (view ? view.scrollX : 0);
      const top = box.top + (view ? view.scrollY : 0);
      const width = Math.max(scroller.scrollWidth, doc.documentElement.clientWidth);
      const height = Math.max(scroller.scrollHeight, doc.documentElement.clientHeight);
      return left + box.width > 0 && top + box.height > 0 && left < width && top < height;
    } catch {
      return false;  // a control that throws is not one LinkedOut will act on
    }
  }

  root.LinkedOutPresence = Object.freeze({ isShown });
})(globalThis);
