// docs/protocol.schema.json is the one contract: lib/protocol.js's constants must be the schema's,
// and every example and transcript line in docs/protocol.md must pass BOTH a real JSON Schema
// validator (ajv, draft 2020-12) and LinkedOutProtocol's validators. Boundary requests generated
// from the schema (max, max + 1) must be judged the same by both.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT, loadInContext, isReplyExample } from './helpers.js';
import { schema, boundaryCases } from '../protocol/boundary-cases.js';

const { LinkedOutProtocol: P } = loadInContext(['lib/protocol-validators.js', 'lib/protocol.js']);
const defs = schema.$defs;
// x-reply and x-error are annotations for the host's code generator (native-host/protocol_codegen.py).
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, keywords: ['x-reply', 'x-error'] });
ajv.addSchema(schema);
const validRequest = ajv.getSchema(`${schema.$id}#/$defs/request`);
const validReply = ajv.getSchema(`${schema.$id}#/$defs/reply`);

const doc = fs.readFileSync(path.join(ROOT, 'docs/protocol.md'), 'utf8');
const examples = Array.from(doc.matchAll(/```json example\n([\s\S]*?)```/g), (m) => JSON.parse(m[1]));
const transcript = doc.slice(doc.indexOf('<!-- transcript:begin -->'), doc.indexOf('<!-- transcript:end -->'));
const transcriptLines = Array.from(transcript.matchAll(/^([→←]) (\{.*\})$/gm), (m) => ({ dir: m[1], msg: JSON.parse(m[2]) }));

// Requests and replies share the type for hello, walkthrough, config and report: replies carry these.
const isReply = isReplyExample;

const ajvErrors = (validate) => ajv.errorsText(validate.errors);

test('the schema compiles in strict mode and names the protocol version the extension speaks', () => {
  assert.equal(typeof validRequest, 'function');
  assert.equal(typeof validReply, 'function');
  assert.equal(P.PROTOCOL_VERSION, defs.protocol_version.const);
  assert.match(doc, new RegExp(`Protocol version: \\*\\*${defs.protocol_version.const}\\*\\*`));
  assert.match(doc, /protocol\.schema\.json/, 'protocol.md points at the schema');
});

test('lib/protocol.js limits are the schema\'s', () => {
  const expected = {
    maxMessageBytes: defs.max_message_bytes.const,
    maxControls: defs.controls.maxItems,
    maxKeyChars: defs.key.maxLength,
    maxLabelChars: defs.label.maxLength,
    maxUrlChars: defs.url.maxLength,
    maxLangChars: defs.lang.maxLength,
    maxIdChars: defs.id.maxLength,
    maxStepChars: defs.step.maxLength,
    maxRegionChars: defs.region.maxLength,
    maxVersionChars: defs.version.maxLength,
    maxSeverityChars: defs.severity.maxLength,
    maxTextChars: defs.text.maxLength,
    maxTimestampChars: defs.timestamp.maxLength,
    maxFieldChars: defs.error_reply.properties.field.maxLength,
    maxRulesetNameChars: defs.hello_reply.properties.ruleset.properties.name.maxLength,
  };
  assert.deepEqual({ ...P.LIMITS }, expected);
});

test('lib/protocol.js enums and patterns are the schema\'s', () => {
  assert.deepEqual([...P.WALKTHROUGH_ACTIONS], defs.walkthrough_action.enum);
  assert.deepEqual([...P.RECHECK_ACTIONS], defs.recheck_action.enum);
  assert.deepEqual([...P.REPORT_FORMATS], defs.report_format.enum);
  assert.deepEqual([...P.ERROR_CODES], defs.error_code.enum);
  assert.deepEqual([...P.TOGGLE_STATES], defs.toggle_state.enum);
  assert.deepEqual([...P.FORM_STATES], defs.form_state.enum);
  assert.deepEqual([...P.UNKNOWN_WHY], defs.unknown_why.enum);
  assert.deepEqual([...P.DRIFT_KINDS], defs.drift_kind.enum);
  assert.deepEqual([...P.MATCHED_BY], defs.matched_by.enum);
  assert.deepEqual([...P.HIGHLIGHT_ACTIONS], defs.highlight_action.enum);
  assert.equal(P.LANG_PATTERN.source, defs.lang.pattern);
  assert.equal(P.REGION_PATTERN.source, defs.region.pattern);
});

