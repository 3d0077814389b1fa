/*
 * The organisation's policy (lib/policy.js): read at start-up and when managed storage changes,
 * never per message; a region or reminder it fixes is pushed to the host. Asks the host for the
 * popup's view (`status`, one reply) and answers the popup's `config` (the member picks a region,
 * unless the policy fixed it).
 */
import '../lib/protocol.js';
import '../lib/policy.js';

const { buildConfig, buildStatus } = LinkedOutProtocol;

export function install(background) {
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
