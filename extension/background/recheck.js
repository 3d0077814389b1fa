/*
 * The quick re-check: one tab, page after page (lib/recheck-driver.js), and its reminder. Answers
 * the popup's `recheck` (start, stop) and `reminder` (the interval, unless the policy fixed it).
 */
import '../lib/protocol.js';
import '../lib/recheck.js';
import '../lib/recheck-driver.js';
import { sessionState } from './session-state.js';

const { buildRecheck } = LinkedOutProtocol;

export function install(background) {
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