test('the doc has examples and a transcript to check', () => {
  assert.ok(examples.length >= 10, `found ${examples.length} examples`);
  assert.ok(transcriptLines.length >= 12, `found ${transcriptLines.length} transcript lines`);
  const replyTypes = new Set([...examples, ...transcriptLines.map((l) => l.msg)].filter(isReply).map((m) => m.type));
  assert.deepEqual([...replyTypes].sort(), ['config', 'error', 'hello', 'import_history', 'report', 'status', 'verdict', 'walkthrough']);
});

for (const [index, example] of examples.entries()) {
  const reply = isReply(example);
  test(`doc example ${index + 1} (${example.type} ${reply ? 'reply' : 'request'}) passes ajv and lib/protocol.js`, () => {
    const validate = reply ? validReply : validRequest;
    assert.ok(validate(example), ajvErrors(validate));
    assert.doesNotThrow(() => (reply ? P.validateReply : P.validateRequest)(example));
  });
}

test('every transcript reply passes ajv and lib/protocol.js; so does every request the host did not refuse', () => {
  transcriptLines.forEach(({ dir, msg }, i) => {
    const shown = JSON.stringify(msg).slice(0, 100);
    if (dir === '←') {
      assert.ok(validReply(msg), `${shown}: ${ajvErrors(validReply)}`);
      const result = P.check(P.validateReply, msg);
      assert.ok(result.ok, `${shown}: ${result.field} ${result.message}`);
      return;
    }
    // A request shown to demonstrate an error may break the schema: then both must say so.
    const refused = transcriptLines[i + 1].msg.type === 'error';
    const byAjv = validRequest(msg);
    const byExtension = P.check(P.validateRequest, msg).ok;
    assert.equal(byAjv, byExtension, `ajv and lib/protocol.js disagree on ${shown}`);
    if (!refused) assert.ok(byAjv, `${shown}: ${ajvErrors(validRequest)}`);
  });
});

test('boundary requests (max, max + 1) from the schema: ajv and lib/protocol.js agree', () => {
  const cases = boundaryCases();
  assert.ok(cases.length >= 20);
  for (const { name, message, valid, field } of cases) {
    assert.equal(validRequest(message), valid, `ajv: ${name} ${ajvErrors(validRequest)}`);
    const result = P.check(P.validateRequest, message);
    assert.equal(result.ok, valid, `lib/protocol.js: ${name}: ${result.message}`);
    if (!valid) assert.equal(result.field, field, name);
  }
});

// Bug fixed in protocol 2: a verdict naming a control without a key (matched by its label) was
// refused as a whole, so the page got no highlight at all.
test('a verdict with null keys (controls matched by label) is accepted on both sides', () => {
  const verdict = structuredClone(examples.find((m) => m.type === 'verdict'));
  verdict.highlight[0].key = null;
  verdict.highlight[0].matched_by = 'label';
  verdict.ok = [{ key: null, setting: 'ads-by-age', matched_by: 'label', control: 1 }];
  assert.ok(validReply(verdict), ajvErrors(validReply));
  assert.equal(P.check(P.validateReply, verdict).ok, true, P.check(P.validateReply, verdict).message);
});

