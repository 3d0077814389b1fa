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
 *   - [data-linkedout-row-flex]           on such a row that is a flex container: the reason gets a line
 *                                         of its own (flex-wrap; on another row it would only cost a reflow);
 *   - [data-linkedout-reason]             a short label inside that row giving the reason, linked to
 *                                         the switch by aria-describedby; its
 *                                         data-linkedout-reason-state is "unconfirmed" when
 *                                         "switch it for me" could not get the page to confirm;
 *   - [data-linkedout-palette]            on the row, switch and reason: "light" or "dark", the colours
 *                                         (content/highlight.css) that contrast with the page's own
 *                                         background there: LinkedIn's dark mode is its own setting,
 *                                         not the browser's colour scheme;
 *   - [data-linkedout-notice-box]         one notice (e.g. "host not installed"), only when needed, at
 *                                         the top of the main column, just before its landmark: its live region
 *                                         [data-linkedout-notice] (role=status, inserted empty and
 *                                         filled after, so screen readers read it) and a button that
 *                                         dismisses it;
 *   - [data-linkedout-announce]           a visually hidden status region for short confirmations
 *                                         ("… is off now"), inserted empty in the task after the first
 *                                         highlight (in the apply's it would be a second reflow there).
 *   - <style data-linkedout-style>        in each open shadow root or same-origin frame where a switch is
 *                                         marked: highlight.css (content/tree-style.js), which the
 *                                         browser injects into the top document only; removed when
 *                                         nothing there is marked.
 * Nothing else is added or changed; marks that no longer apply are removed, in every tree.
 *
 * The page cannot speak in LinkedOut's name: a reason or notice is LinkedOut's only when this file
 * made it (it keeps the references); an element the page planted with the same attributes is never
 * reused, changed, removed or taken for LinkedOut's own.
 */
(function defineLinkedOutHighlight(root) {
  'use strict';

  const MARK = 'data-linkedout';
  const ROW = 'data-linkedout-row';
  const ROW_FLEX = 'data-linkedout-row-flex';
  const ROW_SELECTOR = `[${ROW}]`;
  const MARK_SELECTOR = `[${MARK}]`;
  // applyVerdict's marks (see there).
  const scratchMarks = new Map();
  const REASON = 'data-linkedout-reason';
  const REASON_STATE = 'data-linkedout-reason-state';
  const NOTICE = 'data-linkedout-notice';
  const NOTICE_BOX = 'data-linkedout-notice-box';
  const ANNOUNCE = 'data-linkedout-announce';
  const PALETTE = 'data-linkedout-palette';
  // A live region filled in the same task that inserts it is often not read: fill it a little later.
  const FILL_DELAY_MS = 150;
  const REASON_ID_PREFIX = 'linkedout-reason-';
  const MAX_ROW_DEPTH = 6;
  let reasonCounter = 0;
  // Every reason and notice element this file created (and still shows), and the notice per document.
  const ownNodes = new WeakSet();
  const liveReasons = new Set();
  const notices = new WeakMap();
  // The notice text the user dismissed on this page (shown again only when it changes).
  let dismissedNotice = null;
  // The confirmation region per document (see announce).
  const announcers = new WeakMap();
  // applyVerdict's switches to mark: [switch, mark, row, flex, …], read before its writes, emptied after.
  const planned = [];
  /** Where `input` is in `planned` (a switch's own entry, never a row's), or -1. */
  function plannedAt(input) {
    for (let i = 0; i < planned.length; i += 4) if (planned[i] === input) return i;
    return -1;
  }
  // The computed styles the palette just read, [element, style, …] up to walkedCount (see
  // isFlexRow); nulled after, its room kept (V8 frees an array's room when its length is set to 0).
  const walkedStyles = [];
  let walkedCount = 0;
  function forgetWalkedStyles() {
    for (let i = 0; i < walkedCount; i += 1) walkedStyles[i] = null;
    walkedCount = 0;
  }
  // The timer that inserts a document's confirmation region (see prepareAnnouncer).
  const announcerTimers = new WeakMap();
  // The switches this file marked, per document: applyVerdict clears them without a new scan.
  const markedSwitches = new WeakMap();
  // The rows this file marked, per document (in any of its trees): applyVerdict clears the stale
  // ones without querying a whole tree for them.
  const markedRows = new WeakMap();
  // DOM calls on the page's elements go through the prototypes: a page's <form role="switch">
  // with an <input name="hasAttribute"> shadows form.hasAttribute, and a call that throws would stop
  // the whole apply (item 8 of issue 21). In Firefox's Xray sandbox it is also the cheaper call:
  // no property lookup on the element.
  const NodeP = root.Node.prototype;
  const ElementP = root.Element.prototype;
  const getter = root.LinkedOutScan.protoGetter;  // content/scan.js runs first (the manifest's order)
  const isConnected = getter(NodeP, 'isConnected');
  const parentElementGet = getter(NodeP, 'parentElement');
  const ownerDocumentGet = getter(NodeP, 'ownerDocument');
  const nodeTypeGet = getter(NodeP, 'nodeType');
  const getRootNode = NodeP.getRootNode;
  const getAttribute = ElementP.getAttribute;
  const hasAttribute = ElementP.hasAttribute;
  const setAttribute = ElementP.setAttribute;
  const removeAttribute = ElementP.removeAttribute;
  const attrOf = (el, name) => getAttribute.call(el, name);
  const hasAttrOf = (el, name) => hasAttribute.call(el, name);
  const setAttrOf = (el, name, value) => setAttribute.call(el, name, value);
  const removeAttrOf = (el, name) => removeAttribute.call(el, name);
  const rootOf = (node) => getRootNode.call(node);
  const parentOf = (node) => parentElementGet.call(node);
  const ownerDocumentOf = (node) => ownerDocumentGet.call(node);
  const childrenGet = getter(ElementP, 'children');
  const appendChild = NodeP.appendChild;
  // The <style> this file put into each open shadow root or frame document it marked (the
  // browser's injected highlight.css reaches the top document only), and those trees.
  const treeStyles = new WeakMap();
  const styledTrees = new Set();

  const scan = () => root.LinkedOutScan;
  const identity = (name, subs) => (Array.isArray(subs) ? subs.join(' ') : name);

  // LinkedOut speaks the browser's language, LinkedIn's page may be in another (WCAG 3.1.2): what
  // it adds says its language (its locale's `language` message, a BCP 47 tag), so a screen reader
  // reads it in that voice. A `t` that gives no tag (the unit tests' names) sets none.
  const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
  function setLanguage(el, t) {
    const tag = t('language', []);
    if (typeof tag === 'string' && LANGUAGE_TAG.test(tag)) setAttrOf(el, 'lang', tag);
  }

  // The highlight's colours per palette (kept in step with content/highlight.css): the outline,
  // the outline at the pulse's far end, and the reason box. Each must reach 3:1 against the page.
  const PALETTES = Object.freeze({
    light: ['#c5221f', '#8c1d18', '#8c1d18'],
    dark: ['#ff8a80', '#ffb4ab', '#ffdad6'],
  });

  function parseColor(css) {
    const m = /rgba?\(([^)]+)\)/.exec(css || '');
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a].some(Number.isNaN) ? null : { r, g, b, a };
  }
  const hexColor = (hex) => ({ r: parseInt(hex.slice(1, 3), 16), g: parseInt(hex.slice(3, 5), 16), b: parseInt(hex.slice(5, 7), 16), a: 1 });

  const channel = (v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminanceOf = (r, g, b) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const luminance = ({ r, g, b }) => luminanceOf(r, g, b);
  const contrastOf = (l1, l2) => (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  // Each palette's colours as luminances, once.
  const PALETTE_LUMINANCES = Object.freeze({
    light: PALETTES.light.map((hex) => luminance(hexColor(hex))),
    dark: PALETTES.dark.map((hex) => luminance(hexColor(hex))),
  });
  // How both engines give a computed background that paints nothing (most of a page's elements).
  const TRANSPARENT = 'rgba(0, 0, 0, 0)';

  /**
   * The element that paints under `node` when its parent does not: a shadow root's host, a
   * same-origin frame document's <iframe>.
   */
  function outerParent(node) {
    const parent = parentOf(node);
    if (parent) return parent;
    const tree = rootOf(node);
    if (tree && tree.host) return tree.host;
    try {
      const ownerDoc = ownerDocumentOf(node);
      const view = ownerDoc.defaultView;
      return node === ownerDoc.documentElement && view ? view.frameElement : null;
    } catch {
      return null;
    }
  }

  /**
   * The luminance of the colour the page actually paints behind `el`: its and its ancestors'
   * backgrounds, blended, out through shadow hosts and frames. Blended front to back in plain
   * numbers (the nearest layer first, then what still shows through it), no list or object per
   * layer: this runs at every apply.
   */
  function backgroundLuminance(el) {
    let r = 0;
    let g = 0;
    let b = 0;
    let through = 1;  // how much of what lies below still shows
    for (let node = el; node && nodeTypeGet.call(node) === 1 && through > 0; node = outerParent(node)) {
      const view = ownerDocumentOf(node).defaultView;
      const style = view ? view.getComputedStyle(node) : null;
      // Kept for isFlexRow: a highlighted switch's row is one of these ancestors.
      if (style) {
        walkedStyles[walkedCount++] = node;
        walkedStyles[walkedCount++] = style;
      }
      const css = style ? style.backgroundColor : TRANSPARENT;
      const color = css === TRANSPARENT ? null : parseColor(css);
      if (!color || !(color.a > 0)) continue;
      const a = Math.min(color.a, 1);
      r += through * a * color.r;
      g += through * a * color.g;
      b += through * a * color.b;
      through *= 1 - a;
    }
    // Nothing opaque: the canvas, white unless the page says otherwise.
    return luminanceOf(r + through * 255, g + through * 255, b + through * 255);
  }

  /** The least contrast of a palette's colours against a background of luminance `background`. */
  function worstContrast(luminances, background) {
    let least = Infinity;
    for (let i = 0; i < luminances.length; i += 1) least = Math.min(least, contrastOf(luminances[i], background));
    return least;
  }

  /** "light" or "dark": the palette whose faintest colour contrasts most with the page at `el`. */
  function paletteFor(el) {
    const background = backgroundLuminance(el);
    return worstContrast(PALETTE_LUMINANCES.dark, background) > worstContrast(PALETTE_LUMINANCES.light, background) ? 'dark' : 'light';
  }

  /**
   * Puts the highlight's style into `tree` (an open shadow root or a frame document) once, as a
   * <style> this file owns; the top document has the browser's injected highlight.css.
   */
  function styleTree(tree, doc) {
    if (tree === doc) return;
    // Listed even without a style to put there: applyVerdict finds its stale rows by this list.
    styledTrees.add(tree);
    const own = treeStyles.get(tree);
    if (own && own.isConnected) return;
    const css = root.LinkedOutTreeStyle && root.LinkedOutTreeStyle.CSS;
    if (!css) return;
    const ownerDoc = tree.nodeType === 9 ? tree : tree.ownerDocument;
    const style = ownerDoc.createElement('style');
    style.setAttribute('data-linkedout-style', '');
    style.textContent = css;
    ownNodes.add(style);
    const parent = tree.nodeType === 9 ? (tree.head || tree.documentElement) : tree;
    if (!parent) return;
    parent.append(style);
    treeStyles.set(tree, style);
    styledTrees.add(tree);
  }

  function unstyleTree(tree) {
    const style = treeStyles.get(tree);
    if (style) style.remove();
    treeStyles.delete(tree);
    styledTrees.delete(tree);
  }

  // Through the prototypes: <form name="querySelectorAll"> shadows document.querySelectorAll.
  const documentQsa = root.Document.prototype.querySelectorAll;
  const fragmentQsa = root.DocumentFragment.prototype.querySelectorAll;

  /** Every element in `trees` (documents, shadow roots) that matches `selector`. */
  function allIn(trees, selector) {
    const found = [];
    for (const tree of trees) {
      const list = (tree.nodeType === 9 ? documentQsa : fragmentQsa).call(tree, selector);
      for (let i = 0; i < list.length; i += 1) found.push(list[i]);
    }
    return found;
  }

  /**
   * Nearest ancestor holding the switch and its label elements, and no other switch; the largest
   * such ancestor when the label is further away; null when even the parent holds other switches
   * (then only the switch itself is outlined: a shared container is never marked).
   */
  function rowOf(input) {
    const body = ownerDocumentOf(input).body;
    let best = null;
    let candidate = parentOf(input);
    for (let depth = 0; candidate && candidate !== body && depth < MAX_ROW_DEPTH; depth += 1) {
      // Counted, not collected (switchCountIn stops at the second switch): this runs for up to six
      // ancestors of every highlighted switch, and the lists were most of what an apply allocated.
      if (scan().switchCountIn(candidate, 2) > 1) break;
      best = candidate;
      if (scan().labelsInside(input, candidate)) return candidate;
      candidate = parentOf(candidate);
    }
    return best;
  }

  function addDescribedBy(input, id) {
    const tokens = (attrOf(input, 'aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!tokens.includes(id)) setAttrOf(input, 'aria-describedby', [...tokens, id].join(' '));
  }

  function removeDescribedBy(input, id) {
    const value = attrOf(input, 'aria-describedby');
    if (value === null) return;
    const tokens = value.split(/\s+/).filter((t) => t && t !== id);
    if (tokens.length) setAttrOf(input, 'aria-describedby', tokens.join(' '));
    else removeAttrOf(input, 'aria-describedby');
  }

  function reasonElementOf(row) {
    const children = childrenGet.call(row);
    for (let i = 0; i < children.length; i += 1) if (ownNodes.has(children[i])) return children[i];
    return null;
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
    removeAttrOf(row, ROW);
    removeAttrOf(row, ROW_FLEX);
    removeAttrOf(row, PALETTE);
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

  /** Whether `row` is a flex container (read before the apply writes anything: no style flush). */
  function isFlexRow(row) {
    // The palette's walk, just before and with nothing written since, has read the row's style
    // when the row is under the first opaque background: one getComputedStyle fewer.
    let style = null;
    for (let i = 0; i < walkedCount && style === null; i += 2) if (walkedStyles[i] === row) style = walkedStyles[i + 1];
    const view = style ? null : ownerDocumentOf(row).defaultView;
    if (view) style = view.getComputedStyle(row);
    const display = style ? style.display : '';
    return display === 'flex' || display === 'inline-flex';
  }

  /** `row`, `flex`: rowOf(input) and isFlexRow(row), both read before anything was written. */
  function highlightRow(input, item, t, movesOn, palette, row, flex) {
    setAttrOf(input, PALETTE, palette);
    if (!row) return null;
    const locked = item.action === 'locked';
    setAttrOf(row, ROW, locked ? 'locked' : 'switch-off');
    if (flex) setAttrOf(row, ROW_FLEX, ''); else if (hasAttrOf(row, ROW_FLEX)) removeAttrOf(row, ROW_FLEX);
    setAttrOf(row, PALETTE, palette);
    let reason = reasonElementOf(row);
    // A new reason is made whole before it goes into the row: its attributes and text written
    // on a detached element make the browser neither restyle nor record them; one insertion does.
    const fresh = !reason;
    if (fresh) {
      reason = ownerDocumentOf(input).createElement('span');
      reason.setAttribute(REASON, '');
      reason.setAttribute('role', 'note');
      reasonCounter += 1;
      reason.id = `${REASON_ID_PREFIX}${reasonCounter}`;
      setLanguage(reason, t);
      ownNodes.add(reason);
      liveReasons.add(reason);
    }
    reason.setAttribute(PALETTE, palette);
    if (locked) {
      showLocked(reason, item, t);
    } else {
      // Said before the flip (WCAG 3.2.2): once this page is done, the walkthrough opens the next.
      const text = movesOn ? `${t('highlightReason', [item.reason])} ${t('highlightMovesOn')}` : t('highlightReason', [item.reason]);
      if (fresh) reason.textContent = text;
      else if (reason.textContent !== text && !reason.hasAttribute(REASON_STATE)) reason.textContent = text;
    }
    if (fresh) appendChild.call(row, reason);
    addDescribedBy(input, reason.id);
    return row;
  }

  // "LinkedIn does not let you switch this off here" and a link to the objection form.
  function showLocked(reason, item, t) {
    const text = t('highlightLocked', [item.reason]);
    const href = formUrl(item);
    const link = reason.firstElementChild;
    if (reason.textContent === text + (href ? t('openFormButton') : '') && (!href || (link && link.href === href))) return;
    reason.textContent = text;
    if (href) {
      const a = reason.ownerDocument.createElement('a');
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = t('openFormButton');
      // Focused on arrival (focusFirstSwitch), the link alone would be read without why.
      a.setAttribute('aria-describedby', reason.id);
      ownNodes.add(a);
      reason.append(a);
    }
  }

  /**
   * Marks exactly the switches the verdict names and clears every mark that no longer applies.
   * `switches`: the elements scanned for the page_state this verdict answers, in the order sent;
   * every verdict entry names its element by `control` (its index there), never by key alone.
   * `t(messageName, substitutions)` gives localised text (chrome.i18n.getMessage in the browser).
   * Returns {highlighted, ok, switchedOff}: the elements marked, and the labels of the switches
   * that were highlighted and are now off (for a confirmation in words).
   */
  function applyVerdict(doc, verdict, switches, t = identity) {
    const movesOn = Boolean(verdict.walkthrough && verdict.walkthrough.active === true && verdict.next);
    const switchedOff = [];
    const at = (item) => (Number.isInteger(item.control) ? switches[item.control] : undefined);
    // The switches this file marked before, per document (the page may have moved or replaced
    // them since): cleared here when the verdict no longer names them, without a new scan.
    if (!markedSwitches.has(doc)) markedSwitches.set(doc, new Set());
    const marked = markedSwitches.get(doc);
    if (!markedRows.has(doc)) markedRows.set(doc, new Set());
    const rows = markedRows.get(doc);
    // element → its highlight item, or the mark itself ('ok', 'switch-off') where there is no
    // item: one Map kept from apply to apply (emptied at the start and the end), no pair per entry.
    const marks = scratchMarks;
    marks.clear();
    for (const item of verdict.ok) if (at(item)) marks.set(at(item), 'ok');
    for (const item of verdict.highlight) if (at(item)) marks.set(at(item), item);
    // A switch this file highlighted whose state became unreadable keeps its highlight: it clears
    // only when the read-back says off. (A mark the page planted is not LinkedOut's highlight.)
    // Index loops: a for-of allocates an iterator and a result per step until the engine optimises.
    for (let i = 0; i < verdict.unknown.length; i += 1) {
      const item = verdict.unknown[i];
      const el = at(item);
      if (el && item.why === 'unreadable' && marked.has(el) && attrOf(el, MARK) === 'switch-off') marks.set(el, 'switch-off');
    }
    const highlighted = [];
    const ok = [];
    // Short lists, not Sets (a row per highlighted switch, a tree per shadow root or frame marked):
    // applying builds nothing it can do without (what it allocates, the page's GC pauses cost).
    const keptRows = [];
    const markedTrees = [];
    // The trees where its rows and reasons can be: the document, the trees of the switches it
    // marks or marked, and the trees it styled for earlier marks (every tree it highlighted in),
    // found without walking the page or asking every switch.
    const trees = [doc];
    const addTree = (tree) => { if (tree && !trees.includes(tree)) trees.push(tree); };

    // Reads first, writes after (a style read after a write makes the browser restyle inside the
    // apply). Only the switches the verdict names are read here (usually a few of the page's):
    // each still there and still a control, and for the highlighted ones their row and whether it
    // is a flex container, into a list kept from apply to apply: [switch, mark, row, flex, …].
    planned.length = 0;
    let first = null;
    for (let k = 0; k < switches.length; k += 1) {
      const el = switches[k];
      const entry = marks.get(el);
      if (entry === undefined || !isConnected.call(el)) continue;
      // One theme per page, measured at the first highlighted switch before anything is written.
      if (first === null && typeof entry === 'object') first = el;
      planned.push(el, entry, null, false);
    }
    forgetWalkedStyles();
    const palette = first ? paletteFor(parentOf(first) || first) : null;
    for (let p = 0; p < planned.length; p += 4) {
      const el = planned[p];
      if (scan().controlAround(el) !== el) {
        planned[p + 1] = null;
      } else if (typeof planned[p + 1] === 'object') {
        const row = rowOf(el);
        planned[p + 2] = row;
        planned[p + 3] = row ? isFlexRow(row) : false;
      }
    }
    forgetWalkedStyles();
    // A scanned switch the verdict does not name carries no mark (one the page planted or copied
    // goes too): asked once, and nothing else. A mark this file did not make means the page may
    // have copied a marked row (cloneNode copies its marks): that switch's tree is searched for
    // rows below with the others. (Usually no switch has one: nothing is written here. What this
    // file marked itself is cleared from its own list below.)
    for (let k = 0; k < switches.length; k += 1) {
      const el = switches[k];
      if (marks.has(el) || marked.has(el) || !hasAttrOf(el, MARK)) continue;
      addTree(rootOf(el));
      removeAttrOf(el, MARK);
      removeAttrOf(el, PALETTE);
    }
    // Rows that look marked, in every tree it knows (the document, the trees of the switches it
    // marks, the trees it styled, a tree with a copied mark): one query each, on the settled page
    // (the same query after the apply's writes costs up to three times as much in Firefox). Those
    // it does not keep are cleared below, whoever marked them: LinkedOut's outline only on a row
    // LinkedOut chose, never on one the page marked or copied as LinkedOut would.
    for (let p = 0; p < planned.length; p += 4) addTree(rootOf(planned[p]));
    for (const tree of styledTrees) addTree(tree);
    const lookalikeRows = allIn(trees, ROW_SELECTOR);

    // What this file marked that the verdict no longer names (or that left the page) is cleared.
    for (const el of marked) {
      if (marks.has(el) && plannedAt(el) >= 0) continue;
      // (Deleting the entry being visited is safe in a Set's own iteration: no copy needed.)
      marked.delete(el);
      if (!isConnected.call(el)) continue;
      addTree(rootOf(el));
      if (hasAttrOf(el, MARK)) {
        removeAttrOf(el, MARK);
        removeAttrOf(el, PALETTE);
      }
    }
    for (let p = 0; p < planned.length; p += 4) {
      const input = planned[p];
      const entry = planned[p + 1];
      const item = typeof entry === 'object' ? entry : null;
      const mark = item ? (item.action === 'locked' ? 'locked' : 'switch-off') : entry;
      if (mark === null) {
        if (hasAttrOf(input, MARK)) {
          removeAttrOf(input, MARK);
          removeAttrOf(input, PALETTE);
        }
        marked.delete(input);
        continue;
      }
      const tree = rootOf(input);
      addTree(tree);
      if (mark === 'ok') {
        if (attrOf(input, MARK) === 'switch-off') switchedOff.push(scan().labelOf(input));
        setAttrOf(input, MARK, 'ok');
        removeAttrOf(input, PALETTE);
        marked.add(input);
        ok.push(input);
        continue;
      }
      setAttrOf(input, MARK, mark);
      marked.add(input);
      if (tree !== doc && !markedTrees.includes(tree)) {
        markedTrees.push(tree);
        styleTree(tree, doc);
      }
      let row;
      if (!item) row = rowOf(input);
      else {
        row = highlightRow(input, item, t, movesOn, palette, planned[p + 2], planned[p + 3]);
        if (row) rows.add(row);
      }
      if (row && !keptRows.includes(row)) keptRows.push(row);
      highlighted.push(input);
    }
    // Stale rows, in every tree: a switch that left the verdict, or a row whose switch vanished
    // (the rows this file marked, wherever the page has moved them since), and the marked-looking
    // rows found before the writes.
    marks.clear();
    for (const row of rows) {
      if (keptRows.includes(row)) continue;
      rows.delete(row);
      unhighlightRow(row, scan().switchesIn(row)[0]);
    }
    for (let i = 0; i < lookalikeRows.length; i += 1) {
      const row = lookalikeRows[i];
      if (!keptRows.includes(row) && hasAttrOf(row, ROW)) unhighlightRow(row, scan().switchesIn(row)[0]);
    }
    const docs = documentsOf(doc, trees);
    for (const reason of liveReasons) {
      if (!docs.includes(reason.ownerDocument)) continue;
      if (!reason.parentElement || !reason.parentElement.hasAttribute(ROW)) removeReason(reason);
    }
    // A tree with nothing marked any more (or gone) keeps no LinkedOut style.
    for (const tree of styledTrees) {
      if (!markedTrees.includes(tree) && docs.includes(tree.nodeType === 9 ? tree : tree.ownerDocument)) unstyleTree(tree);
    }
    planned.length = 0;
    // The live region exists before anything is said: inserted in a task of its own (see the top).
    if (highlighted.length > 0) prepareAnnouncer(doc, t);
    return { highlighted, ok, switchedOff };
  }

  /** The top document and the frame documents among `trees`. */
  function documentsOf(doc, trees) {
    const docs = [doc];
    for (let i = 0; i < trees.length; i += 1) if (trees[i].nodeType === 9 && !docs.includes(trees[i])) docs.push(trees[i]);
    return docs;
  }

  /**
   * Removes every mark, row highlight and notice (e.g. on navigation to another page), in the
   * document and every open shadow root and same-origin frame in it.
   */
  function clearAll(doc) {
    const trees = scan().treesIn(doc);
    for (const row of allIn(trees, ROW_SELECTOR)) {
      unhighlightRow(row, scan().switchesIn(row)[0]);
    }
    const docs = documentsOf(doc, trees);
    for (const reason of liveReasons) if (docs.includes(reason.ownerDocument)) removeReason(reason);
    for (const input of allIn(trees, MARK_SELECTOR)) {
      removeAttrOf(input, MARK);
      removeAttrOf(input, PALETTE);
    }
    for (const input of markedSwitches.get(doc) || []) {
      removeAttrOf(input, MARK);
      removeAttrOf(input, PALETTE);
    }
    markedSwitches.delete(doc);
    for (const row of markedRows.get(doc) || []) unhighlightRow(row, scan().switchesIn(row)[0]);
    markedRows.delete(doc);
    for (const tree of Array.from(styledTrees)) unstyleTree(tree);
    clearNotice(doc);
    cancelAnnouncer(doc);
    const region = announcers.get(doc);
    if (region) region.remove();
    announcers.delete(doc);
    dismissedNotice = null;
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

  /** The page's main landmark (LinkedIn's settings card lives there), else the body. */
  function landmarkOf(doc) {
    return doc.querySelector('main, [role="main"]') || doc.body;
  }

  /** Sets a live region's text; a region inserted just now is filled a little later. */
  function fillLater(region, text, fresh) {
    if (!fresh) {
      if (region.textContent !== text) region.textContent = text;
      return;
    }
    region.ownerDocument.defaultView.setTimeout(() => {
      if (region.isConnected && region.textContent !== text) region.textContent = text;
    }, FILL_DELAY_MS);
  }

  /** The first thing after `box` in its landmark that takes focus (focus must not fall to the body). */
  function nextFocusable(box) {
    const candidates = landmarkOf(box.ownerDocument).querySelectorAll(
      'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])');
    return Array.from(candidates).find((el) => !box.contains(el) && el.getClientRects().length > 0) || null;
  }

  /**
   * Shows `text` in the page's notice: at the top of the main landmark, next to the setting's
   * card, in flow (never fixed over LinkedIn's messaging dock), with a button to dismiss it.
   * `t` names the button (chrome.i18n in the browser). A dismissed text stays away on this page.
   */
  function showNotice(doc, text, t = identity) {
    if (text === dismissedNotice) return;
    let box = notices.get(doc);
    let fresh = false;
    if (!box || !box.isConnected) {
      fresh = true;
      box = doc.createElement('div');
      box.setAttribute(NOTICE_BOX, '');
      setLanguage(box, t);
      const notice = doc.createElement('p');
      notice.setAttribute(NOTICE, '');
      notice.setAttribute('role', 'status');
      const dismiss = doc.createElement('button');
      dismiss.type = 'button';
      dismiss.setAttribute('data-linkedout-dismiss', '');
      dismiss.textContent = t('noticeDismiss');
      dismiss.addEventListener('click', () => {
        dismissedNotice = notice.textContent || text;
        const next = nextFocusable(box);
        box.remove();
        if (next) next.focus();
      });
      box.append(notice, dismiss);
      for (const node of [box, notice, dismiss]) ownNodes.add(node);
      notices.set(doc, box);
      // Just before the main landmark, not inside: an empty main is how LinkedIn shows a page
      // still loading (scan.js), and LinkedOut's own words must not change that.
      const main = doc.querySelector('main, [role="main"]');
      if (main) main.before(box); else doc.body.prepend(box);
    }
    box.setAttribute(PALETTE, paletteFor(box.parentElement || box));
    forgetWalkedStyles();
    fillLater(box.firstChild, text, fresh);
  }

  function clearNotice(doc) {
    const box = notices.get(doc);
    if (box) box.remove();
    notices.delete(doc);
  }

  /** The hidden status region for confirmations, inserted (empty) when first needed. */
  function announcerOf(doc, t) {
    let region = announcers.get(doc);
    if (region && region.isConnected) return { region, fresh: false };
    region = doc.createElement('div');
    ownNodes.add(region);
    announcers.set(doc, region);
    region.setAttribute(ANNOUNCE, '');
    region.setAttribute('role', 'status');
    setLanguage(region, t);
    doc.body.append(region);
    return { region, fresh: true };
  }

  /**
   * The confirmation region, inserted in the next task when there is none: a user flips a switch
   * seconds after its highlight, and inserted in the apply's own task the region (out of flow as
   * it is) made the browser reflow the page a second time there.
   */
  function prepareAnnouncer(doc, t) {
    const region = announcers.get(doc);
    if ((region && region.isConnected) || announcerTimers.has(doc)) return;
    const view = doc.defaultView;
    if (!view) return;
    announcerTimers.set(doc, view.setTimeout(() => {
      announcerTimers.delete(doc);
      announcerOf(doc, t);
    }, 0));
  }

  function cancelAnnouncer(doc) {
    const timer = announcerTimers.get(doc);
    if (timer === undefined) return;
    announcerTimers.delete(doc);
    if (doc.defaultView) doc.defaultView.clearTimeout(timer);
  }

  /**
   * Says `text` once, politely, without showing it (the page itself shows the new state). The
   * same words as last time (the same switch switched off again) are emptied first and filled a
   * little later: a region whose text does not change is not read again.
   */
  function announce(doc, text, t = identity) {
    const { region, fresh } = announcerOf(doc, t);
    const again = !fresh && region.textContent === text;
    if (again) region.textContent = '';
    fillLater(region, text, fresh || again);
  }

  /**
   * Brings keyboard and screen-reader users to the first highlighted switch, unless focus is
   * already somewhere (someone typing, or reading a control): then nothing moves. `highlighted`:
   * what applyVerdict just returned (in the scan's order, which is tree order over the trees):
   * the first one still marked "switch-off" is that switch, found without walking the page again
   * (a whole walk of every element, more than the rest of the apply in Firefox's sandbox).
   */
  function focusFirstSwitch(doc, highlighted) {
    let input = null;
    let locked = null;
    for (let i = 0; i < highlighted.length && input === null; i += 1) {
      if (!isConnected.call(highlighted[i])) continue;
      const mark = attrOf(highlighted[i], MARK);
      if (mark === 'switch-off') input = highlighted[i];
      else if (mark === 'locked' && locked === null) locked = highlighted[i];
    }
    // Only locked switches (the page lets none change, so none takes focus): the objection form's
    // link in the first one's reason is the one thing to do here.
    if (!input && locked) input = formLinkOf(locked);
    return focusIfUnfocused(doc, input);
  }

  /**
   * Focuses `input` (and shows it) when focus is nowhere (on the body); true when it has focus.
   * Never takes focus from where it is: someone may be typing.
   */
  function focusIfUnfocused(doc, input) {
    const active = doc.activeElement;
    if (active && active !== doc.body && active !== doc.documentElement) return false;
    if (!input || typeof input.focus !== 'function') return false;
    input.focus({ preventScroll: true });
    if (typeof input.scrollIntoView === 'function') input.scrollIntoView({ block: 'center' });
    // Focus inside a shadow root shows as its host, inside a frame as the <iframe>.
    const inner = input.getRootNode();
    return doc.activeElement === input || (inner.host !== undefined && inner.activeElement === input)
      || (inner.nodeType === 9 && inner !== doc && inner.activeElement === input);
  }

  /** The objection form's link in the reason LinkedOut gave a locked switch, or null. */
  function formLinkOf(input) {
    const row = rowOf(input);
    const reason = row && reasonElementOf(row);
    const link = reason && reason.firstElementChild;
    return link && ownNodes.has(link) ? link : null;
  }

  /**
   * True for a node this file created, or text inside one (so the observer in main.js can ignore
   * its mutations); never for a look-alike the page planted.
   */
  function isOwnNode(node) {
    return ownNodes.has(node) || (node.nodeType === 3 && Boolean(node.parentElement) && ownNodes.has(node.parentElement));
  }

  root.LinkedOutHighlight = Object.freeze({
    MARK, ROW, REASON, REASON_STATE, NOTICE, NOTICE_BOX, ANNOUNCE, PALETTE,
    applyVerdict, clearAll, rowOf, markUnconfirmed, showNotice, clearNotice, isOwnNode, announce, focusFirstSwitch,
    focusIfUnfocused,
    paletteFor,
  });
})(globalThis);
