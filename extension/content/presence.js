/*
 * Whether the user can see a switch: a page may carry decoys with a setting's key (display:none,
 * visibility:hidden, off-screen, zero-size) that must never be marked or clicked in the setting's
 * name. Only switches that are shown are reported to the host. An opacity-0 input under a drawn
 * switch is shown (a common toggle pattern); so is a 1 px visually-hidden one: if such a decoy
 * claims a setting beside the real switch, the host sees two claimants and says so (ambiguous).
 *
 * A scan asks about every switch of a page: `forScan()` gives it a checker that reads each
 * document's scroll extent and offset once (nothing in one synchronous scan scrolls or resizes
 * the page), and is dropped with the scan; `isShown(el)` alone measures afresh. Every DOM call goes
 * through the prototypes: a page can name an element "scrollingElement" or "documentElement" and
 * shadow the document's own.
 * Defines `LinkedOutPresence` in the content script's isolated world.
 */
(function defineLinkedOutPresence(root) {
  'use strict';

  const getter = root.LinkedOutScan.protoGetter;  // content/scan.js runs first (the manifest's order)
  const ElementP = root.Element.prototype;
  const DocumentP = root.Document.prototype;
  const getClientRects = ElementP.getClientRects;
  const getBoundingClientRect = ElementP.getBoundingClientRect;
  const checkVisibility = ElementP.checkVisibility;
  const ownerDocument = getter(root.Node.prototype, 'ownerDocument');
  const defaultView = getter(DocumentP, 'defaultView');
  const documentElement = getter(DocumentP, 'documentElement');
  const scrollingElement = getter(DocumentP, 'scrollingElement');
  const scrollWidth = getter(ElementP, 'scrollWidth');
  const scrollHeight = getter(ElementP, 'scrollHeight');
  const clientWidth = getter(ElementP, 'clientWidth');
  const clientHeight = getter(ElementP, 'clientHeight');
  // Not frozen: Chromium reads a frozen options object through a slower path that allocates at
  // every call (50 a scan); this one never leaves this closure.
  const VISIBILITY = { visibilityProperty: true };

  /** A document's scroll offset and the extent of what it can show, in its own viewport's terms. */
  function measure(doc) {
    const view = defaultView.call(doc);
    const html = documentElement.call(doc);
    const scroller = (scrollingElement && scrollingElement.call(doc)) || html;
    return {
      x: view ? view.scrollX : 0,
      y: view ? view.scrollY : 0,
      width: Math.max(scrollWidth.call(scroller), clientWidth.call(html)),
      height: Math.max(scrollHeight.call(scroller), clientHeight.call(html)),
    };
  }

  /** True when `el` is rendered, visible, has a size and lies (at least partly) inside its page. */
  function shown(el, pageOf) {
    try {
      if (typeof checkVisibility === 'function') {
        // No box (display:none, itself or above), visibility hidden, a content-visibility:hidden subtree.
        if (!checkVisibility.call(el, VISIBILITY)) return false;
      } else {
        if (getClientRects.call(el).length === 0) return false;  // display:none (itself or above)
        const view = defaultView.call(ownerDocument.call(el));
        if (view && view.getComputedStyle(el).visibility !== 'visible') return false;
      }
      // Each of the box's four numbers read once: in Firefox's content world every read of a
      // DOMRect's field goes through its wrapper (round 8: 6 reads a switch took twice 4).
      const box = getBoundingClientRect.call(el);
      const width = box.width;
      const height = box.height;
      if (!(width > 0 && height > 0)) return false;
      const page = pageOf(ownerDocument.call(el));
      const left = box.left + page.x;
      const top = box.top + page.y;
      return left + width > 0 && top + height > 0 && left < page.width && top < page.height;
    } catch {
      return false;  // a control that throws is not one LinkedOut will act on
    }
  }

  // The documents measured for the current scan. One checker, made once: each forScan() empties
  // the measurements (a scan measures afresh) instead of making a Map, a closure and a checker
  // per scan. A checker from an earlier scan still answers right: it only measures again.
  const pages = new Map();
  const pageOf = (doc) => {
    let page = pages.get(doc);
    if (page === undefined) {
      page = measure(doc);
      pages.set(doc, page);
    }
    return page;
  };
  const checker = Object.freeze({ isShown: (el) => shown(el, pageOf) });

  /** The checker for one scan: each document measured once, when a switch in it first needs it. */
  function forScan() {
    if (pages.size > 0) pages.clear();
    return checker;
  }

  const isShown = (el) => shown(el, measure);

  root.LinkedOutPresence = Object.freeze({ isShown, forScan });
})(globalThis);
