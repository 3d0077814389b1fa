/* The report page's `report`: the host renders the member's history as md, html or json. */
import '../lib/protocol.js';

const { buildReport } = LinkedOutProtocol;

export function install(background) {
  background.router.on('report', async (msg) => {
    const report = await background.host.request(buildReport(undefined, msg.format));
    if (report.type !== 'report') throw new Error(`expected a report, got ${report.type}`);
    return { status: 'ok', report: { format: report.format, content: report.content, truncated: report.truncated === true } };
  });
}
