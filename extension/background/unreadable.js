/*
 * Settings pages LinkedOut could not read (verdict page_unreadable), {step: url}, for the popup:
 * the user must switch those off by hand. Kept for the browser session; a later readable visit of
 * the same page clears its entry.
 */
import { sessionState } from './session-state.js';

const isObject = (v) => typeof v === 'object' && !Array.isArray(v);

export function install(background) {
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
