/*
 * A content script's page_state → the host's verdict, one round trip. The verdict then goes to
 * the badge and to every feature that follows pages (background.onVerdict: unreadable pages, the
 * re-check, the walkthrough), which never delay the content script's reply. The reply also
 * carries the setting's name as the host's last plan gives it (the ruleset names settings;
 * _locales does not), for the page's notices; for a page it could not read it is asked for. So is
 * the next step's name when that is no settings page (the objection form).
 */
import '../lib/protocol.js';

export function install(background) {
  background.router.on('page_state', async (request, sender) => {
    const [verdict, effective] = await Promise.all([background.host.request(request), background.options.get()]);
    if (verdict.type !== 'verdict') throw new Error(`expected a verdict, got ${verdict.type}`);
    background.badge.showStillOn(verdict.walkthrough.still_on);
    for (const follow of background.onVerdict) {
      await Promise.resolve(follow(verdict, sender.tab.id, request.url)).catch(() => {});
    }
    // Known from the last plan; asked for only when the page could not be read (the notice names it).
    const settingTitle = typeof verdict.setting === 'string'
      ? await background.stepTitle(verdict.setting, { ask: verdict.page_unreadable === true }).catch(() => null) : null;
    // The step the walkthrough opens next when it is no settings page (a form): the page says its
    // name when it says what opens next.
    const next = verdict.next;
    const nextTitle = next && !LinkedOutProtocol.isSettingsUrl(next.url)
      ? await background.stepTitle(next.step).catch(() => null) : null;
    // The organisation's policy may forbid "switch it for me", whatever the member stored.
    return { status: 'ok', verdict, autoSwitchAllowed: effective.autoSwitchAllowed, settingTitle, nextTitle };
  });
}
