// Generated from extension/background/index.js and what it imports by scripts/bundle-background. Do not edit.
// The built-in core's loader first: a classic service worker loads it here (Firefox lists it in
// the manifest's background.scripts, before this file).
if (typeof importScripts === 'function') importScripts('/core/linkedout-core.js');

// lib/protocol.js
(function () {
'use strict';
/*
 * LinkedOut protocol: message shapes and validators shared by the background, the content
 * scripts, the popup and the node tests. The contract is docs/protocol.md (protocol 3); its limits
 * and enums are docs/protocol.schema.json's (tests/extension/protocol-schema.test.js keeps them equal).
 *
 * A classic script (no modules, no bundler): it defines one global, `LinkedOutProtocol`, in the
 * context that loads it. In a content script that global lives in the extension's isolated world,
 * so the page never sees it.
 */
(function defineLinkedOutProtocol(root) {
  'use strict';

  const PROTOCOL_VERSION = 3;
  const HOST_NAME = 'io.linkedout.host';
  // Lengths count Unicode code points, as the host and JSON Schema do (not UTF-16 units).
  const LIMITS = Object.freeze({
    maxMessageBytes: 1048576,
    maxControls: 500,
    maxKeyChars: 256,
    maxLabelChars: 1024,
    maxUrlChars: 2048,
    maxLangChars: 35,
    maxIdChars: 64,
    maxStepChars: 128,
    maxRegionChars: 16,
    maxVersionChars: 64,
    maxSeverityChars: 64,
    maxTextChars: 8192,
    maxTimestampChars: 64,
    maxFieldChars: 256,
    maxRulesetNameChars: 128,
  });
  const SETTINGS_ORIGIN = 'https://www.linkedin.com';
  const SETTINGS_PATH_PREFIX = '/mypreferences/';
  const WALKTHROUGH_ACTIONS = Object.freeze(['start', 'status', 'reset', 'mark_done']);
  // The quick re-check's own request (§4.6): start a run, end it (the host records it).
  const RECHECK_ACTIONS = Object.freeze(['start', 'end']);
  // The reminder interval (config `reminder_days`), in days; null turns it off.
  const REMINDER_DAYS = Object.freeze({ min: 1, max: 365, default: 30 });
  const DUE_REASONS = Object.freeze(['never_checked', 'interval', 'ruleset_changed']);
  const REPORT_FORMATS = Object.freeze(['md', 'html', 'json']);
  const ERROR_CODES = Object.freeze([
    'bad_json', 'bad_utf8', 'not_object', 'too_large', 'missing_type', 'unknown_type',
    'bad_field', 'not_linkedin', 'not_allowed', 'store_error', 'internal',
  ]);
  const TOGGLE_STATES = Object.freeze(['off', 'on', 'unseen', 'not_in_region']);
  const FORM_STATES = Object.freeze(['todo', 'done', 'not_in_region']);
  const UNKNOWN_WHY = Object.freeze(['unreadable', 'not_in_ruleset', 'ambiguous', 'left_alone', 'other_page']);
  const DRIFT_KINDS = Object.freeze(['re-enabled', 'new']);
  const MATCHED_BY = Object.freeze(['key', 'label', 'page']);
  const HIGHLIGHT_ACTIONS = Object.freeze(['switch-off', 'switch-on', 'locked']);
  // BCP 47, loosely: letters, digits and hyphens ("en", "de-DE", "zh-Hant-TW"); empty when unknown.
  const LANG_PATTERN = /^(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)?$/;
  const REGION_PATTERN = /^[A-Z]{2,8}$/;
  // A UTF-16 surrogate without its partner: JSON.stringify escapes it, and the host's strict
  // parser then refuses the whole message as bad_json.
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  class ValidationError extends Error {
    constructor(field, message) {
      super(message);
      this.name = 'ValidationError';
      this.field = field;
    }
  }

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const fail = (field, message) => { throw new ValidationError(field, message); };

  function expectObject(v, field) { if (!isObject(v)) fail(field, `${field} must be an object`); }
  // Code points never outnumber UTF-16 units, so only a long string needs counting.
  function codePoints(text, max) {
    if (text.length <= max) return text.length;
    let count = 0;
    for (const _ of text) count += 1; // eslint-disable-line no-unused-vars
    return count;
  }
  function expectString(v, field, max) {
    if (typeof v !== 'string') fail(field, `${field} must be a string`);
    if (max !== undefined && codePoints(v, max) > max) fail(field, `${field} must be at most ${max} characters`);
    if (LONE_SURROGATE.test(v)) fail(field, `${field} must be well-formed Unicode (no lone surrogate)`);
  }
  function expectPattern(v, pattern, field, what) {
    if (!pattern.test(v)) fail(field, `${field} must be ${what}`);
  }
  function expectNullableString(v, field, max) { if (v !== null) expectString(v, field, max); }
  function expectOneOf(v, allowed, field) {
    if (!allowed.includes(v)) fail(field, `${field} must be one of ${allowed.join(', ')}`);
  }
  function expectArray(v, field, max) {
    if (!Array.isArray(v)) fail(field, `${field} must be an array`);
    if (max !== undefined && v.length > max) fail(field, `${field} must have at most ${max} items`);
  }
  function expectRegion(v, field) {
    if (v === null) return;
    expectString(v, field, LIMITS.maxRegionChars);
    expectPattern(v, REGION_PATTERN, field, 'a region code (2-8 capital letters)');
  }
  function expectReminderDays(v, field) {
    if (v !== null && !(Number.isInteger(v) && v >= REMINDER_DAYS.min && v <= REMINDER_DAYS.max)) {
      fail(field, `${field} must be null or a whole number of days from ${REMINDER_DAYS.min} to ${REMINDER_DAYS.max}`);
    }
  }
  function expectId(v) {
    if (v === null || Number.isInteger(v)) return;
    expectString(v, 'id', LIMITS.maxIdChars);
  }

  /** True when `url` is an https page under https://www.linkedin.com/mypreferences/. */
  function isSettingsUrl(url) {
    if (typeof url !== 'string' || url.length > LIMITS.maxUrlChars) return false;
    let parsed;
    try { parsed = new URL(url); } catch { return false; }
    return parsed.origin === SETTINGS_ORIGIN && parsed.username === '' && parsed.password === '' &&
      parsed.pathname.startsWith(SETTINGS_PATH_PREFIX);
  }

  /** True for a page the walkthrough may navigate to: https on www.linkedin.com, nothing else. */
  function isLinkedInUrl(url) {
    if (typeof url !== 'string' || url.length > LIMITS.maxUrlChars) return false;
    let parsed;
    try { parsed = new URL(url); } catch { return false; }
    return parsed.origin === SETTINGS_ORIGIN && parsed.username === '' && parsed.password === '';
  }

  // ---- requests (extension → host) ----

  function validateControl(control, index) {
    const at = `controls[${index}]`;
    expectObject(control, at);
    for (const name of Object.keys(control)) {
      if (!['key', 'label', 'checked', 'disabled'].includes(name)) fail(`${at}.${name}`, `${at} has an unexpected field ${name}`);
    }
    expectNullableString(control.key, `${at}.key`, LIMITS.maxKeyChars);
    expectString(control.label, `${at}.label`, LIMITS.maxLabelChars);
    if (!(control.checked === true || control.checked === false || control.checked === null)) {
      fail(`${at}.checked`, `${at}.checked must be true, false or null`);
    }
    if ('disabled' in control && typeof control.disabled !== 'boolean') fail(`${at}.disabled`, `${at}.disabled must be true or false`);
  }

  /** The page part of a page_state: {url, lang, controls}. Throws ValidationError. */
  function validatePage(page) {
    expectObject(page, 'page');
    expectString(page.url, 'url', LIMITS.maxUrlChars);
    if (!isSettingsUrl(page.url)) fail('url', 'url must be https://www.linkedin.com/mypreferences/…');
    expectString(page.lang, 'lang', LIMITS.maxLangChars);
    expectPattern(page.lang, LANG_PATTERN, 'lang', 'a BCP 47 language tag');
    expectArray(page.controls, 'controls', LIMITS.maxControls);
    page.controls.forEach(validateControl);
  }

  function validateRequest(msg) {
    expectObject(msg, 'message');
    expectString(msg.type, 'type');
    if ('id' in msg) expectId(msg.id);
    if ('ui_lang' in msg) {
      expectString(msg.ui_lang, 'ui_lang', LIMITS.maxLangChars);
      expectPattern(msg.ui_lang, LANG_PATTERN, 'ui_lang', 'a BCP 47 language tag');
    }
    switch (msg.type) {
      case 'hello':
        if ('extension_version' in msg) expectString(msg.extension_version, 'extension_version', LIMITS.maxVersionChars);
        break;
      case 'page_state':
        validatePage(msg);
        break;
      case 'walkthrough':
        expectOneOf(msg.action, WALKTHROUGH_ACTIONS, 'action');
        if (msg.action === 'mark_done') expectString(msg.step, 'step', LIMITS.maxStepChars);
        break;
      case 'recheck':
        expectOneOf(msg.action, RECHECK_ACTIONS, 'action');
        break;
      case 'config':
      case 'status':  // the popup's view in one reply; may set what config sets
        if ('region' in msg) expectRegion(msg.region, 'region');
        if ('reminder_days' in msg) expectReminderDays(msg.reminder_days, 'reminder_days');
        break;
      case 'report':
        expectOneOf(msg.format, REPORT_FORMATS, 'format');
        break;
      case 'import_history':
        expectString(msg.state, 'state');
        break;
      default:
        fail('type', `unknown request type ${msg.type}`);
    }
    return msg;
  }

  // Requests made (and so validated) by the builders below: the connection sends them without
  // validating again. Frozen, so what was validated is what goes on the wire.
  const built = new WeakSet();
  function seal(msg) {
    built.add(Object.freeze(msg));
    return msg;
  }
  /** True for a request a builder made: already valid. */
  const isBuilt = (msg) => built.has(msg);

  const withId = (id, msg) => (id === undefined ? msg : { ...msg, id });
  const buildHello = (id, extensionVersion) =>
    seal(validateRequest(withId(id, { type: 'hello', extension_version: extensionVersion })));
  /** Validates the page once (throws ValidationError) and copies just the protocol's fields. */
  function buildPageState(id, page) {
    validatePage(page);
    if (id !== undefined) expectId(id);
    const controls = Object.freeze(page.controls.map((c) => Object.freeze(c.disabled === true
      ? { key: c.key, label: c.label, checked: c.checked, disabled: true }
      : { key: c.key, label: c.label, checked: c.checked })));
    return seal(withId(id, { type: 'page_state', url: page.url, lang: page.lang, controls }));
  }
  const buildWalkthrough = (id, action, step) =>
    seal(validateRequest(withId(id, action === 'mark_done' ? { type: 'walkthrough', action, step } : { type: 'walkthrough', action })));
  const buildRecheck = (id, action) => seal(validateRequest(withId(id, { type: 'recheck', action })));
  // `changes`: {region?, reminder_days?}; a region string or null is also accepted alone.
  const withSettings = (type, changes) => {
    const fields = changes === undefined ? {} : (changes === null || typeof changes === 'string' ? { region: changes } : changes);
    const msg = { type };
    if ('region' in fields) msg.region = fields.region;
    if ('reminder_days' in fields) msg.reminder_days = fields.reminder_days;
    return msg;
  };
  const buildConfig = (id, changes) => seal(validateRequest(withId(id, withSettings('config', changes))));
  /** The popup's whole view (plan and config) in one reply; `changes` as config's, applied first. */
  const buildStatus = (id, changes) => seal(validateRequest(withId(id, withSettings('status', changes))));
  const buildReport = (id, format) => seal(validateRequest(withId(id, { type: 'report', format })));
  /** The browser's own store text, handed to the helper once it answers (issue 24). */
  const buildImportHistory = (id, state) => seal(validateRequest(withId(id, { type: 'import_history', state })));

  // ---- replies (host → extension) ----

  // The reply shapes are the schema's, compiled by scripts/generate-protocol-validators into
  // lib/protocol-validators.js (loaded before this file where replies are checked: the background).
  function generated() {
    const validators = root.LinkedOutProtocolValidators;
    if (!validators) throw new Error('lib/protocol-validators.js is not loaded');
    return validators;
  }

  /** An ajv error's place as this file names fields: "/steps/0/state" → "steps[0].state". */
  function fieldOf(error) {
    const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = error.params && (error.params.missingProperty ?? error.params.additionalProperty);
    if (extra !== undefined) parts.push(extra);
    return parts.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part), '') || 'message';
  }

  /** Checks a reply from the host against the schema; returns it or throws ValidationError. */
  function validateReply(msg) {
    expectObject(msg, 'message');
    expectString(msg.type, 'type');
    const validate = generated().validateReply;
    if (!validate(msg)) {
      // The deepest error names the field (a null-or-object's "must be null" and an if/then or
      // anyOf wrapper's own error only repeat it, higher up).
      const depth = (e) => e.instancePath.split('/').length + (e.keyword === 'required' || e.keyword === 'additionalProperties' ? 1 : 0);
      const error = validate.errors.filter((e) => !['if', 'anyOf', 'oneOf'].includes(e.keyword))
        .reduce((deepest, e) => (depth(e) > depth(deepest) ? e : deepest), validate.errors[0]);
      const field = fieldOf(error);
      if (error.keyword === 'required') fail(field, `${field} is required`);
      if (error.keyword === 'additionalProperties') fail(field, `${field} is not a field of a ${msg.type} reply`);
      const allowed = error.params && error.params.allowedValues ? `: ${error.params.allowedValues.join(', ')}` : '';
      fail(field, `${field} ${error.message}${allowed}`);
    }
    return msg;
  }

  /** Non-throwing form: {ok: true} or {ok: false, field, message}. */
  function check(validator, msg) {
    try {
      validator(msg);
      return { ok: true };
    } catch (err) {
      if (err instanceof ValidationError) return { ok: false, field: err.field, message: err.message };
      throw err;
    }
  }

  root.LinkedOutProtocol = Object.freeze({
    PROTOCOL_VERSION, HOST_NAME, LIMITS, SETTINGS_ORIGIN, SETTINGS_PATH_PREFIX,
    WALKTHROUGH_ACTIONS, RECHECK_ACTIONS, REMINDER_DAYS, DUE_REASONS, REPORT_FORMATS, ERROR_CODES, TOGGLE_STATES, FORM_STATES,
    UNKNOWN_WHY, DRIFT_KINDS, MATCHED_BY, HIGHLIGHT_ACTIONS, LANG_PATTERN, REGION_PATTERN,
    ValidationError, isSettingsUrl, isLinkedInUrl,
    validatePage, validateRequest, validateReply, check, isBuilt,
    buildHello, buildPageState, buildWalkthrough, buildRecheck, buildConfig, buildStatus, buildReport, buildImportHistory,
  });
})(globalThis);
})();

// lib/messages.js
(function () {
'use strict';
/*
 * Validation of the extension's internal messages (content script → background, popup →
 * background), done in the background before anything reaches the host. Pure; defines the global
 * `LinkedOutMessages`. Every check returns {ok: true, ...} or {ok: false, field, message}.
 */
(function defineLinkedOutMessages(root) {
  'use strict';

  const protocol = () => root.LinkedOutProtocol;
  // A page_state with 500 controls of maximal key and label is ~0.7 MiB of JSON; the host's cap
  // on incoming frames is 1 MiB. Anything bigger is refused here.
  const MAX_MESSAGE_BYTES = 1048576 - 4096;
  // The popup drives a re-check through `recheck` start / stop (the background owns the tab and
  // sends the host `recheck` start / end).
  const POPUP_WALKTHROUGH_ACTIONS = Object.freeze(['start', 'status', 'reset', 'mark_done']);
  const RECHECK_ACTIONS = Object.freeze(['start', 'stop']);

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const reject = (field, message) => ({ ok: false, field, message });

  function byteLength(value) {
    let json;
    try { json = JSON.stringify(value); } catch { return Infinity; }
    return new TextEncoder().encode(json).length;
  }

  function unexpectedKey(obj, allowed) {
    return Object.keys(obj).find((key) => !allowed.includes(key));
  }

  /** Is `sender` our own content script, in a tab's top frame, on a LinkedIn settings page? */
  function checkContentSender(sender, extensionId) {
    if (!isObject(sender)) return reject('sender', 'no sender');
    if (sender.id !== extensionId) return reject('sender', 'message from another extension');
    if (!isObject(sender.tab) || !Number.isInteger(sender.tab.id)) return reject('sender', 'not from a tab');
    if (sender.frameId !== undefined && sender.frameId !== 0) return reject('sender', 'not from the top frame');
    if (!protocol().isSettingsUrl(sender.url)) return reject('sender', 'sender is not a LinkedIn settings page');
    if (sender.origin !== undefined && sender.origin !== protocol().SETTINGS_ORIGIN) {
      return reject('sender', 'sender origin is not LinkedIn');
    }
    return { ok: true };
  }

  /**
   * A content script's {type: 'page_state', page: {url, lang, controls}}. The page is validated
   * here, once: `request` is the page_state to send to the host as it is.
   */
  function checkContentMessage(msg, sender, extensionId) {
    const fromUs = checkContentSender(sender, extensionId);
    if (!fromUs.ok) return fromUs;
    if (!isObject(msg)) return reject('message', 'message must be an object');
    if (byteLength(msg) > MAX_MESSAGE_BYTES) return reject('message', `message larger than ${MAX_MESSAGE_BYTES} bytes`);
    const extra = unexpectedKey(msg, ['type', 'page']);
    if (extra !== undefined) return reject(extra, `unexpected field ${extra}`);
    if (msg.type !== 'page_state') return reject('type', 'type must be page_state');
    if (!isObject(msg.page)) return reject('page', 'page must be an object');
    const extraInPage = unexpectedKey(msg.page, ['url', 'lang', 'controls']);
    if (extraInPage !== undefined) return reject(`page.${extraInPage}`, `unexpected field ${extraInPage}`);
    let request;
    try {
      request = protocol().buildPageState(undefined, msg.page);
    } catch (err) {
      if (err instanceof protocol().ValidationError) return reject(`page.${err.field}`, err.message);
      throw err;
    }
    return { ok: true, page: msg.page, request };
  }

  // Each popup message type and the check of its own fields: {type: check(msg) → reject | undefined}.
  const POPUP_CHECKS = Object.freeze({
    status: () => undefined,
    walkthrough(msg) {
      if (!POPUP_WALKTHROUGH_ACTIONS.includes(msg.action)) return reject('action', 'unknown walkthrough action');
      if (msg.action === 'mark_done' && (typeof msg.step !== 'string' || msg.step.length === 0 ||
          msg.step.length > protocol().LIMITS.maxStepChars)) {
        return reject('step', 'step must be a non-empty string');
      }
      return undefined;
    },
    retry: () => undefined,
    config(msg) {
      if (!('region' in msg)) return reject('region', 'region is required (a region code, or null to clear)');
      if (msg.region !== null && (typeof msg.region !== 'string' || !/^[A-Z]{2,8}$/.test(msg.region))) {
        return reject('region', 'region must be a region code or null');
      }
      return undefined;
    },
    report(msg) {
      if (!protocol().REPORT_FORMATS.includes(msg.format)) return reject('format', `format must be one of ${protocol().REPORT_FORMATS.join(', ')}`);
      return undefined;
    },
    recheck(msg) {
      if (!RECHECK_ACTIONS.includes(msg.action)) return reject('action', `action must be one of ${RECHECK_ACTIONS.join(', ')}`);
      return undefined;
    },
    reminder(msg) {
      const { min, max } = protocol().REMINDER_DAYS;
      if (!('days' in msg) || (msg.days !== null && !(Number.isInteger(msg.days) && msg.days >= min && msg.days <= max))) {
        return reject('days', `days must be null (reminder off) or a whole number from ${min} to ${max}`);
      }
      return undefined;
    },
  });
  const POPUP_TYPES = Object.freeze(Object.keys(POPUP_CHECKS));

  /** A message from our popup page (opened as a popup or in a tab). */
  function checkPopupMessage(msg, sender, extensionId, popupUrl) {
    if (!isObject(sender) || sender.id !== extensionId) return reject('sender', 'message from another extension');
    if (typeof sender.url !== 'string' || !sender.url.startsWith(popupUrl)) return reject('sender', 'not from the popup');
    if (!isObject(msg)) return reject('message', 'message must be an object');
    if (!Object.hasOwn(POPUP_CHECKS, msg.type)) return reject('type', `type must be one of ${POPUP_TYPES.join(', ')}`);
    return POPUP_CHECKS[msg.type](msg) || { ok: true };
  }

  root.LinkedOutMessages = Object.freeze({
    MAX_MESSAGE_BYTES, POPUP_TYPES, RECHECK_ACTIONS, byteLength, checkContentSender, checkContentMessage, checkPopupMessage,
  });
})(globalThis);
})();

