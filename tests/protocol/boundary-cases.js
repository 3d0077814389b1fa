// Boundary requests generated from docs/protocol.schema.json: for every limited field, a message
// exactly at the limit (valid) and one just over it (invalid). The same cases are judged by ajv
// and LinkedOutProtocol (tests/extension/protocol-schema.test.js) and by the real host binary
// (tests/protocol/host-boundaries.test.js): all three must agree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCHEMA_FILE = path.join(ROOT, 'docs/protocol.schema.json');
export const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
const defs = schema.$defs;

const SETTINGS_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const ASTRAL = '\u{1F600}'; // one code point, two UTF-16 units, four UTF-8 bytes

// "a-a-…-a": a language tag whose only possible fault is its length.
function tagOfLength(n) {
  let tag = 'a';
  while (tag.length < n) tag += tag.length + 2 <= n ? '-a' : 'a';
  return tag;
}

const page = (controls = [{ key: 'k', label: 'l', checked: true }]) =>
  ({ type: 'page_state', id: 1, url: SETTINGS_URL, lang: 'en', controls });

/** [{name, message, valid, field}]: `field` is what a refusal must name. */
export function boundaryCases() {
  const cases = [];
  const around = (name, max, field, make) => {
    cases.push({ name: `${name} at ${max}`, message: make(max), valid: true, field });
    cases.push({ name: `${name} at ${max + 1}`, message: make(max + 1), valid: false, field });
  };
  around('id chars', defs.id.maxLength, 'id', (n) => ({ type: 'hello', id: 'i'.repeat(n) }));
  around('ui_lang chars', defs.lang.maxLength, 'ui_lang', (n) => ({ type: 'hello', id: 1, ui_lang: tagOfLength(n) }));
  around('extension_version chars', defs.version.maxLength, 'extension_version',
    (n) => ({ type: 'hello', id: 1, extension_version: 'v'.repeat(n) }));
  around('url chars', defs.url.maxLength, 'url',
    (n) => ({ ...page(), url: SETTINGS_URL + '/'.padEnd(n - SETTINGS_URL.length, 'a') }));
  around('lang chars', defs.lang.maxLength, 'lang', (n) => ({ ...page(), lang: tagOfLength(n) }));
  around('controls items', defs.controls.maxItems, 'controls',
    (n) => page(Array.from({ length: n }, (_, i) => ({ key: `k${i}`, label: 'l', checked: false }))));
  around('key chars', defs.key.maxLength, 'controls[0].key',
    (n) => page([{ key: 'k'.repeat(n), label: 'l', checked: true }]));
  around('key code points (astral)', defs.key.maxLength, 'controls[0].key',
    (n) => page([{ key: ASTRAL.repeat(n), label: 'l', checked: true }]));
  around('label chars', defs.label.maxLength, 'controls[0].label',
    (n) => page([{ key: null, label: 'l'.repeat(n), checked: null }]));
  around('label code points (astral)', defs.label.maxLength, 'controls[0].label',
    (n) => page([{ key: null, label: ASTRAL.repeat(n), checked: false }]));
  around('step chars', defs.step.maxLength, 'step',
    (n) => ({ type: 'walkthrough', id: 1, action: 'mark_done', step: 's'.repeat(n) }));
  // The region pattern ([A-Z]{2,8}) binds before its maxLength does.
  cases.push({ name: 'region of 8 letters', message: { type: 'config', id: 1, region: 'ABCDEFGH' }, valid: true, field: 'region' });
  cases.push({ name: 'region of 9 letters', message: { type: 'config', id: 1, region: 'ABCDEFGHI' }, valid: false, field: 'region' });
  cases.push({ name: 'region in lower case', message: { type: 'config', id: 1, region: 'eu' }, valid: false, field: 'region' });
  cases.push({ name: 'lang with a space', message: { ...page(), lang: 'en US' }, valid: false, field: 'lang' });
  cases.push({ name: 'ui_lang with an underscore', message: { type: 'hello', id: 1, ui_lang: 'en_US' }, valid: false, field: 'ui_lang' });
  cases.push({ name: 'null key', message: page([{ key: null, label: 'l', checked: true }]), valid: true, field: 'controls[0].key' });
  return cases;
}
