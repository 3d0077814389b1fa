// The default extension ids live in one place, native-host/extension_ids.json (the host build,
// the .deb's manifests and the tests read it): it must match the extension's own manifest, and
// the organisation samples must name every id in it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, EXTENSION_DIR } from './helpers.js';

const ids = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/extension_ids.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

test('the first Chrome id is the unpacked extension\'s, derived from its manifest key', () => {
  const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  const derived = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  assert.equal(ids.chrome[0], derived);
  for (const id of ids.chrome) assert.match(id, /^[a-p]{32}$/);
});

test('the first Firefox id is the manifest\'s gecko id', () => {
  assert.equal(ids.firefox[0], manifest.browser_specific_settings.gecko.id);
});

test('the organisation samples and the install guide name every id', () => {
  for (const doc of ['docs/organisations.md', 'docs/install.md']) {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
    for (const id of [...ids.chrome, ...ids.firefox]) assert.ok(text.includes(id), `${doc} names ${id}`);
  }
});