// background/router.js
const background_router_js = (function () {
'use strict';
/*
 * The background's one message table, {type: handler}: every feature registers the message types
 * it answers, and the router validates each message once, at the boundary, before its handler
 * runs. Our own pages (the popup, as a popup or in a tab, and the report page) send the popup
 * types; a content script sends only page_state. Start-up fails if a type has no handler.
 */
// lib/protocol.js: included above
// lib/messages.js: included above

function createRouter() {
  const handlers = Object.create(null);

  /** Registers `handler(message, sender) → Promise<reply>` for `type`; one handler a type. */
  function on(type, handler) {
    if (type in handlers) throw new Error(`two handlers for the message type ${type}`);
    handlers[type] = handler;
  }

  /** Every type a sender may send has a handler (the popup's list lives in lib/messages.js). */
  function checkComplete() {
    const missing = [...LinkedOutMessages.POPUP_TYPES, 'page_state'].filter((type) => !(type in handlers));
    if (missing.length) throw new Error(`no handler for the message type(s) ${missing.join(', ')}`);
  }

  /** The runtime.onMessage listener. */
  function listener(browser) {
    const ownPages = [browser.runtime.getURL('popup/popup.html'), browser.runtime.getURL('report/report.html')];
    return (msg, sender, sendResponse) => {
      const page = typeof sender.url === 'string' ? ownPages.find((url) => sender.url.startsWith(url)) : undefined;
      const valid = page
        ? LinkedOutMessages.checkPopupMessage(msg, sender, browser.runtime.id, page)
        : LinkedOutMessages.checkContentMessage(msg, sender, browser.runtime.id);
      const work = valid.ok
        ? handlers[msg.type](page ? msg : valid.request, sender)
        : Promise.resolve({ status: 'rejected', field: valid.field, message: valid.message });
      work.then(sendResponse, (err) => sendResponse(errorReply(err)));
      return true; // the reply is asynchronous
    };
  }

  return Object.freeze({ on, checkComplete, listener, handlers });
}

/** A failed handler's reply: the host's problems keep their code (the popup explains them). */
function errorReply(err) {
  const code = err && err.code ? err.code : 'internal';
  const status = code === 'host_missing' || code === 'host_forbidden' ? code : 'error';
  return { status, code, message: err && err.message ? err.message : String(err) };
}
return Object.freeze({ createRouter, errorReply });
})();

// lib/recheck.js
(function () {
'use strict';
/*
 * The quick re-check's decisions, pure (no browser APIs): which pages it visits, whether to move
 * the tab on after a verdict, how the last run reads in the popup, and what the badge says.
 * The host records the run (docs/protocol.md §4.6, `recheck` start / end); the
 * background drives the one tab. Defines the global `LinkedOutRecheck`.
 */
(function defineLinkedOutRecheck(root) {
  'use strict';

  // Shown on the toolbar badge when a re-check is due and nothing is on.
  const DUE_BADGE = '↻';

  const samePage = (a, b) => root.LinkedOutWalkthrough.samePage(a, b);
  const isLinkedInUrl = (url) => root.LinkedOutProtocol.isLinkedInUrl(url);

  /** Every toggle page the region expects, in the host's order. Forms are not re-checked. */
  function stepsOf(plan) {
    return plan.steps
      .filter((s) => s.kind === 'toggle' && s.state !== 'not_in_region' && isLinkedInUrl(s.url))
      .map((s) => ({ step: s.step, url: s.url }));
  }

  function moveTo(run) {
    const target = run.steps[run.index];
    return target ? { action: 'navigate', url: target.url, step: target.step } : { action: 'finished' };
  }

  /** A new run over `plan` in tab `tabId`: {run, move} (navigate to the first page, or finished). */
  function start(plan, tabId) {
    const run = { tabId, steps: stepsOf(plan), index: 0 };
    return { run, move: moveTo(run) };
  }

  // Read: something on the page was matched to this page's own setting.
  function pageRead(verdict, step) {
    if (verdict.page_unreadable === true) return false;
    return verdict.highlight.some((h) => h.setting === step) || verdict.ok.some((o) => o.setting === step);
  }

  /**
   * After a verdict in the re-check's tab: {run, move}. move.action is `navigate` (this page read
   * all off: on to the next), `finished` (that was the last page), `stay` (something is on: the
   * user acts, the run goes on once the page reads all off), `stop` (the page cannot be read:
   * never move on from it) or `wait` (not this page's verdict yet).
   */
  function afterVerdict(run, { tabUrl, verdict }) {
    const current = run.steps[run.index];
    if (!current) return { run, move: { action: 'finished' } };
    if (!samePage(tabUrl, current.url) || !samePage(verdict.url, current.url)) {
      return { run, move: { action: 'wait', why: 'other-page', step: current.step } };
    }
    if (!pageRead(verdict, current.step)) {
      const why = verdict.page_unreadable === true ? 'unreadable' : 'not-read';
      return { run, move: { action: why === 'unreadable' ? 'stop' : 'wait', why, step: current.step } };
    }
    if (verdict.highlight.length > 0) return { run, move: { action: 'stay', why: 'needs-user', step: current.step } };
    const next = { ...run, index: run.index + 1 };
    return { run: next, move: moveTo(next) };
  }

  /** The host's `check.last` as the popup words it; null when there was no re-check yet. */
  function summarize(last) {
    if (!last) return null;
    let result = 'all-off';
    if (last.on.length > 0) result = 'came-back-on';
    else if (!last.complete) result = 'incomplete';
    return {
      result, endedAt: last.ended_at, on: [...last.on], unreadable: [...last.unreadable],
      unchecked: [...last.unchecked], newControls: last.new_controls.map((c) => ({ ...c })),
    };
  }

  /** Toolbar badge: switches still on, else a due re-check. {text, kind: 'count' | 'due'}. */
  function badge(stillOn, check) {
    if (stillOn > 0) return { text: String(stillOn), kind: 'count' };
    if (check && check.due === true) return { text: DUE_BADGE, kind: 'due' };
    return { text: '', kind: 'count' };
  }

  root.LinkedOutRecheck = Object.freeze({ DUE_BADGE, stepsOf, start, afterVerdict, summarize, badge });
})(globalThis);
})();

// lib/walkthrough.js
(function () {
'use strict';
/*
 * The walkthrough's navigation decisions, pure (no browser APIs): which page comes next, whether
 * to move the tab now, and the badge count. Used by the background (lib/walkthrough-driver.js) and the popup, tested in node.
 * Defines the global `LinkedOutWalkthrough`.
 */
(function defineLinkedOutWalkthrough(root) {
  'use strict';

  const PENDING_STATES = Object.freeze(['on', 'unseen', 'todo']);

  function isLinkedInUrl(url) {
    return root.LinkedOutProtocol ? root.LinkedOutProtocol.isLinkedInUrl(url) : false;
  }

  /** Origin + path without a trailing slash: query and fragment never make a different page. */
  function pageOf(url) {
    try {
      const parsed = new URL(url);
      return parsed.origin + parsed.pathname.replace(/\/+$/, '');
    } catch {
      return null;
    }
  }

  function samePage(a, b) {
    const pa = pageOf(a);
    return pa !== null && pa === pageOf(b);
  }

  /** Steps still to do, in the host's (ruleset) order; not_in_region, off and done are skipped. */
  function remainingSteps(plan) {
    return plan.steps.filter((step) => PENDING_STATES.includes(step.state));
  }

  /** The step to visit next: the host's `next` when it names a pending step, else the first pending one. */
  function nextStep(plan) {
    const remaining = remainingSteps(plan);
    if (plan.next) {
      const named = remaining.find((step) => step.step === plan.next.step);
      if (named) return named;
    }
    if (plan.next === null) return null;
    return remaining[0] || null;
  }

  /** Badge count: toggles the host last saw on. */
  function stillOnCount(plan) {
    return plan.steps.filter((step) => step.kind === 'toggle' && step.state === 'on').length;
  }

  function moveTo(target, tabUrl) {
    if (!target) return { action: 'finished' };
    if (!isLinkedInUrl(target.url)) return { action: 'stay', why: 'unsafe-url' };
    if (tabUrl && samePage(target.url, tabUrl)) return { action: 'stay', why: 'already-there', step: target.step };
    return { action: 'navigate', url: target.url, step: target.step };
  }

  /** After a verdict on `tabUrl`: move on only once this page has nothing left to switch off and was read. */
  function afterVerdict({ active, tabUrl, verdict }) {
    if (!active) return { action: 'stay', why: 'inactive' };
    if (verdict.highlight.length > 0) return { action: 'stay', why: 'switches-left' };
    // The user must switch it by hand (the page says so): moving on would hide that.
    if (verdict.page_unreadable === true) return { action: 'stay', why: 'page-unreadable' };
    return moveTo(verdict.next, tabUrl);
  }

  /** When the user starts (or resumes) the walkthrough from the popup. */
  function onStart(plan, tabUrl) {
    return moveTo(nextStep(plan), tabUrl);
  }

  root.LinkedOutWalkthrough = Object.freeze({
    PENDING_STATES, pageOf, samePage, remainingSteps, nextStep, stillOnCount, afterVerdict, onStart,
  });
})(globalThis);
})();

