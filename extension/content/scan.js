/*
 * Reads the settings switches of a page: pure over a DOM, no side effects, no hashed class names.
 * Defines `LinkedOutScan` in the content script's isolated world (never visible to the page).
 *
 * Where LinkedIn draws settings: the document, every open shadow root in it, and every
 * same-origin iframe (legacy /psettings/ documents), recursively. Control shapes
 * (docs/protocol.md §4.2):
 *   - <input type="checkbox" role="switch" aria-checked>  (today's toggle)
 *   - <input type="checkbox"> with no role and no aria-checked (the older toggle: .checked is the state)
 *   - any element with role="switch" or role="checkbox": aria-checked, else its visible On/Off text
 *   - toggle buttons with aria-pressed
 *   - LinkedIn's design-system toggle (.artdeco-toggle) with no input: its --toggled class and its
 *     On/Off text, which must agree
 *   - a Yes/No radio group or <select>: on or off by the answer chosen (the ruleset says which
 *     answer is off); one control, represented by its "off" option (the one to pick)
 *   - an element with role="switch" that shows its state neither in aria-checked nor in visible
 *     On/Off text: reported as unreadable (so the host never guesses around it)
 * Every control also says whether the page lets the user change it (`disabled`).
 * A bare checkbox that is one option of a list (several checkboxes in one fieldset, group or list,
 * e.g. interest categories) is not a setting switch and is not reported; neither is a radio group
 * or select whose options are not Yes/No (profile viewing options, the UI language).
 *
 * The page can name a form's inputs after DOM methods (<form><input name="getAttribute">) or give
 * an element own properties: every DOM call here goes through the prototypes, and a control whose
 * reading still throws is reported unreadable (checked null) while the rest of the page is read.
 */
