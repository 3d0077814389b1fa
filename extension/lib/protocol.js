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
    'bad_field', 'not_linkedin', 'not_allowed', 'store_error', 'store_busy',
    'internal',
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
