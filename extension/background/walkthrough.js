/*
 * The walkthrough: the host's plan (every plan passes the badge on its way), the popup's
 * `walkthrough` actions, and the walkthrough tab moving on as pages read all off
 * (lib/walkthrough-driver.js). A re-check running in a tab owns that tab first.
 */
import '../lib/protocol.js';
import '../lib/walkthrough.js';
import '../lib/walkthrough-driver.js';
import { sessionState } from './session-state.js';

const { buildWalkthrough } = LinkedOutProtocol;

export function install(background) {
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