(function defineLinkedOutScan(root) {
  'use strict';

  // ---- generated from native-host/rules/linkedin.json (state_words, off_answer) by
  // ---- scripts/gen-scan-words; tests/extension/scan-words.test.js keeps it in sync. Do not edit.
  // BEGIN GENERATED
  const STATE_WORDS = {"on":{"en":["On","Yes"],"de":["Ein","An","Ja"],"fr":["Activé","Oui"],"es":["Activado","Sí"],"nl":["Aan","Ja"],"it":["Attivo","Sì"]},"off":{"en":["Off","No"],"de":["Aus","Nein"],"fr":["Désactivé","Non"],"es":["Desactivado","No"],"nl":["Uit","Nee"],"it":["Disattivo","No"]},"on_values":["true","yes","on","1"],"off_values":["false","no","off","0"]};
  const OFF_ANSWER_YES_PATHS = [];
  // END GENERATED

  const CANDIDATE_SELECTOR = 'input[type="checkbox"], [role="switch"], [role="checkbox"], '
    + 'button[aria-pressed], [role="button"][aria-pressed], input[type="radio"], [role="radio"], select, .artdeco-toggle';
  // Kept for callers that test an event target (main.js): anything that may be, or be inside, a control.
  const SWITCH_SELECTOR = CANDIDATE_SELECTOR;
  const LIST_SELECTOR = 'fieldset, [role="group"], [role="list"], [role="listbox"], ul, ol';
  const GROUP_SELECTOR = 'fieldset, [role="radiogroup"], [role="group"]';
  const MAX_CONTROLS = 500;
  const MAX_KEY_CHARS = 256;
  const MAX_LABEL_CHARS = 1024;
  const MAX_FRAME_DEPTH = 4;
  const MAX_STATE_TEXT = 200;
  const LANG_PATTERN = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

  // ---- DOM access through the prototypes (a hostile element cannot shadow them) ----
  /**
   * A prototype's own getter (null if it has none), to be called as `get.call(node)`: no own or
   * named property of the node can shadow it. The one way presence.js and highlight.js get theirs
   * too (LinkedOutScan.protoGetter).
   */
  const protoGetter = (proto, name) => {
    const descriptor = proto && Object.getOwnPropertyDescriptor(proto, name);
    return (descriptor && descriptor.get) || null;
  };
  const getter = (proto, name) => {
    const get = protoGetter(proto, name);
    return get ? (node) => get.call(node) : () => undefined;
  };
  // Every DOM method called here takes one argument at most: no argument list is built per call
  // (a rest parameter made an array at every getAttribute, matches and closest of a scan).
  const method = (proto, name) => {
    const fn = proto && proto[name];
    return (node, arg) => fn.call(node, arg);
  };
  const NodeP = root.Node.prototype;
  const ElementP = root.Element.prototype;
  const nodeType = getter(NodeP, 'nodeType');
  const parentElement = getter(NodeP, 'parentElement');
  const textContent = getter(NodeP, 'textContent');
  const ownerDocument = getter(NodeP, 'ownerDocument');
  const getRootNode = method(NodeP, 'getRootNode');
  const localName = getter(ElementP, 'localName');
  const elementId = getter(ElementP, 'id');
  const openShadowRootGet = protoGetter(ElementP, 'shadowRoot');
  // Closed shadow roots too, where the browser lets an extension open them: a switch drawn in one
  // is read like any other, not missed (and a lone unknown switch beside it never taken for the
  // page's setting). Firefox gives content scripts the getter Element.openOrClosedShadowRoot, as
  // cheap as shadowRoot's. Chromium's chrome.dom.openOrClosedShadowRoot() is an extension API
  // call (its arguments checked against a schema): asked only of elements that could hold a
  // closed root and show nothing of their own — custom elements, and childless elements of the
  // kinds attachShadow accepts — not of every element of the page. Elsewhere (jsdom) open ones only.
  const closedGetDescriptor = Object.getOwnPropertyDescriptor(ElementP, 'openOrClosedShadowRoot');
  const chromeDom = root.chrome && root.chrome.dom && typeof root.chrome.dom.openOrClosedShadowRoot === 'function'
    ? root.chrome.dom : null;
  const firstChild = getter(NodeP, 'firstChild');
  const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5',
    'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);
  function mayHoldClosedRoot(el) {
    const name = localName(el);
    return name.includes('-') || (SHADOW_HOSTS.has(name) && firstChild(el) === null);
  }
  // Elements with children found holding a closed root by a tracker's probeClosedRoots (main.js
  // asks it where a missed switch could make the page's lone one its setting): asked again at
  // every walk, like the elements above.
  const closedHosts = new WeakSet();
  let closedHostCount = 0;
  const knownClosedHost = (el) => closedHostCount > 0 && closedHosts.has(el);
  const chromeDomGet = chromeDom ? {
    call(el) {
      const open = openShadowRootGet.call(el);
      if (open || !(mayHoldClosedRoot(el) || knownClosedHost(el))) return open;
      try {
        return chromeDom.openOrClosedShadowRoot(el) || null;
      } catch {
        return null;
      }
    },
  } : null;
  const shadowRootGet = closedGetDescriptor && closedGetDescriptor.get ? closedGetDescriptor.get
    : chromeDomGet || openShadowRootGet;
  const elementChildren = getter(ElementP, 'children');
  const getAttribute = method(ElementP, 'getAttribute');
  const matches = method(ElementP, 'matches');
  const hasAttribute = method(ElementP, 'hasAttribute');
  const closest = method(ElementP, 'closest');
  const elementQsa = method(ElementP, 'querySelectorAll');
  const documentQsa = method(root.Document.prototype, 'querySelectorAll');
  const fragmentQsa = method(root.DocumentFragment.prototype, 'querySelectorAll');
  const documentById = method(root.Document.prototype, 'getElementById');
  const documentByTag = method(root.Document.prototype, 'getElementsByTagName');
  const elementByTag = method(ElementP, 'getElementsByTagName');
  const fragmentById = method(root.DocumentFragment.prototype, 'getElementById');
  // The walk over every element (treesIn) calls these 10,000 times a scan: plain functions, called
  // with .call, no argument list built per call.
  const createTreeWalker = root.Document.prototype.createTreeWalker;
  const walkerNext = root.TreeWalker.prototype.nextNode;
  const SHOW_ELEMENT = 1;  // NodeFilter.SHOW_ELEMENT
  const documentElement = getter(root.Document.prototype, 'documentElement');
  const readyState = getter(root.Document.prototype, 'readyState');
  const inputChecked = getter(root.HTMLInputElement.prototype, 'checked');
  const inputType = getter(root.HTMLInputElement.prototype, 'type');
  /**
   * An input's type, null for any other element: asked once and handed on (each read makes a
   * string in Firefox). Throws for an element named input that is not an HTML one (no `type`
   * getter): callers that must tell such a control from others catch it and report it unreadable.
   */
  const typeOfInput = (el) => (localName(el) === 'input' ? inputType(el) : null);
  /** typeOfInput, but null where it throws. */
  const inputTypeOrNull = (el) => {
    try {
      return typeOfInput(el);
    } catch {
      return null;
    }
  };
  const LABELS = {
    input: getter(root.HTMLInputElement.prototype, 'labels'),
    select: getter(root.HTMLSelectElement.prototype, 'labels'),
    button: getter(root.HTMLButtonElement.prototype, 'labels'),
  };
  const selectOptions = getter(root.HTMLSelectElement.prototype, 'options');
  const optionSelected = getter(root.HTMLOptionElement.prototype, 'selected');
  const optionValue = getter(root.HTMLOptionElement.prototype, 'value');
  const optionText = getter(root.HTMLOptionElement.prototype, 'text');
  const FRAME_DOCUMENT = {
    iframe: getter(root.HTMLIFrameElement.prototype, 'contentDocument'),
    frame: root.HTMLFrameElement ? getter(root.HTMLFrameElement.prototype, 'contentDocument') : () => null,
  };
  const ELEMENT_NODE = 1;
  const DOCUMENT_NODE = 9;

  /** querySelectorAll on a document, shadow root or element: the NodeList itself. */
  function qsaList(scope, selector) {
    const type = nodeType(scope);
    return type === DOCUMENT_NODE ? documentQsa(scope, selector)
      : type === ELEMENT_NODE ? elementQsa(scope, selector) : fragmentQsa(scope, selector);
  }

  /** querySelectorAll on a document, shadow root or element, as an array. */
  const qsa = (scope, selector) => Array.prototype.slice.call(qsaList(scope, selector));

  // ---- the candidates of a tree, in tree order ----
  // querySelectorAll(CANDIDATE_SELECTOR) tests all nine selectors on every element: about 1.5 ms
  // on a 10,000-element page, most of a scan. One simple selector each (a tag, [role], a class)
  // is answered from the engines' fast paths in a few tens of µs; their few hits are then checked
  // against the full selector and merged back into tree order.
  const CANDIDATE_PARTS = ['input', 'select', 'button', '[role]', '.artdeco-toggle'];
  const compareDocumentPosition = method(NodeP, 'compareDocumentPosition');
  const containsNode = method(NodeP, 'contains');
  const FOLLOWING = 4;  // Node.DOCUMENT_POSITION_FOLLOWING

  /** Two lists in tree order (an element may be in both) → one, in tree order, each element once. */
  function mergeInTreeOrder(a, b) {
    if (a.length === 0) return b;
    if (b.length === 0) return a;
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i += 1; j += 1; }
      else if (compareDocumentPosition(a[i], b[j]) & FOLLOWING) { out.push(a[i]); i += 1; }
      else { out.push(b[j]); j += 1; }
    }
    while (i < a.length) { out.push(a[i]); i += 1; }
    while (j < b.length) { out.push(b[j]); j += 1; }
    return out;
  }

  /** Whether `el` (found by one of CANDIDATE_PARTS) matches CANDIDATE_SELECTOR. */
  function isCandidate(el) {
    // input[type="checkbox"], input[type="radio"]: the type keyword is matched ASCII
    // case-insensitively, by CSS and by the `type` getter alike; any other input only by its role.
    // An input is known by its name, not `instanceof HTMLInputElement`: in Firefox's content
    // world that is ~20 times a getter (1.7 µs; round 8). An element named input in another
    // namespace has no `type` getter (it throws): the selector decides, as for any other element.
    const type = inputTypeOrNull(el);
    if (type === 'checkbox' || type === 'radio') return true;
    return matches(el, CANDIDATE_SELECTOR);
  }

  /** What qsa(tree, CANDIDATE_SELECTOR) gives, the same elements in the same order, faster. */
  function candidatesIn(tree) {
    let found = [];
    for (const part of CANDIDATE_PARTS) {
      const list = qsaList(tree, part);
      const kept = [];
      for (let i = 0, n = list.length; i < n; i += 1) {
        const el = list[i];
        let candidate;
        try {
          candidate = isCandidate(el);
        } catch {
          candidate = false;
        }
        if (candidate) kept.push(el);
      }
      found = mergeInTreeOrder(found, kept);
    }
    return found;
  }

  /** The element with `id` in the tree (document or shadow root) that holds `el`. */
  function byIdNear(el, id) {
    const tree = getRootNode(el);
    return nodeType(tree) === DOCUMENT_NODE ? documentById(tree, id) : fragmentById(tree, id);
  }

  const attr = (el, name) => getAttribute(el, name);
  // Most labels, ids and classes need no rewriting: test first, and build a new string or array
  // only when there is something to change (a scan's allocations are what its GC pauses cost).
  const WHITESPACE_RUN = /\s+/g;
  const NEEDS_COLLAPSE = /[^\S ]| {2}/;  // whitespace other than single plain spaces
  const ANY_WHITESPACE = /\s/;
  const collapse = (text) => {
    if (!text) return '';
    return NEEDS_COLLAPSE.test(text) ? text.replace(WHITESPACE_RUN, ' ').trim() : text.trim();
  };
  const idList = (value) => {
    if (!value) return [];
    return ANY_WHITESPACE.test(value) ? value.split(WHITESPACE_RUN).filter(Boolean) : [value];
  };
  // Labels and state words in one Unicode form (NFC): "é" typed as e + a combining accent is the
  // ruleset's "é". Checked first: most text is ASCII, and a string already in NFC is kept as is.
  const NOT_ASCII = /[^\x00-\x7f]/;
  const composed = (text) => (NOT_ASCII.test(text) ? text.normalize('NFC') : text);
  const norm = (text) => composed(collapse(text)).toLowerCase();
  /** `value` lowercased; the same string when it is already (an attribute usually is). */
  const LOWER_ALREADY = /^[a-z]*$/;
  const lower = (value) => (LOWER_ALREADY.test(value) ? value : value.toLowerCase());
  // The class list through the prototypes: contains() answers without making the attribute's
  // string (each read of it allocates one), by the same ASCII-whitespace tokens a .class
  // selector matches.
  const classListGet = protoGetter(ElementP, 'classList');
  const tokenListContains = root.DOMTokenList.prototype.contains;
  /** Whether the class attribute of `el` has `token`. */
  function hasClassToken(el, token) {
    return tokenListContains.call(classListGet.call(el), token);
  }

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

  // ---- On/Off and Yes/No words, in the page's language ----
  const wordSets = {};
  for (const lang of Object.keys(STATE_WORDS.on)) {
    wordSets[lang] = { on: new Set(STATE_WORDS.on[lang].map(norm)), off: new Set(STATE_WORDS.off[lang].map(norm)) };
  }
  const onValues = new Set(STATE_WORDS.on_values);
  const offValues = new Set(STATE_WORDS.off_values);

  function langOfNode(el) {
    const doc = ownerDocument(el);
    const html = doc && documentElement(doc);
    const lang = html ? (attr(html, 'lang') || '') : '';
    return lang.trim().split('-')[0].toLowerCase();
  }

  /** true (an "on" word), false (an "off" word) or null, in the language of `el`'s document. */
  function wordState(text, el) {
    // A state word is short: longer text (a sibling holding a whole description) is none, and is
    // not folded to find that out.
    if (typeof text !== 'string' || text.length === 0 || text.length > MAX_STATE_TEXT) return null;
    const words = wordSets[langOfNode(el)];
    if (!words) return null;
    const word = norm(text);
    if (words.on.has(word)) return true;
    if (words.off.has(word)) return false;
    return null;
  }

  /** The state an option value attribute names ("true", "no", …), or null. */
  function valueState(value) {
    const v = norm(value);
    if (onValues.has(v)) return true;
    if (offValues.has(v)) return false;
    return null;
  }

  // ---- what kind of control an element is ----
  const roleOf = (el) => lower((attr(el, 'role') || '').trim());
  // The type getter gives the keyword in lowercase ("CheckBox" reads "checkbox").
  const isCheckboxInput = (el) => localName(el) === 'input' && inputType(el) === 'checkbox';
  const isRadio = (el) => (localName(el) === 'input' && inputType(el) === 'radio') || roleOf(el) === 'radio';
  /** isRadio, the input's type already read (typeOfInput). */
  const isRadioOfType = (el, type) => type === 'radio' || roleOf(el) === 'radio';
  const classTokens = (el) => idList(attr(el, 'class'));
  const isClassToggle = (el) => hasClassToken(el, 'artdeco-toggle');

  // ---- keys and labels ----
  const firstElementChild = getter(ElementP, 'firstElementChild');
  const nextSibling = getter(NodeP, 'nextSibling');
  const computedStyle = root.getComputedStyle;
  const displayGet = root.CSSStyleDeclaration ? protoGetter(root.CSSStyleDeclaration.prototype, 'display') : null;
  const TEXT_NODE = 3;
  const MAX_LABEL_ELEMENTS = 64;

  /** Whether `el`, inside a label, is left out of what the user sees (and of its accessible name). */
  function hiddenInLabel(el) {
    if (hasAttribute(el, 'hidden') || attr(el, 'aria-hidden') === 'true') return true;
    const style = computedStyle.call(root, el);
    return (displayGet ? displayGet.call(style) : style.display) === 'none';
  }

  /**
   * The text of a labelling element as the user sees it: parts that are not rendered
   * (display: none, the hidden attribute, aria-hidden="true") left out, as its accessible name
   * leaves them out — LinkedIn's labels can carry a hidden "(beta)" or tooltip text. A label
   * with no element inside (most) is its textContent, no style asked; one with more than
   * MAX_LABEL_ELEMENTS elements too (a style each, every scan).
   */
  function labelText(el) {
    if (firstElementChild(el) === null) return textContent(el);
    let out = '';
    let elements = 0;
    const add = (node) => {
      for (let child = firstChild(node); child !== null; child = nextSibling(child)) {
        const type = nodeType(child);
        if (type === TEXT_NODE) out += textContent(child);
        else if (type === ELEMENT_NODE) {
          elements += 1;
          if (elements > MAX_LABEL_ELEMENTS) throw new RangeError('label too large');
          if (!hiddenInLabel(child)) add(child);
        }
      }
    };
    try {
      add(el);
      return out;
    } catch {
      return textContent(el);
    }
  }

  /**
   * The elements that label `el` through aria-labelledby (which may list several ids). `value`:
   * the attribute when the caller has read it already (each read makes a string in Firefox).
   */
  function labellingElements(el, value) {
    try {
      return idList(value === undefined ? attr(el, 'aria-labelledby') : value).map((id) => byIdNear(el, id)).filter((target) => target !== null);
    } catch {
      return [];
    }
  }

  // `labelledBy` below: the element's aria-labelledby as read by the caller (readControl and
  // readsAs read it once for the key and the label both); undefined: read it here.
  function ownKey(el, labelledBy = attr(el, 'aria-labelledby')) {
    // The ids, space-separated: what splitting on whitespace and joining with one space gives.
    const ids = collapse(labelledBy);
    return ids || elementId(el) || null;
  }

  /** The text of the aria-labelledby targets, each collapsed, joined by a space (empty ones too). */
  function labelledByText(el, value = attr(el, 'aria-labelledby')) {
    if (!value) return '';
    if (!ANY_WHITESPACE.test(value)) {  // one id: no list to build
      let target = null;
      try {
        target = byIdNear(el, value);
      } catch {
        target = null;
      }
      return target === null ? '' : collapse(labelText(target));
    }
    return labellingElements(el, value).map((target) => collapse(labelText(target))).join(' ');
  }

  function ownLabel(el, labelledBy) {
    let text = labelledByText(el, labelledBy);
    if (text) return text;  // most switches: no more reads
    text = collapse(attr(el, 'aria-label'));
    const labels = LABELS[localName(el)];
    const list = !text && labels ? labels(el) : null;
    if (list) text = Array.prototype.map.call(list, (l) => collapse(labelText(l))).join(' ');
    if (!text && localName(el) === 'fieldset') {
      const legend = Array.prototype.find.call(elementChildren(el), (child) => localName(child) === 'legend');
      if (legend) text = collapse(labelText(legend));
    }
    return text;
  }

  const limitKey = (key) => (key !== null && key.length <= MAX_KEY_CHARS ? key : null);

  /**
   * aria-labelledby (every id, space-separated: the host matches any id it knows), else the
   * element's id, else null (the host then matches by label or by page). For a radio group, the
   * group's (its fieldset or radiogroup), else the radios' name.
   */
  function keyOf(el) {
    return keyAs(el, radioness(el));
  }

  // Whether `el` is a radio and whether it is a checkbox input, asked once by readControl and
  // readsAs and handed to keyOf, labelOf, checkedOf and isDisabled (each asked again: the role
  // and the input's type read four and two times a switch, and in Firefox every read makes a
  // string). Flags: RADIO, CHECKBOX_INPUT; ASKED_THREW: asking threw; each then asks itself, as
  // before, and takes its own fallback. null: not asked (checkedOf, isDisabled alone).
  const RADIO = 1;
  const ASKED_THREW = 2;
  const CHECKBOX_INPUT = 4;
  function radioness(el) {
    try {
      const type = typeOfInput(el);
      return (isRadioOfType(el, type) ? RADIO : 0) | (type === 'checkbox' ? CHECKBOX_INPUT : 0);
    } catch {
      return ASKED_THREW;
    }
  }
  const radioAs = (el, radio) => (radio === null || radio === ASKED_THREW ? isRadio(el) : (radio & RADIO) !== 0);
  const checkboxInputAs = (el, radio) => (radio === null || radio === ASKED_THREW ? isCheckboxInput(el) : (radio & CHECKBOX_INPUT) !== 0);

  /**
   * The aria-labelledby of a switch that is not a radio, read once for its key and its label;
   * undefined (each reads it itself) for a radio, whose key and label are its group's, or when
   * reading threw.
   */
  function labelledByAs(el, radio) {
    if (radio === ASKED_THREW || (radio & RADIO) !== 0) return undefined;
    try {
      return attr(el, 'aria-labelledby');
    } catch {
      return undefined;
    }
  }

  function keyAs(el, radio, labelledBy) {
    try {
      if (radioAs(el, radio)) {
        const group = radioGroupOf(el);
        const key = (group.container && ownKey(group.container)) || group.name || null;
        return limitKey(key);
      }
      return limitKey(ownKey(el, labelledBy));
    } catch {
      return null;
    }
  }

  /** Visible label text: aria-labelledby targets, else aria-label, else <label> elements. */
  function labelOf(el) {
    return labelAs(el, radioness(el));
  }

  function labelAs(el, radio, labelledBy) {
    try {
      if (!radioAs(el, radio)) return cutWhole(composed(collapse(ownLabel(el, labelledBy))), MAX_LABEL_CHARS);
      const target = radioGroupOf(el).container;
      return cutWhole(composed(collapse(target ? ownLabel(target) : '')), MAX_LABEL_CHARS);
    } catch {
      return '';
    }
  }

  // ---- state ----
  const ariaBool = (value) => (value === 'true' ? true : value === 'false' ? false : null);

  /**
   * The text a control shows as its state: its own text, else the one sibling that is a state
   * word (a sibling that is a control itself shows its own state, not this one's). Every switch's
   * state is checked against it (unlessShownOtherwise): no list is made, and an empty text is
   * no word without being folded.
   */
  function shownState(el) {
    const own = wordState(textContent(el), el);
    if (own !== null) return own;
    const parent = parentElement(el);
    if (!parent) return null;
    const siblings = elementChildren(parent);
    let found = null;
    for (let i = 0, n = siblings.length; i < n; i += 1) {
      const sibling = siblings[i];
      if (sibling === el) continue;
      const state = wordState(textContent(sibling), el);
      if (state === null || isCandidate(sibling)) continue;
      if (found !== null) return null;  // two state words: neither is known to be this control's
      found = state;
    }
    return found;
  }

  /** The artdeco toggle: its --toggled class, checked against its On/Off text when it shows one. */
  function classToggleState(el) {
    const byClass = hasClassToken(el, 'artdeco-toggle--toggled');
    const byText = wordState(textContent(el), el);
    if (byText === null) return collapse(textContent(el)) === '' ? byClass : null;
    return byText === byClass ? byClass : null;
  }

  /** A radio group: {container, name, options: [{el, state, selected}]}. */
  function radioGroupOf(el) {
    const container = closest(el, GROUP_SELECTOR);
    const name = localName(el) === 'input' ? attr(el, 'name') : null;
    let members;
    if (name) {
      const scope = (container && roleOf(container) === 'radiogroup') ? container : getRootNode(el);
      members = qsa(scope, 'input[type="radio"]').filter((r) => attr(r, 'name') === name);
    } else if (container) {
      members = qsa(container, 'input[type="radio"], [role="radio"]').filter((r) => closest(r, GROUP_SELECTOR) === container);
    } else {
      members = [el];
    }
    const options = members.map((option) => ({
      el: option,
      state: answerState(option),
      selected: localName(option) === 'input' ? inputChecked(option) === true : attr(option, 'aria-checked') === 'true',
    }));
    return { container, name, options };
  }

  /** Which answer an option gives: on (Yes), off (No), null (neither), from its value or its words. */
  function answerState(option) {
    const byValue = localName(option) === 'option' ? valueState(optionValue(option))
      : (hasAttribute(option, 'value') ? valueState(attr(option, 'value')) : null);
    if (byValue !== null) return byValue;
    if (localName(option) === 'option') return wordState(optionText(option), option);
    return wordState(ownLabel(option) || textContent(option), option);
  }

  /** The page's setting asks the inverse question: "Yes" is its off answer (ruleset off_answer). */
  function offAnswerIsYes(el) {
    try {
      const doc = ownerDocument(el);
      const path = new URL(doc.URL).pathname.replace(/\/+$/, '').replace('/mypreferences/m/', '/mypreferences/d/');
      return OFF_ANSWER_YES_PATHS.includes(path);
    } catch {
      return false;
    }
  }

  /**
   * A choice (radio group or select) as a switch: true when the chosen answer is not the off one.
   * Unreadable (null) when nothing is chosen, or an option is neither Yes nor No, or there is no
   * Yes or no No to tell them apart.
   */
  function choiceState(options, el) {
    if (options.some((o) => o.state === null)) return null;
    if (!options.some((o) => o.state === true) || !options.some((o) => o.state === false)) return null;
    const chosen = options.filter((o) => o.selected);
    if (chosen.length !== 1) return null;
    const yes = chosen[0].state;
    return offAnswerIsYes(el) ? !yes : yes;
  }

  function selectOptionsOf(el) {
    return Array.prototype.map.call(selectOptions(el), (option) => ({
      el: option, state: answerState(option), selected: optionSelected(option) === true,
    }));
  }

  /**
   * The control's state, or null when it cannot be read:
   *   checkbox input: .checked, unless aria-checked is present and disagrees (or is "mixed");
   *   role switch/checkbox element: aria-checked, else its visible On/Off text;
   *   toggle button: aria-pressed;  artdeco toggle: class and text;  radio group, select: the answer.
   */
  function checkedOf(el) {
    return checkedAs(el, null);
  }

  /** checkedOf, `radio` from radioness(el) (null: not asked yet, asked here when needed). */
  function checkedAs(el, radio) {
    try {
      if (checkboxInputAs(el, radio)) {
        const checked = inputChecked(el);
        if (typeof checked !== 'boolean') return null;
        if (!hasAttribute(el, 'aria-checked')) return checked;
        const aria = ariaBool(attr(el, 'aria-checked'));
        return aria === checked ? checked : null;
      }
      if (radioAs(el, radio)) return choiceState(radioGroupOf(el).options, el);
      if (localName(el) === 'select') return choiceState(selectOptionsOf(el), el);
      if (hasAttribute(el, 'aria-checked')) return unlessShownOtherwise(el, ariaBool(attr(el, 'aria-checked')));
      if (hasAttribute(el, 'aria-pressed')) return unlessShownOtherwise(el, ariaBool(attr(el, 'aria-pressed')));
      if (isClassToggle(el)) return classToggleState(el);
      const role = roleOf(el);
      if (role === 'switch' || role === 'checkbox') return shownState(el);
      return null;
    } catch {
      return null;
    }
  }

  /**
   * `state`, unless the control shows On/Off text (its own, or the one state word beside it) that
   * says the opposite: then null. What the user sees and what the page tells assistive technology
   * differ; which one is true is a guess (a half-done update, or a page that lies to one of them).
   * Not asked of a checkbox input: its .checked is what the user just clicked, and LinkedIn's
   * older toggle updates its On/Off text only once the save came back (a refused one is put back
   * through .checked).
   */
  function unlessShownOtherwise(el, state) {
    if (state === null) return null;
    const shown = shownState(el);
    return shown === null || shown === state ? state : null;
  }

  /**
   * A checkbox input whose aria-checked says the opposite of .checked, or a switch (not an input)
   * whose On/Off text says the opposite of its aria-checked or aria-pressed (a re-render in progress?).
   */
  function isDisagreeing(el) {
    try {
      if (isCheckboxInput(el) && hasAttribute(el, 'aria-checked')) {
        const aria = ariaBool(attr(el, 'aria-checked'));
        if (aria !== null && aria !== inputChecked(el)) return true;
      }
      if (localName(el) === 'input') return false;  // its text may lag a save (unlessShownOtherwise)
      const state = hasAttribute(el, 'aria-checked') ? ariaBool(attr(el, 'aria-checked'))
        : hasAttribute(el, 'aria-pressed') ? ariaBool(attr(el, 'aria-pressed')) : null;
      if (state === null) return false;
      const shown = shownState(el);
      return shown !== null && shown !== state;
    } catch {
      return false;
    }
  }

  /**
   * A bare checkbox (no role, no aria-checked) that sits in a list with other checkboxes.
   * `counts` (list element → its checkbox count) is shared over one scan, so each list is counted
   * once however many checkboxes it holds: the scan stays linear in the page's size.
   */
  function isListOption(el, counts = new Map()) {
    return isListOptionOfType(el, counts, typeOfInput(el));
  }

  /** isListOption, the input's type already read (typeOfInput). */
  function isListOptionOfType(el, counts, type) {
    if (type !== 'checkbox' || hasAttribute(el, 'role') || hasAttribute(el, 'aria-checked')) return false;
    const parent = parentElement(el);
    const list = parent && closest(parent, LIST_SELECTOR);
    if (!list) return false;
    if (!counts.has(list)) counts.set(list, qsa(list, 'input[type="checkbox"]').length);
    return counts.get(list) > 1;
  }

  /** The document inside a frame element, or null (cross-origin: null, or a throw). */
  function frameDocument(frame) {
    try {
      return FRAME_DOCUMENT[localName(frame)](frame) || null;
    } catch {
      return null;
    }
  }

  /**
   * Calls visit(shadowRoot, host) for every element below `scope` (a document, shadow root or
   * element) that hosts an open shadow root, in tree order. Any element may host one, so every
   * element is asked: one TreeWalker over the tree (in Chromium half the cost of indexing a live
   * getElementsByTagName('*') collection; no list of the page's elements is built).
   */
  function eachShadowRootBelow(scope, visit) {
    const doc = nodeType(scope) === DOCUMENT_NODE ? scope : ownerDocument(scope);
    const walker = createTreeWalker.call(doc, scope, SHOW_ELEMENT, null);
    for (let el = walkerNext.call(walker); el !== null; el = walkerNext.call(walker)) {
      const inner = shadowRootGet.call(el);
      if (inner) visit(inner, el);
    }
  }

  /** The iframes and frames below `scope` (a document or element: iframes first; a shadow root: tree order). */
  function framesBelow(scope) {
    const type = nodeType(scope);
    if (type === DOCUMENT_NODE || type === ELEMENT_NODE) {
      const byTag = type === DOCUMENT_NODE ? documentByTag : elementByTag;
      const iframes = byTag(scope, 'iframe');
      const frames = byTag(scope, 'frame');
      // Most scopes hold none: no list is made for them.
      if (iframes.length + frames.length === 0) return NO_FRAMES;
      return [...Array.prototype.slice.call(iframes), ...Array.prototype.slice.call(frames)];
    }
    return qsa(scope, 'iframe, frame');
  }
  const NO_FRAMES = Object.freeze([]);

  /**
   * The documents and open shadow roots inside `scope`, `scope`'s own tree first. `found` (a
   * Map, for treeTracker) gets each tree below `scope` → {parent, anchor, depth}: the tree it
   * sits in, its host or frame element there, and its depth.
   */
  function treesIn(scope, depth = 0, trees = [], found = null, unreadable = null) {
    trees.push(scope);
    if (depth > MAX_FRAME_DEPTH) return trees;
    // Shadow roots are walked in turn, depth first, where they sit in tree order; then frames.
    const enter = (inner, anchor) => {
      if (found) found.set(inner, { parent: scope, anchor, depth: depth + 1 });
      treesIn(inner, depth + 1, trees, found, unreadable);
    };
    eachShadowRootBelow(scope, enter);
    for (const frame of framesBelow(scope)) {
      const inner = frameDocument(frame);
      if (inner) enter(inner, frame);
      else if (unreadable && !unreadable.includes(frame)) unreadable.push(frame);  // (treeTracker's: see unreadableFrames)
    }
    return trees;
  }

  // ---- the trees of a page, kept between scans ----
  // A full walk asks every element of the page for its shadow root (half of a scan's time on a
  // 10,000-element page). Between two walks, a tree can only appear inside nodes that were added
  // (a mutation record names them) or by attachShadow on an element already in the page, which no
  // record names: the tracker's caller walks the whole page again for that often enough
  // (content/main.js: at the first scan, at navigation, and at most FULL_WALK_MS after any scan
  // that did not).
  const isConnectedGet = protoGetter(NodeP, 'isConnected');
  const MAX_ADDED = 2000;  // more added nodes than this since the last scan: walk the whole page
  const MAX_FRESH_CANDIDATES = 200;  // more new candidates in one tree: query that tree again

  /**
   * Whether a tree from an earlier walk is still where it was: the tree holding it is, its host or
   * frame element is still in that tree (moved elsewhere, it is found again where it went), and
   * still holds it.
   */
  function stillThere(info) {
    if (!isConnectedGet.call(info.anchor) || getRootNode(info.anchor) !== info.parent) return false;
    const name = localName(info.anchor);
    const now = name === 'iframe' || name === 'frame' ? frameDocument(info.anchor) : shadowRootGet.call(info.anchor);
    return now === info.tree;
  }

  /** Elements in tree order (all in one tree), sorted in place; lists are short (a tree's hosts). */
  function inTreeOrder(list, key) {
    for (let i = 1; i < list.length; i += 1) {
      const item = list[i];
      let j = i - 1;
      while (j >= 0 && (compareDocumentPosition(key(item), key(list[j])) & FOLLOWING)) {
        list[j + 1] = list[j];
        j -= 1;
      }
      list[j + 1] = item;
    }
    return list;
  }

  /**
   * The trees of `doc` as treesIn(doc) lists them (same trees, same order) when no shadow root was
   * attached to an element that was already in the page: `trees(true)` walks the whole page,
   * `trees(false)` keeps the last walk's trees that are still there and walks only the nodes
   * noted as added since (noteAdded, from mutation records).
   */
  function treeTracker(doc) {
    let known = null;  // tree → {tree, parent, anchor, depth}, from the last call
    // The last call's trees in treesIn's order; null when a tree came, went or may have moved.
    let order = null;
    // The nodes added and the elements whose role, type or aria-pressed changed since the last
    // call (noteAdded, noteChanged; added null: too many, walk the whole page), and the tree each
    // still sits in (filled by trees(false)). Emptied, not replaced, after each call: a scan after
    // a page change makes no list it does not keep (what it allocates, its GC pauses cost).
    let added = [];
    const changed = [];
    const addedTree = [];
    const changedTree = [];
    // Each tree's candidates (candidatesIn) as the last call left them.
    let candidates = new Map();
    // The frames whose document cannot be read, found by the last full walk and in the nodes
    // added since (main.js reports them beside the switches): no collection of the page's frames
    // is asked at each scan (Chromium rebuilds one after any change: a walk of the whole page).
    let unreadable = [];

    function walkAll() {
      const found = new Map();
      unreadable = [];
      const trees = treesIn(doc, 0, [], found, unreadable);
      known = new Map();
      for (const [tree, info] of found) known.set(tree, { tree, ...info });
      order = trees;
      added = [];
      changed.length = 0;
      candidates = new Map();
      return trees;
    }

    const candidateSafe = (el) => {
      try {
        return nodeType(el) === ELEMENT_NODE && isCandidate(el);
      } catch {
        return false;
      }
    };
    const depthOf = (tree) => (tree === doc ? 0 : known.get(tree).depth);

    /**
     * `tree`'s candidates now, from the last call's: those still in the tree and still candidates,
     * and those in the nodes added to it or changed since, merged in tree order. Null when so
     * much changed that querying the tree again is simpler. With nothing new in the tree (the
     * usual change: a feed card, a tooltip) the kept list itself, with any candidate that left
     * taken out in place.
     */
    function updatedCandidates(tree, before) {
      let fresh = null;
      const note = (list) => { if (list.length > 0) (fresh || (fresh = [])).push(list); };
      for (let i = 0; i < added.length; i += 1) {
        if (addedTree[i] !== tree) continue;
        const node = added[i];
        if (candidateSafe(node)) note([node]);
        note(candidatesIn(node));
      }
      for (let i = 0; i < changed.length; i += 1) if (changedTree[i] === tree && candidateSafe(changed[i])) note([changed[i]]);
      // A kept candidate is an element (a query found it), and `tree` is connected (a tree that is
      // not was forgotten above): in it is in the page. Two wrapper calls fewer a candidate, each
      // scan (round 8).
      const stillHere = (el) => {
        try {
          return getRootNode(el) === tree && isCandidate(el);
        } catch {
          return false;
        }
      };
      if (fresh === null) {
        let kept = 0;
        for (let i = 0; i < before.length; i += 1) {
          const el = before[i];
          if (stillHere(el)) before[kept++] = el;
        }
        before.length = kept;
        return before;
      }
      let count = 0;
      for (const list of fresh) count += list.length;
      if (count > MAX_FRESH_CANDIDATES) return null;
      // A kept candidate that was moved is in an added node: it is merged back where it is now.
      const moved = new Set();
      for (const list of fresh) for (const el of list) moved.add(el);
      let merged = [];
      for (let i = 0; i < before.length; i += 1) {
        const el = before[i];
        if (!moved.has(el) && stillHere(el)) merged.push(el);
      }
      // Each list is in tree order (a node before its descendants); a node added twice, or added
      // and changed, is merged once.
      const seen = new Set(merged);
      for (const list of fresh) {
        const unseen = list.filter((el) => !seen.has(el));
        for (const el of unseen) seen.add(el);
        if (unseen.length > 0) merged = mergeInTreeOrder(merged, unseen);
      }
      return merged;
    }

    /** New trees inside `el` (itself included) that are not in `known`: walked whole, recorded. */
    function treesUnder(el, parent, depth) {
      const record = (tree, anchor) => {
        if (known.has(tree)) return;
        const found = new Map();
        treesIn(tree, depth + 1, [], found, unreadable);
        known.set(tree, { tree, parent, anchor, depth: depth + 1 });
        for (const [below, info] of found) if (!known.has(below)) known.set(below, { tree: below, ...info });
        order = null;
      };
      const recordAt = (node) => {
        const inner = shadowRootGet.call(node);
        if (inner) record(inner, node);
        const name = localName(node);
        if (name === 'iframe' || name === 'frame') {
          const inside = frameDocument(node);
          if (inside) record(inside, node);
          else if (!unreadable.includes(node)) unreadable.push(node);
        }
      };
      // One walk finds the shadow roots and the frames below `el` (the order they are recorded in
      // does not matter: ordered() sorts). Asking every added node for its iframes and frames by
      // two collections cost more than walking a feed card in Firefox's content world (round 8).
      recordAt(el);
      const walker = createTreeWalker.call(ownerDocument(el), el, SHOW_ELEMENT, null);
      for (let node = walkerNext.call(walker); node !== null; node = walkerNext.call(walker)) recordAt(node);
    }

    /** Whether `node`, added to `tree`, holds (or is) the host or frame of a known tree there: it moved. */
    function holdsAnchor(node, tree) {
      for (const info of known.values()) if (info.parent === tree && containsNode(node, info.anchor)) return true;
      return false;
    }

    /** treesIn's order: a tree, then its shadow roots' trees by host in tree order, then its frames'. */
    function ordered() {
      const children = new Map();
      for (const info of known.values()) {
        if (!children.has(info.parent)) children.set(info.parent, []);
        children.get(info.parent).push(info);
      }
      const out = [];
      const visit = (tree) => {
        out.push(tree);
        const below = children.get(tree);
        if (!below) return;
        const isFrame = (info) => nodeType(info.tree) === DOCUMENT_NODE;
        const hosts = inTreeOrder(below.filter((info) => !isFrame(info)), (info) => info.anchor);
        // A document lists its iframes, then its frames; a shadow root both in tree order.
        let frames = inTreeOrder(below.filter(isFrame), (info) => info.anchor);
        if (nodeType(tree) === DOCUMENT_NODE) {
          frames = [...frames.filter((info) => localName(info.anchor) === 'iframe'), ...frames.filter((info) => localName(info.anchor) !== 'iframe')];
        }
        for (const info of hosts) visit(info.tree);
        for (const info of frames) visit(info.tree);
      };
      visit(doc);
      return out;
    }

    function trees(full) {
      if (full || known === null || added === null) return walkAll();
      // The last walk's trees that are still there. A parent comes before its children (a Map
      // keeps the order they were found in, and a tree is found after the tree holding it), so a
      // tree whose parent is gone finds it already deleted.
      for (const info of known.values()) {
        let there = false;
        try {
          there = (info.parent === doc || known.has(info.parent)) && stillThere(info);
        } catch {
          there = false;
        }
        if (!there) {
          known.delete(info.tree);
          order = null;
        }
      }
      addedTree.length = added.length;
      for (let i = 0; i < added.length; i += 1) {
        const node = added[i];
        addedTree[i] = null;
        try {
          if (nodeType(node) !== ELEMENT_NODE || !isConnectedGet.call(node)) continue;
          const tree = getRootNode(node);
          if (tree !== doc && !known.has(tree)) continue;
          addedTree[i] = tree;
          // A host or frame moved within its tree: the order is sorted again.
          if (order !== null && known.size > 0 && holdsAnchor(node, tree)) order = null;
          if (depthOf(tree) > MAX_FRAME_DEPTH) continue;
          treesUnder(node, tree, depthOf(tree));
        } catch {
          // a node that throws is not walked; the next full walk looks again
        }
      }
      changedTree.length = changed.length;
      for (let i = 0; i < changed.length; i += 1) {
        const el = changed[i];
        changedTree[i] = null;
        try {
          if (isConnectedGet.call(el)) changedTree[i] = getRootNode(el);
        } catch {
          // as above
        }
      }
      if (order === null) order = ordered();
      // Each kept tree's candidates brought up to date, in place; a tree that went, forgotten.
      for (const tree of candidates.keys()) if (tree !== doc && !known.has(tree)) candidates.delete(tree);
      for (let i = 0; i < order.length; i += 1) {
        const tree = order[i];
        const before = candidates.get(tree);
        if (!before) continue;  // a new tree: queried when asked (candidatesOf)
        const now = updatedCandidates(tree, before);
        if (now === null) candidates.delete(tree);
        else if (now !== before) candidates.set(tree, now);
      }
      // Emptied, not replaced (and the elements let go).
      added.length = 0;
      changed.length = 0;
      addedTree.length = 0;
      changedTree.length = 0;
      return order;
    }

    // The elements probeClosedRoots has asked already (each asked once).
    const probed = new WeakSet();

    return Object.freeze({
      trees,
      /**
       * Chromium: asks the extension API of the last call's trees' elements that the walks do not
       * ask (those with children, of the kinds attachShadow accepts), each element once, whether
       * it holds a closed shadow root; true when one was found (the next full walk reads it).
       * Microseconds an element: for before a page of one or two switches is sent and for a
       * verdict that rests on the page alone (main.js), not for every scan. Elsewhere false:
       * Firefox's walks ask every element.
       */
      probeClosedRoots() {
        if (shadowRootGet !== chromeDomGet || known === null) return false;
        let found = false;
        for (const tree of order || ordered()) {
          let walker;
          try {
            walker = createTreeWalker.call(nodeType(tree) === DOCUMENT_NODE ? tree : ownerDocument(tree), tree, SHOW_ELEMENT, null);
          } catch {
            continue;  // a frame's document that went away
          }
          for (let el = walkerNext.call(walker); el !== null; el = walkerNext.call(walker)) {
            // Childless ones are asked by every walk (and kept out of `probed`: one that gets
            // children later is asked here then).
            if (!SHADOW_HOSTS.has(localName(el)) || firstChild(el) === null || probed.has(el)) continue;
            probed.add(el);
            if (openShadowRootGet.call(el)) continue;
            let inner = null;
            try {
              inner = chromeDom.openOrClosedShadowRoot(el);
            } catch {
              inner = null;
            }
            if (inner && !closedHosts.has(el)) {
              closedHosts.add(el);
              closedHostCount += 1;
              found = true;
            }
          }
        }
        return found;
      },
      /**
       * The frames in the last call's trees whose document cannot be read (another origin, a
       * sandbox), in the order found: those still in the page and still unreadable. The list is
       * the tracker's own, kept from call to call: read it, do not keep it.
       */
      unreadableFrames() {
        let kept = 0;
        for (let i = 0; i < unreadable.length; i += 1) {
          const frame = unreadable[i];
          let still = false;
          try {
            still = isConnectedGet.call(frame) && frameDocument(frame) === null;
          } catch {
            still = false;
          }
          if (still) unreadable[kept++] = frame;
        }
        unreadable.length = kept;
        return unreadable;
      },
      /** A node added to one of the trees since the last call (from a mutation record). */
      noteAdded(node) {
        if (added === null) return;
        if (added.length >= MAX_ADDED) added = null; else added.push(node);
      },
      /** An element whose role, type or aria-pressed changed since the last call (a record too). */
      noteChanged(el) {
        if (added === null) return;
        if (changed.length >= MAX_ADDED) added = null; else changed.push(el);
      },
      /**
       * The candidates of `tree` (one of the last call's trees), as candidatesIn(tree) finds them
       * (switchesIn's third argument): kept from the call before and updated with what was added
       * or changed, queried afresh after a full walk or for a new tree. A class that makes an
       * element already on the page an .artdeco-toggle has no record either: the next full walk
       * finds it.
       */
      candidatesOf(tree) {
        let list = candidates.get(tree);
        if (!list) {
          list = candidatesIn(tree);
          candidates.set(tree, list);
        }
        return list;
      },
    });
  }

  /**
   * Whether a candidate element is a setting control, and which element stands for it: a radio
   * group is reported once, by its "off" option (the one to pick); a Yes/No-less choice is not a
   * setting; an artdeco toggle wrapping a real control is that control, not a second one.
   */
  function representative(el, seenGroups, counts) {
    // The input's type read once for both questions (a throw here: the caller reports it unreadable).
    const type = typeOfInput(el);
    if (isListOptionOfType(el, counts, type)) return null;
    if (isRadioOfType(el, type)) {
      const group = radioGroupOf(el);
      const groupId = group.container || `${group.name}`;
      const known = group.options.filter((o) => o.state !== null);
      if (known.length === 0) return null;
      const tree = getRootNode(el);
      if (!seenGroups.has(tree)) seenGroups.set(tree, new Set());
      if (seenGroups.get(tree).has(groupId)) return null;
      seenGroups.get(tree).add(groupId);
      const off = group.options.find((o) => o.state === (offAnswerIsYes(el) ? true : false));
      return off ? off.el : group.options[0].el;
    }
    if (localName(el) === 'select') {
      return selectOptionsOf(el).some((o) => o.state !== null) ? el : null;
    }
    if (isClassToggle(el) && qsa(el, CANDIDATE_SELECTOR).length > 0) return null;
    return el;
  }

  const scratchGroups = new Map();
  const scratchCounts = new Map();
  let scratchInUse = false;

  /**
   * The setting controls inside `scope` (a document, shadow root or element), tree by tree;
   * `trees` (from treesIn(scope)) when the caller already has them, `candidatesOf` (a
   * treeTracker's) when it keeps each tree's candidates between scans; `found`, an array the
   * caller reuses from scan to scan (main.js): written from its start, its length then set to the
   * count, and returned. Not emptied first: V8 frees an array's room when its length is set to 0,
   * and growing it back to 50 switches again took about 1 KB per scan.
   */
  function switchesIn(scope, trees = treesIn(scope), candidatesOf = candidatesIn, found = []) {
    // The scan's radio groups and lists: two Maps made once and emptied after each scan (a
    // switchesIn inside another, as highlight.js's rowOf could make, gets its own).
    const reuse = !scratchInUse;
    const seenGroups = reuse ? scratchGroups : new Map();
    const counts = reuse ? scratchCounts : new Map();
    scratchInUse = true;
    let n = 0;
    try {
      for (let t = 0; t < trees.length && n < MAX_CONTROLS; t += 1) {
        const list = candidatesOf(trees[t]);
        for (let i = 0; i < list.length && n < MAX_CONTROLS; i += 1) {
          const el = list[i];
          let control;
          try {
            control = representative(el, seenGroups, counts);
          } catch {
            control = el;  // reading it threw: report it, unreadable
          }
          if (control) found[n++] = control;
        }
      }
      return found;
    } finally {
      if (found.length !== n) found.length = n;
      if (reuse) {
        if (seenGroups.size > 0) seenGroups.clear();
        if (counts.size > 0) counts.clear();
        scratchInUse = false;
      }
    }
  }

  // switchCountIn's radio groups and lists, as switchesIn's scratch maps.
  const countGroups = new Map();
  const countLists = new Map();
  let countInUse = false;

  /**
   * How many switches switchesIn(scope) would give, counted up to `atMost` (it stops there):
   * highlight.js asks this of up to six ancestors of every highlighted switch, and collecting
   * their switches only to count them was most of what an apply allocated. The same switches as
   * switchesIn: the candidates of `scope`'s own tree below it, of the open shadow roots and
   * same-origin frames below it (to the same depth), each through representative(). One
   * TreeWalker a tree, no query, no list: a count needs no tree order (a radio group is one
   * switch whichever of its radios comes first).
   */
  function switchCountIn(scope, atMost = MAX_CONTROLS) {
    const reuse = !countInUse;
    const seenGroups = reuse ? countGroups : new Map();
    const counts = reuse ? countLists : new Map();
    countInUse = true;
    try {
      return countInTree(scope, 0, Math.min(atMost, MAX_CONTROLS), 0, seenGroups, counts);
    } finally {
      if (reuse) {
        if (seenGroups.size > 0) seenGroups.clear();
        if (counts.size > 0) counts.clear();
        countInUse = false;
      }
    }
  }

  /** `n` plus the switches of `tree` below it and of the trees inside it (treesIn's), up to `atMost`. */
  function countInTree(tree, depth, atMost, n, seenGroups, counts) {
    const doc = nodeType(tree) === DOCUMENT_NODE ? tree : ownerDocument(tree);
    const walker = createTreeWalker.call(doc, tree, SHOW_ELEMENT, null);
    for (let el = walkerNext.call(walker); el !== null && n < atMost; el = walkerNext.call(walker)) {
      let candidate;
      try {
        candidate = isCandidate(el);
      } catch {
        candidate = false;
      }
      if (candidate) {
        let control;
        try {
          control = representative(el, seenGroups, counts);
        } catch {
          control = el;  // as switchesIn: reading it threw, it is reported (unreadable)
        }
        if (control) n += 1;
      }
      if (depth > MAX_FRAME_DEPTH || n >= atMost) continue;  // treesIn looks no deeper
      const inner = shadowRootGet.call(el);
      if (inner) n = countInTree(inner, depth + 1, atMost, n, seenGroups, counts);
      const name = localName(el);
      if (n < atMost && (name === 'iframe' || name === 'frame')) {
        const inside = frameDocument(el);
        if (inside) n = countInTree(inside, depth + 1, atMost, n, seenGroups, counts);
      }
    }
    return n;
  }

  /** Whether every element that labels `el` through aria-labelledby is inside `container` (no list made for one id). */
  function labelsInside(el, container) {
    let value;
    try {
      value = attr(el, 'aria-labelledby');
    } catch {
      return true;  // as labellingElements: no labels read
    }
    if (!value) return true;
    if (!ANY_WHITESPACE.test(value)) {
      let target = null;
      try {
        target = byIdNear(el, value);
      } catch {
        target = null;
      }
      return target === null || containsNode(container, target);
    }
    return labellingElements(el, value).every((label) => containsNode(container, label));
  }

  /** The control `node` is, or is inside (an event target from any tree), or null. */
  function controlAround(node) {
    try {
      return node && nodeType(node) === ELEMENT_NODE ? closest(node, CANDIDATE_SELECTOR) : null;
    } catch {
      return null;
    }
  }

  // LinkedIn's loading states: a spinner or progress bar, a busy region, a skeleton (class names
  // are hashed, but LinkedIn's loaders keep these words), a main area still empty.
  const LOADING_SELECTOR = '[aria-busy="true"], [role="progressbar"], progress, [class*="skeleton" i], '
    + '[class*="spinner" i], [class*="loader" i]';
  const LOADING_CLASS = /(?:^|[-_])(?:skeleton|spinner|loader|loading)(?:$|[-_])/i;

  function isShown(el) {
    return !closest(el, '[hidden], [aria-hidden="true"], template');
  }

  function treeLoading(tree) {
    if (nodeType(tree) === DOCUMENT_NODE) {
      if (readyState(tree) !== 'complete') return true;
      const mains = qsa(tree, 'main, [role="main"]');
      if (mains.length > 0 && mains.every((m) => collapse(textContent(m)) === '')) return true;
    }
    return showsLoadingSign(tree);
  }

  /** A visible spinner, progress bar, busy region or skeleton in `tree` (a document or shadow root). */
  function showsLoadingSign(tree) {
    return qsa(tree, LOADING_SELECTOR).some((el) => {
      if (!isShown(el)) return false;
      if (hasAttribute(el, 'aria-busy') || roleOf(el) === 'progressbar' || localName(el) === 'progress') return true;
      return classTokens(el).some((token) => LOADING_CLASS.test(token));
    });
  }

  /**
   * The page (any of its trees) is still loading: the document or a frame not complete, an empty
   * main area, a visible spinner, progress bar, busy region or skeleton. A page that shows none
   * of these has settled.
   */
  function pageLoading(doc, trees = treesIn(doc)) {
    try {
      return trees.some(treeLoading);
    } catch {
      return false;
    }
  }

  /**
   * The page, switches already found in it, still shows a sign that more is coming: a visible
   * spinner, progress bar, busy region or skeleton in any of its trees (not pageLoading's empty
   * main: a page drawn in shadow roots has none of its text there).
   */
  function pageShowsLoadingSign(trees) {
    try {
      return trees.some(showsLoadingSign);
    } catch {
      return false;
    }
  }

  /**
   * The page does not let the user change it (disabled, in a disabled fieldset, aria-disabled);
   * for a radio group, also the group's own aria-disabled.
   */
  function isDisabled(el) {
    return disabledAs(el, null);
  }

  /** isDisabled, `radio` as checkedAs's. */
  function disabledAs(el, radio) {
    try {
      if (matches(el, ':disabled') || attr(el, 'aria-disabled') === 'true') return true;
      const group = radioAs(el, radio) ? radioGroupOf(el).container : null;
      return Boolean(group) && attr(group, 'aria-disabled') === 'true';
    } catch {
      return false;
    }
  }

  function readControl(el) {
    const radio = radioness(el);
    const labelledBy = labelledByAs(el, radio);
    const control = { key: keyAs(el, radio, labelledBy), label: labelAs(el, radio, labelledBy), checked: checkedAs(el, radio) };
    if (disabledAs(el, radio)) control.disabled = true;
    return control;
  }

  /**
   * Whether `el` reads now exactly as `control` (what readControl gave): every field readControl
   * gives, compared as read, without building the object (a re-scan of an unchanged page, most
   * scans, builds none). Kept in step with readControl.
   */
  function readsAs(el, control) {
    if (control === null || typeof control !== 'object') return false;
    const radio = radioness(el);
    const labelledBy = labelledByAs(el, radio);
    if (keyAs(el, radio, labelledBy) !== control.key || labelAs(el, radio, labelledBy) !== control.label
      || checkedAs(el, radio) !== control.checked) return false;
    return disabledAs(el, radio) ? control.disabled === true : !('disabled' in control);
  }

  /** The control whose key is `key`, or null. */
  function findSwitch(doc, key) {
    return switchesIn(doc).find((el) => keyOf(el) === key) || null;
  }

  function langOf(doc) {
    try {
      const lang = (attr(documentElement(doc), 'lang') || '').trim();
      return LANG_PATTERN.test(lang) && lang.length <= 35 ? lang : '';
    } catch {
      return '';
    }
  }

  /** {url, lang, controls}: the page part of a page_state message. */
  function scanPage(doc, url) {
    return { url, lang: langOf(doc), controls: switchesIn(doc).map(readControl) };
  }

  root.LinkedOutScan = Object.freeze({
    SWITCH_SELECTOR, scanPage, readControl, readsAs, switchesIn, switchCountIn, labelsInside, findSwitch, keyOf, labelOf, checkedOf, isDisabled,
    labellingElements, langOf, cutWhole, isListOption, isDisagreeing, treesIn, treeTracker, controlAround, pageLoading,
    pageShowsLoadingSign, protoGetter,
  });
})(globalThis);
