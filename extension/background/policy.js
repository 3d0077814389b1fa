/*
 * The organisation's policy (lib/policy.js): read at start-up and when managed storage changes,
 * never per message; a region or reminder it fixes is pushed to the host. Answers the popup's
 * `config` (the member picks a region, unless the policy fixed it).
 */
import '../lib/protocol.js';
import '../lib/policy.js';

const { buildConfig } = LinkedOutProtocol;

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
    // is not reachable yet, settings() pushes it when the popup next asks.
    try { await host.request(buildConfig(undefined, effective.region)); } catch { /* pushed later */ }
  }

  /**
   * The host's config and the cached options with the host's region in. The config reply carries
   * the region hint (with no region set: what the toggles LinkedIn showed rule out).
   */
  background.settings = async function settings() {
    const { host } = background;
    const effective = await options.get();
    let config = await host.request(buildConfig(undefined));
    if (effective.reminderLocked && config.reminder_days !== effective.reminderDays) {
      config = await host.request(buildConfig(undefined, { reminder_days: effective.reminderDays }));
    }
    if (effective.regionLocked && config.region !== effective.region) {
      config = await host.request(buildConfig(undefined, effective.region)); // the start-up push failed
    }
    return { config, options: LinkedOutPolicy.withHostRegion(effective, config.region), regionHint: config.region_hint };
  };

  background.router.on('config', async (msg) => {
    const effective = await options.get();
    if (effective.regionLocked) return { status: 'rejected', field: 'region', message: 'the region is set by your organisation' };
    const config = await background.host.request(buildConfig(undefined, msg.region));
    const plan = await background.plan('status');
    return {
      status: 'ok', host: background.host.state, plan, config,
      options: LinkedOutPolicy.withHostRegion(effective, config.region), regionHint: config.region_hint,
    };
  });

  options.refresh();
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (LinkedOutPolicy.affectsOptions(changes, areaName)) options.refresh();
  });
}
