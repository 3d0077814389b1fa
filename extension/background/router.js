/*
 * The background's one message table, {type: handler}: every feature registers the message types
 * it answers, and the router validates each message once, at the boundary, before its handler
 * runs. Our own pages (the popup, as a popup or in a tab, and the report page) send the popup
 * types; a content script sends only page_state. Start-up fails if a type has no handler.
 */
import '../lib/protocol.js';
import '../lib/messages.js';

export function createRouter() {
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
export function errorReply(err) {
  const code = err && err.code ? err.code : 'internal';
  const status = code === 'host_missing' || code === 'host_forbidden' ? code : 'error';
  return { status, code, message: err && err.message ? err.message : String(err) };
}
