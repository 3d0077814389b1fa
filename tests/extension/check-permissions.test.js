// Feeds scripts/check-permissions mutated copies of the real extension and checks each is caught.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, EXTENSION_DIR } from './helpers.js';

const SCRIPT = path.join(ROOT, 'scripts/check-permissions');
const original = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

function runOn(mutate, extraFiles = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkedout-perm-'));
  try {
    fs.cpSync(EXTENSION_DIR, dir, { recursive: true });
    const manifest = structuredClone(original);
    mutate(manifest);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    for (const [name, text] of Object.entries(extraFiles)) fs.writeFileSync(path.join(dir, name), text);
    const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the real extension passes', () => {
  const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^check-permissions: OK/);
});

const caught = [
  ['an extra permission', (m) => m.permissions.push('tabs'), /permission not allowed: "tabs"/],
  ['a powerful permission', (m) => m.permissions.push('scripting'), /permission not allowed: "scripting"/],
  ['a URL in permissions (MV2 style)', (m) => m.permissions.push('<all_urls>'), /permission not allowed: "<all_urls>"/],
  ['a wider host permission', (m) => m.host_permissions.push('https://www.linkedin.com/*'), /host permission not allowed/],
  ['all URLs', (m) => { m.host_permissions = ['<all_urls>']; }, /host permission not allowed: "<all_urls>"/],
  ['a wider content-script match', (m) => { m.content_scripts[0].matches.push('https://*.linkedin.com/*'); }, /content script match not allowed/],
  ['a second content script elsewhere', (m) => { m.content_scripts.push({ matches: ['https://example.com/*'], js: ['content/main.js'] }); }, /content script match not allowed/],
  ['a content script in the page world', (m) => { m.content_scripts[0].world = 'MAIN'; }, /MAIN world/],
  ['include_globs', (m) => { m.content_scripts[0].include_globs = ['*']; }, /include_globs/],
  ['web_accessible_resources', (m) => { m.web_accessible_resources = [{ resources: ['icons/x.png'], matches: ['<all_urls>'] }]; }, /not allowed: web_accessible_resources/],
  ['externally_connectable', (m) => { m.externally_connectable = { matches: ['https://www.linkedin.com/*'] }; }, /not allowed: externally_connectable/],
  ['optional_permissions', (m) => { m.optional_permissions = ['tabs']; }, /not allowed: optional_permissions/],
  ['optional_host_permissions', (m) => { m.optional_host_permissions = ['https://*/*']; }, /not allowed: optional_host_permissions/],
  ['unsafe-eval in the CSP', (m) => { m.content_security_policy = { extension_pages: "script-src 'self' 'unsafe-eval'; object-src 'self'" }; }, /CSP weakened: script-src allows 'unsafe-eval'/],
  ['wasm-unsafe-eval outside extension_pages', (m) => { m.content_security_policy = { sandbox: "sandbox allow-scripts; script-src 'self' 'wasm-unsafe-eval'" }; }, /CSP weakened: script-src allows 'wasm-unsafe-eval'/],
  ['wasm-unsafe-eval in another directive', (m) => { m.content_security_policy = { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; worker-src 'wasm-unsafe-eval'" }; }, /CSP weakened: worker-src allows 'wasm-unsafe-eval'/],
  ['a remote script origin in the CSP', (m) => { m.content_security_policy = { extension_pages: "script-src 'self' https://cdn.example.com" }; }, /CSP weakened: script-src allows https:\/\/cdn.example.com/],
];

for (const [what, mutate, expected] of caught) {
  test(`catches ${what}`, () => {
    const { status, output } = runOn(mutate);
    assert.notEqual(status, 0, output);
    assert.match(output, expected);
    assert.match(output, /FAILED, \d+ problem/);
  });
}

test('a strict CSP that only repeats the default is accepted', () => {
  const { status, output } = runOn((m) => { m.content_security_policy = { extension_pages: "script-src 'self'; object-src 'self'" }; });
  assert.equal(status, 0, output);
});

const remoteCode = [
  ['a remote script in extension HTML', { 'remote.html': '<script src="https://cdn.example.com/x.js"></script>' }, /remote script in remote.html/],
  ['a protocol-relative script', { 'remote.html': "<script src='//cdn.example.com/x.js'></script>" }, /remote script in remote.html/],
  ['an inline script', { 'inline.html': '<script>alert(1)</script>' }, /inline script in inline.html/],
  ['eval(', { 'bad.js': 'const x = eval ("1+1");' }, /eval\( in bad.js/],
  ['new Function(', { 'bad.js': 'const f = new Function("return 1");' }, /new Function\( in bad.js/],
  ['importScripts of a remote URL', { 'bad.js': "importScripts('https://cdn.example.com/x.js');" }, /importScripts of a remote URL in bad.js/],
  ['import() of a remote URL', { 'bad.js': "import('https://cdn.example.com/x.mjs');" }, /import\(\) of a remote URL in bad.js/],
  ['a module importing a remote URL for its effect', { 'bad.js': "import 'https://cdn.example.com/x.mjs';" }, /import of a remote URL in bad.js/],
];
for (const [what, files, expected] of remoteCode) {
  test(`catches remote code: ${what}`, () => {
    const { status, output } = runOn(() => {}, files);
    assert.notEqual(status, 0, output);
    assert.match(output, expected);
  });
}

test('an unreadable manifest fails with a clear message', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkedout-perm-'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), '{ not json');
  const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /cannot read .*manifest.json/);
});
