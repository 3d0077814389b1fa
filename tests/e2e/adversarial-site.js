// Adversarial LinkedIn-like pages, written apart from the replica (tests/fixtures/linkedin) so the
// extension meets markup and scripts it was not built against. Each page is built the way LinkedIn
// builds its newer settings pages (the project's notes on LinkedIn): hashed class names that change
// per server start, `componentkey` wrappers, the label in a <p>, switches named by `aria-label`
// only (no id, no aria-labelledby), the switches rendered late by the page's own script, SPA
// navigation by history.pushState. Then each page does one hostile or awkward thing on top (see
// adversarial-scenarios.js).
//
// The page's own script reports every switch it sees flipped (by a click, LinkedOut's included) to
// the server under the switch's name in the page's data (never in the DOM), so a test knows which
// setting a click really changed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

import { makeCertificate, REPLICA_HOSTNAME } from '../fixtures/linkedin/cert.js';

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

function hashedClass() {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return `_${[...randomBytes(7)].map((b) => letters[b % letters.length]).join('')}`;
}

// The page runtime every adversarial page shares: renders a list of switches from data into a
// container, keeps each switch bound to its datum (so a re-bind changes what a click flips), and
// reports flips. `window.adv` is the page's own API for its scenario script.
const RUNTIME = String.raw`
(() => {
  'use strict';
  const boot = JSON.parse(document.getElementById('adv-boot').textContent);
  const cls = boot.cls;
  const report = (event) => fetch('/_adv/event', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...event, path: location.pathname }) });
  const el = (tag, attrs = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value; else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) node.append(child);
    return node;
  };
  const componentKey = () => 'com.linkedin.sdui.' + Math.random().toString(36).slice(2, 10);

  // One row: a <p> label and a role=switch input named by aria-label only. The row's switch is
  // bound to a datum {name, label, on}; bind() re-binds the same elements to another datum.
  function makeRow(datum) {
    const label = el('p', { class: cls.label });
    const input = el('input', { type: 'checkbox', role: 'switch', class: cls.switch });
    const row = el('div', { componentkey: componentKey(), class: cls.row }, [
      el('div', { componentkey: componentKey(), class: cls.labelWrap }, [label]),
      el('div', { componentkey: componentKey(), class: cls.control }, [input]),
    ]);
    const view = { row, input, datum: null };
    view.bind = (d) => {
      view.datum = d;
      label.textContent = d.label;
      input.setAttribute('aria-label', d.label);
      view.show();
    };
    view.show = () => {
      input.checked = view.datum.on;
      input.setAttribute('aria-checked', String(view.datum.on));
    };
    input.addEventListener('change', () => {
      const d = view.datum;
      d.on = input.checked;
      view.show();
      report({ what: 'flip', name: d.name, on: d.on, trusted: false });
    });
    view.bind(datum);
    return view;
  }

  window.adv = { boot, cls, el, report, makeRow, componentKey };
})();
`;

/**
 * A LinkedIn-like document: header, left nav (links into the app), an empty <main> the page's
 * script fills after `renderDelayMs`, and the scenario's own script.
 * page: {lang, title, data: any (the scenario's data, in the boot JSON), script: source, nav: [{href, text}],
 *        csp: the Content-Security-Policy header, if any}
 */
function documentHtml(page, cls) {
  const boot = { cls, data: page.data ?? null, renderDelayMs: page.renderDelayMs ?? 300 };
  const nav = (page.nav ?? []).map((link) => `<li><a class="${cls.navLink}" href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></li>`).join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang ?? 'en')}">
<head><meta charset="utf-8"><title>${escapeHtml(page.title ?? 'Settings')} | LinkedIn</title>
<style>
.${cls.body}{margin:0;font:14px/1.4 system-ui,sans-serif;background:#f4f2ee;color:rgba(0,0,0,.9)}
.${cls.layout}{display:grid;grid-template-columns:240px minmax(0,680px);gap:24px;margin:24px auto;max-width:960px}
.${cls.card}{background:#fff;border-radius:8px;padding:20px}
.${cls.row}{display:flex;align-items:center;justify-content:space-between;gap:16px;padding:14px 0;border-top:1px solid #e8e8e8}
.${cls.label}{margin:0}
.${cls.switch}{width:40px;height:22px;margin:0}
.${cls.navLink}{display:block;padding:6px 12px;color:rgba(0,0,0,.75)}
</style></head>
<body class="${cls.body}">
<div class="${cls.layout}">
<nav class="${cls.nav}" aria-label="Settings"><ul>${nav}</ul></nav>
<main class="${cls.main}" aria-busy="true"></main>
</div>
<script id="adv-boot" type="application/json">${scriptJson(boot)}</script>
<script>${RUNTIME}</script>
<script>${page.script ?? ''}</script>
</body></html>`;
}

/**
 * The server: serves whatever page the test put at a path (setPage), records the page's events.
 * Same shape as the replica for launchBrowser ({hostname, port, certificate}).
 */
export async function startAdversarialSite() {
  const certDir = mkdtempSync(path.join(os.tmpdir(), 'linkedout-adversarial-'));
  const certificate = makeCertificate(certDir);
  const cls = Object.fromEntries(['body', 'layout', 'nav', 'navLink', 'main', 'card', 'row', 'labelWrap', 'label', 'control', 'switch']
    .map((role) => [role, hashedClass()]));
  const pages = new Map();
  const events = [];

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, async (req, res) => {
    const url = new URL(req.url, `https://${REPLICA_HOSTNAME}`);
    if (url.pathname === '/_adv/event' && req.method === 'POST') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      try {
        events.push({ ...JSON.parse(Buffer.concat(chunks).toString('utf8')), at: Date.now() });
      } catch {
        // a malformed event is the page's bug: ignored
      }
      res.writeHead(204).end();
      return;
    }
    const page = pages.get(url.pathname);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not an adversarial page\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store',
      ...(page.csp ? { 'content-security-policy': page.csp } : {}) });
    res.end(documentHtml(page, cls));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  return {
    hostname: REPLICA_HOSTNAME,
    port: server.address().port,
    certificate,
    classNames: cls,
    url: (p) => `https://${REPLICA_HOSTNAME}${p}`,
    // Serves `page` at each of `paths` (one document for an SPA's several URLs).
    setPage(paths, page) {
      for (const p of [].concat(paths)) pages.set(p, page);
    },
    events,
    flips: (name) => events.filter((e) => e.what === 'flip' && (name === undefined || e.name === name)),
    clearEvents() { events.length = 0; },
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}
