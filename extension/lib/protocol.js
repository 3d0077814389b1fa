/*
 * LinkedOut protocol: message shapes and validators shared by the background, the content
 * scripts, the popup and the node tests. The contract is docs/protocol.md (protocol 1).
 *
 * A classic script (no modules, no bundler): it defines one global, `LinkedOutProtocol`, in the
 * context that loads it. In a content script that global lives in the extension's isolated world,
 * so the page never sees it.
 */
(function defineLinkedOutProtocol(root) {
  'use strict';

  const PROTOCOL_VERSION = 1;
  const HOST_NAME = 'io.linkedout.host';
  const LIMITS = Object.freeze({
    maxMessageBytes: 1048576,
    maxControls: 500,
    maxKeyChars: 256,
    maxLabelChars: 1024,
    maxUrlChars: 2048,
    maxLangChars: 35,
    maxIdChars: 64,
    maxStepChars: 128,
  });
  const SETTINGS_ORIGIN = 'https://www.linkedin.com';
  const SETTINGS_PATH_PREFIX = '/mypreferences/';
  const WALKTHROUGH_ACTIONS = Object.freeze(['start', 'status', 'reset', 'mark_done']);
  const REPORT_FORMATS = Object.freeze(['md', 'html', 'json']);
  const ERROR_CODES = Object.freeze([
    'bad_json', 'bad_utf8', 'not_object', 'too_large', 'missing_type', 'unknown_type',
    'bad_field', 'not_linkedin', 'not_allowed', 'store_error', 'internal',
  ]);
  const TOGGLE_STATES = Object.freeze(['off', 'on', 'unseen', 'not_in_region']);
  const FORM_STATES = Object.freeze(['todo', 'done', 'not_in_region']);
  const UNKNOWN_WHY = Object.freeze(['unreadable', 'not_in_ruleset', 'ambiguous']);
  const DRIFT_KINDS = Object.freeze(['re-enabled', 'new']);
  // BCP 47, loosely: letters, digits and hyphens ("en", "de-DE", "zh-Hant-TW"); empty when unknown.
  const LANG_PATTERN = /^(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)?$/;

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
  function expectString(v, field, max) {
    if (typeof v !== 'string') fail(field, `${field} must be a string`);
    if (max !== undefined && v.length > max) fail(field, `${field} must be at most ${max} characters`);
  }
  function expectNullableString(v, field, max) { if (v !== null) expectString(v, field, max); }
  function expectBoolean(v, field) { if (typeof v !== 'boolean') fail(field, `${field} must be true or false`); }
  function expectCount(v, field) {
    if (!Number.isInteger(v) || v < 0) fail(field, `${field} must be a non-negative integer`);
  }
  function expectOneOf(v, allowed, field) {
    if (!allowed.includes(v)) fail(field, `${field} must be one of ${allowed.join(', ')}`);
  }
  function expectArray(v, field, max) {
    if (!Array.isArray(v)) fail(field, `${field} must be an array`);
    if (max !== undefined && v.length > max) fail(field, `${field} must have at most ${max} items`);
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
      if (!['key', 'label', 'checked'].includes(name)) fail(`${at}.${name}`, `${at} has an unexpected field ${name}`);
    }
    expectNullableString(control.key, `${at}.key`, LIMITS.maxKeyChars);
    expectString(control.label, `${at}.label`, LIMITS.maxLabelChars);
    if (!(control.checked === true || control.checked === false || control.checked === null)) {
      fail(`${at}.checked`, `${at}.checked must be true, false or null`);
    }
  }

  /** The page part of a page_state: {url, lang, controls}. Throws ValidationError. */
  function validatePage(page) {
    expectObject(page, 'page');
    expectString(page.url, 'url', LIMITS.maxUrlChars);
    if (!isSettingsUrl(page.url)) fail('url', 'url must be https://www.linkedin.com/mypreferences/…');
    expectString(page.lang, 'lang', LIMITS.maxLangChars);
    if (!LANG_PATTERN.test(page.lang)) fail('lang', 'lang must be a BCP 47 language tag');
    expectArray(page.controls, 'controls', LIMITS.maxControls);
    page.controls.forEach(validateControl);
  }

  function validateRequest(msg) {
    expectObject(msg, 'message');
    expectString(msg.type, 'type');
    if ('id' in msg) expectId(msg.id);
    switch (msg.type) {
      case 'hello':
        if ('extension_version' in msg) expectString(msg.extension_version, 'extension_version', 64);
        break;
      case 'page_state':
        validatePage(msg);
        break;
      case 'walkthrough':
        expectOneOf(msg.action, WALKTHROUGH_ACTIONS, 'action');
        if (msg.action === 'mark_done') expectString(msg.step, 'step', LIMITS.maxStepChars);
        break;
      case 'config':
        if ('region' in msg) expectNullableString(msg.region, 'region', 16);
        break;
      case 'report':
        expectOneOf(msg.format, REPORT_FORMATS, 'format');
        break;
      default:
        fail('type', `unknown request type ${msg.type}`);
    }
    return msg;
  }

  const withId = (id, msg) => (id === undefined ? msg : { ...msg, id });
  const buildHello = (id, extensionVersion) =>
    validateRequest(withId(id, { type: 'hello', extension_version: extensionVersion }));
  const buildPageState = (id, page) => validateRequest(withId(id, {
    type: 'page_state', url: page.url, lang: page.lang,
    controls: page.controls.map((c) => ({ key: c.key, label: c.label, checked: c.checked })),
  }));
  const buildWalkthrough = (id, action, step) =>
    validateRequest(withId(id, action === 'mark_done' ? { type: 'walkthrough', action, step } : { type: 'walkthrough', action }));
  const buildConfig = (id, region) =>
    validateRequest(withId(id, region === undefined ? { type: 'config' } : { type: 'config', region }));
  const buildReport = (id, format) => validateRequest(withId(id, { type: 'report', format }));

  // ---- replies (host → extension) ----

  function validateNext(next, field) {
    if (next === null) return;
    expectObject(next, field);
    expectString(next.step, `${field}.step`, LIMITS.maxStepChars);
    expectString(next.url, `${field}.url`, LIMITS.maxUrlChars);
  }
  function validateProgress(progress) {
    expectObject(progress, 'progress');
    expectCount(progress.done, 'progress.done');
    expectCount(progress.total, 'progress.total');
    expectCount(progress.remaining, 'progress.remaining');
  }

  function validateVerdict(msg) {
    expectString(msg.url, 'url', LIMITS.maxUrlChars);
    expectNullableString(msg.setting, 'setting', LIMITS.maxStepChars);
    expectArray(msg.highlight, 'highlight');
    msg.highlight.forEach((h, i) => {
      const at = `highlight[${i}]`;
      expectObject(h, at);
      expectString(h.key, `${at}.key`, LIMITS.maxKeyChars);
      expectString(h.setting, `${at}.setting`, LIMITS.maxStepChars);
      expectOneOf(h.action, ['switch-off'], `${at}.action`);
      expectString(h.severity, `${at}.severity`, 64);
      expectString(h.reason, `${at}.reason`, 4096);
    });
    expectArray(msg.ok, 'ok');
    msg.ok.forEach((key, i) => expectString(key, `ok[${i}]`, LIMITS.maxKeyChars));
    expectArray(msg.unknown, 'unknown');
    msg.unknown.forEach((u, i) => {
      const at = `unknown[${i}]`;
      expectObject(u, at);
      expectNullableString(u.key, `${at}.key`, LIMITS.maxKeyChars);
      expectString(u.label, `${at}.label`, LIMITS.maxLabelChars);
      expectOneOf(u.why, UNKNOWN_WHY, `${at}.why`);
    });
    expectArray(msg.drift, 'drift');
    msg.drift.forEach((d, i) => {
      expectObject(d, `drift[${i}]`);
      expectString(d.setting, `drift[${i}].setting`, LIMITS.maxStepChars);
      expectOneOf(d.kind, DRIFT_KINDS, `drift[${i}].kind`);
    });
    validateProgress(msg.progress);
    validateNext(msg.next, 'next');
    if ('truncated' in msg) expectBoolean(msg.truncated, 'truncated');
  }

  function validateStep(step, i) {
    const at = `steps[${i}]`;
    expectObject(step, at);
    expectString(step.step, `${at}.step`, LIMITS.maxStepChars);
    expectOneOf(step.kind, ['toggle', 'form'], `${at}.kind`);
    expectString(step.title, `${at}.title`, 512);
    expectString(step.url, `${at}.url`, LIMITS.maxUrlChars);
    expectString(step.severity, `${at}.severity`, 64);
    if (step.kind === 'toggle') {
      expectOneOf(step.state, TOGGLE_STATES, `${at}.state`);
      if ('last_seen' in step) expectNullableString(step.last_seen, `${at}.last_seen`, 64);
      if ('drift' in step) expectBoolean(step.drift, `${at}.drift`);
    } else {
      expectOneOf(step.state, FORM_STATES, `${at}.state`);
      if ('guidance' in step) expectString(step.guidance, `${at}.guidance`, 8192);
      if ('done_at' in step) expectNullableString(step.done_at, `${at}.done_at`, 64);
    }
  }

  function validateWalkthroughReply(msg) {
    expectBoolean(msg.active, 'active');
    if ('region' in msg) expectNullableString(msg.region, 'region', 16);
    expectArray(msg.steps, 'steps');
    msg.steps.forEach(validateStep);
    validateProgress(msg.progress);
    validateNext(msg.next, 'next');
  }

  /** Checks a reply from the host; returns it or throws ValidationError. */
  function validateReply(msg) {
    expectObject(msg, 'message');
    expectString(msg.type, 'type');
    if ('id' in msg) expectId(msg.id);
    switch (msg.type) {
      case 'error':
        expectString(msg.code, 'code', 64);
        expectString(msg.message, 'message', 4096);
        if ('field' in msg) expectNullableString(msg.field, 'field', 256);
        break;
      case 'hello':
        expectString(msg.host_version, 'host_version', 64);
        if (!Number.isInteger(msg.protocol)) fail('protocol', 'protocol must be an integer');
        expectObject(msg.ruleset, 'ruleset');
        expectString(msg.ruleset.name, 'ruleset.name', 128);
        expectString(msg.ruleset.version, 'ruleset.version', 64);
        expectCount(msg.ruleset.count, 'ruleset.count');
        break;
      case 'verdict':
        validateVerdict(msg);
        break;
      case 'walkthrough':
        validateWalkthroughReply(msg);
        break;
      case 'config':
        if ('region' in msg) expectNullableString(msg.region, 'region', 16);
        break;
      case 'report':
        expectOneOf(msg.format, REPORT_FORMATS, 'format');
        expectString(msg.content, 'content');
        break;
      default:
        fail('type', `unknown reply type ${msg.type}`);
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
    WALKTHROUGH_ACTIONS, REPORT_FORMATS, ERROR_CODES, TOGGLE_STATES, FORM_STATES,
    ValidationError, isSettingsUrl, isLinkedInUrl,
    validatePage, validateRequest, validateReply, check,
    buildHello, buildPageState, buildWalkthrough, buildConfig, buildReport,
  });
})(globalThis);
