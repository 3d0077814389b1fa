import { waitUntil } from './replica-checks.js';

// Opening the extension's popup page (and the report page it opens) in a tab of the test browser (both browsers) and reading it
// through the element ids popup.js documents. Firefox over BiDi: the moz-extension:// navigation
// never resolves although the page loads (see the browser notes), so that goto is not awaited.

export const POPUP_VIEWPORT = { width: 420, height: 760 };

export async function openPopup(session) {
  const page = await session.browser.newPage();
  await page.setViewport(POPUP_VIEWPORT);
  if (session.kind === 'firefox') {
    page.goto(session.popupUrl).catch(() => {});
    // Polled, not waitForSelector: a query can land in the about:blank being replaced, and BiDi
    // then throws instead of retrying.
    const end = Date.now() + 15000;
    while (!(await page.$('body[data-ready="true"]').catch(() => null))) {
      if (Date.now() > end) throw new Error(`the popup ${session.popupUrl} never became ready`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } else {
    await page.goto(session.popupUrl);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  }
  return page;
}

// {hostStatus, hostText, steps: [{step, state, kind, drift}], progress: {done, total}, drift: [ids],
//  unreadable: [{step, text, href}], startDisabled}
export function readPopup(page) {
  return page.evaluate(() => {
    const status = document.getElementById('host-status');
    const progress = document.getElementById('progress');
    return {
      hostStatus: status.dataset.status,
      hostText: document.getElementById('host-status-text').textContent,
      retryVisible: !document.getElementById('retry').hidden,
      steps: [...document.querySelectorAll('#steps > li')].map((li) => ({
        step: li.dataset.step, state: li.dataset.state, kind: li.dataset.kind, drift: li.dataset.drift === 'true',
      })),
      progress: { done: Number(progress.dataset.done), total: Number(progress.dataset.total) },
      drift: [...document.querySelectorAll('#drift > li')].map((li) => li.dataset.driftStep),
      unreadable: [...document.querySelectorAll('#unreadable > li')].map((li) => ({
        step: li.dataset.unreadableStep, text: li.textContent, href: li.querySelector('a')?.getAttribute('href') ?? null,
      })),
      startDisabled: document.getElementById('start').disabled,
      text: document.body.innerText,
    };
  });
}

// Re-reads the popup until `predicate(popupState)` holds; reloading re-asks the background.
export async function waitForPopup(page, predicate, { timeout = 10000, what = 'popup state' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await readPopup(page);
    if (predicate(last)) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; popup shows ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function pageReady(page, what) {
  await waitUntil(async () => (await page.$('body[data-ready="true"]').catch(() => null)) !== null,
    { timeout: 15000, interval: 100, what });
}

// Clicks "Open report" and returns the report tab. Firefox over BiDi never resolves a
// moz-extension:// navigation (see above): there the new tab is only counted and the report page
// is then opened in a tab of the test's own.
export async function openReportPage(session, popup) {
  const reportUrl = session.popupUrl.replace(/popup\/popup\.html$/, 'report/report.html');
  const tabsBefore = (await session.browser.pages()).length;
  await popup.click('#open-report');
  await waitUntil(async () => (await session.browser.pages()).length > tabsBefore,
    { timeout: 15000, interval: 100, what: '"Open report" to open a tab' });
  let page;
  if (session.kind === 'firefox') {
    page = await session.browser.newPage();
    page.goto(reportUrl).catch(() => {});
  } else {
    await waitUntil(async () => {
      page = (await session.browser.pages()).find((p) => p.url() === reportUrl);
      return page;
    }, { timeout: 15000, interval: 100, what: 'the report tab' });
  }
  await pageReady(page, 'the report page to be ready');
  return page;
}
