/*
 * The popup's `status`: everything it shows when it opens — the connection, the plan, the region
 * and reminder settings with the organisation's policy (one host reply, background.status), and
 * the pages LinkedOut could not read.
 */
import { errorReply } from './router.js';

export function install(background) {
  background.router.on('status', async () => {
    let view = { plan: null, config: null, options: null, regionHint: null };
    let problem = null;
    try { view = await background.status(); } catch (err) { problem = errorReply(err); }
    const unreadable = await background.unreadablePages().catch(() => ({}));
    return { status: 'ok', host: background.host.state, ...view, problem, unreadable };
  });
}
