/*
 * The popup's `status`: everything it shows when it opens — the connection, the plan, the region
 * and reminder settings with the organisation's policy, and the pages LinkedOut could not read.
 */
import { errorReply } from './router.js';

export function install(background) {
  background.router.on('status', async () => {
    let plan = null;
    let problem = null;
    let settings = { config: null, options: null, regionHint: null };
    // The region first: a policy region changes which steps the plan expects.
    try { settings = await background.settings(); } catch (err) { problem = errorReply(err); }
    try { plan = await background.plan('status'); } catch (err) { problem = errorReply(err); }
    const unreadable = await background.unreadablePages().catch(() => ({}));
    return {
      status: 'ok', host: background.host.state, plan, problem, config: settings.config, options: settings.options,
      regionHint: settings.regionHint, unreadable,
    };
  });
}