// background/badge.js
const background_badge_js = (function () {
'use strict';
/*
 * The toolbar badge: how many settings are still on, a due re-check when none is, "!" when the
 * helper cannot be reached. A reminder alarm re-asks the host now and then whether a re-check is
 * due (the host decides; the alarm only refreshes what the toolbar shows).
 */
// lib/recheck.js: included above
// lib/walkthrough.js: included above

const COLORS = { count: '#c5221f', problem: '#7a4f01', due: '#0a66c2' };
const REMINDER_ALARM = 'linkedout-recheck-reminder';
// First refresh a minute after start-up, then every six hours.
const REMINDER_ALARM_MINUTES = 6 * 60;

function install(background) {
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
return Object.freeze({ install });
})();

// lib/protocol-validators.js
(function () {
'use strict';
// Generated from docs/protocol.schema.json by scripts/generate-protocol-validators. Do not edit.
/* eslint-disable */
(function defineLinkedOutProtocolValidators(root) {
  'use strict';
  const exports = {};
  function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    while (pos < len) {
      length++;
      const value = str.charCodeAt(pos++);
      if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
    }
    return length;
  }
"use strict";
exports.validateReply = validate77;
const schema72 = {"type":"object","required":["type"],"properties":{"type":{"enum":["error","hello","verdict","walkthrough","config","status","report","import_history"]}},"allOf":[{"if":{"properties":{"type":{"const":"error"}}},"then":{"$ref":"#/$defs/error_reply"}},{"if":{"properties":{"type":{"const":"hello"}}},"then":{"$ref":"#/$defs/hello_reply"}},{"if":{"properties":{"type":{"const":"verdict"}}},"then":{"$ref":"#/$defs/verdict_reply"}},{"if":{"properties":{"type":{"const":"walkthrough"}}},"then":{"$ref":"#/$defs/walkthrough_reply"}},{"if":{"properties":{"type":{"const":"config"}}},"then":{"$ref":"#/$defs/config_reply"}},{"if":{"properties":{"type":{"const":"status"}}},"then":{"$ref":"#/$defs/status_reply"}},{"if":{"properties":{"type":{"const":"report"}}},"then":{"$ref":"#/$defs/report_reply"}},{"if":{"properties":{"type":{"const":"import_history"}}},"then":{"$ref":"#/$defs/import_history_reply"}}]};
const schema73 = {"type":"object","required":["type","id","code","message"],"additionalProperties":false,"properties":{"type":{"const":"error"},"id":{"$ref":"#/$defs/id"},"code":{"$ref":"#/$defs/error_code"},"field":{"type":["string","null"],"maxLength":256},"message":{"$ref":"#/$defs/text"}}};
const schema34 = {"type":["string","integer","null"],"maxLength":64,"description":"Echoed in the reply; null is the same as none."};
const schema75 = {"enum":["bad_json","bad_utf8","not_object","too_large","missing_type","unknown_type","bad_field","not_linkedin","not_allowed","store_error","internal"],"description":"Not the order the checks run: docs/protocol.md §2 gives that (bad_utf8 first; too_large is the framing's, before any check)."};
const schema76 = {"type":"string","maxLength":8192,"description":"Human text from the host (reasons, titles, guidance, messages)."};
const func1 = ucs2length;

function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate44.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.code === undefined) && (missing0 = "code"))) || ((data.message === undefined) && (missing0 = "message"))){
validate44.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "id")) || (key0 === "code")) || (key0 === "field")) || (key0 === "message"))){
validate44.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("error" !== data.type){
validate44.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "error"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate44.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate44.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.code !== undefined){
let data2 = data.code;
const _errs6 = errors;
if(!(((((((((((data2 === "bad_json") || (data2 === "bad_utf8")) || (data2 === "not_object")) || (data2 === "too_large")) || (data2 === "missing_type")) || (data2 === "unknown_type")) || (data2 === "bad_field")) || (data2 === "not_linkedin")) || (data2 === "not_allowed")) || (data2 === "store_error")) || (data2 === "internal"))){
validate44.errors = [{instancePath:instancePath+"/code",schemaPath:"#/$defs/error_code/enum",keyword:"enum",params:{allowedValues: schema75.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.field !== undefined){
let data3 = data.field;
const _errs8 = errors;
if((typeof data3 !== "string") && (data3 !== null)){
validate44.errors = [{instancePath:instancePath+"/field",schemaPath:"#/properties/field/type",keyword:"type",params:{type: schema73.properties.field.type},message:"must be string,null"}];
return false;
}
if(errors === _errs8){
if(typeof data3 === "string"){
if(func1(data3) > 256){
validate44.errors = [{instancePath:instancePath+"/field",schemaPath:"#/properties/field/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.message !== undefined){
let data4 = data.message;
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data4 === "string"){
if(func1(data4) > 8192){
validate44.errors = [{instancePath:instancePath+"/message",schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/message",schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate44.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate44.errors = vErrors;
return errors === 0;
}
validate44.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema77 = {"type":"object","required":["type","id","host_version","protocol","ruleset"],"additionalProperties":false,"properties":{"type":{"const":"hello"},"id":{"$ref":"#/$defs/id"},"host_version":{"$ref":"#/$defs/version"},"protocol":{"type":"integer","description":"The host's PROTOCOL_VERSION; the extension refuses any other than its own."},"ruleset":{"type":"object","required":["name","version","count"],"additionalProperties":false,"properties":{"name":{"type":"string","maxLength":128},"version":{"$ref":"#/$defs/version"},"count":{"$ref":"#/$defs/count"}}}}};
const schema36 = {"type":"string","maxLength":64};
const schema81 = {"type":"integer","minimum":0};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate46.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.host_version === undefined) && (missing0 = "host_version"))) || ((data.protocol === undefined) && (missing0 = "protocol"))) || ((data.ruleset === undefined) && (missing0 = "ruleset"))){
validate46.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "id")) || (key0 === "host_version")) || (key0 === "protocol")) || (key0 === "ruleset"))){
validate46.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("hello" !== data.type){
validate46.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "hello"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate46.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate46.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.host_version !== undefined){
let data2 = data.host_version;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func1(data2) > 64){
validate46.errors = [{instancePath:instancePath+"/host_version",schemaPath:"#/$defs/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate46.errors = [{instancePath:instancePath+"/host_version",schemaPath:"#/$defs/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.protocol !== undefined){
let data3 = data.protocol;
const _errs9 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate46.errors = [{instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ruleset !== undefined){
let data4 = data.ruleset;
const _errs11 = errors;
if(errors === _errs11){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if((((data4.name === undefined) && (missing1 = "name")) || ((data4.version === undefined) && (missing1 = "version"))) || ((data4.count === undefined) && (missing1 = "count"))){
validate46.errors = [{instancePath:instancePath+"/ruleset",schemaPath:"#/properties/ruleset/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs13 = errors;
for(const key1 in data4){
if(!(((key1 === "name") || (key1 === "version")) || (key1 === "count"))){
validate46.errors = [{instancePath:instancePath+"/ruleset",schemaPath:"#/properties/ruleset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs13 === errors){
if(data4.name !== undefined){
let data5 = data4.name;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data5 === "string"){
if(func1(data5) > 128){
validate46.errors = [{instancePath:instancePath+"/ruleset/name",schemaPath:"#/properties/ruleset/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate46.errors = [{instancePath:instancePath+"/ruleset/name",schemaPath:"#/properties/ruleset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs14 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.version !== undefined){
let data6 = data4.version;
const _errs16 = errors;
const _errs17 = errors;
if(errors === _errs17){
if(typeof data6 === "string"){
if(func1(data6) > 64){
validate46.errors = [{instancePath:instancePath+"/ruleset/version",schemaPath:"#/$defs/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate46.errors = [{instancePath:instancePath+"/ruleset/version",schemaPath:"#/$defs/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.count !== undefined){
let data7 = data4.count;
const _errs19 = errors;
const _errs20 = errors;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
validate46.errors = [{instancePath:instancePath+"/ruleset/count",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs20){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
validate46.errors = [{instancePath:instancePath+"/ruleset/count",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs19 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
else {
validate46.errors = [{instancePath:instancePath+"/ruleset",schemaPath:"#/properties/ruleset/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate46.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate46.errors = vErrors;
return errors === 0;
}
validate46.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema82 = {"type":"object","required":["type","id","url","setting","highlight","ok","unknown","drift","progress","next","walkthrough"],"additionalProperties":false,"properties":{"type":{"const":"verdict"},"id":{"$ref":"#/$defs/id"},"url":{"$ref":"#/$defs/url"},"setting":{"anyOf":[{"$ref":"#/$defs/step"},{"type":"null"}]},"highlight":{"type":"array","items":{"type":"object","required":["key","setting","action","severity","reason","matched_by","control"],"additionalProperties":false,"properties":{"key":{"$ref":"#/$defs/key"},"setting":{"$ref":"#/$defs/step"},"action":{"$ref":"#/$defs/highlight_action"},"severity":{"$ref":"#/$defs/severity"},"reason":{"$ref":"#/$defs/text"},"matched_by":{"$ref":"#/$defs/matched_by"},"control":{"$ref":"#/$defs/control_index"},"form":{"type":"object","required":["step","url"],"additionalProperties":false,"description":"action locked: the form the user can turn to instead.","properties":{"step":{"$ref":"#/$defs/step"},"url":{"$ref":"#/$defs/url"}}}}}},"ok":{"type":"array","items":{"type":"object","required":["key","setting","matched_by","control"],"additionalProperties":false,"properties":{"key":{"$ref":"#/$defs/key"},"setting":{"$ref":"#/$defs/step"},"matched_by":{"$ref":"#/$defs/matched_by"},"control":{"$ref":"#/$defs/control_index"}}}},"unknown":{"type":"array","items":{"type":"object","required":["key","label","why","control"],"additionalProperties":false,"properties":{"key":{"$ref":"#/$defs/key"},"label":{"$ref":"#/$defs/label"},"why":{"$ref":"#/$defs/unknown_why"},"control":{"$ref":"#/$defs/control_index"}}}},"drift":{"type":"array","items":{"type":"object","required":["setting","kind"],"additionalProperties":false,"properties":{"setting":{"$ref":"#/$defs/step"},"kind":{"$ref":"#/$defs/drift_kind"}}}},"progress":{"$ref":"#/$defs/progress"},"next":{"$ref":"#/$defs/next"},"walkthrough":{"type":"object","required":["active","still_on"],"additionalProperties":false,"description":"The walkthrough state after this page, so the extension needs no second round trip.","properties":{"active":{"type":"boolean"},"still_on":{"$ref":"#/$defs/count"}}},"page_unreadable":{"type":"boolean"},"truncated":{"type":"boolean"}}};
const schema40 = {"type":"string","maxLength":2048};
const schema50 = {"type":"string","maxLength":128,"description":"A ruleset setting or form id."};
const schema44 = {"type":["string","null"],"maxLength":256,"description":"A switch's aria-labelledby (every id it lists, space-separated) or id; null when the page gave none."};
const schema88 = {"enum":["switch-off","switch-on","locked"]};
const schema89 = {"type":"string","maxLength":64};
const schema91 = {"enum":["key","label","page"],"description":"How a control was matched to its setting."};
const schema92 = {"type":"integer","minimum":0,"maximum":499,"description":"The control's index in the page_state's controls: the identity the extension marks, clicks and reads back."};
const schema45 = {"type":"string","maxLength":1024};
const schema101 = {"enum":["unreadable","not_in_ruleset","ambiguous","left_alone","other_page"]};
const schema104 = {"enum":["re-enabled","new"]};
const func32 = Object.prototype.hasOwnProperty;
const schema105 = {"type":"object","required":["done","total","remaining"],"additionalProperties":false,"properties":{"done":{"$ref":"#/$defs/count"},"total":{"$ref":"#/$defs/count"},"remaining":{"$ref":"#/$defs/count"}}};

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate49.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.done === undefined) && (missing0 = "done")) || ((data.total === undefined) && (missing0 = "total"))) || ((data.remaining === undefined) && (missing0 = "remaining"))){
validate49.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "done") || (key0 === "total")) || (key0 === "remaining"))){
validate49.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.done !== undefined){
let data0 = data.done;
const _errs2 = errors;
const _errs3 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate49.errors = [{instancePath:instancePath+"/done",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs3){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
validate49.errors = [{instancePath:instancePath+"/done",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.total !== undefined){
let data1 = data.total;
const _errs5 = errors;
const _errs6 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate49.errors = [{instancePath:instancePath+"/total",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
validate49.errors = [{instancePath:instancePath+"/total",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.remaining !== undefined){
let data2 = data.remaining;
const _errs8 = errors;
const _errs9 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate49.errors = [{instancePath:instancePath+"/remaining",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs9){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
validate49.errors = [{instancePath:instancePath+"/remaining",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate49.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate49.errors = vErrors;
return errors === 0;
}
validate49.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema109 = {"anyOf":[{"type":"null"},{"type":"object","required":["step","url"],"additionalProperties":false,"properties":{"step":{"$ref":"#/$defs/step"},"url":{"$ref":"#/$defs/url"}}}]};

function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate51.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
const _errs1 = errors;
if(data !== null){
const err0 = {instancePath,schemaPath:"#/anyOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
valid0 = valid0 || _valid0;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.step === undefined) && (missing0 = "step")) || ((data.url === undefined) && (missing0 = "url"))){
const err1 = {instancePath,schemaPath:"#/anyOf/1/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
const _errs5 = errors;
for(const key0 in data){
if(!((key0 === "step") || (key0 === "url"))){
const err2 = {instancePath,schemaPath:"#/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
break;
}
}
if(_errs5 === errors){
if(data.step !== undefined){
let data0 = data.step;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data0 === "string"){
if(func1(data0) > 128){
const err3 = {instancePath:instancePath+"/step",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/step",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid1 = _errs6 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.url !== undefined){
let data1 = data.url;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data1 === "string"){
if(func1(data1) > 2048){
const err5 = {instancePath:instancePath+"/url",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/url",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
var props0 = true;
}
if(!valid0){
const err8 = {instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
validate51.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate51.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate51.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate48.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.url === undefined) && (missing0 = "url"))) || ((data.setting === undefined) && (missing0 = "setting"))) || ((data.highlight === undefined) && (missing0 = "highlight"))) || ((data.ok === undefined) && (missing0 = "ok"))) || ((data.unknown === undefined) && (missing0 = "unknown"))) || ((data.drift === undefined) && (missing0 = "drift"))) || ((data.progress === undefined) && (missing0 = "progress"))) || ((data.next === undefined) && (missing0 = "next"))) || ((data.walkthrough === undefined) && (missing0 = "walkthrough"))){
validate48.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func32.call(schema82.properties, key0))){
validate48.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("verdict" !== data.type){
validate48.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "verdict"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate48.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate48.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.url !== undefined){
let data2 = data.url;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func1(data2) > 2048){
validate48.errors = [{instancePath:instancePath+"/url",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/url",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.setting !== undefined){
let data3 = data.setting;
const _errs9 = errors;
const _errs10 = errors;
let valid3 = false;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data3 === "string"){
if(func1(data3) > 128){
const err0 = {instancePath:instancePath+"/setting",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/setting",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
valid3 = valid3 || _valid0;
const _errs14 = errors;
if(data3 !== null){
const err2 = {instancePath:instancePath+"/setting",schemaPath:"#/properties/setting/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs14 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const err3 = {instancePath:instancePath+"/setting",schemaPath:"#/properties/setting/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate48.errors = vErrors;
return false;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.highlight !== undefined){
let data4 = data.highlight;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data4)){
var valid5 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
const _errs18 = errors;
if(errors === _errs18){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if((((((((data5.key === undefined) && (missing1 = "key")) || ((data5.setting === undefined) && (missing1 = "setting"))) || ((data5.action === undefined) && (missing1 = "action"))) || ((data5.severity === undefined) && (missing1 = "severity"))) || ((data5.reason === undefined) && (missing1 = "reason"))) || ((data5.matched_by === undefined) && (missing1 = "matched_by"))) || ((data5.control === undefined) && (missing1 = "control"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0,schemaPath:"#/properties/highlight/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs20 = errors;
for(const key1 in data5){
if(!((((((((key1 === "key") || (key1 === "setting")) || (key1 === "action")) || (key1 === "severity")) || (key1 === "reason")) || (key1 === "matched_by")) || (key1 === "control")) || (key1 === "form"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0,schemaPath:"#/properties/highlight/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs20 === errors){
if(data5.key !== undefined){
let data6 = data5.key;
const _errs21 = errors;
const _errs22 = errors;
if((typeof data6 !== "string") && (data6 !== null)){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/key",schemaPath:"#/$defs/key/type",keyword:"type",params:{type: schema44.type},message:"must be string,null"}];
return false;
}
if(errors === _errs22){
if(typeof data6 === "string"){
if(func1(data6) > 256){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/key",schemaPath:"#/$defs/key/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid6 = _errs21 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.setting !== undefined){
let data7 = data5.setting;
const _errs24 = errors;
const _errs25 = errors;
if(errors === _errs25){
if(typeof data7 === "string"){
if(func1(data7) > 128){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/setting",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/setting",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs24 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.action !== undefined){
let data8 = data5.action;
const _errs27 = errors;
if(!(((data8 === "switch-off") || (data8 === "switch-on")) || (data8 === "locked"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/action",schemaPath:"#/$defs/highlight_action/enum",keyword:"enum",params:{allowedValues: schema88.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.severity !== undefined){
let data9 = data5.severity;
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data9 === "string"){
if(func1(data9) > 64){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/severity",schemaPath:"#/$defs/severity/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/severity",schemaPath:"#/$defs/severity/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs29 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.reason !== undefined){
let data10 = data5.reason;
const _errs32 = errors;
const _errs33 = errors;
if(errors === _errs33){
if(typeof data10 === "string"){
if(func1(data10) > 8192){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/reason",schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/reason",schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs32 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.matched_by !== undefined){
let data11 = data5.matched_by;
const _errs35 = errors;
if(!(((data11 === "key") || (data11 === "label")) || (data11 === "page"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/matched_by",schemaPath:"#/$defs/matched_by/enum",keyword:"enum",params:{allowedValues: schema91.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid6 = _errs35 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.control !== undefined){
let data12 = data5.control;
const _errs37 = errors;
const _errs38 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/control",schemaPath:"#/$defs/control_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs38){
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 499 || isNaN(data12)){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/control",schemaPath:"#/$defs/control_index/maximum",keyword:"maximum",params:{comparison: "<=", limit: 499},message:"must be <= 499"}];
return false;
}
else {
if(data12 < 0 || isNaN(data12)){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/control",schemaPath:"#/$defs/control_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid6 = _errs37 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.form !== undefined){
let data13 = data5.form;
const _errs40 = errors;
if(errors === _errs40){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing2;
if(((data13.step === undefined) && (missing2 = "step")) || ((data13.url === undefined) && (missing2 = "url"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form",schemaPath:"#/properties/highlight/items/properties/form/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs42 = errors;
for(const key2 in data13){
if(!((key2 === "step") || (key2 === "url"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form",schemaPath:"#/properties/highlight/items/properties/form/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs42 === errors){
if(data13.step !== undefined){
let data14 = data13.step;
const _errs43 = errors;
const _errs44 = errors;
if(errors === _errs44){
if(typeof data14 === "string"){
if(func1(data14) > 128){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form/step",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form/step",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid14 = _errs43 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data13.url !== undefined){
let data15 = data13.url;
const _errs46 = errors;
const _errs47 = errors;
if(errors === _errs47){
if(typeof data15 === "string"){
if(func1(data15) > 2048){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form/url",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form/url",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid14 = _errs46 === errors;
}
else {
var valid14 = true;
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form",schemaPath:"#/properties/highlight/items/properties/form/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid6 = _errs40 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0,schemaPath:"#/properties/highlight/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid5 = _errs18 === errors;
if(!valid5){
break;
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight",schemaPath:"#/properties/highlight/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ok !== undefined){
let data16 = data.ok;
const _errs49 = errors;
if(errors === _errs49){
if(Array.isArray(data16)){
var valid17 = true;
const len1 = data16.length;
for(let i1=0; i1<len1; i1++){
let data17 = data16[i1];
const _errs51 = errors;
if(errors === _errs51){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing3;
if(((((data17.key === undefined) && (missing3 = "key")) || ((data17.setting === undefined) && (missing3 = "setting"))) || ((data17.matched_by === undefined) && (missing3 = "matched_by"))) || ((data17.control === undefined) && (missing3 = "control"))){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1,schemaPath:"#/properties/ok/items/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs53 = errors;
for(const key3 in data17){
if(!((((key3 === "key") || (key3 === "setting")) || (key3 === "matched_by")) || (key3 === "control"))){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1,schemaPath:"#/properties/ok/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs53 === errors){
if(data17.key !== undefined){
let data18 = data17.key;
const _errs54 = errors;
const _errs55 = errors;
if((typeof data18 !== "string") && (data18 !== null)){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/key",schemaPath:"#/$defs/key/type",keyword:"type",params:{type: schema44.type},message:"must be string,null"}];
return false;
}
if(errors === _errs55){
if(typeof data18 === "string"){
if(func1(data18) > 256){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/key",schemaPath:"#/$defs/key/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid18 = _errs54 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.setting !== undefined){
let data19 = data17.setting;
const _errs57 = errors;
const _errs58 = errors;
if(errors === _errs58){
if(typeof data19 === "string"){
if(func1(data19) > 128){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/setting",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/setting",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid18 = _errs57 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.matched_by !== undefined){
let data20 = data17.matched_by;
const _errs60 = errors;
if(!(((data20 === "key") || (data20 === "label")) || (data20 === "page"))){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/matched_by",schemaPath:"#/$defs/matched_by/enum",keyword:"enum",params:{allowedValues: schema91.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid18 = _errs60 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.control !== undefined){
let data21 = data17.control;
const _errs62 = errors;
const _errs63 = errors;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/control",schemaPath:"#/$defs/control_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs63){
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 > 499 || isNaN(data21)){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/control",schemaPath:"#/$defs/control_index/maximum",keyword:"maximum",params:{comparison: "<=", limit: 499},message:"must be <= 499"}];
return false;
}
else {
if(data21 < 0 || isNaN(data21)){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/control",schemaPath:"#/$defs/control_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid18 = _errs62 === errors;
}
else {
var valid18 = true;
}
}
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/ok/" + i1,schemaPath:"#/properties/ok/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid17 = _errs51 === errors;
if(!valid17){
break;
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/ok",schemaPath:"#/properties/ok/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs49 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.unknown !== undefined){
let data22 = data.unknown;
const _errs65 = errors;
if(errors === _errs65){
if(Array.isArray(data22)){
var valid23 = true;
const len2 = data22.length;
for(let i2=0; i2<len2; i2++){
let data23 = data22[i2];
const _errs67 = errors;
if(errors === _errs67){
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
let missing4;
if(((((data23.key === undefined) && (missing4 = "key")) || ((data23.label === undefined) && (missing4 = "label"))) || ((data23.why === undefined) && (missing4 = "why"))) || ((data23.control === undefined) && (missing4 = "control"))){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2,schemaPath:"#/properties/unknown/items/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs69 = errors;
for(const key4 in data23){
if(!((((key4 === "key") || (key4 === "label")) || (key4 === "why")) || (key4 === "control"))){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2,schemaPath:"#/properties/unknown/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs69 === errors){
if(data23.key !== undefined){
let data24 = data23.key;
const _errs70 = errors;
const _errs71 = errors;
if((typeof data24 !== "string") && (data24 !== null)){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/key",schemaPath:"#/$defs/key/type",keyword:"type",params:{type: schema44.type},message:"must be string,null"}];
return false;
}
if(errors === _errs71){
if(typeof data24 === "string"){
if(func1(data24) > 256){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/key",schemaPath:"#/$defs/key/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid24 = _errs70 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data23.label !== undefined){
let data25 = data23.label;
const _errs73 = errors;
const _errs74 = errors;
if(errors === _errs74){
if(typeof data25 === "string"){
if(func1(data25) > 1024){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/label",schemaPath:"#/$defs/label/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/label",schemaPath:"#/$defs/label/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid24 = _errs73 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data23.why !== undefined){
let data26 = data23.why;
const _errs76 = errors;
if(!(((((data26 === "unreadable") || (data26 === "not_in_ruleset")) || (data26 === "ambiguous")) || (data26 === "left_alone")) || (data26 === "other_page"))){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/why",schemaPath:"#/$defs/unknown_why/enum",keyword:"enum",params:{allowedValues: schema101.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid24 = _errs76 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data23.control !== undefined){
let data27 = data23.control;
const _errs78 = errors;
const _errs79 = errors;
if(!(((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27))) && (isFinite(data27)))){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/control",schemaPath:"#/$defs/control_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs79){
if((typeof data27 == "number") && (isFinite(data27))){
if(data27 > 499 || isNaN(data27)){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/control",schemaPath:"#/$defs/control_index/maximum",keyword:"maximum",params:{comparison: "<=", limit: 499},message:"must be <= 499"}];
return false;
}
else {
if(data27 < 0 || isNaN(data27)){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/control",schemaPath:"#/$defs/control_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid24 = _errs78 === errors;
}
else {
var valid24 = true;
}
}
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2,schemaPath:"#/properties/unknown/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid23 = _errs67 === errors;
if(!valid23){
break;
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/unknown",schemaPath:"#/properties/unknown/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs65 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.drift !== undefined){
let data28 = data.drift;
const _errs81 = errors;
if(errors === _errs81){
if(Array.isArray(data28)){
var valid29 = true;
const len3 = data28.length;
for(let i3=0; i3<len3; i3++){
let data29 = data28[i3];
const _errs83 = errors;
if(errors === _errs83){
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
let missing5;
if(((data29.setting === undefined) && (missing5 = "setting")) || ((data29.kind === undefined) && (missing5 = "kind"))){
validate48.errors = [{instancePath:instancePath+"/drift/" + i3,schemaPath:"#/properties/drift/items/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs85 = errors;
for(const key5 in data29){
if(!((key5 === "setting") || (key5 === "kind"))){
validate48.errors = [{instancePath:instancePath+"/drift/" + i3,schemaPath:"#/properties/drift/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs85 === errors){
if(data29.setting !== undefined){
let data30 = data29.setting;
const _errs86 = errors;
const _errs87 = errors;
if(errors === _errs87){
if(typeof data30 === "string"){
if(func1(data30) > 128){
validate48.errors = [{instancePath:instancePath+"/drift/" + i3+"/setting",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/drift/" + i3+"/setting",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid30 = _errs86 === errors;
}
else {
var valid30 = true;
}
if(valid30){
if(data29.kind !== undefined){
let data31 = data29.kind;
const _errs89 = errors;
if(!((data31 === "re-enabled") || (data31 === "new"))){
validate48.errors = [{instancePath:instancePath+"/drift/" + i3+"/kind",schemaPath:"#/$defs/drift_kind/enum",keyword:"enum",params:{allowedValues: schema104.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid30 = _errs89 === errors;
}
else {
var valid30 = true;
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/drift/" + i3,schemaPath:"#/properties/drift/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid29 = _errs83 === errors;
if(!valid29){
break;
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs81 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.progress !== undefined){
const _errs91 = errors;
if(!(validate49(data.progress, {instancePath:instancePath+"/progress",parentData:data,parentDataProperty:"progress",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
var valid0 = _errs91 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.next !== undefined){
const _errs92 = errors;
if(!(validate51(data.next, {instancePath:instancePath+"/next",parentData:data,parentDataProperty:"next",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate51.errors : vErrors.concat(validate51.errors);
errors = vErrors.length;
}
var valid0 = _errs92 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.walkthrough !== undefined){
let data34 = data.walkthrough;
const _errs93 = errors;
if(errors === _errs93){
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
let missing6;
if(((data34.active === undefined) && (missing6 = "active")) || ((data34.still_on === undefined) && (missing6 = "still_on"))){
validate48.errors = [{instancePath:instancePath+"/walkthrough",schemaPath:"#/properties/walkthrough/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"}];
return false;
}
else {
const _errs95 = errors;
for(const key6 in data34){
if(!((key6 === "active") || (key6 === "still_on"))){
validate48.errors = [{instancePath:instancePath+"/walkthrough",schemaPath:"#/properties/walkthrough/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs95 === errors){
if(data34.active !== undefined){
const _errs96 = errors;
if(typeof data34.active !== "boolean"){
validate48.errors = [{instancePath:instancePath+"/walkthrough/active",schemaPath:"#/properties/walkthrough/properties/active/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid33 = _errs96 === errors;
}
else {
var valid33 = true;
}
if(valid33){
if(data34.still_on !== undefined){
let data36 = data34.still_on;
const _errs98 = errors;
const _errs99 = errors;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
validate48.errors = [{instancePath:instancePath+"/walkthrough/still_on",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs99){
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 < 0 || isNaN(data36)){
validate48.errors = [{instancePath:instancePath+"/walkthrough/still_on",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid33 = _errs98 === errors;
}
else {
var valid33 = true;
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/walkthrough",schemaPath:"#/properties/walkthrough/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs93 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.page_unreadable !== undefined){
const _errs101 = errors;
if(typeof data.page_unreadable !== "boolean"){
validate48.errors = [{instancePath:instancePath+"/page_unreadable",schemaPath:"#/properties/page_unreadable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs101 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
const _errs103 = errors;
if(typeof data.truncated !== "boolean"){
validate48.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs103 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate48.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate48.errors = vErrors;
return errors === 0;
}
validate48.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema113 = {"type":"object","required":["type","id","active","region","steps","progress","next"],"additionalProperties":false,"properties":{"type":{"const":"walkthrough"},"id":{"$ref":"#/$defs/id"},"active":{"type":"boolean"},"region":{"anyOf":[{"$ref":"#/$defs/region"},{"type":"null"}]},"steps":{"type":"array","items":{"$ref":"#/$defs/walkthrough_step"}},"progress":{"$ref":"#/$defs/progress"},"next":{"$ref":"#/$defs/next"},"check":{"$ref":"#/$defs/check"}}};
const schema58 = {"type":"string","maxLength":16,"pattern":"^[A-Z]{2,8}$","description":"A ruleset region code."};
const pattern11 = new RegExp("^[A-Z]{2,8}$", "u");
const schema116 = {"type":"object","required":["step","kind","title","url","severity","state"],"properties":{"step":{"$ref":"#/$defs/step"},"kind":{"enum":["toggle","form"]},"title":{"$ref":"#/$defs/text"},"url":{"$ref":"#/$defs/url"},"severity":{"$ref":"#/$defs/severity"},"state":true,"last_seen":{"$ref":"#/$defs/timestamp"},"drift":{"type":"boolean"},"guidance":{"$ref":"#/$defs/text"},"done_at":{"$ref":"#/$defs/timestamp"}},"unevaluatedProperties":false,"if":{"properties":{"kind":{"const":"toggle"}}},"then":{"required":["last_seen","drift"],"properties":{"state":{"$ref":"#/$defs/toggle_state"},"last_seen":true,"drift":true,"guidance":false,"done_at":false}},"else":{"required":["guidance","done_at"],"properties":{"state":{"$ref":"#/$defs/form_state"},"guidance":true,"done_at":true,"last_seen":false,"drift":false}}};
const schema117 = {"enum":["off","on","unseen","not_in_region"]};
const schema118 = {"enum":["todo","done","not_in_region"]};
const schema123 = {"type":["string","null"],"maxLength":64};

function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate55.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind !== undefined){
if("toggle" !== data.kind){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.last_seen === undefined) && (missing0 = "last_seen")) || ((data.drift === undefined) && (missing0 = "drift"))){
validate55.errors = [{instancePath,schemaPath:"#/then/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.state !== undefined){
let data1 = data.state;
const _errs5 = errors;
if(!((((data1 === "off") || (data1 === "on")) || (data1 === "unseen")) || (data1 === "not_in_region"))){
validate55.errors = [{instancePath:instancePath+"/state",schemaPath:"#/$defs/toggle_state/enum",keyword:"enum",params:{allowedValues: schema117.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid2 = _errs5 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.guidance !== undefined){
var valid2 = false;
validate55.errors = [{instancePath:instancePath+"/guidance",schemaPath:"#/then/properties/guidance/false schema",keyword:"false schema",params:{},message:"boolean schema is false"}];
return false;
}
else {
var valid2 = true;
}
if(valid2){
if(data.done_at !== undefined){
var valid2 = false;
validate55.errors = [{instancePath:instancePath+"/done_at",schemaPath:"#/then/properties/done_at/false schema",keyword:"false schema",params:{},message:"boolean schema is false"}];
return false;
}
else {
var valid2 = true;
}
}
}
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
if(valid0){
var props0 = {};
props0.state = true;
props0.last_seen = true;
props0.drift = true;
props0.guidance = true;
props0.done_at = true;
props0.kind = true;
}
ifClause0 = "then";
}
else {
const _errs7 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((data.guidance === undefined) && (missing1 = "guidance")) || ((data.done_at === undefined) && (missing1 = "done_at"))){
validate55.errors = [{instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
if(data.state !== undefined){
let data4 = data.state;
const _errs8 = errors;
if(!(((data4 === "todo") || (data4 === "done")) || (data4 === "not_in_region"))){
validate55.errors = [{instancePath:instancePath+"/state",schemaPath:"#/$defs/form_state/enum",keyword:"enum",params:{allowedValues: schema118.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs8 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data.last_seen !== undefined){
var valid4 = false;
validate55.errors = [{instancePath:instancePath+"/last_seen",schemaPath:"#/else/properties/last_seen/false schema",keyword:"false schema",params:{},message:"boolean schema is false"}];
return false;
}
else {
var valid4 = true;
}
if(valid4){
if(data.drift !== undefined){
var valid4 = false;
validate55.errors = [{instancePath:instancePath+"/drift",schemaPath:"#/else/properties/drift/false schema",keyword:"false schema",params:{},message:"boolean schema is false"}];
return false;
}
else {
var valid4 = true;
}
}
}
}
}
var _valid0 = _errs7 === errors;
valid0 = _valid0;
if(valid0){
if(props0 !== true){
props0 = props0 || {};
props0.state = true;
props0.guidance = true;
props0.done_at = true;
props0.last_seen = true;
props0.drift = true;
}
}
ifClause0 = "else";
}
if(!valid0){
const err1 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate55.errors = vErrors;
return false;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if(((((((data.step === undefined) && (missing2 = "step")) || ((data.kind === undefined) && (missing2 = "kind"))) || ((data.title === undefined) && (missing2 = "title"))) || ((data.url === undefined) && (missing2 = "url"))) || ((data.severity === undefined) && (missing2 = "severity"))) || ((data.state === undefined) && (missing2 = "state"))){
validate55.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
if(props0 !== true){
props0 = props0 || {};
props0.step = true;
props0.kind = true;
props0.title = true;
props0.url = true;
props0.severity = true;
props0.state = true;
props0.last_seen = true;
props0.drift = true;
props0.guidance = true;
props0.done_at = true;
}
if(data.step !== undefined){
let data7 = data.step;
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data7 === "string"){
if(func1(data7) > 128){
validate55.errors = [{instancePath:instancePath+"/step",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/step",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs10 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.kind !== undefined){
let data8 = data.kind;
const _errs13 = errors;
if(!((data8 === "toggle") || (data8 === "form"))){
validate55.errors = [{instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema116.properties.kind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid6 = _errs13 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.title !== undefined){
let data9 = data.title;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(typeof data9 === "string"){
if(func1(data9) > 8192){
validate55.errors = [{instancePath:instancePath+"/title",schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/title",schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs14 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.url !== undefined){
let data10 = data.url;
const _errs17 = errors;
const _errs18 = errors;
if(errors === _errs18){
if(typeof data10 === "string"){
if(func1(data10) > 2048){
validate55.errors = [{instancePath:instancePath+"/url",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/url",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs17 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.severity !== undefined){
let data11 = data.severity;
const _errs20 = errors;
const _errs21 = errors;
if(errors === _errs21){
if(typeof data11 === "string"){
if(func1(data11) > 64){
validate55.errors = [{instancePath:instancePath+"/severity",schemaPath:"#/$defs/severity/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/severity",schemaPath:"#/$defs/severity/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs20 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.last_seen !== undefined){
let data12 = data.last_seen;
const _errs23 = errors;
const _errs24 = errors;
if((typeof data12 !== "string") && (data12 !== null)){
validate55.errors = [{instancePath:instancePath+"/last_seen",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"}];
return false;
}
if(errors === _errs24){
if(typeof data12 === "string"){
if(func1(data12) > 64){
validate55.errors = [{instancePath:instancePath+"/last_seen",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid6 = _errs23 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.drift !== undefined){
const _errs26 = errors;
if(typeof data.drift !== "boolean"){
validate55.errors = [{instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid6 = _errs26 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.guidance !== undefined){
let data14 = data.guidance;
const _errs28 = errors;
const _errs29 = errors;
if(errors === _errs29){
if(typeof data14 === "string"){
if(func1(data14) > 8192){
validate55.errors = [{instancePath:instancePath+"/guidance",schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/guidance",schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs28 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.done_at !== undefined){
let data15 = data.done_at;
const _errs31 = errors;
const _errs32 = errors;
if((typeof data15 !== "string") && (data15 !== null)){
validate55.errors = [{instancePath:instancePath+"/done_at",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"}];
return false;
}
if(errors === _errs32){
if(typeof data15 === "string"){
if(func1(data15) > 64){
validate55.errors = [{instancePath:instancePath+"/done_at",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid6 = _errs31 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(props0 !== true){
for(const key0 in data){
if(!props0 || !props0[key0]){
validate55.errors = [{instancePath,schemaPath:"#/unevaluatedProperties",keyword:"unevaluatedProperties",params:{unevaluatedProperty: key0},message:"must NOT have unevaluated properties"}];
return false;
break;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate55.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate55.errors = vErrors;
return errors === 0;
}
validate55.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema126 = {"type":"object","additionalProperties":false,"required":["reminder_days","last_full_check","next_due","due","due_reason","running","last"],"description":"The quick re-check and its reminder (docs/protocol.md §4.3).","properties":{"reminder_days":{"$ref":"#/$defs/reminder_days"},"last_full_check":{"$ref":"#/$defs/timestamp"},"next_due":{"$ref":"#/$defs/timestamp"},"due":{"type":"boolean"},"due_reason":{"enum":[null,"never_checked","interval","ruleset_changed"]},"running":{"type":"boolean"},"last":{"anyOf":[{"type":"null"},{"type":"object","additionalProperties":false,"required":["started_at","ended_at","complete","off","on","unreadable","unchecked","new_controls"],"properties":{"started_at":{"$ref":"#/$defs/timestamp"},"ended_at":{"$ref":"#/$defs/timestamp"},"complete":{"type":"boolean"},"off":{"type":"array","items":{"$ref":"#/$defs/step"}},"on":{"type":"array","items":{"$ref":"#/$defs/step"}},"unreadable":{"type":"array","items":{"$ref":"#/$defs/step"}},"unchecked":{"type":"array","items":{"$ref":"#/$defs/step"}},"new_controls":{"type":"array","items":{"$ref":"#/$defs/new_control"}}}}]}}};
const schema59 = {"anyOf":[{"type":"integer","minimum":1,"maximum":365},{"type":"null"}],"description":"The re-check reminder's interval in days; null: the reminder is off."};
const schema136 = {"type":"object","required":["page","key","label"],"additionalProperties":false,"description":"A switch on a ruleset page that the ruleset does not know (new on LinkedIn).","properties":{"page":{"$ref":"#/$defs/url"},"key":{"$ref":"#/$defs/key"},"label":{"$ref":"#/$defs/label"}}};

function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate60.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.page === undefined) && (missing0 = "page")) || ((data.key === undefined) && (missing0 = "key"))) || ((data.label === undefined) && (missing0 = "label"))){
validate60.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "page") || (key0 === "key")) || (key0 === "label"))){
validate60.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.page !== undefined){
let data0 = data.page;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(func1(data0) > 2048){
validate60.errors = [{instancePath:instancePath+"/page",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"}];
return false;
}
}
else {
validate60.errors = [{instancePath:instancePath+"/page",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.key !== undefined){
let data1 = data.key;
const _errs5 = errors;
const _errs6 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate60.errors = [{instancePath:instancePath+"/key",schemaPath:"#/$defs/key/type",keyword:"type",params:{type: schema44.type},message:"must be string,null"}];
return false;
}
if(errors === _errs6){
if(typeof data1 === "string"){
if(func1(data1) > 256){
validate60.errors = [{instancePath:instancePath+"/key",schemaPath:"#/$defs/key/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.label !== undefined){
let data2 = data.label;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data2 === "string"){
if(func1(data2) > 1024){
validate60.errors = [{instancePath:instancePath+"/label",schemaPath:"#/$defs/label/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate60.errors = [{instancePath:instancePath+"/label",schemaPath:"#/$defs/label/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate60.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate60.errors = vErrors;
return errors === 0;
}
validate60.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate59(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate59.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.reminder_days === undefined) && (missing0 = "reminder_days")) || ((data.last_full_check === undefined) && (missing0 = "last_full_check"))) || ((data.next_due === undefined) && (missing0 = "next_due"))) || ((data.due === undefined) && (missing0 = "due"))) || ((data.due_reason === undefined) && (missing0 = "due_reason"))) || ((data.running === undefined) && (missing0 = "running"))) || ((data.last === undefined) && (missing0 = "last"))){
validate59.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "reminder_days") || (key0 === "last_full_check")) || (key0 === "next_due")) || (key0 === "due")) || (key0 === "due_reason")) || (key0 === "running")) || (key0 === "last"))){
validate59.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.reminder_days !== undefined){
let data0 = data.reminder_days;
const _errs2 = errors;
const _errs4 = errors;
let valid2 = false;
const _errs5 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err0 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(errors === _errs5){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 365 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 365},message:"must be <= 365"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
if(data0 < 1 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
}
var _valid0 = _errs5 === errors;
valid2 = valid2 || _valid0;
const _errs7 = errors;
if(data0 !== null){
const err3 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err4 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate59.errors = vErrors;
return false;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.last_full_check !== undefined){
let data1 = data.last_full_check;
const _errs9 = errors;
const _errs10 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate59.errors = [{instancePath:instancePath+"/last_full_check",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"}];
return false;
}
if(errors === _errs10){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate59.errors = [{instancePath:instancePath+"/last_full_check",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.next_due !== undefined){
let data2 = data.next_due;
const _errs12 = errors;
const _errs13 = errors;
if((typeof data2 !== "string") && (data2 !== null)){
validate59.errors = [{instancePath:instancePath+"/next_due",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"}];
return false;
}
if(errors === _errs13){
if(typeof data2 === "string"){
if(func1(data2) > 64){
validate59.errors = [{instancePath:instancePath+"/next_due",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.due !== undefined){
const _errs15 = errors;
if(typeof data.due !== "boolean"){
validate59.errors = [{instancePath:instancePath+"/due",schemaPath:"#/properties/due/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.due_reason !== undefined){
let data4 = data.due_reason;
const _errs17 = errors;
if(!((((data4 === null) || (data4 === "never_checked")) || (data4 === "interval")) || (data4 === "ruleset_changed"))){
validate59.errors = [{instancePath:instancePath+"/due_reason",schemaPath:"#/properties/due_reason/enum",keyword:"enum",params:{allowedValues: schema126.properties.due_reason.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.running !== undefined){
const _errs18 = errors;
if(typeof data.running !== "boolean"){
validate59.errors = [{instancePath:instancePath+"/running",schemaPath:"#/properties/running/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.last !== undefined){
let data6 = data.last;
const _errs20 = errors;
const _errs21 = errors;
let valid5 = false;
const _errs22 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs22 === errors;
valid5 = valid5 || _valid1;
const _errs24 = errors;
if(errors === _errs24){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
let missing1;
if(((((((((data6.started_at === undefined) && (missing1 = "started_at")) || ((data6.ended_at === undefined) && (missing1 = "ended_at"))) || ((data6.complete === undefined) && (missing1 = "complete"))) || ((data6.off === undefined) && (missing1 = "off"))) || ((data6.on === undefined) && (missing1 = "on"))) || ((data6.unreadable === undefined) && (missing1 = "unreadable"))) || ((data6.unchecked === undefined) && (missing1 = "unchecked"))) || ((data6.new_controls === undefined) && (missing1 = "new_controls"))){
const err6 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf/1/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
const _errs26 = errors;
for(const key1 in data6){
if(!((((((((key1 === "started_at") || (key1 === "ended_at")) || (key1 === "complete")) || (key1 === "off")) || (key1 === "on")) || (key1 === "unreadable")) || (key1 === "unchecked")) || (key1 === "new_controls"))){
const err7 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
break;
}
}
if(_errs26 === errors){
if(data6.started_at !== undefined){
let data7 = data6.started_at;
const _errs27 = errors;
const _errs28 = errors;
if((typeof data7 !== "string") && (data7 !== null)){
const err8 = {instancePath:instancePath+"/last/started_at",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(errors === _errs28){
if(typeof data7 === "string"){
if(func1(data7) > 64){
const err9 = {instancePath:instancePath+"/last/started_at",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.ended_at !== undefined){
let data8 = data6.ended_at;
const _errs30 = errors;
const _errs31 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
const err10 = {instancePath:instancePath+"/last/ended_at",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(errors === _errs31){
if(typeof data8 === "string"){
if(func1(data8) > 64){
const err11 = {instancePath:instancePath+"/last/ended_at",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
var valid6 = _errs30 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.complete !== undefined){
const _errs33 = errors;
if(typeof data6.complete !== "boolean"){
const err12 = {instancePath:instancePath+"/last/complete",schemaPath:"#/properties/last/anyOf/1/properties/complete/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var valid6 = _errs33 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.off !== undefined){
let data10 = data6.off;
const _errs35 = errors;
if(errors === _errs35){
if(Array.isArray(data10)){
var valid9 = true;
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
let data11 = data10[i0];
const _errs37 = errors;
const _errs38 = errors;
if(errors === _errs38){
if(typeof data11 === "string"){
if(func1(data11) > 128){
const err13 = {instancePath:instancePath+"/last/off/" + i0,schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/last/off/" + i0,schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid9 = _errs37 === errors;
if(!valid9){
break;
}
}
}
else {
const err15 = {instancePath:instancePath+"/last/off",schemaPath:"#/properties/last/anyOf/1/properties/off/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
var valid6 = _errs35 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.on !== undefined){
let data12 = data6.on;
const _errs40 = errors;
if(errors === _errs40){
if(Array.isArray(data12)){
var valid11 = true;
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
let data13 = data12[i1];
const _errs42 = errors;
const _errs43 = errors;
if(errors === _errs43){
if(typeof data13 === "string"){
if(func1(data13) > 128){
const err16 = {instancePath:instancePath+"/last/on/" + i1,schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/last/on/" + i1,schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
var valid11 = _errs42 === errors;
if(!valid11){
break;
}
}
}
else {
const err18 = {instancePath:instancePath+"/last/on",schemaPath:"#/properties/last/anyOf/1/properties/on/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var valid6 = _errs40 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.unreadable !== undefined){
let data14 = data6.unreadable;
const _errs45 = errors;
if(errors === _errs45){
if(Array.isArray(data14)){
var valid13 = true;
const len2 = data14.length;
for(let i2=0; i2<len2; i2++){
let data15 = data14[i2];
const _errs47 = errors;
const _errs48 = errors;
if(errors === _errs48){
if(typeof data15 === "string"){
if(func1(data15) > 128){
const err19 = {instancePath:instancePath+"/last/unreadable/" + i2,schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/last/unreadable/" + i2,schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
var valid13 = _errs47 === errors;
if(!valid13){
break;
}
}
}
else {
const err21 = {instancePath:instancePath+"/last/unreadable",schemaPath:"#/properties/last/anyOf/1/properties/unreadable/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var valid6 = _errs45 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.unchecked !== undefined){
let data16 = data6.unchecked;
const _errs50 = errors;
if(errors === _errs50){
if(Array.isArray(data16)){
var valid15 = true;
const len3 = data16.length;
for(let i3=0; i3<len3; i3++){
let data17 = data16[i3];
const _errs52 = errors;
const _errs53 = errors;
if(errors === _errs53){
if(typeof data17 === "string"){
if(func1(data17) > 128){
const err22 = {instancePath:instancePath+"/last/unchecked/" + i3,schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/last/unchecked/" + i3,schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
var valid15 = _errs52 === errors;
if(!valid15){
break;
}
}
}
else {
const err24 = {instancePath:instancePath+"/last/unchecked",schemaPath:"#/properties/last/anyOf/1/properties/unchecked/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
var valid6 = _errs50 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.new_controls !== undefined){
let data18 = data6.new_controls;
const _errs55 = errors;
if(errors === _errs55){
if(Array.isArray(data18)){
var valid17 = true;
const len4 = data18.length;
for(let i4=0; i4<len4; i4++){
const _errs57 = errors;
if(!(validate60(data18[i4], {instancePath:instancePath+"/last/new_controls/" + i4,parentData:data18,parentDataProperty:i4,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
var valid17 = _errs57 === errors;
if(!valid17){
break;
}
}
}
else {
const err25 = {instancePath:instancePath+"/last/new_controls",schemaPath:"#/properties/last/anyOf/1/properties/new_controls/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
var valid6 = _errs55 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
const err26 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
var _valid1 = _errs24 === errors;
valid5 = valid5 || _valid1;
if(!valid5){
const err27 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
validate59.errors = vErrors;
return false;
}
else {
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate59.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate59.errors = vErrors;
return errors === 0;
}
validate59.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.active === undefined) && (missing0 = "active"))) || ((data.region === undefined) && (missing0 = "region"))) || ((data.steps === undefined) && (missing0 = "steps"))) || ((data.progress === undefined) && (missing0 = "progress"))) || ((data.next === undefined) && (missing0 = "next"))){
validate54.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "type") || (key0 === "id")) || (key0 === "active")) || (key0 === "region")) || (key0 === "steps")) || (key0 === "progress")) || (key0 === "next")) || (key0 === "check"))){
validate54.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("walkthrough" !== data.type){
validate54.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "walkthrough"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate54.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate54.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.active !== undefined){
const _errs6 = errors;
if(typeof data.active !== "boolean"){
validate54.errors = [{instancePath:instancePath+"/active",schemaPath:"#/properties/active/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.region !== undefined){
let data3 = data.region;
const _errs8 = errors;
const _errs9 = errors;
let valid2 = false;
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data3 === "string"){
if(func1(data3) > 16){
const err0 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(!pattern11.test(data3)){
const err1 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{2,8}$"},message:"must match pattern \""+"^[A-Z]{2,8}$"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
const _errs13 = errors;
if(data3 !== null){
const err3 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs13 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err4 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate54.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.steps !== undefined){
let data4 = data.steps;
const _errs15 = errors;
if(errors === _errs15){
if(Array.isArray(data4)){
var valid4 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs17 = errors;
if(!(validate55(data4[i0], {instancePath:instancePath+"/steps/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);
errors = vErrors.length;
}
var valid4 = _errs17 === errors;
if(!valid4){
break;
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.progress !== undefined){
const _errs18 = errors;
if(!(validate49(data.progress, {instancePath:instancePath+"/progress",parentData:data,parentDataProperty:"progress",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.next !== undefined){
const _errs19 = errors;
if(!(validate51(data.next, {instancePath:instancePath+"/next",parentData:data,parentDataProperty:"next",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate51.errors : vErrors.concat(validate51.errors);
errors = vErrors.length;
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.check !== undefined){
const _errs20 = errors;
if(!(validate59(data.check, {instancePath:instancePath+"/check",parentData:data,parentDataProperty:"check",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate59.errors : vErrors.concat(validate59.errors);
errors = vErrors.length;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate54.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate54.errors = vErrors;
return errors === 0;
}
validate54.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema140 = {"type":"object","required":["type","id","region","regions","region_hint"],"additionalProperties":false,"properties":{"type":{"const":"config"},"id":{"$ref":"#/$defs/id"},"region":{"anyOf":[{"$ref":"#/$defs/region"},{"type":"null"}]},"regions":{"type":"object","propertyNames":{"$ref":"#/$defs/region"},"additionalProperties":{"$ref":"#/$defs/text"}},"region_hint":{"$ref":"#/$defs/region_hint"},"reminder_days":{"$ref":"#/$defs/reminder_days"}}};
const schema145 = {"anyOf":[{"type":"null"},{"type":"object","required":["evidence","ruled_out"],"additionalProperties":false,"description":"With no region set: a setting LinkedIn showed that it hides in some regions rules those out.","properties":{"evidence":{"$ref":"#/$defs/step"},"ruled_out":{"type":"array","items":{"$ref":"#/$defs/region"}}}}]};

function validate65(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate65.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
const _errs1 = errors;
if(data !== null){
const err0 = {instancePath,schemaPath:"#/anyOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
valid0 = valid0 || _valid0;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.evidence === undefined) && (missing0 = "evidence")) || ((data.ruled_out === undefined) && (missing0 = "ruled_out"))){
const err1 = {instancePath,schemaPath:"#/anyOf/1/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
const _errs5 = errors;
for(const key0 in data){
if(!((key0 === "evidence") || (key0 === "ruled_out"))){
const err2 = {instancePath,schemaPath:"#/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
break;
}
}
if(_errs5 === errors){
if(data.evidence !== undefined){
let data0 = data.evidence;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data0 === "string"){
if(func1(data0) > 128){
const err3 = {instancePath:instancePath+"/evidence",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/evidence",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid1 = _errs6 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.ruled_out !== undefined){
let data1 = data.ruled_out;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data1)){
var valid3 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data2 === "string"){
if(func1(data2) > 16){
const err5 = {instancePath:instancePath+"/ruled_out/" + i0,schemaPath:"#/$defs/region/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(!pattern11.test(data2)){
const err6 = {instancePath:instancePath+"/ruled_out/" + i0,schemaPath:"#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{2,8}$"},message:"must match pattern \""+"^[A-Z]{2,8}$"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/ruled_out/" + i0,schemaPath:"#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var valid3 = _errs11 === errors;
if(!valid3){
break;
}
}
}
else {
const err8 = {instancePath:instancePath+"/ruled_out",schemaPath:"#/anyOf/1/properties/ruled_out/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
var props0 = true;
}
if(!valid0){
const err10 = {instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
validate65.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate65.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate65.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate64.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.region === undefined) && (missing0 = "region"))) || ((data.regions === undefined) && (missing0 = "regions"))) || ((data.region_hint === undefined) && (missing0 = "region_hint"))){
validate64.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "type") || (key0 === "id")) || (key0 === "region")) || (key0 === "regions")) || (key0 === "region_hint")) || (key0 === "reminder_days"))){
validate64.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("config" !== data.type){
validate64.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "config"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate64.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate64.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.region !== undefined){
let data2 = data.region;
const _errs6 = errors;
const _errs7 = errors;
let valid2 = false;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data2 === "string"){
if(func1(data2) > 16){
const err0 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(!pattern11.test(data2)){
const err1 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{2,8}$"},message:"must match pattern \""+"^[A-Z]{2,8}$"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs8 === errors;
valid2 = valid2 || _valid0;
const _errs11 = errors;
if(data2 !== null){
const err3 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err4 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate64.errors = vErrors;
return false;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.regions !== undefined){
let data3 = data.regions;
const _errs13 = errors;
if(errors === _errs13){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
const _errs15 = errors;
const _errs16 = errors;
if(errors === _errs16){
if(typeof key1 === "string"){
if(func1(key1) > 16){
const err5 = {instancePath:instancePath+"/regions",schemaPath:"#/$defs/region/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(!pattern11.test(key1)){
const err6 = {instancePath:instancePath+"/regions",schemaPath:"#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{2,8}$"},message:"must match pattern \""+"^[A-Z]{2,8}$"+"\"",propertyName:key1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/regions",schemaPath:"#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var valid4 = _errs15 === errors;
if(!valid4){
const err8 = {instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
validate64.errors = vErrors;
return false;
break;
}
}
if(valid4){
for(const key2 in data3){
let data4 = data3[key2];
const _errs19 = errors;
const _errs20 = errors;
if(errors === _errs20){
if(typeof data4 === "string"){
if(func1(data4) > 8192){
validate64.errors = [{instancePath:instancePath+"/regions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate64.errors = [{instancePath:instancePath+"/regions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs19 === errors;
if(!valid6){
break;
}
}
}
}
else {
validate64.errors = [{instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.region_hint !== undefined){
const _errs22 = errors;
if(!(validate65(data.region_hint, {instancePath:instancePath+"/region_hint",parentData:data,parentDataProperty:"region_hint",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate65.errors : vErrors.concat(validate65.errors);
errors = vErrors.length;
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reminder_days !== undefined){
let data6 = data.reminder_days;
const _errs23 = errors;
const _errs25 = errors;
let valid9 = false;
const _errs26 = errors;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err9 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(errors === _errs26){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 365 || isNaN(data6)){
const err10 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 365},message:"must be <= 365"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
if(data6 < 1 || isNaN(data6)){
const err11 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
var _valid1 = _errs26 === errors;
valid9 = valid9 || _valid1;
const _errs28 = errors;
if(data6 !== null){
const err12 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid1 = _errs28 === errors;
valid9 = valid9 || _valid1;
if(!valid9){
const err13 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
validate64.errors = vErrors;
return false;
}
else {
errors = _errs25;
if(vErrors !== null){
if(_errs25){
vErrors.length = _errs25;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate64.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate64.errors = vErrors;
return errors === 0;
}
validate64.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema149 = {"description":"plan: the walkthrough reply (with check); config: the config reply; both to this request, with its id.","type":"object","required":["type","id","plan","config"],"additionalProperties":false,"properties":{"type":{"const":"status"},"id":{"$ref":"#/$defs/id"},"plan":{"$ref":"#/$defs/walkthrough_reply"},"config":{"$ref":"#/$defs/config_reply"}}};

function validate68(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate68.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.plan === undefined) && (missing0 = "plan"))) || ((data.config === undefined) && (missing0 = "config"))){
validate68.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "id")) || (key0 === "plan")) || (key0 === "config"))){
validate68.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("status" !== data.type){
validate68.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "status"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate68.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate68.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.plan !== undefined){
const _errs6 = errors;
if(!(validate54(data.plan, {instancePath:instancePath+"/plan",parentData:data,parentDataProperty:"plan",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.config !== undefined){
const _errs7 = errors;
if(!(validate64(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
errors = vErrors.length;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate68.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate68.errors = vErrors;
return errors === 0;
}
validate68.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema151 = {"type":"object","required":["type","id","format","content"],"additionalProperties":false,"properties":{"type":{"const":"report"},"id":{"$ref":"#/$defs/id"},"format":{"$ref":"#/$defs/report_format"},"content":{"type":"string"},"truncated":{"type":"boolean"}}};
const schema68 = {"enum":["md","html","json"]};

function validate72(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate72.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.format === undefined) && (missing0 = "format"))) || ((data.content === undefined) && (missing0 = "content"))){
validate72.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "id")) || (key0 === "format")) || (key0 === "content")) || (key0 === "truncated"))){
validate72.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("report" !== data.type){
validate72.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "report"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate72.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate72.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.format !== undefined){
let data2 = data.format;
const _errs6 = errors;
if(!(((data2 === "md") || (data2 === "html")) || (data2 === "json"))){
validate72.errors = [{instancePath:instancePath+"/format",schemaPath:"#/$defs/report_format/enum",keyword:"enum",params:{allowedValues: schema68.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
const _errs8 = errors;
if(typeof data.content !== "string"){
validate72.errors = [{instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
const _errs10 = errors;
if(typeof data.truncated !== "boolean"){
validate72.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate72.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate72.errors = vErrors;
return errors === 0;
}
validate72.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema154 = {"type":"object","required":["type","id","settings","history","forms","checks"],"additionalProperties":false,"description":"What the merge added: setting records added or replaced by a later sighting, history entries, forms marked done, re-check records. All 0: the helper had it all already.","properties":{"type":{"const":"import_history"},"id":{"$ref":"#/$defs/id"},"settings":{"$ref":"#/$defs/count"},"history":{"$ref":"#/$defs/count"},"forms":{"$ref":"#/$defs/count"},"checks":{"$ref":"#/$defs/count"}}};

function validate74(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate74.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.settings === undefined) && (missing0 = "settings"))) || ((data.history === undefined) && (missing0 = "history"))) || ((data.forms === undefined) && (missing0 = "forms"))) || ((data.checks === undefined) && (missing0 = "checks"))){
validate74.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "type") || (key0 === "id")) || (key0 === "settings")) || (key0 === "history")) || (key0 === "forms")) || (key0 === "checks"))){
validate74.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("import_history" !== data.type){
validate74.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "import_history"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate74.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate74.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.settings !== undefined){
let data2 = data.settings;
const _errs6 = errors;
const _errs7 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate74.errors = [{instancePath:instancePath+"/settings",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
validate74.errors = [{instancePath:instancePath+"/settings",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.history !== undefined){
let data3 = data.history;
const _errs9 = errors;
const _errs10 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate74.errors = [{instancePath:instancePath+"/history",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
validate74.errors = [{instancePath:instancePath+"/history",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.forms !== undefined){
let data4 = data.forms;
const _errs12 = errors;
const _errs13 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate74.errors = [{instancePath:instancePath+"/forms",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs13){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
validate74.errors = [{instancePath:instancePath+"/forms",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.checks !== undefined){
let data5 = data.checks;
const _errs15 = errors;
const _errs16 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate74.errors = [{instancePath:instancePath+"/checks",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
validate74.errors = [{instancePath:instancePath+"/checks",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate74.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate74.errors = vErrors;
return errors === 0;
}
validate74.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate77(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate77.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("error" !== data.type){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(!(validate44(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
errors = vErrors.length;
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = true;
}
}
if(!valid1){
const err1 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs1 === errors;
if(valid0){
const _errs6 = errors;
const _errs7 = errors;
let valid3 = true;
const _errs8 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("hello" !== data.type){
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
var _valid1 = _errs8 === errors;
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs10 = errors;
if(!(validate46(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
errors = vErrors.length;
}
var _valid1 = _errs10 === errors;
valid3 = _valid1;
if(valid3){
var props1 = true;
}
}
if(!valid3){
const err3 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs6 === errors;
if(valid0){
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs11 = errors;
const _errs12 = errors;
let valid5 = true;
const _errs13 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("verdict" !== data.type){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
var _valid2 = _errs13 === errors;
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs15 = errors;
if(!(validate48(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
var _valid2 = _errs15 === errors;
valid5 = _valid2;
if(valid5){
var props2 = true;
}
}
if(!valid5){
const err5 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs11 === errors;
if(valid0){
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
const _errs16 = errors;
const _errs17 = errors;
let valid7 = true;
const _errs18 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("walkthrough" !== data.type){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
var _valid3 = _errs18 === errors;
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs20 = errors;
if(!(validate54(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var _valid3 = _errs20 === errors;
valid7 = _valid3;
if(valid7){
var props3 = true;
}
}
if(!valid7){
const err7 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs16 === errors;
if(valid0){
if(props0 !== true && props3 !== undefined){
if(props3 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props3);
}
}
const _errs21 = errors;
const _errs22 = errors;
let valid9 = true;
const _errs23 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("config" !== data.type){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
var _valid4 = _errs23 === errors;
errors = _errs22;
if(vErrors !== null){
if(_errs22){
vErrors.length = _errs22;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs25 = errors;
if(!(validate64(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
errors = vErrors.length;
}
var _valid4 = _errs25 === errors;
valid9 = _valid4;
if(valid9){
var props4 = true;
}
}
if(!valid9){
const err9 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs21 === errors;
if(valid0){
if(props0 !== true && props4 !== undefined){
if(props4 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props4);
}
}
const _errs26 = errors;
const _errs27 = errors;
let valid11 = true;
const _errs28 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("status" !== data.type){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
var _valid5 = _errs28 === errors;
errors = _errs27;
if(vErrors !== null){
if(_errs27){
vErrors.length = _errs27;
}
else {
vErrors = null;
}
}
if(_valid5){
const _errs30 = errors;
if(!(validate68(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
errors = vErrors.length;
}
var _valid5 = _errs30 === errors;
valid11 = _valid5;
if(valid11){
var props5 = true;
}
}
if(!valid11){
const err11 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs26 === errors;
if(valid0){
if(props0 !== true && props5 !== undefined){
if(props5 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props5);
}
}
const _errs31 = errors;
const _errs32 = errors;
let valid13 = true;
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("report" !== data.type){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
var _valid6 = _errs33 === errors;
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
if(_valid6){
const _errs35 = errors;
if(!(validate72(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate72.errors : vErrors.concat(validate72.errors);
errors = vErrors.length;
}
var _valid6 = _errs35 === errors;
valid13 = _valid6;
if(valid13){
var props6 = true;
}
}
if(!valid13){
const err13 = {instancePath,schemaPath:"#/allOf/6/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs31 === errors;
if(valid0){
if(props0 !== true && props6 !== undefined){
if(props6 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props6);
}
}
const _errs36 = errors;
const _errs37 = errors;
let valid15 = true;
const _errs38 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("import_history" !== data.type){
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
var _valid7 = _errs38 === errors;
errors = _errs37;
if(vErrors !== null){
if(_errs37){
vErrors.length = _errs37;
}
else {
vErrors = null;
}
}
if(_valid7){
const _errs40 = errors;
if(!(validate74(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate74.errors : vErrors.concat(validate74.errors);
errors = vErrors.length;
}
var _valid7 = _errs40 === errors;
valid15 = _valid7;
if(valid15){
var props7 = true;
}
}
if(!valid15){
const err15 = {instancePath,schemaPath:"#/allOf/7/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs36 === errors;
if(valid0){
if(props0 !== true && props7 !== undefined){
if(props7 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props7);
}
}
}
}
}
}
}
}
}
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
validate77.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
}
if(data.type !== undefined){
let data8 = data.type;
if(!((((((((data8 === "error") || (data8 === "hello")) || (data8 === "verdict")) || (data8 === "walkthrough")) || (data8 === "config")) || (data8 === "status")) || (data8 === "report")) || (data8 === "import_history"))){
validate77.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema72.properties.type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
else {
validate77.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate77.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate77.evaluated = {"dynamicProps":true,"dynamicItems":false};

  root.LinkedOutProtocolValidators = Object.freeze({ validateReply: exports.validateReply });
})(globalThis);
})();

// lib/host-connection.js
(function () {
'use strict';
/*
 * The long-lived native messaging port to io.linkedout.host: says hello, matches replies to
 * requests by id, reconnects with backoff, and knows when the host is not installed. Browser APIs
 * are injected (connectNative, lastErrorOf, timers) so node tests can drive it with a fake port.
 * Defines the global `LinkedOutHostConnection`.
 */
(function defineLinkedOutHostConnection(root) {
  'use strict';

  const protocol = () => root.LinkedOutProtocol;
  // Chromium: "Specified native messaging host not found."; Firefox: "No such native application
  // io.linkedout.host" (Firefox also says this when the manifest does not list the add-on id).
  const MISSING_PATTERN = /not found|no such native application|not allowed/i;
  // Chromium: "Access to the specified native messaging host is forbidden." — the helper IS
  // installed, but its manifest does not allow this extension id (a store install's own id).
  const FORBIDDEN_PATTERN = /forbidden/i;
  // States in which reconnecting at once would only repeat the same refusal.
  const NOT_REACHABLE = new Set(['host_missing', 'host_forbidden']);

  class HostError extends Error {
    constructor(code, message, field = null) {
      super(message);
      this.name = 'HostError';
      this.code = code;
      this.field = field;
    }
  }

  class HostConnection {
    constructor({
      connectNative, lastErrorOf = () => null, extensionVersion = '0.0.0', onStateChange = () => {},
      timers = globalThis, requestTimeoutMs = 15000, backoffInitialMs = 1000, backoffMaxMs = 60000,
      now = () => Date.now(), uiLanguage = null,
    }) {
      Object.assign(this, {
        connectNative, lastErrorOf, extensionVersion, onStateChange, timers, requestTimeoutMs,
        backoffInitialMs, backoffMaxMs, now,
      });
      // The browser's UI language rides in every request's envelope, so the host answers human
      // text in it; one the protocol would refuse is left out (the host then answers in English).
      const { LANG_PATTERN, LIMITS } = protocol();
      this.uiLang = typeof uiLanguage === 'string' && uiLanguage.length <= LIMITS.maxLangChars &&
        LANG_PATTERN.test(uiLanguage) ? uiLanguage : null;
      this.port = null;
      this.nextId = 1;
      this.pending = new Map();
      this.ready = null;
      this.backoffMs = backoffInitialMs;
      this.reconnectTimer = null;
      this.lastAttemptAt = 0;
      this.state = { status: 'disconnected', message: '', hello: null };
    }

    setState(status, message = '', hello = this.state.hello) {
      this.state = { status, message, hello };
      this.onStateChange(this.state);
    }

    /** Resolves with the host's hello once connected; rejects with a HostError otherwise. */
    ensureConnected() {
      if (this.ready) return this.ready;
      const recentlyMissing = NOT_REACHABLE.has(this.state.status) &&
        this.now() - this.lastAttemptAt < this.backoffInitialMs;
      if (recentlyMissing) return Promise.reject(new HostError(this.state.status, this.state.message));
      return this.connect();
    }

    connect() {
      if (this.reconnectTimer !== null) {
        this.timers.clearTimeout(this.reconnectTimer);
        this.reconnectTimer = null;
      }
      this.lastAttemptAt = this.now();
      this.setState('connecting');
      let port;
      try {
        port = this.connectNative(protocol().HOST_NAME);
      } catch (err) {
        this.ready = null;
        this.handleLoss(String(err && err.message ? err.message : err));
        return Promise.reject(new HostError(this.state.status, this.state.message));
      }
      this.port = port;
      port.onMessage.addListener((msg) => this.onMessage(port, msg));
      port.onDisconnect.addListener(() => this.onDisconnect(port));
      const ready = this.send(protocol().buildHello(undefined, this.extensionVersion)).then((hello) => {
        if (hello.type !== 'hello') throw new HostError('bad_reply', `expected hello, got ${hello.type}`);
        if (hello.protocol !== protocol().PROTOCOL_VERSION) {
          const message = `host speaks protocol ${hello.protocol}, extension ${protocol().PROTOCOL_VERSION}`;
          this.setState('incompatible', message, hello);
          throw new HostError('incompatible', message);
        }
        this.backoffMs = this.backoffInitialMs;
        this.setState('connected', '', hello);
        return hello;
      });
      this.ready = ready;
      ready.catch((err) => {
        // A hello that failed while the port is still open (timeout, bad reply, wrong protocol):
        // drop that port so later requests retry a fresh one instead of failing forever.
        if (this.ready !== ready) return;
        this.ready = null;
        if (this.port === port) this.disconnect();
        if (err.code !== 'incompatible') this.setState('host_failed', err.message);
        this.scheduleReconnect();
      });
      return this.ready;
    }

    /** Sends a request (after the hello) and resolves with the host's reply (never an error reply). */
    async request(msg) {
      await this.ensureConnected();
      return this.send(msg);
    }

    send(msg) {
      const id = this.nextId++;
      // Validated once: a builder's request already was (and is frozen); anything else is here.
      const valid = protocol().isBuilt(msg) ? msg : protocol().validateRequest(msg);
      const framed = this.uiLang === null ? { ...valid, id } : { ...valid, id, ui_lang: this.uiLang };
      const port = this.port;
      if (!port) return Promise.reject(new HostError('disconnected', 'no connection to the host'));
      return new Promise((resolve, reject) => {
        const timer = this.timers.setTimeout(() => {
          this.pending.delete(id);
          reject(new HostError('timeout', `no reply from the host to ${msg.type} within ${this.requestTimeoutMs} ms`));
        }, this.requestTimeoutMs);
        this.pending.set(id, { resolve, reject, timer });
        try {
          port.postMessage(framed);
        } catch (err) {
          this.timers.clearTimeout(timer);
          this.pending.delete(id);
          reject(new HostError('disconnected', String(err && err.message ? err.message : err)));
        }
      });
    }

    onMessage(port, msg) {
      if (port !== this.port) return;
      const id = msg && typeof msg === 'object' ? msg.id : undefined;
      const waiter = this.pending.get(id);
      if (!waiter) return; // unsolicited or late (timed-out) reply: nothing waits for it
      this.pending.delete(id);
      this.timers.clearTimeout(waiter.timer);
      const valid = protocol().check(protocol().validateReply, msg);
      if (!valid.ok) waiter.reject(new HostError('bad_reply', `host reply is malformed: ${valid.message}`, valid.field));
      else if (msg.type === 'error') waiter.reject(new HostError(msg.code, msg.message, msg.field || null));
      else waiter.resolve(msg);
    }

    onDisconnect(port) {
      if (port !== this.port) return;
      const reason = this.lastErrorOf(port) || 'the host closed the connection';
      this.port = null;
      this.ready = null;
      this.handleLoss(reason);
    }

    handleLoss(reason) {
      let status = 'host_failed';
      if (FORBIDDEN_PATTERN.test(reason)) status = 'host_forbidden';
      else if (MISSING_PATTERN.test(reason)) status = 'host_missing';
      this.setState(status, reason);
      for (const [id, waiter] of this.pending) {
        this.timers.clearTimeout(waiter.timer);
        waiter.reject(new HostError(this.state.status, reason));
        this.pending.delete(id);
      }
      this.scheduleReconnect();
    }

    scheduleReconnect() {
      if (this.reconnectTimer !== null) return;
      const delay = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.backoffMaxMs);
      this.reconnectTimer = this.timers.setTimeout(() => {
        this.reconnectTimer = null;
        if (!this.ready) this.connect().catch(() => {});
      }, delay);
    }

    /** Closes the port on purpose (no reconnect). */
    disconnect() {
      const port = this.port;
      this.port = null;
      this.ready = null;
      if (port) { try { port.disconnect(); } catch { /* already gone */ } }
    }
  }

  root.LinkedOutHostConnection = Object.freeze({ HostConnection, HostError, MISSING_PATTERN, FORBIDDEN_PATTERN });
})(globalThis);
})();

// lib/core-backend.js
(function () {
'use strict';
/*
 * One interface, two backends (issue 24). The background sends the protocol's messages to
 * whichever answers: the helper (linkedout-host) over native messaging when it is installed and
 * allows this extension, otherwise the built-in core — the helper's own C++ compiled to
 * WebAssembly (extension/core/linkedout-core.{js,wasm}, built by scripts/build-wasm). No second
 * implementation: this file only carries messages and the state text.
 *
 * Without the helper the state store lives in storage.local, as the helper's file format (one
 * string, docs/protocol.md §5), written once per change. When the helper answers later, that
 * history is handed to it once (`import_history`, §4.6), and the helper is used from then on.
 *
 * Browser APIs are injected (storage, the core's loader) so node tests drive it with the real
 * .wasm and the real host binary. Defines the global `LinkedOutCoreBackend`.
 */
(function defineLinkedOutCoreBackend(root) {
  'use strict';

  const protocol = () => root.LinkedOutProtocol;
  const hostErrors = () => root.LinkedOutHostConnection;

  const STATE_KEY = 'linkedout.state';
  // True once the state above was handed to the helper; every change the core writes clears it.
  const HANDED_KEY = 'linkedout.stateHanded';
  // The helper is absent (not installed) or refuses this extension id: the built-in core answers.
  // A helper that is installed but failing is said, not worked around (two histories otherwise).
  const FALLBACK_CODES = new Set(['host_missing', 'host_forbidden']);
  // Room under the frame cap for the envelope around an import_history part.
  const IMPORT_PART_BYTES = 900 * 1024;

  const HostError = (...args) => new (hostErrors().HostError)(...args);

  /**
   * The current time as the host writes it: ISO 8601 UTC, second precision. toISOString always
   * ends in ".sssZ"; cut, not a regular expression, whose first use in a fresh worker is compiled
   * on the wake (0.5 ms, at times several).
   */
  const isoNow = (date) => `${date.toISOString().slice(0, -5)}Z`;

  /**
   * The C ABI of native-host/wasm/core_wasm.cpp over an instantiated emscripten module. Texts go
   * in and out through the core's heap, encoded and decoded natively (TextEncoder.encodeInto,
   * TextDecoder with the length the core gives): cwrap's 'string' encodes in a JS loop onto the
   * core's stack, 4 bytes reserved per character, and searches for the NUL of what comes back —
   * for a store of 1,000 history entries most of opening it, and a 900 KB import part would
   * come close to the stack's end.
   */
  function coreEngine(module) {
    const open = module.cwrap('lo_open', 'number', ['number']);
    const handle = module.cwrap('lo_handle', 'number', ['number', 'number']);
    const replySize = module.cwrap('lo_reply_size', 'number', []);
    const changed = module.cwrap('lo_state_changed', 'number', []);
    const state = module.cwrap('lo_state', 'number', []);
    const stateSize = module.cwrap('lo_state_size', 'number', []);
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    /** The core's text at `at`, `size` bytes: decoded natively, no search for its NUL. */
    const heapText = (at, size) => decoder.decode(module.HEAPU8.subarray(at, at + size));
    /** `text` as a NUL-terminated UTF-8 string in the core's heap; free it with module._free. */
    function heapString(text) {
      const size = text.length * 3 + 1;  // a UTF-16 unit is at most 3 UTF-8 bytes
      const at = module._malloc(size);
      if (!at) throw new Error('the built-in core is out of memory');
      const heap = module.HEAPU8;  // read after malloc: a grown memory is a new buffer
      const { written } = encoder.encodeInto(text, heap.subarray(at, at + size - 1));
      heap[at + written] = 0;
      return at;
    }
    return {
      open(text) {
        const at = heapString(text);
        try {
          return open(at) === 0;
        } finally {
          module._free(at);
        }
      },
      handle(request, now) {
        const at = heapString(request);
        const when = heapString(now);
        let reply;
        try {
          reply = heapText(handle(at, when), replySize());
        } finally {
          module._free(at);
          module._free(when);
        }
        return { reply, state: changed() ? heapText(state(), stateSize()) : null };
      },
    };
  }

  /**
   * The built-in core with HostConnection's interface: ensureConnected(), request(msg), state,
   * connect(), disconnect(). `loadCore` resolves with the emscripten module.
   */
  class CoreConnection {
    constructor({ loadCore, storage, extensionVersion = '0.0.0', uiLanguage = null, clock = () => new Date(), onStateChange = () => {} }) {
      Object.assign(this, { loadCore, storage, extensionVersion, clock, onStateChange });
      const { LANG_PATTERN, LIMITS } = protocol();
      this.uiLang = typeof uiLanguage === 'string' && uiLanguage.length <= LIMITS.maxLangChars &&
        LANG_PATTERN.test(uiLanguage) ? uiLanguage : null;
      this.engine = null;
      this.ready = null;
      this.nextId = 1;
      this.writes = Promise.resolve();
      this.state = { status: 'disconnected', message: '', hello: null };
    }

    setState(status, message = '', hello = this.state.hello) {
      this.state = { status, message, hello };
      this.onStateChange(this.state);
    }

    ensureConnected() {
      if (!this.ready) {
        this.ready = this.start();
        this.ready.catch(() => { this.ready = null; });
      }
      return this.ready;
    }

    connect() { return this.ensureConnected(); }

    disconnect() { /* nothing to close: the core lives as long as the background */ }

    async start() {
      this.setState('connecting');
      // The stored state is read while the core compiles (storage.local is a round trip to the
      // browser's process; the compile runs on the engine's own threads), not after it.
      const loading = (async () => this.loadCore())();  // started now; a throw becomes a rejection
      const reading = this.storage.get([STATE_KEY]);
      reading.catch(() => {});  // awaited below, once the core has loaded (a failed load is said first)
      let module;
      try {
        module = await loading;
      } catch (err) {
        const message = `the built-in core did not load: ${err && err.message ? err.message : err}`;
        this.setState('core_failed', message);
        throw HostError('core_failed', message);
      }
      this.engine = coreEngine(module);
      const stored = await reading;
      const text = typeof stored[STATE_KEY] === 'string' ? stored[STATE_KEY] : '';
      if (!this.engine.open(text)) {
        // As the helper moves a corrupt state file aside: kept, never silently dropped.
        const aside = `${STATE_KEY}.corrupt-${isoNow(this.clock()).replace(/[-:]/g, '')}`;
        await this.storage.set({ [aside]: text });
      }
      const hello = await this.send(protocol().buildHello(undefined, this.extensionVersion));
      this.setState('connected', '', hello);
      return hello;
    }

    async request(msg) {
      await this.ensureConnected();
      return this.send(msg);
    }

    /** One request through the core; the state, when changed, is stored before the reply returns. */
    async send(msg) {
      const id = this.nextId++;
      const valid = protocol().isBuilt(msg) ? msg : protocol().validateRequest(msg);
      const framed = this.uiLang === null ? { ...valid, id } : { ...valid, id, ui_lang: this.uiLang };
      const { reply, state } = this.engine.handle(JSON.stringify(framed), isoNow(this.clock()));
      if (state !== null) {
        // One write per change, in order; the helper has not seen this state yet.
        this.writes = this.writes.then(() => this.storage.set({ [STATE_KEY]: state, [HANDED_KEY]: false }));
        await this.writes;
      }
      // The core is this repository's own C++, the helper's code, whose replies are schema-checked
      // and required identical to the core's by the tests: no generated reply validator here (its
      // compile was ~20 ms of every wake, docs/performance.md §8). Only that it is this reply.
      let parsed = null;
      try {
        parsed = JSON.parse(reply);
      } catch (err) { /* said below */ }
      if (parsed === null || typeof parsed !== 'object' || typeof parsed.type !== 'string' || parsed.id !== id) {
        throw HostError('bad_reply', 'core reply is malformed: not a reply to this request', 'message');
      }
      if (parsed.type === 'error') throw HostError(parsed.code, parsed.message, parsed.field || null);
      return parsed;
    }
  }

  /** The store text in parts that each fit a frame: the store without history, then history slices. */
  function importParts(text, maxBytes = IMPORT_PART_BYTES) {
    const bytes = (s) => new TextEncoder().encode(s).length;
    if (bytes(text) <= maxBytes) return [text];
    const store = JSON.parse(text);
    const history = Array.isArray(store.history) ? store.history : [];
    const parts = [JSON.stringify({ ...store, history: [] })];
    let slice = [];
    let size = 0;
    for (const entry of history) {
      const cost = bytes(JSON.stringify(entry)) + 1;
      if (slice.length && size + cost > maxBytes - 64) {
        parts.push(JSON.stringify({ version: store.version, history: slice }));
        slice = [];
        size = 0;
      }
      slice.push(entry);
      size += cost;
    }
    if (slice.length) parts.push(JSON.stringify({ version: store.version, history: slice }));
    return parts;
  }

  /**
   * The helper when it answers, else the built-in core; the same interface again. `state` says
   * which is in use: {status, message, hello, backend: 'helper' | 'builtin', helper: status}.
   */
  class Backends {
    constructor({ helper, core, storage, onStateChange = () => {} }) {
      Object.assign(this, { helper, core, storage, onStateChange });
      this.active = null;
      this.handing = null;
    }

    get state() {
      const helperStatus = this.helper.state.status;
      const builtin = this.active === 'builtin' || (this.active === null && FALLBACK_CODES.has(helperStatus));
      const use = builtin ? this.core : this.helper;
      return { ...use.state, backend: builtin ? 'builtin' : 'helper', helper: helperStatus };
    }

    use(name) {
      if (this.active === name) return;
      this.active = name;
      this.onStateChange(this.state);
    }

    /** The backend that answers now: the helper (after handing it the browser's history), else the core. */
    async pick() {
      try {
        await this.helper.ensureConnected();
      } catch (err) {
        if (!FALLBACK_CODES.has(err && err.code)) throw err;
        await this.core.ensureConnected();
        this.use('builtin');
        return this.core;
      }
      await this.handOver();
      this.use('helper');
      return this.helper;
    }

    async ensureConnected() {
      const backend = await this.pick();
      return backend.state.hello;
    }

    async connect() {
      await this.helper.connect().catch(() => {});
      return this.ensureConnected();
    }

    disconnect() { this.helper.disconnect(); }

    async request(msg) {
      const backend = await this.pick();
      return backend.request(msg);
    }

    /** Hands the browser's history to the helper once (again only after the core changed it). */
    handOver() {
      if (!this.handing) {
        this.handing = this.handOverNow().finally(() => { this.handing = null; });
      }
      return this.handing;
    }

    async handOverNow() {
      if (!this.storage) return;
      const stored = await this.storage.get([STATE_KEY, HANDED_KEY]);
      const text = stored[STATE_KEY];
      if (typeof text !== 'string' || text === '' || stored[HANDED_KEY] === true) return;
      for (const part of importParts(text)) {
        await this.helper.request(protocol().buildImportHistory(undefined, part));
      }
      await this.storage.set({ [HANDED_KEY]: true });
    }
  }

  /**
   * The core's emscripten module, from the extension's own files (no remote code): background/
   * host.js imports core/linkedout-core.js, which defines LinkedOutCore; the .wasm beside it is
   * fetched here. A response served as application/wasm (Chromium serves its package's .wasm so)
   * is compiled as it is read (WebAssembly.instantiateStreaming): no copy of its bytes into
   * JavaScript first, which cost a Chromium worker's wake ~9 ms (docs/performance.md §8, round 4).
   * Any other response is handed over as bytes (a service worker has no XMLHttpRequest to fall
   * back on).
   */
  async function loadBundledCore(runtime, fetchFile = (url) => root.fetch(url)) {
    if (typeof root.LinkedOutCore !== 'function') {
      throw new Error('core/linkedout-core.js is missing (build it with scripts/build-wasm)');
    }
    const response = await fetchFile(runtime.getURL('core/linkedout-core.wasm'));
    if (!response.ok) throw new Error(`core/linkedout-core.wasm did not load (${response.status})`);
    const type = response.headers && typeof response.headers.get === 'function' ? response.headers.get('Content-Type') : null;
    const { WebAssembly: wasm } = root;
    if (!/^application\/wasm\b/i.test(type || '') || !wasm || typeof wasm.instantiateStreaming !== 'function') {
      return root.LinkedOutCore({ wasmBinary: new Uint8Array(await response.arrayBuffer()) });
    }
    // emscripten's hook: it hands over the imports, we instantiate and give back the instance.
    // A failure there would leave emscripten's promise pending, so it rejects this one instead.
    let failed;
    const failure = new Promise((resolve, reject) => { failed = reject; });
    const ready = root.LinkedOutCore({
      instantiateWasm(imports, receiveInstance) {
        wasm.instantiateStreaming(response, imports)
          .then(({ instance, module }) => receiveInstance(instance, module), failed);
        return {};  // the exports arrive through receiveInstance
      },
    });
    return Promise.race([ready, failure]);
  }

  /** The background's connection: helper first, else the built-in core. `onStateChange(state)`. */
  function createForBrowser(chromeApi, { onStateChange = () => {} } = {}) {
    const { HostConnection } = hostErrors();
    let backends = null;
    const report = () => { if (backends) onStateChange(backends.state); };
    const common = {
      extensionVersion: chromeApi.runtime.getManifest().version,
      uiLanguage: chromeApi.i18n.getUILanguage(),
      onStateChange: report,
    };
    const helper = new HostConnection({
      ...common,
      connectNative: (name) => chromeApi.runtime.connectNative(name),
      // Chromium reports the reason in runtime.lastError, Firefox on port.error.
      lastErrorOf: (port) => (chromeApi.runtime.lastError && chromeApi.runtime.lastError.message) ||
        (port.error && port.error.message) || null,
    });
    const storage = (chromeApi.storage && chromeApi.storage.local) || null;
    const core = new CoreConnection({ ...common, storage, loadCore: () => loadBundledCore(chromeApi.runtime) });
    backends = new Backends({ helper, core, storage, onStateChange: report });
    return backends;
  }

  root.LinkedOutCoreBackend = Object.freeze({
    CoreConnection, Backends, coreEngine, importParts, isoNow, createForBrowser, loadBundledCore,
    STATE_KEY, HANDED_KEY, FALLBACK_CODES,
  });
})(globalThis);
})();

// background/host.js
const background_host_js = (function () {
'use strict';
/*
 * The host connection: the helper's long-lived port (lib/host-connection.js) when the helper is
 * installed and allows this extension, else the built-in core (lib/core-backend.js, issue 24):
 * the same messages either way. And the popup's `retry`, which drops it and connects afresh.
 */
// lib/protocol-validators.js: included above
// lib/protocol.js: included above
// The built-in core's loader (scripts/build-wasm; scripts/setup and scripts/package build it):
// a static import, as Chromium allows no import() in a service worker. It sets LinkedOutCore.
// In extension/background.js the worker loads it first instead (Firefox: the manifest lists it).
// core/linkedout-core.js: loaded before this file (see the top)
// lib/host-connection.js: included above
// lib/core-backend.js: included above

// The badge warns only when neither the helper nor the built-in core answers.
const UNREACHABLE = ['host_missing', 'host_forbidden', 'host_failed', 'incompatible', 'core_failed'];

function install(background) {
  const { browser } = background;
  const host = LinkedOutCoreBackend.createForBrowser(browser, {
    onStateChange: (state) => {
      if (UNREACHABLE.includes(state.status)) background.badge.problem();
    },
  });
  background.host = host;

  background.router.on('retry', async () => {
    host.disconnect();
    await host.connect().catch(() => {});
    return { status: 'ok', host: host.state };
  });
}
return Object.freeze({ install });
})();

// lib/policy.js
(function () {
'use strict';
/*
 * Organisation policy: what an administrator pre-set through the browser (Chrome / Chromium
 * managed storage, schema in managed_schema.json; Firefox policies.json 3rdparty.Extensions),
 * read from storage.managed and merged with the member's own options. Policy wins wherever it
 * says something; where it says nothing, the member's choice stands. Absence of a policy, or a
 * browser without managed storage, is the normal case and never an error.
 * Defines the global `LinkedOutPolicy`. docs/organisations.md documents the keys.
 */
(function defineLinkedOutPolicy(root) {
  'use strict';

  const REGIONS = Object.freeze(['EU', 'UK', 'CH', 'CA', 'HK', 'US', 'OTHER']);
  const POLICY_KEYS = Object.freeze(['requiredSettings', 'allowAutoSwitch', 'region', 'recheckReminderDays']);
  // recheckReminderDays: 0 turns the re-check reminder off, 1–365 sets its interval (days).
  const MAX_REMINDER_DAYS = 365;
  // Ruleset ids are page slugs: lower-case words joined by hyphens.
  const SETTING_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const MAX_REQUIRED_SETTINGS = 100;
  const MAX_SETTING_ID_CHARS = 128;
  // Some browsers never settle storage.managed.get() when no policy exists; do not wait forever.
  const READ_TIMEOUT_MS = 2000;

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  /**
   * Keeps the keys LinkedOut knows, with the right types and values; everything else is dropped
   * and listed in `problems` (so an administrator's typo is visible, never silently obeyed).
   * Returns {policy, problems: [{key, message}]}.
   */
  function sanitizePolicy(raw) {
    const policy = {};
    const problems = [];
    if (raw === undefined || raw === null) return { policy, problems };
    if (!isObject(raw)) return { policy, problems: [{ key: '', message: 'the managed policy must be an object' }] };

    for (const key of Object.keys(raw)) {
      if (!POLICY_KEYS.includes(key)) problems.push({ key, message: `unknown policy key ${key}` });
    }
    if ('requiredSettings' in raw) {
      const list = raw.requiredSettings;
      if (!Array.isArray(list)) {
        problems.push({ key: 'requiredSettings', message: 'requiredSettings must be a list of setting ids' });
      } else {
        const ids = [];
        for (const id of list.slice(0, MAX_REQUIRED_SETTINGS)) {
          if (typeof id === 'string' && id.length <= MAX_SETTING_ID_CHARS && SETTING_ID_PATTERN.test(id)) {
            if (!ids.includes(id)) ids.push(id);
          } else {
            problems.push({ key: 'requiredSettings', message: `not a setting id: ${JSON.stringify(id)}` });
          }
        }
        if (list.length > MAX_REQUIRED_SETTINGS) {
          problems.push({ key: 'requiredSettings', message: `only the first ${MAX_REQUIRED_SETTINGS} ids are used` });
        }
        policy.requiredSettings = ids;
      }
    }
    if ('allowAutoSwitch' in raw) {
      if (typeof raw.allowAutoSwitch === 'boolean') policy.allowAutoSwitch = raw.allowAutoSwitch;
      else problems.push({ key: 'allowAutoSwitch', message: 'allowAutoSwitch must be true or false' });
    }
    if ('region' in raw) {
      if (REGIONS.includes(raw.region)) policy.region = raw.region;
      else problems.push({ key: 'region', message: `region must be one of ${REGIONS.join(', ')}` });
    }
    if ('recheckReminderDays' in raw) {
      const days = raw.recheckReminderDays;
      if (Number.isInteger(days) && days >= 0 && days <= MAX_REMINDER_DAYS) policy.recheckReminderDays = days;
      else problems.push({ key: 'recheckReminderDays', message: `recheckReminderDays must be a whole number from 0 (off) to ${MAX_REMINDER_DAYS}` });
    }
    return { policy, problems };
  }

  function withTimeout(promise, ms, timers) {
    return new Promise((resolve, reject) => {
      const timer = timers.setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      promise.then((value) => { timers.clearTimeout(timer); resolve(value); },
        (err) => { timers.clearTimeout(timer); reject(err); });
    });
  }

  /**
   * Reads the managed storage area (chrome.storage.managed). Never rejects:
   * {policy, problems, source} with source 'managed' (a policy was read, possibly empty), 'none'
   * (this browser has no managed storage) or 'error' (reading failed: Firefox says "Managed
   * storage manifest not found" when no policy names the add-on; `error` holds the message).
   */
  async function readManagedPolicy(managedArea, { timeoutMs = READ_TIMEOUT_MS, timers = globalThis } = {}) {
    if (!managedArea || typeof managedArea.get !== 'function') return { policy: {}, problems: [], source: 'none' };
    let raw;
    try {
      raw = await withTimeout(Promise.resolve().then(() => managedArea.get(null)), timeoutMs, timers);
    } catch (err) {
      return { policy: {}, problems: [], source: 'error', error: String(err && err.message ? err.message : err) };
    }
    const { policy, problems } = sanitizePolicy(raw === undefined ? {} : raw);
    return { policy, problems, source: 'managed' };
  }

  /**
   * The options LinkedOut acts on. `user`: {autoSwitch (storage.local), region (the host's
   * config)}; `policy`: a sanitised policy. The policy wins wherever it sets a key.
   */
  function mergeOptions(user = {}, policy = {}) {
    const autoSwitchAllowed = policy.allowAutoSwitch !== false;
    const userRegion = REGIONS.includes(user.region) ? user.region : null;
    return {
      autoSwitch: autoSwitchAllowed && user.autoSwitch === true,
      autoSwitchAllowed,
      autoSwitchLocked: 'allowAutoSwitch' in policy && !autoSwitchAllowed,
      region: policy.region ?? userRegion,
      regionLocked: policy.region !== undefined,
      requiredSettings: Array.isArray(policy.requiredSettings) ? [...policy.requiredSettings] : [],
      // The host keeps the member's own reminder; a policy value replaces it (null: off).
      reminderDays: policy.recheckReminderDays === undefined ? null : (policy.recheckReminderDays || null),
      reminderLocked: policy.recheckReminderDays !== undefined,
      managed: Object.keys(policy).length > 0,
    };
  }

  /**
   * Reads storage.local's autoSwitch and storage.managed, and merges them with the host's region
   * (pass null when unknown). `storage` is chrome.storage (or a test double).
   */
  async function loadEffectiveOptions(storage, hostRegion = null, options = {}) {
    let stored = {};
    try {
      stored = (storage && storage.local ? await storage.local.get('autoSwitch') : {}) || {};
    } catch { /* unreadable local options: fall back to the defaults */ }
    const managed = await readManagedPolicy(storage ? storage.managed : undefined, options);
    return {
      ...mergeOptions({ autoSwitch: stored.autoSwitch, region: hostRegion }, managed.policy),
      policy: managed.policy,
      policyProblems: managed.problems,
      policySource: managed.source,
    };
  }

  /** The options with the host's region in: the policy's region wins when it sets one. */
  function withHostRegion(options, hostRegion) {
    if (options.regionLocked) return options;
    return { ...options, region: REGIONS.includes(hostRegion) ? hostRegion : null };
  }

  /**
   * The effective options, computed once and cached (loadEffectiveOptions without the host's
   * region: see withHostRegion). `refresh()` computes them again — at start-up and when the
   * browser says managed or local storage changed — then calls `onChange(options)`.
   */
  function createOptionsCache(storage, { onChange = () => {}, readOptions = {} } = {}) {
    let current = null;
    function refresh() {
      const next = loadEffectiveOptions(storage, null, readOptions);
      current = next;
      next.then((options) => { if (current === next) onChange(options); });
      return next;
    }
    return { get: () => current || refresh(), refresh };
  }

  /** Whether a storage.onChanged event can change the effective options. */
  const affectsOptions = (changes, areaName) =>
    areaName === 'managed' || (areaName === 'local' && isObject(changes) && 'autoSwitch' in changes);

  root.LinkedOutPolicy = Object.freeze({
    REGIONS, POLICY_KEYS, READ_TIMEOUT_MS, sanitizePolicy, readManagedPolicy, mergeOptions, loadEffectiveOptions,
    withHostRegion, createOptionsCache, affectsOptions,
  });
})(globalThis);
})();

// background/policy.js
const background_policy_js = (function () {
'use strict';
/*
 * The organisation's policy (lib/policy.js): read at start-up and when managed storage changes,
 * never per message; a region or reminder it fixes is pushed to the host. Asks the host for the
 * popup's view (`status`, one reply) and answers the popup's `config` (the member picks a region,
 * unless the policy fixed it).
 */
// lib/protocol.js: included above
// lib/policy.js: included above

const { buildConfig, buildStatus } = LinkedOutProtocol;

function install(background) {
  const { browser } = background;
  const options = LinkedOutPolicy.createOptionsCache(browser.storage, { onChange: applyPolicy });
  background.options = options;

  async function applyPolicy(effective) {
    if (effective.policyProblems.length) console.warn('LinkedOut: managed policy entries ignored', effective.policyProblems);
    const { host } = background;
    if (effective.reminderLocked) {
      try { await host.request(buildConfig(undefined, { reminder_days: effective.reminderDays })); } catch { /* pushed later */ }
    }
    if (!effective.regionLocked) return;
    // The host decides which steps are expected by region: give it the policy's now. If the host
    // is not reachable yet, status() pushes it when the popup next asks.
    try { await host.request(buildConfig(undefined, effective.region)); } catch { /* pushed later */ }
  }

  /**
   * The popup's view from the host in one request (`status`): the plan and the config, with the
   * region and reminder the policy fixes applied first (also when the start-up push failed), and
   * `changes` (the member's own region or reminder) with them. Every plan passes the badge.
   */
  background.status = async function status(changes = {}) {
    const effective = await options.get();
    const fields = { ...changes };
    if (effective.reminderLocked) fields.reminder_days = effective.reminderDays;
    if (effective.regionLocked) fields.region = effective.region;
    const reply = await background.host.request(buildStatus(undefined, fields));
    if (reply.type !== 'status') throw new Error(`expected a status reply, got ${reply.type}`);
    background.badge.fromPlan(reply.plan);
    background.noteTitles(reply.plan);
    return {
      plan: reply.plan, config: reply.config,
      options: LinkedOutPolicy.withHostRegion(effective, reply.config.region), regionHint: reply.config.region_hint,
    };
  };

  background.router.on('config', async (msg) => {
    const effective = await options.get();
    if (effective.regionLocked) return { status: 'rejected', field: 'region', message: 'the region is set by your organisation' };
    return { status: 'ok', host: background.host.state, ...(await background.status({ region: msg.region })) };
  });

  options.refresh();
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (LinkedOutPolicy.affectsOptions(changes, areaName)) options.refresh();
  });
}
return Object.freeze({ install });
})();

// background/session-state.js
const background_session_state_js = (function () {
'use strict';
/*
 * One value kept for the browser session (storage.session), so it survives the service worker or
 * event page being stopped and started again; kept in memory where the browser has no session
 * storage. `isValid` guards what comes back (session storage outlives this code's version).
 */
function sessionState(storage, key, { fallback = null, isValid = () => true } = {}) {
  const session = storage && storage.session ? storage.session : null;
  let inMemory = fallback;
  return Object.freeze({
    async get() {
      if (!session) return inMemory;
      const stored = await session.get(key);
      return key in stored && stored[key] !== null && isValid(stored[key]) ? stored[key] : fallback;
    },
    async set(value) {
      inMemory = value === null ? fallback : value;
      if (!session) return;
      if (value === null) await session.remove(key);
      else await session.set({ [key]: value });
    },
  });
}
return Object.freeze({ sessionState });
})();

// background/unreadable.js
const background_unreadable_js = (function () {
'use strict';
/*
 * Settings pages LinkedOut could not read (verdict page_unreadable), {step: url}, for the popup:
 * the user must switch those off by hand. Kept for the browser session; a later readable visit of
 * the same page clears its entry.
 */
const { sessionState } = background_session_state_js;

const isObject = (v) => typeof v === 'object' && !Array.isArray(v);

function install(background) {
  const pages = sessionState(background.browser.storage, 'unreadablePages', { fallback: {}, isValid: isObject });
  background.unreadablePages = () => pages.get();

  background.onVerdict.push(async (verdict, tabId, url) => {
    if (typeof verdict.setting !== 'string') return;
    const next = { ...(await pages.get()) };
    if (verdict.page_unreadable === true) next[verdict.setting] = url;
    else if (verdict.setting in next) delete next[verdict.setting];
    else return;
    await pages.set(next);
  });
}
return Object.freeze({ install });
})();

// lib/walkthrough-driver.js
(function () {
'use strict';
/*
 * Drives the walkthrough tab: the popup's Start opens (or moves) a tab to the next settings page,
 * and each verdict from that tab moves it on once the page reads all off (LinkedOutWalkthrough
 * decides). Only the tab the walkthrough opened or moved is ever navigated. Browser APIs come in
 * as `deps`, so node tests drive it with fakes, like lib/recheck-driver.js.
 * Defines the global `LinkedOutWalkthroughDriver`.
 */
(function defineLinkedOutWalkthroughDriver(root) {
  'use strict';

  const TAB_KEY = 'walkthroughTabId';
  // Time the user sees a page confirmed all-off before the walkthrough moves on.
  const ADVANCE_DELAY_MS = 1200;

  /**
   * deps: {
   *   walkthrough(action, step) → Promise<plan>   the host's walkthrough reply (badge updated by the caller)
   *   createTab(url) → Promise<{id}>, updateTab(tabId, url) → Promise, activeTab() → Promise<{id, url}|null>
   *   session: {get() → Promise<tabId|null>, set(tabId|null) → Promise}   survives a service-worker restart
   *   timers: {setTimeout, clearTimeout}
   * }
   */
  function create(deps) {
    const W = root.LinkedOutWalkthrough;
    const timers = deps.timers || root;

    async function navigate(move, tabId) {
      if (tabId === null) {
        const tab = await deps.createTab(move.url);
        await deps.session.set(tab.id);
      } else {
        await deps.updateTab(tabId, move.url);
        await deps.session.set(tabId);
      }
    }

    /**
     * A popup action (start, status, reset, mark_done): {plan, move}. `inTab` is true when the
     * popup runs as a page in a tab (tests, keyboard users): Start then opens a new tab rather than
     * navigating the popup itself away.
     */
    async function act(action, step, { inTab = false } = {}) {
      const plan = await deps.walkthrough(action, step);
      let move = { action: 'stay', why: 'not-started' };
      if (action === 'start') {
        const tab = inTab ? null : await deps.activeTab();
        move = W.onStart(plan, tab && tab.url);
        if (move.action === 'navigate') await navigate(move, tab ? tab.id : null);
      } else if (action === 'reset') {
        await deps.session.set(null);
      }
      return { plan, move };
    }

    /** A verdict from `tabId` at `tabUrl`: moves the walkthrough's own tab on when its page is done. */
    async function onVerdict(verdict, tabId, tabUrl) {
      const walkthroughTab = await deps.session.get();
      if (walkthroughTab !== null && walkthroughTab !== tabId) return { action: 'stay', why: 'other-tab' };
      const move = W.afterVerdict({ active: verdict.walkthrough.active, tabUrl, verdict });
      if (move.action === 'finished') await deps.session.set(null);
      if (move.action === 'navigate') {
        timers.setTimeout(() => { Promise.resolve(deps.updateTab(tabId, move.url)).catch(() => {}); }, ADVANCE_DELAY_MS);
      }
      return move;
    }

    return Object.freeze({ act, onVerdict });
  }

  root.LinkedOutWalkthroughDriver = Object.freeze({ TAB_KEY, ADVANCE_DELAY_MS, create });
})(globalThis);
})();

// background/walkthrough.js
const background_walkthrough_js = (function () {
'use strict';
/*
 * The walkthrough: the host's plan (every plan passes the badge on its way), the popup's
 * `walkthrough` actions, and the walkthrough tab moving on as pages read all off
 * (lib/walkthrough-driver.js). A re-check running in a tab owns that tab first.
 */
// lib/protocol.js: included above
// lib/walkthrough.js: included above
// lib/walkthrough-driver.js: included above
const { sessionState } = background_session_state_js;

const { buildWalkthrough } = LinkedOutProtocol;

function install(background) {
  const { browser } = background;

  /** The host's walkthrough reply to `action`; the badge follows every plan. */
  background.plan = async function plan(action, step) {
    const reply = await background.host.request(buildWalkthrough(undefined, action, step));
    if (reply.type !== 'walkthrough') throw new Error(`expected a walkthrough reply, got ${reply.type}`);
    background.badge.fromPlan(reply);
    background.noteTitles(reply);
    return reply;
  };

  // Step names in the browser's language, as the last plan gave them (every plan passes here).
  let titles = new Map();
  background.noteTitles = (plan) => { titles = new Map(plan.steps.map((s) => [s.step, s.title])); };
  /** A step's name: the last plan's, else (only when asked to) a fresh plan's; null if none. */
  background.stepTitle = async function stepTitle(id, { ask = true } = {}) {
    if (titles.has(id) || !ask) return titles.get(id) ?? null;
    await background.plan('status');
    return titles.get(id) ?? null;
  };

  const driver = LinkedOutWalkthroughDriver.create({
    walkthrough: background.plan,
    createTab: (url) => browser.tabs.create({ url }),
    updateTab: (tabId, url) => browser.tabs.update(tabId, { url }),
    activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0] || null,
    session: sessionState(browser.storage, LinkedOutWalkthroughDriver.TAB_KEY, { isValid: Number.isInteger }),
    timers: globalThis,
  });

  background.router.on('walkthrough', async (msg, sender) => {
    const { plan, move } = await driver.act(msg.action, msg.step, { inTab: Boolean(sender.tab) });
    return { status: 'ok', host: background.host.state, plan, move };
  });

  background.onVerdict.push((verdict, tabId, tabUrl) => {
    // Not awaited: moving the tab never delays the content script's reply.
    (async () => {
      if (background.recheck && await background.recheck.onVerdict(verdict, tabId, tabUrl)) return;
      await driver.onVerdict(verdict, tabId, tabUrl);
    })().catch(() => {});
  });
}
return Object.freeze({ install });
})();

// lib/recheck-driver.js
(function () {
'use strict';
/*
 * Drives a quick re-check in one tab: asks the host to start a run, opens the first settings page,
 * moves the tab on as each page reads all off (LinkedOutRecheck decides), stops where the user is
 * needed, and ends the run (recorded by the host) when the last page is done, the user stops it
 * or the tab is closed. Browser APIs come in as `deps`, so node tests drive it with fakes.
 * Defines the global `LinkedOutRecheckDriver`.
 */
(function defineLinkedOutRecheckDriver(root) {
  'use strict';

  const RUN_KEY = 'recheckRun';
  // A page that never sends a readable verdict (no switch rendered at all): stop after this long
  // rather than leave the run hanging. The host then lists the page as not checked.
  const PAGE_READ_TIMEOUT_MS = 20000;

  /**
   * deps: {
   *   recheck(action) → Promise<plan>   the host's reply to recheck start | end: the plan (badge updated by the caller)
   *   createTab(url) → Promise<{id}>, updateTab(tabId, url) → Promise
   *   session: {get() → Promise<run|null>, set(run|null) → Promise}   survives a service-worker restart
   *   timers: {setTimeout, clearTimeout}
   *   onEvent(event)   optional: {type: 'moved'|'ended', ...} for logging and tests
   * }
   */
  function create(deps) {
    const R = root.LinkedOutRecheck;
    const timers = deps.timers || root;
    const onEvent = deps.onEvent || (() => {});
    let readTimer = null;

    function clearReadTimer() {
      if (readTimer !== null) timers.clearTimeout(readTimer);
      readTimer = null;
    }

    function armReadTimer(run) {
      clearReadTimer();
      const index = run.index;
      readTimer = timers.setTimeout(async () => {
        readTimer = null;
        const current = await deps.session.get();
        if (current && current.tabId === run.tabId && current.index === index) await end('page-not-read');
      }, PAGE_READ_TIMEOUT_MS);
    }

    async function end(why) {
      clearReadTimer();
      const run = await deps.session.get();
      await deps.session.set(null);
      const plan = await deps.recheck('end');
      onEvent({ type: 'ended', why, tabId: run ? run.tabId : null });
      return plan;
    }

    /** Starts a run in a new tab. Returns {plan, move}. */
    async function start() {
      clearReadTimer();
      const plan = await deps.recheck('start');
      const { run, move } = R.start(plan, null);
      if (move.action !== 'navigate') return { plan: await end('nothing-to-check'), move };
      const tab = await deps.createTab(move.url);
      const started = { ...run, tabId: tab.id };
      await deps.session.set(started);
      armReadTimer(started);
      onEvent({ type: 'moved', move, tabId: tab.id });
      return { plan, move };
    }

    /** The user pressed Stop. Returns the host's plan after the run was recorded. */
    async function stop() {
      return end('stopped');
    }

    /** A verdict from `tabId` at `tabUrl`. Returns true when the re-check owns that tab. */
    async function onVerdict(verdict, tabId, tabUrl) {
      const run = await deps.session.get();
      if (!run || run.tabId !== tabId) return false;
      const { run: next, move } = R.afterVerdict(run, { tabUrl, verdict });
      if (move.action === 'navigate') {
        await deps.session.set(next);
        armReadTimer(next);
        await deps.updateTab(tabId, move.url);
      } else if (move.action === 'finished') {
        await end('finished');
      } else if (move.action === 'stop') {
        await end(move.why);
      } else if (move.action === 'stay') {
        clearReadTimer();  // read, and waiting for the user: no time limit
      }
      onEvent({ type: 'moved', move, tabId });
      return true;
    }

    /** The tab closed: a run in it ends there. */
    async function onTabRemoved(tabId) {
      const run = await deps.session.get();
      if (run && run.tabId === tabId) await end('tab-closed');
    }

    return Object.freeze({ start, stop, onVerdict, onTabRemoved });
  }

  root.LinkedOutRecheckDriver = Object.freeze({ RUN_KEY, PAGE_READ_TIMEOUT_MS, create });
})(globalThis);
})();

// background/recheck.js
const background_recheck_js = (function () {
'use strict';
/*
 * The quick re-check: one tab, page after page (lib/recheck-driver.js), and its reminder. Answers
 * the popup's `recheck` (start, stop) and `reminder` (the interval, unless the policy fixed it).
 */
// lib/protocol.js: included above
// lib/recheck.js: included above
// lib/recheck-driver.js: included above
const { sessionState } = background_session_state_js;

const { buildRecheck } = LinkedOutProtocol;

function install(background) {
  const { browser } = background;
  // The host's reply to `recheck` is the plan with the re-check's state: the badge follows it.
  async function askHost(action) {
    const plan = await background.host.request(buildRecheck(undefined, action));
    if (plan.type !== 'walkthrough') throw new Error(`expected a walkthrough reply, got ${plan.type}`);
    background.badge.fromPlan(plan);
    return plan;
  }

  const recheck = LinkedOutRecheckDriver.create({
    recheck: askHost,
    createTab: (url) => browser.tabs.create({ url }),
    updateTab: (tabId, url) => browser.tabs.update(tabId, { url }),
    session: sessionState(browser.storage, LinkedOutRecheckDriver.RUN_KEY),
    timers: globalThis,
  });
  background.recheck = recheck;

  browser.tabs.onRemoved.addListener((tabId) => { recheck.onTabRemoved(tabId).catch(() => {}); });

  background.router.on('recheck', async (msg) => {
    if (msg.action === 'stop') return { status: 'ok', host: background.host.state, plan: await recheck.stop() };
    const { plan, move } = await recheck.start();
    return { status: 'ok', host: background.host.state, plan, move };
  });

  background.router.on('reminder', async (msg) => {
    const effective = await background.options.get();
    if (effective.reminderLocked) return { status: 'rejected', field: 'days', message: 'the reminder is set by your organisation' };
    return { status: 'ok', host: background.host.state, ...(await background.status({ reminder_days: msg.days })) };
  });
}
return Object.freeze({ install });
})();

// background/page-state.js
const background_page_state_js = (function () {
'use strict';
/*
 * A content script's page_state → the host's verdict, one round trip. The verdict then goes to
 * the badge and to every feature that follows pages (background.onVerdict: unreadable pages, the
 * re-check, the walkthrough), which never delay the content script's reply. The reply also
 * carries the setting's name as the host's last plan gives it (the ruleset names settings;
 * _locales does not), for the page's notices; for a page it could not read it is asked for.
 */
function install(background) {
  background.router.on('page_state', async (request, sender) => {
    const [verdict, effective] = await Promise.all([background.host.request(request), background.options.get()]);
    if (verdict.type !== 'verdict') throw new Error(`expected a verdict, got ${verdict.type}`);
    background.badge.showStillOn(verdict.walkthrough.still_on);
    for (const follow of background.onVerdict) {
      await Promise.resolve(follow(verdict, sender.tab.id, request.url)).catch(() => {});
    }
    // Known from the last plan; asked for only when the page could not be read (the notice names it).
    const settingTitle = typeof verdict.setting === 'string'
      ? await background.stepTitle(verdict.setting, { ask: verdict.page_unreadable === true }).catch(() => null) : null;
    // The organisation's policy may forbid "switch it for me", whatever the member stored.
    return { status: 'ok', verdict, autoSwitchAllowed: effective.autoSwitchAllowed, settingTitle };
  });
}
return Object.freeze({ install });
})();

// background/report.js
const background_report_js = (function () {
'use strict';
/* The report page's `report`: the host renders the member's history as md, html or json. */
// lib/protocol.js: included above

const { buildReport } = LinkedOutProtocol;

function install(background) {
  background.router.on('report', async (msg) => {
    const report = await background.host.request(buildReport(undefined, msg.format));
    if (report.type !== 'report') throw new Error(`expected a report, got ${report.type}`);
    return { status: 'ok', report: { format: report.format, content: report.content, truncated: report.truncated === true } };
  });
}
return Object.freeze({ install });
})();

// background/status.js
const background_status_js = (function () {
'use strict';
/*
 * The popup's `status`: everything it shows when it opens — the connection, the plan, the region
 * and reminder settings with the organisation's policy (one host reply, background.status), and
 * the pages LinkedOut could not read.
 */
const { errorReply } = background_router_js;

function install(background) {
  background.router.on('status', async () => {
    let view = { plan: null, config: null, options: null, regionHint: null };
    let problem = null;
    try { view = await background.status(); } catch (err) { problem = errorReply(err); }
    const unreadable = await background.unreadablePages().catch(() => ({}));
    return { status: 'ok', host: background.host.state, ...view, problem, unreadable };
  });
}
return Object.freeze({ install });
})();

// background/index.js
const background_index_js = (function () {
'use strict';
/*
 * The background: the only place that talks to the native host. A list of features, each a
 * module that registers the message types it answers in the router's one {type: handler} table
 * and follows the verdicts it cares about. The imports below are the one load order: the browsers
 * run extension/background.js, these modules joined by scripts/bundle-background into one classic
 * script in this order (a classic worker script keeps its code cache between wakes, modules did
 * not: docs/performance.md §8). Node tests import this file and start it with a fake browser.
 */
const { createRouter } = background_router_js;
const badge = background_badge_js;
const host = background_host_js;
const policy = background_policy_js;
const unreadable = background_unreadable_js;
const walkthrough = background_walkthrough_js;
const recheck = background_recheck_js;
const pageState = background_page_state_js;
const report = background_report_js;
const status = background_status_js;

// In this order: a feature may use what an earlier one set up (the host reports to the badge,
// the policy pushes its region to the host at start-up).
const FEATURES = Object.freeze([badge, host, policy, unreadable, walkthrough, recheck, pageState, report, status]);

/** Installs every feature into `browser` (the chrome.* namespace); returns the background's parts. */
function startBackground(browser) {
  const background = { browser, router: createRouter(), onVerdict: [] };
  for (const feature of FEATURES) feature.install(background);
  background.router.checkComplete();
  browser.runtime.onMessage.addListener(background.router.listener(browser));
  return background;
}

if (typeof chrome === 'object' && chrome && chrome.runtime && chrome.runtime.id) startBackground(chrome);
return Object.freeze({ FEATURES, startBackground });
})();