test('malformed v2 verdict fields are refused by both, with the field named', () => {
  const verdict = examples.find((m) => m.type === 'verdict');
  const broken = [
    [{ ...verdict, ok: ['allowDataForGenerativeAI'] }, 'ok[0]'],
    [{ ...verdict, ok: [{ key: 'k', setting: 's', matched_by: 'guess', control: 0 }] }, 'ok[0].matched_by'],
    [{ ...verdict, highlight: [{ ...verdict.highlight[0], matched_by: undefined }] }, 'highlight[0].matched_by'],
    [{ ...verdict, walkthrough: { active: 'yes', still_on: 0 } }, 'walkthrough.active'],
    [{ ...verdict, walkthrough: { active: true, still_on: -1 } }, 'walkthrough.still_on'],
    [{ ...verdict, page_unreadable: 1 }, 'page_unreadable'],
    // Every entry names its control by index (issue 21): never by key alone.
    [{ ...verdict, highlight: [{ ...verdict.highlight[0], control: undefined }] }, 'highlight[0].control'],
    [{ ...verdict, highlight: [{ ...verdict.highlight[0], control: -1 }] }, 'highlight[0].control'],
    [{ ...verdict, highlight: [{ ...verdict.highlight[0], control: 500 }] }, 'highlight[0].control'],
    [{ ...verdict, ok: [{ key: 'k', setting: 's', matched_by: 'key', control: 1.5 }] }, 'ok[0].control'],
    [{ ...verdict, unknown: [{ key: 'k', label: 'l', why: 'other_page' }] }, 'unknown[0].control'],
    [{ ...verdict, highlight: [{ ...verdict.highlight[0], action: 'locked', form: { step: 'objection-form' } }] }, 'highlight[0].form.url'],
  ];
  for (const [msg, field] of broken) {
    const plainMsg = JSON.parse(JSON.stringify(msg));
    assert.equal(validReply(plainMsg), false, field);
    const result = P.check(P.validateReply, plainMsg);
    assert.equal(result.ok, false, field);
    assert.equal(result.field, field);
  }
});

test('the config reply carries the region hint; a malformed one is refused by both', () => {
  const config = { type: 'config', id: 4, region: null, regions: { EU: 'European Union' },
    region_hint: { evidence: 'share-data-with-select-partners', ruled_out: ['EU', 'UK', 'CH'] } };
  assert.ok(validReply(config), ajvErrors(validReply));
  assert.equal(P.check(P.validateReply, config).ok, true);
  for (const [hint, field] of [[{ evidence: 'x', ruled_out: ['eu'] }, 'region_hint.ruled_out[0]'], [{ evidence: 1, ruled_out: [] }, 'region_hint.evidence']]) {
    const bad = { ...config, region_hint: hint };
    assert.equal(validReply(bad), false);
    assert.equal(P.check(P.validateReply, bad).field, field);
  }
});

test('a page with a lone surrogate is refused before it reaches the host (it would be bad_json there)', () => {
  const base = { url: 'https://www.linkedin.com/mypreferences/d/settings/x', lang: 'en' };
  for (const [control, field] of [
    [{ key: 'k', label: 'cut \uD83D', checked: true }, 'controls[0].label'],
    [{ key: '\uDE00k', label: 'l', checked: true }, 'controls[0].key'],
  ]) {
    const result = P.check(P.validatePage, { ...base, controls: [control] });
    assert.equal(result.ok, false);
    assert.equal(result.field, field);
  }
  assert.equal(P.check(P.validatePage, { ...base, controls: [{ key: 'k', label: 'ok \uD83D\uDE00', checked: true }] }).ok, true);
});

test('the ruleset validates against its own schema (native-host/rules/linkedin.schema.json)', () => {
  const rulesSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/rules/linkedin.schema.json'), 'utf8'));
  const rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'native-host/rules/linkedin.json'), 'utf8'));
  const rulesAjv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = rulesAjv.compile(rulesSchema);
  assert.ok(validate(rules), rulesAjv.errorsText(validate.errors));
  // And it can fail: a setting with an unknown severity is refused.
  const broken = structuredClone(rules);
  broken.settings[0].severity = 'mild';
  assert.equal(validate(broken), false);
});
