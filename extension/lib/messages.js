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
