// Generated from docs/protocol.schema.json by scripts/generate-protocol-validators. Do not edit.
/* eslint-disable */
(function defineLinkedOutProtocolValidators(root) {
  'use strict';
  const exports = {};
  function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    while (pos < len) {
      length++;
      const value = str.charCodeAt(pos++);
      if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
    }
    return length;
  }
"use strict";
exports.validateReply = validate77;
const schema72 = {"type":"object","required":["type"],"properties":{"type":{"enum":["error","hello","verdict","walkthrough","config","status","report","import_history"]}},"allOf":[{"if":{"properties":{"type":{"const":"error"}}},"then":{"$ref":"#/$defs/error_reply"}},{"if":{"properties":{"type":{"const":"hello"}}},"then":{"$ref":"#/$defs/hello_reply"}},{"if":{"properties":{"type":{"const":"verdict"}}},"then":{"$ref":"#/$defs/verdict_reply"}},{"if":{"properties":{"type":{"const":"walkthrough"}}},"then":{"$ref":"#/$defs/walkthrough_reply"}},{"if":{"properties":{"type":{"const":"config"}}},"then":{"$ref":"#/$defs/config_reply"}},{"if":{"properties":{"type":{"const":"status"}}},"then":{"$ref":"#/$defs/status_reply"}},{"if":{"properties":{"type":{"const":"report"}}},"then":{"$ref":"#/$defs/report_reply"}},{"if":{"properties":{"type":{"const":"import_history"}}},"then":{"$ref":"#/$defs/import_history_reply"}}]};
const schema73 = {"type":"object","required":["type","id","code","message"],"additionalProperties":false,"properties":{"type":{"const":"error"},"id":{"$ref":"#/$defs/id"},"code":{"$ref":"#/$defs/error_code"},"field":{"type":["string","null"],"maxLength":256},"message":{"$ref":"#/$defs/text"}}};
const schema34 = {"type":["string","integer","null"],"maxLength":64,"description":"Echoed in the reply; null is the same as none."};
const schema75 = {"enum":["bad_json","bad_utf8","not_object","too_large","missing_type","unknown_type","bad_field","not_linkedin","not_allowed","store_error","store_busy","internal"],"description":"Not the order the checks run: docs/protocol.md §2 gives that (bad_utf8 first; too_large is the framing's, before any check)."};
const schema76 = {"type":"string","maxLength":8192,"description":"Human text from the host (reasons, titles, guidance, messages)."};
const func1 = ucs2length;

function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate44.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.code === undefined) && (missing0 = "code"))) || ((data.message === undefined) && (missing0 = "message"))){
validate44.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "id")) || (key0 === "code")) || (key0 === "field")) || (key0 === "message"))){
validate44.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("error" !== data.type){
validate44.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "error"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate44.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate44.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.code !== undefined){
let data2 = data.code;
const _errs6 = errors;
if(!((((((((((((data2 === "bad_json") || (data2 === "bad_utf8")) || (data2 === "not_object")) || (data2 === "too_large")) || (data2 === "missing_type")) || (data2 === "unknown_type")) || (data2 === "bad_field")) || (data2 === "not_linkedin")) || (data2 === "not_allowed")) || (data2 === "store_error")) || (data2 === "store_busy")) || (data2 === "internal"))){
validate44.errors = [{instancePath:instancePath+"/code",schemaPath:"#/$defs/error_code/enum",keyword:"enum",params:{allowedValues: schema75.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.field !== undefined){
let data3 = data.field;
const _errs8 = errors;
if((typeof data3 !== "string") && (data3 !== null)){
validate44.errors = [{instancePath:instancePath+"/field",schemaPath:"#/properties/field/type",keyword:"type",params:{type: schema73.properties.field.type},message:"must be string,null"}];
return false;
}
if(errors === _errs8){
if(typeof data3 === "string"){
if(func1(data3) > 256){
validate44.errors = [{instancePath:instancePath+"/field",schemaPath:"#/properties/field/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.message !== undefined){
let data4 = data.message;
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data4 === "string"){
if(func1(data4) > 8192){
validate44.errors = [{instancePath:instancePath+"/message",schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/message",schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate44.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate44.errors = vErrors;
return errors === 0;
}
validate44.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema77 = {"type":"object","required":["type","id","host_version","protocol","ruleset"],"additionalProperties":false,"properties":{"type":{"const":"hello"},"id":{"$ref":"#/$defs/id"},"host_version":{"$ref":"#/$defs/version"},"protocol":{"type":"integer","description":"The host's PROTOCOL_VERSION; the extension refuses any other than its own."},"ruleset":{"type":"object","required":["name","version","count"],"additionalProperties":false,"properties":{"name":{"type":"string","maxLength":128},"version":{"$ref":"#/$defs/version"},"count":{"$ref":"#/$defs/count"}}}}};
const schema36 = {"type":"string","maxLength":64};
const schema81 = {"type":"integer","minimum":0};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate46.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.host_version === undefined) && (missing0 = "host_version"))) || ((data.protocol === undefined) && (missing0 = "protocol"))) || ((data.ruleset === undefined) && (missing0 = "ruleset"))){
validate46.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "id")) || (key0 === "host_version")) || (key0 === "protocol")) || (key0 === "ruleset"))){
validate46.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("hello" !== data.type){
validate46.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "hello"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate46.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate46.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.host_version !== undefined){
let data2 = data.host_version;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func1(data2) > 64){
validate46.errors = [{instancePath:instancePath+"/host_version",schemaPath:"#/$defs/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate46.errors = [{instancePath:instancePath+"/host_version",schemaPath:"#/$defs/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.protocol !== undefined){
let data3 = data.protocol;
const _errs9 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate46.errors = [{instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ruleset !== undefined){
let data4 = data.ruleset;
const _errs11 = errors;
if(errors === _errs11){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if((((data4.name === undefined) && (missing1 = "name")) || ((data4.version === undefined) && (missing1 = "version"))) || ((data4.count === undefined) && (missing1 = "count"))){
validate46.errors = [{instancePath:instancePath+"/ruleset",schemaPath:"#/properties/ruleset/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs13 = errors;
for(const key1 in data4){
if(!(((key1 === "name") || (key1 === "version")) || (key1 === "count"))){
validate46.errors = [{instancePath:instancePath+"/ruleset",schemaPath:"#/properties/ruleset/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs13 === errors){
if(data4.name !== undefined){
let data5 = data4.name;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data5 === "string"){
if(func1(data5) > 128){
validate46.errors = [{instancePath:instancePath+"/ruleset/name",schemaPath:"#/properties/ruleset/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate46.errors = [{instancePath:instancePath+"/ruleset/name",schemaPath:"#/properties/ruleset/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs14 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.version !== undefined){
let data6 = data4.version;
const _errs16 = errors;
const _errs17 = errors;
if(errors === _errs17){
if(typeof data6 === "string"){
if(func1(data6) > 64){
validate46.errors = [{instancePath:instancePath+"/ruleset/version",schemaPath:"#/$defs/version/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate46.errors = [{instancePath:instancePath+"/ruleset/version",schemaPath:"#/$defs/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.count !== undefined){
let data7 = data4.count;
const _errs19 = errors;
const _errs20 = errors;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
validate46.errors = [{instancePath:instancePath+"/ruleset/count",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs20){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
validate46.errors = [{instancePath:instancePath+"/ruleset/count",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid3 = _errs19 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
else {
validate46.errors = [{instancePath:instancePath+"/ruleset",schemaPath:"#/properties/ruleset/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate46.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate46.errors = vErrors;
return errors === 0;
}
validate46.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema82 = {"type":"object","required":["type","id","url","setting","highlight","ok","unknown","drift","progress","next","walkthrough"],"additionalProperties":false,"properties":{"type":{"const":"verdict"},"id":{"$ref":"#/$defs/id"},"url":{"$ref":"#/$defs/url"},"setting":{"anyOf":[{"$ref":"#/$defs/step"},{"type":"null"}]},"highlight":{"type":"array","items":{"type":"object","required":["key","setting","action","severity","reason","matched_by","control"],"additionalProperties":false,"properties":{"key":{"$ref":"#/$defs/key"},"setting":{"$ref":"#/$defs/step"},"action":{"$ref":"#/$defs/highlight_action"},"severity":{"$ref":"#/$defs/severity"},"reason":{"$ref":"#/$defs/text"},"matched_by":{"$ref":"#/$defs/matched_by"},"control":{"$ref":"#/$defs/control_index"},"form":{"type":"object","required":["step","url"],"additionalProperties":false,"description":"action locked: the form the user can turn to instead.","properties":{"step":{"$ref":"#/$defs/step"},"url":{"$ref":"#/$defs/url"}}}}}},"ok":{"type":"array","items":{"type":"object","required":["key","setting","matched_by","control"],"additionalProperties":false,"properties":{"key":{"$ref":"#/$defs/key"},"setting":{"$ref":"#/$defs/step"},"matched_by":{"$ref":"#/$defs/matched_by"},"control":{"$ref":"#/$defs/control_index"}}}},"unknown":{"type":"array","items":{"type":"object","required":["key","label","why","control"],"additionalProperties":false,"properties":{"key":{"$ref":"#/$defs/key"},"label":{"$ref":"#/$defs/label"},"why":{"$ref":"#/$defs/unknown_why"},"control":{"$ref":"#/$defs/control_index"}}}},"drift":{"type":"array","items":{"type":"object","required":["setting","kind"],"additionalProperties":false,"properties":{"setting":{"$ref":"#/$defs/step"},"kind":{"$ref":"#/$defs/drift_kind"}}}},"progress":{"$ref":"#/$defs/progress"},"next":{"$ref":"#/$defs/next"},"walkthrough":{"type":"object","required":["active","still_on"],"additionalProperties":false,"description":"The walkthrough state after this page, so the extension needs no second round trip.","properties":{"active":{"type":"boolean"},"still_on":{"$ref":"#/$defs/count"}}},"page_unreadable":{"type":"boolean"},"truncated":{"type":"boolean"}}};
const schema40 = {"type":"string","maxLength":2048};
const schema50 = {"type":"string","maxLength":128,"description":"A ruleset setting or form id."};
const schema44 = {"type":["string","null"],"maxLength":256,"description":"A switch's aria-labelledby (every id it lists, space-separated) or id; null when the page gave none."};
const schema88 = {"enum":["switch-off","switch-on","locked"]};
const schema89 = {"type":"string","maxLength":64};
const schema91 = {"enum":["key","label","page"],"description":"How a control was matched to its setting."};
const schema92 = {"type":"integer","minimum":0,"maximum":499,"description":"The control's index in the page_state's controls: the identity the extension marks, clicks and reads back."};
const schema45 = {"type":"string","maxLength":1024};
const schema101 = {"enum":["unreadable","not_in_ruleset","ambiguous","left_alone","other_page"]};
const schema104 = {"enum":["re-enabled","new"]};
const func32 = Object.prototype.hasOwnProperty;
const schema105 = {"type":"object","required":["done","total","remaining"],"additionalProperties":false,"properties":{"done":{"$ref":"#/$defs/count"},"total":{"$ref":"#/$defs/count"},"remaining":{"$ref":"#/$defs/count"}}};

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate49.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.done === undefined) && (missing0 = "done")) || ((data.total === undefined) && (missing0 = "total"))) || ((data.remaining === undefined) && (missing0 = "remaining"))){
validate49.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "done") || (key0 === "total")) || (key0 === "remaining"))){
validate49.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.done !== undefined){
let data0 = data.done;
const _errs2 = errors;
const _errs3 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate49.errors = [{instancePath:instancePath+"/done",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs3){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
validate49.errors = [{instancePath:instancePath+"/done",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.total !== undefined){
let data1 = data.total;
const _errs5 = errors;
const _errs6 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate49.errors = [{instancePath:instancePath+"/total",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs6){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
validate49.errors = [{instancePath:instancePath+"/total",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.remaining !== undefined){
let data2 = data.remaining;
const _errs8 = errors;
const _errs9 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate49.errors = [{instancePath:instancePath+"/remaining",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs9){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
validate49.errors = [{instancePath:instancePath+"/remaining",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate49.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate49.errors = vErrors;
return errors === 0;
}
validate49.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema109 = {"anyOf":[{"type":"null"},{"type":"object","required":["step","url"],"additionalProperties":false,"properties":{"step":{"$ref":"#/$defs/step"},"url":{"$ref":"#/$defs/url"}}}]};

function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate51.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
const _errs1 = errors;
if(data !== null){
const err0 = {instancePath,schemaPath:"#/anyOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
valid0 = valid0 || _valid0;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.step === undefined) && (missing0 = "step")) || ((data.url === undefined) && (missing0 = "url"))){
const err1 = {instancePath,schemaPath:"#/anyOf/1/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
const _errs5 = errors;
for(const key0 in data){
if(!((key0 === "step") || (key0 === "url"))){
const err2 = {instancePath,schemaPath:"#/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
break;
}
}
if(_errs5 === errors){
if(data.step !== undefined){
let data0 = data.step;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data0 === "string"){
if(func1(data0) > 128){
const err3 = {instancePath:instancePath+"/step",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/step",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid1 = _errs6 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.url !== undefined){
let data1 = data.url;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data1 === "string"){
if(func1(data1) > 2048){
const err5 = {instancePath:instancePath+"/url",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/url",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
var props0 = true;
}
if(!valid0){
const err8 = {instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
validate51.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate51.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate51.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate48.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.url === undefined) && (missing0 = "url"))) || ((data.setting === undefined) && (missing0 = "setting"))) || ((data.highlight === undefined) && (missing0 = "highlight"))) || ((data.ok === undefined) && (missing0 = "ok"))) || ((data.unknown === undefined) && (missing0 = "unknown"))) || ((data.drift === undefined) && (missing0 = "drift"))) || ((data.progress === undefined) && (missing0 = "progress"))) || ((data.next === undefined) && (missing0 = "next"))) || ((data.walkthrough === undefined) && (missing0 = "walkthrough"))){
validate48.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func32.call(schema82.properties, key0))){
validate48.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("verdict" !== data.type){
validate48.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "verdict"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate48.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate48.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.url !== undefined){
let data2 = data.url;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func1(data2) > 2048){
validate48.errors = [{instancePath:instancePath+"/url",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/url",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.setting !== undefined){
let data3 = data.setting;
const _errs9 = errors;
const _errs10 = errors;
let valid3 = false;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data3 === "string"){
if(func1(data3) > 128){
const err0 = {instancePath:instancePath+"/setting",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/setting",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
valid3 = valid3 || _valid0;
const _errs14 = errors;
if(data3 !== null){
const err2 = {instancePath:instancePath+"/setting",schemaPath:"#/properties/setting/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs14 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const err3 = {instancePath:instancePath+"/setting",schemaPath:"#/properties/setting/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate48.errors = vErrors;
return false;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.highlight !== undefined){
let data4 = data.highlight;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data4)){
var valid5 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
const _errs18 = errors;
if(errors === _errs18){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if((((((((data5.key === undefined) && (missing1 = "key")) || ((data5.setting === undefined) && (missing1 = "setting"))) || ((data5.action === undefined) && (missing1 = "action"))) || ((data5.severity === undefined) && (missing1 = "severity"))) || ((data5.reason === undefined) && (missing1 = "reason"))) || ((data5.matched_by === undefined) && (missing1 = "matched_by"))) || ((data5.control === undefined) && (missing1 = "control"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0,schemaPath:"#/properties/highlight/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs20 = errors;
for(const key1 in data5){
if(!((((((((key1 === "key") || (key1 === "setting")) || (key1 === "action")) || (key1 === "severity")) || (key1 === "reason")) || (key1 === "matched_by")) || (key1 === "control")) || (key1 === "form"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0,schemaPath:"#/properties/highlight/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs20 === errors){
if(data5.key !== undefined){
let data6 = data5.key;
const _errs21 = errors;
const _errs22 = errors;
if((typeof data6 !== "string") && (data6 !== null)){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/key",schemaPath:"#/$defs/key/type",keyword:"type",params:{type: schema44.type},message:"must be string,null"}];
return false;
}
if(errors === _errs22){
if(typeof data6 === "string"){
if(func1(data6) > 256){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/key",schemaPath:"#/$defs/key/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid6 = _errs21 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.setting !== undefined){
let data7 = data5.setting;
const _errs24 = errors;
const _errs25 = errors;
if(errors === _errs25){
if(typeof data7 === "string"){
if(func1(data7) > 128){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/setting",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/setting",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs24 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.action !== undefined){
let data8 = data5.action;
const _errs27 = errors;
if(!(((data8 === "switch-off") || (data8 === "switch-on")) || (data8 === "locked"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/action",schemaPath:"#/$defs/highlight_action/enum",keyword:"enum",params:{allowedValues: schema88.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.severity !== undefined){
let data9 = data5.severity;
const _errs29 = errors;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data9 === "string"){
if(func1(data9) > 64){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/severity",schemaPath:"#/$defs/severity/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/severity",schemaPath:"#/$defs/severity/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs29 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.reason !== undefined){
let data10 = data5.reason;
const _errs32 = errors;
const _errs33 = errors;
if(errors === _errs33){
if(typeof data10 === "string"){
if(func1(data10) > 8192){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/reason",schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/reason",schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs32 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.matched_by !== undefined){
let data11 = data5.matched_by;
const _errs35 = errors;
if(!(((data11 === "key") || (data11 === "label")) || (data11 === "page"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/matched_by",schemaPath:"#/$defs/matched_by/enum",keyword:"enum",params:{allowedValues: schema91.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid6 = _errs35 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.control !== undefined){
let data12 = data5.control;
const _errs37 = errors;
const _errs38 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/control",schemaPath:"#/$defs/control_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs38){
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 499 || isNaN(data12)){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/control",schemaPath:"#/$defs/control_index/maximum",keyword:"maximum",params:{comparison: "<=", limit: 499},message:"must be <= 499"}];
return false;
}
else {
if(data12 < 0 || isNaN(data12)){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/control",schemaPath:"#/$defs/control_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid6 = _errs37 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data5.form !== undefined){
let data13 = data5.form;
const _errs40 = errors;
if(errors === _errs40){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
let missing2;
if(((data13.step === undefined) && (missing2 = "step")) || ((data13.url === undefined) && (missing2 = "url"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form",schemaPath:"#/properties/highlight/items/properties/form/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs42 = errors;
for(const key2 in data13){
if(!((key2 === "step") || (key2 === "url"))){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form",schemaPath:"#/properties/highlight/items/properties/form/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs42 === errors){
if(data13.step !== undefined){
let data14 = data13.step;
const _errs43 = errors;
const _errs44 = errors;
if(errors === _errs44){
if(typeof data14 === "string"){
if(func1(data14) > 128){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form/step",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form/step",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid14 = _errs43 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data13.url !== undefined){
let data15 = data13.url;
const _errs46 = errors;
const _errs47 = errors;
if(errors === _errs47){
if(typeof data15 === "string"){
if(func1(data15) > 2048){
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form/url",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form/url",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid14 = _errs46 === errors;
}
else {
var valid14 = true;
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0+"/form",schemaPath:"#/properties/highlight/items/properties/form/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid6 = _errs40 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight/" + i0,schemaPath:"#/properties/highlight/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid5 = _errs18 === errors;
if(!valid5){
break;
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/highlight",schemaPath:"#/properties/highlight/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ok !== undefined){
let data16 = data.ok;
const _errs49 = errors;
if(errors === _errs49){
if(Array.isArray(data16)){
var valid17 = true;
const len1 = data16.length;
for(let i1=0; i1<len1; i1++){
let data17 = data16[i1];
const _errs51 = errors;
if(errors === _errs51){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing3;
if(((((data17.key === undefined) && (missing3 = "key")) || ((data17.setting === undefined) && (missing3 = "setting"))) || ((data17.matched_by === undefined) && (missing3 = "matched_by"))) || ((data17.control === undefined) && (missing3 = "control"))){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1,schemaPath:"#/properties/ok/items/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs53 = errors;
for(const key3 in data17){
if(!((((key3 === "key") || (key3 === "setting")) || (key3 === "matched_by")) || (key3 === "control"))){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1,schemaPath:"#/properties/ok/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs53 === errors){
if(data17.key !== undefined){
let data18 = data17.key;
const _errs54 = errors;
const _errs55 = errors;
if((typeof data18 !== "string") && (data18 !== null)){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/key",schemaPath:"#/$defs/key/type",keyword:"type",params:{type: schema44.type},message:"must be string,null"}];
return false;
}
if(errors === _errs55){
if(typeof data18 === "string"){
if(func1(data18) > 256){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/key",schemaPath:"#/$defs/key/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid18 = _errs54 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.setting !== undefined){
let data19 = data17.setting;
const _errs57 = errors;
const _errs58 = errors;
if(errors === _errs58){
if(typeof data19 === "string"){
if(func1(data19) > 128){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/setting",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/setting",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid18 = _errs57 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.matched_by !== undefined){
let data20 = data17.matched_by;
const _errs60 = errors;
if(!(((data20 === "key") || (data20 === "label")) || (data20 === "page"))){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/matched_by",schemaPath:"#/$defs/matched_by/enum",keyword:"enum",params:{allowedValues: schema91.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid18 = _errs60 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.control !== undefined){
let data21 = data17.control;
const _errs62 = errors;
const _errs63 = errors;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/control",schemaPath:"#/$defs/control_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs63){
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 > 499 || isNaN(data21)){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/control",schemaPath:"#/$defs/control_index/maximum",keyword:"maximum",params:{comparison: "<=", limit: 499},message:"must be <= 499"}];
return false;
}
else {
if(data21 < 0 || isNaN(data21)){
validate48.errors = [{instancePath:instancePath+"/ok/" + i1+"/control",schemaPath:"#/$defs/control_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid18 = _errs62 === errors;
}
else {
var valid18 = true;
}
}
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/ok/" + i1,schemaPath:"#/properties/ok/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid17 = _errs51 === errors;
if(!valid17){
break;
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/ok",schemaPath:"#/properties/ok/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs49 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.unknown !== undefined){
let data22 = data.unknown;
const _errs65 = errors;
if(errors === _errs65){
if(Array.isArray(data22)){
var valid23 = true;
const len2 = data22.length;
for(let i2=0; i2<len2; i2++){
let data23 = data22[i2];
const _errs67 = errors;
if(errors === _errs67){
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
let missing4;
if(((((data23.key === undefined) && (missing4 = "key")) || ((data23.label === undefined) && (missing4 = "label"))) || ((data23.why === undefined) && (missing4 = "why"))) || ((data23.control === undefined) && (missing4 = "control"))){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2,schemaPath:"#/properties/unknown/items/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs69 = errors;
for(const key4 in data23){
if(!((((key4 === "key") || (key4 === "label")) || (key4 === "why")) || (key4 === "control"))){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2,schemaPath:"#/properties/unknown/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs69 === errors){
if(data23.key !== undefined){
let data24 = data23.key;
const _errs70 = errors;
const _errs71 = errors;
if((typeof data24 !== "string") && (data24 !== null)){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/key",schemaPath:"#/$defs/key/type",keyword:"type",params:{type: schema44.type},message:"must be string,null"}];
return false;
}
if(errors === _errs71){
if(typeof data24 === "string"){
if(func1(data24) > 256){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/key",schemaPath:"#/$defs/key/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid24 = _errs70 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data23.label !== undefined){
let data25 = data23.label;
const _errs73 = errors;
const _errs74 = errors;
if(errors === _errs74){
if(typeof data25 === "string"){
if(func1(data25) > 1024){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/label",schemaPath:"#/$defs/label/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/label",schemaPath:"#/$defs/label/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid24 = _errs73 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data23.why !== undefined){
let data26 = data23.why;
const _errs76 = errors;
if(!(((((data26 === "unreadable") || (data26 === "not_in_ruleset")) || (data26 === "ambiguous")) || (data26 === "left_alone")) || (data26 === "other_page"))){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/why",schemaPath:"#/$defs/unknown_why/enum",keyword:"enum",params:{allowedValues: schema101.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid24 = _errs76 === errors;
}
else {
var valid24 = true;
}
if(valid24){
if(data23.control !== undefined){
let data27 = data23.control;
const _errs78 = errors;
const _errs79 = errors;
if(!(((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27))) && (isFinite(data27)))){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/control",schemaPath:"#/$defs/control_index/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs79){
if((typeof data27 == "number") && (isFinite(data27))){
if(data27 > 499 || isNaN(data27)){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/control",schemaPath:"#/$defs/control_index/maximum",keyword:"maximum",params:{comparison: "<=", limit: 499},message:"must be <= 499"}];
return false;
}
else {
if(data27 < 0 || isNaN(data27)){
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2+"/control",schemaPath:"#/$defs/control_index/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid24 = _errs78 === errors;
}
else {
var valid24 = true;
}
}
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/unknown/" + i2,schemaPath:"#/properties/unknown/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid23 = _errs67 === errors;
if(!valid23){
break;
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/unknown",schemaPath:"#/properties/unknown/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs65 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.drift !== undefined){
let data28 = data.drift;
const _errs81 = errors;
if(errors === _errs81){
if(Array.isArray(data28)){
var valid29 = true;
const len3 = data28.length;
for(let i3=0; i3<len3; i3++){
let data29 = data28[i3];
const _errs83 = errors;
if(errors === _errs83){
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
let missing5;
if(((data29.setting === undefined) && (missing5 = "setting")) || ((data29.kind === undefined) && (missing5 = "kind"))){
validate48.errors = [{instancePath:instancePath+"/drift/" + i3,schemaPath:"#/properties/drift/items/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs85 = errors;
for(const key5 in data29){
if(!((key5 === "setting") || (key5 === "kind"))){
validate48.errors = [{instancePath:instancePath+"/drift/" + i3,schemaPath:"#/properties/drift/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs85 === errors){
if(data29.setting !== undefined){
let data30 = data29.setting;
const _errs86 = errors;
const _errs87 = errors;
if(errors === _errs87){
if(typeof data30 === "string"){
if(func1(data30) > 128){
validate48.errors = [{instancePath:instancePath+"/drift/" + i3+"/setting",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/drift/" + i3+"/setting",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid30 = _errs86 === errors;
}
else {
var valid30 = true;
}
if(valid30){
if(data29.kind !== undefined){
let data31 = data29.kind;
const _errs89 = errors;
if(!((data31 === "re-enabled") || (data31 === "new"))){
validate48.errors = [{instancePath:instancePath+"/drift/" + i3+"/kind",schemaPath:"#/$defs/drift_kind/enum",keyword:"enum",params:{allowedValues: schema104.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid30 = _errs89 === errors;
}
else {
var valid30 = true;
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/drift/" + i3,schemaPath:"#/properties/drift/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid29 = _errs83 === errors;
if(!valid29){
break;
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs81 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.progress !== undefined){
const _errs91 = errors;
if(!(validate49(data.progress, {instancePath:instancePath+"/progress",parentData:data,parentDataProperty:"progress",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
var valid0 = _errs91 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.next !== undefined){
const _errs92 = errors;
if(!(validate51(data.next, {instancePath:instancePath+"/next",parentData:data,parentDataProperty:"next",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate51.errors : vErrors.concat(validate51.errors);
errors = vErrors.length;
}
var valid0 = _errs92 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.walkthrough !== undefined){
let data34 = data.walkthrough;
const _errs93 = errors;
if(errors === _errs93){
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
let missing6;
if(((data34.active === undefined) && (missing6 = "active")) || ((data34.still_on === undefined) && (missing6 = "still_on"))){
validate48.errors = [{instancePath:instancePath+"/walkthrough",schemaPath:"#/properties/walkthrough/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"}];
return false;
}
else {
const _errs95 = errors;
for(const key6 in data34){
if(!((key6 === "active") || (key6 === "still_on"))){
validate48.errors = [{instancePath:instancePath+"/walkthrough",schemaPath:"#/properties/walkthrough/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs95 === errors){
if(data34.active !== undefined){
const _errs96 = errors;
if(typeof data34.active !== "boolean"){
validate48.errors = [{instancePath:instancePath+"/walkthrough/active",schemaPath:"#/properties/walkthrough/properties/active/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid33 = _errs96 === errors;
}
else {
var valid33 = true;
}
if(valid33){
if(data34.still_on !== undefined){
let data36 = data34.still_on;
const _errs98 = errors;
const _errs99 = errors;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
validate48.errors = [{instancePath:instancePath+"/walkthrough/still_on",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs99){
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 < 0 || isNaN(data36)){
validate48.errors = [{instancePath:instancePath+"/walkthrough/still_on",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid33 = _errs98 === errors;
}
else {
var valid33 = true;
}
}
}
}
}
else {
validate48.errors = [{instancePath:instancePath+"/walkthrough",schemaPath:"#/properties/walkthrough/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs93 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.page_unreadable !== undefined){
const _errs101 = errors;
if(typeof data.page_unreadable !== "boolean"){
validate48.errors = [{instancePath:instancePath+"/page_unreadable",schemaPath:"#/properties/page_unreadable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs101 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
const _errs103 = errors;
if(typeof data.truncated !== "boolean"){
validate48.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs103 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate48.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate48.errors = vErrors;
return errors === 0;
}
validate48.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema113 = {"type":"object","required":["type","id","active","region","steps","progress","next"],"additionalProperties":false,"properties":{"type":{"const":"walkthrough"},"id":{"$ref":"#/$defs/id"},"active":{"type":"boolean"},"region":{"anyOf":[{"$ref":"#/$defs/region"},{"type":"null"}]},"steps":{"type":"array","items":{"$ref":"#/$defs/walkthrough_step"}},"progress":{"$ref":"#/$defs/progress"},"next":{"$ref":"#/$defs/next"},"check":{"$ref":"#/$defs/check"}}};
const schema58 = {"type":"string","maxLength":16,"pattern":"^[A-Z]{2,8}$","description":"A ruleset region code."};
const pattern11 = new RegExp("^[A-Z]{2,8}$", "u");
const schema116 = {"type":"object","required":["step","kind","title","url","severity","state"],"properties":{"step":{"$ref":"#/$defs/step"},"kind":{"enum":["toggle","form"]},"title":{"$ref":"#/$defs/text"},"url":{"$ref":"#/$defs/url"},"severity":{"$ref":"#/$defs/severity"},"state":true,"last_seen":{"$ref":"#/$defs/timestamp"},"drift":{"type":"boolean"},"guidance":{"$ref":"#/$defs/text"},"done_at":{"$ref":"#/$defs/timestamp"}},"unevaluatedProperties":false,"if":{"properties":{"kind":{"const":"toggle"}}},"then":{"required":["last_seen","drift"],"properties":{"state":{"$ref":"#/$defs/toggle_state"},"last_seen":true,"drift":true,"guidance":false,"done_at":false}},"else":{"required":["guidance","done_at"],"properties":{"state":{"$ref":"#/$defs/form_state"},"guidance":true,"done_at":true,"last_seen":false,"drift":false}}};
const schema117 = {"enum":["off","on","unseen","not_in_region"]};
const schema118 = {"enum":["todo","done","not_in_region"]};
const schema123 = {"type":["string","null"],"maxLength":64};

function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate55.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind !== undefined){
if("toggle" !== data.kind){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.last_seen === undefined) && (missing0 = "last_seen")) || ((data.drift === undefined) && (missing0 = "drift"))){
validate55.errors = [{instancePath,schemaPath:"#/then/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.state !== undefined){
let data1 = data.state;
const _errs5 = errors;
if(!((((data1 === "off") || (data1 === "on")) || (data1 === "unseen")) || (data1 === "not_in_region"))){
validate55.errors = [{instancePath:instancePath+"/state",schemaPath:"#/$defs/toggle_state/enum",keyword:"enum",params:{allowedValues: schema117.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid2 = _errs5 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.guidance !== undefined){
var valid2 = false;
validate55.errors = [{instancePath:instancePath+"/guidance",schemaPath:"#/then/properties/guidance/false schema",keyword:"false schema",params:{},message:"boolean schema is false"}];
return false;
}
else {
var valid2 = true;
}
if(valid2){
if(data.done_at !== undefined){
var valid2 = false;
validate55.errors = [{instancePath:instancePath+"/done_at",schemaPath:"#/then/properties/done_at/false schema",keyword:"false schema",params:{},message:"boolean schema is false"}];
return false;
}
else {
var valid2 = true;
}
}
}
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
if(valid0){
var props0 = {};
props0.state = true;
props0.last_seen = true;
props0.drift = true;
props0.guidance = true;
props0.done_at = true;
props0.kind = true;
}
ifClause0 = "then";
}
else {
const _errs7 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if(((data.guidance === undefined) && (missing1 = "guidance")) || ((data.done_at === undefined) && (missing1 = "done_at"))){
validate55.errors = [{instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
if(data.state !== undefined){
let data4 = data.state;
const _errs8 = errors;
if(!(((data4 === "todo") || (data4 === "done")) || (data4 === "not_in_region"))){
validate55.errors = [{instancePath:instancePath+"/state",schemaPath:"#/$defs/form_state/enum",keyword:"enum",params:{allowedValues: schema118.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs8 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data.last_seen !== undefined){
var valid4 = false;
validate55.errors = [{instancePath:instancePath+"/last_seen",schemaPath:"#/else/properties/last_seen/false schema",keyword:"false schema",params:{},message:"boolean schema is false"}];
return false;
}
else {
var valid4 = true;
}
if(valid4){
if(data.drift !== undefined){
var valid4 = false;
validate55.errors = [{instancePath:instancePath+"/drift",schemaPath:"#/else/properties/drift/false schema",keyword:"false schema",params:{},message:"boolean schema is false"}];
return false;
}
else {
var valid4 = true;
}
}
}
}
}
var _valid0 = _errs7 === errors;
valid0 = _valid0;
if(valid0){
if(props0 !== true){
props0 = props0 || {};
props0.state = true;
props0.guidance = true;
props0.done_at = true;
props0.last_seen = true;
props0.drift = true;
}
}
ifClause0 = "else";
}
if(!valid0){
const err1 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate55.errors = vErrors;
return false;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if(((((((data.step === undefined) && (missing2 = "step")) || ((data.kind === undefined) && (missing2 = "kind"))) || ((data.title === undefined) && (missing2 = "title"))) || ((data.url === undefined) && (missing2 = "url"))) || ((data.severity === undefined) && (missing2 = "severity"))) || ((data.state === undefined) && (missing2 = "state"))){
validate55.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
if(props0 !== true){
props0 = props0 || {};
props0.step = true;
props0.kind = true;
props0.title = true;
props0.url = true;
props0.severity = true;
props0.state = true;
props0.last_seen = true;
props0.drift = true;
props0.guidance = true;
props0.done_at = true;
}
if(data.step !== undefined){
let data7 = data.step;
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data7 === "string"){
if(func1(data7) > 128){
validate55.errors = [{instancePath:instancePath+"/step",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/step",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs10 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.kind !== undefined){
let data8 = data.kind;
const _errs13 = errors;
if(!((data8 === "toggle") || (data8 === "form"))){
validate55.errors = [{instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema116.properties.kind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid6 = _errs13 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.title !== undefined){
let data9 = data.title;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(typeof data9 === "string"){
if(func1(data9) > 8192){
validate55.errors = [{instancePath:instancePath+"/title",schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/title",schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs14 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.url !== undefined){
let data10 = data.url;
const _errs17 = errors;
const _errs18 = errors;
if(errors === _errs18){
if(typeof data10 === "string"){
if(func1(data10) > 2048){
validate55.errors = [{instancePath:instancePath+"/url",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/url",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs17 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.severity !== undefined){
let data11 = data.severity;
const _errs20 = errors;
const _errs21 = errors;
if(errors === _errs21){
if(typeof data11 === "string"){
if(func1(data11) > 64){
validate55.errors = [{instancePath:instancePath+"/severity",schemaPath:"#/$defs/severity/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/severity",schemaPath:"#/$defs/severity/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs20 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.last_seen !== undefined){
let data12 = data.last_seen;
const _errs23 = errors;
const _errs24 = errors;
if((typeof data12 !== "string") && (data12 !== null)){
validate55.errors = [{instancePath:instancePath+"/last_seen",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"}];
return false;
}
if(errors === _errs24){
if(typeof data12 === "string"){
if(func1(data12) > 64){
validate55.errors = [{instancePath:instancePath+"/last_seen",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid6 = _errs23 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.drift !== undefined){
const _errs26 = errors;
if(typeof data.drift !== "boolean"){
validate55.errors = [{instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid6 = _errs26 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.guidance !== undefined){
let data14 = data.guidance;
const _errs28 = errors;
const _errs29 = errors;
if(errors === _errs29){
if(typeof data14 === "string"){
if(func1(data14) > 8192){
validate55.errors = [{instancePath:instancePath+"/guidance",schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate55.errors = [{instancePath:instancePath+"/guidance",schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs28 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.done_at !== undefined){
let data15 = data.done_at;
const _errs31 = errors;
const _errs32 = errors;
if((typeof data15 !== "string") && (data15 !== null)){
validate55.errors = [{instancePath:instancePath+"/done_at",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"}];
return false;
}
if(errors === _errs32){
if(typeof data15 === "string"){
if(func1(data15) > 64){
validate55.errors = [{instancePath:instancePath+"/done_at",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid6 = _errs31 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(props0 !== true){
for(const key0 in data){
if(!props0 || !props0[key0]){
validate55.errors = [{instancePath,schemaPath:"#/unevaluatedProperties",keyword:"unevaluatedProperties",params:{unevaluatedProperty: key0},message:"must NOT have unevaluated properties"}];
return false;
break;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate55.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate55.errors = vErrors;
return errors === 0;
}
validate55.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema126 = {"type":"object","additionalProperties":false,"required":["reminder_days","last_full_check","next_due","due","due_reason","running","last"],"description":"The quick re-check and its reminder (docs/protocol.md §4.3).","properties":{"reminder_days":{"$ref":"#/$defs/reminder_days"},"last_full_check":{"$ref":"#/$defs/timestamp"},"next_due":{"$ref":"#/$defs/timestamp"},"due":{"type":"boolean"},"due_reason":{"enum":[null,"never_checked","interval","ruleset_changed"]},"running":{"type":"boolean"},"last":{"anyOf":[{"type":"null"},{"type":"object","additionalProperties":false,"required":["started_at","ended_at","complete","off","on","unreadable","unchecked","new_controls"],"properties":{"started_at":{"$ref":"#/$defs/timestamp"},"ended_at":{"$ref":"#/$defs/timestamp"},"complete":{"type":"boolean"},"off":{"type":"array","items":{"$ref":"#/$defs/step"}},"on":{"type":"array","items":{"$ref":"#/$defs/step"}},"unreadable":{"type":"array","items":{"$ref":"#/$defs/step"}},"unchecked":{"type":"array","items":{"$ref":"#/$defs/step"}},"new_controls":{"type":"array","items":{"$ref":"#/$defs/new_control"}}}}]}}};
const schema59 = {"anyOf":[{"type":"integer","minimum":1,"maximum":365},{"type":"null"}],"description":"The re-check reminder's interval in days; null: the reminder is off."};
const schema136 = {"type":"object","required":["page","key","label"],"additionalProperties":false,"description":"A switch on a ruleset page that the ruleset does not know (new on LinkedIn).","properties":{"page":{"$ref":"#/$defs/url"},"key":{"$ref":"#/$defs/key"},"label":{"$ref":"#/$defs/label"}}};

function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate60.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.page === undefined) && (missing0 = "page")) || ((data.key === undefined) && (missing0 = "key"))) || ((data.label === undefined) && (missing0 = "label"))){
validate60.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "page") || (key0 === "key")) || (key0 === "label"))){
validate60.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.page !== undefined){
let data0 = data.page;
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data0 === "string"){
if(func1(data0) > 2048){
validate60.errors = [{instancePath:instancePath+"/page",schemaPath:"#/$defs/url/maxLength",keyword:"maxLength",params:{limit: 2048},message:"must NOT have more than 2048 characters"}];
return false;
}
}
else {
validate60.errors = [{instancePath:instancePath+"/page",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.key !== undefined){
let data1 = data.key;
const _errs5 = errors;
const _errs6 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate60.errors = [{instancePath:instancePath+"/key",schemaPath:"#/$defs/key/type",keyword:"type",params:{type: schema44.type},message:"must be string,null"}];
return false;
}
if(errors === _errs6){
if(typeof data1 === "string"){
if(func1(data1) > 256){
validate60.errors = [{instancePath:instancePath+"/key",schemaPath:"#/$defs/key/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters"}];
return false;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.label !== undefined){
let data2 = data.label;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data2 === "string"){
if(func1(data2) > 1024){
validate60.errors = [{instancePath:instancePath+"/label",schemaPath:"#/$defs/label/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"}];
return false;
}
}
else {
validate60.errors = [{instancePath:instancePath+"/label",schemaPath:"#/$defs/label/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate60.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate60.errors = vErrors;
return errors === 0;
}
validate60.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate59(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate59.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.reminder_days === undefined) && (missing0 = "reminder_days")) || ((data.last_full_check === undefined) && (missing0 = "last_full_check"))) || ((data.next_due === undefined) && (missing0 = "next_due"))) || ((data.due === undefined) && (missing0 = "due"))) || ((data.due_reason === undefined) && (missing0 = "due_reason"))) || ((data.running === undefined) && (missing0 = "running"))) || ((data.last === undefined) && (missing0 = "last"))){
validate59.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "reminder_days") || (key0 === "last_full_check")) || (key0 === "next_due")) || (key0 === "due")) || (key0 === "due_reason")) || (key0 === "running")) || (key0 === "last"))){
validate59.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.reminder_days !== undefined){
let data0 = data.reminder_days;
const _errs2 = errors;
const _errs4 = errors;
let valid2 = false;
const _errs5 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err0 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(errors === _errs5){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 365 || isNaN(data0)){
const err1 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 365},message:"must be <= 365"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
if(data0 < 1 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
}
var _valid0 = _errs5 === errors;
valid2 = valid2 || _valid0;
const _errs7 = errors;
if(data0 !== null){
const err3 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err4 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate59.errors = vErrors;
return false;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.last_full_check !== undefined){
let data1 = data.last_full_check;
const _errs9 = errors;
const _errs10 = errors;
if((typeof data1 !== "string") && (data1 !== null)){
validate59.errors = [{instancePath:instancePath+"/last_full_check",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"}];
return false;
}
if(errors === _errs10){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate59.errors = [{instancePath:instancePath+"/last_full_check",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.next_due !== undefined){
let data2 = data.next_due;
const _errs12 = errors;
const _errs13 = errors;
if((typeof data2 !== "string") && (data2 !== null)){
validate59.errors = [{instancePath:instancePath+"/next_due",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"}];
return false;
}
if(errors === _errs13){
if(typeof data2 === "string"){
if(func1(data2) > 64){
validate59.errors = [{instancePath:instancePath+"/next_due",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.due !== undefined){
const _errs15 = errors;
if(typeof data.due !== "boolean"){
validate59.errors = [{instancePath:instancePath+"/due",schemaPath:"#/properties/due/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.due_reason !== undefined){
let data4 = data.due_reason;
const _errs17 = errors;
if(!((((data4 === null) || (data4 === "never_checked")) || (data4 === "interval")) || (data4 === "ruleset_changed"))){
validate59.errors = [{instancePath:instancePath+"/due_reason",schemaPath:"#/properties/due_reason/enum",keyword:"enum",params:{allowedValues: schema126.properties.due_reason.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.running !== undefined){
const _errs18 = errors;
if(typeof data.running !== "boolean"){
validate59.errors = [{instancePath:instancePath+"/running",schemaPath:"#/properties/running/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.last !== undefined){
let data6 = data.last;
const _errs20 = errors;
const _errs21 = errors;
let valid5 = false;
const _errs22 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs22 === errors;
valid5 = valid5 || _valid1;
const _errs24 = errors;
if(errors === _errs24){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
let missing1;
if(((((((((data6.started_at === undefined) && (missing1 = "started_at")) || ((data6.ended_at === undefined) && (missing1 = "ended_at"))) || ((data6.complete === undefined) && (missing1 = "complete"))) || ((data6.off === undefined) && (missing1 = "off"))) || ((data6.on === undefined) && (missing1 = "on"))) || ((data6.unreadable === undefined) && (missing1 = "unreadable"))) || ((data6.unchecked === undefined) && (missing1 = "unchecked"))) || ((data6.new_controls === undefined) && (missing1 = "new_controls"))){
const err6 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf/1/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
const _errs26 = errors;
for(const key1 in data6){
if(!((((((((key1 === "started_at") || (key1 === "ended_at")) || (key1 === "complete")) || (key1 === "off")) || (key1 === "on")) || (key1 === "unreadable")) || (key1 === "unchecked")) || (key1 === "new_controls"))){
const err7 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
break;
}
}
if(_errs26 === errors){
if(data6.started_at !== undefined){
let data7 = data6.started_at;
const _errs27 = errors;
const _errs28 = errors;
if((typeof data7 !== "string") && (data7 !== null)){
const err8 = {instancePath:instancePath+"/last/started_at",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(errors === _errs28){
if(typeof data7 === "string"){
if(func1(data7) > 64){
const err9 = {instancePath:instancePath+"/last/started_at",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.ended_at !== undefined){
let data8 = data6.ended_at;
const _errs30 = errors;
const _errs31 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
const err10 = {instancePath:instancePath+"/last/ended_at",schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: schema123.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(errors === _errs31){
if(typeof data8 === "string"){
if(func1(data8) > 64){
const err11 = {instancePath:instancePath+"/last/ended_at",schemaPath:"#/$defs/timestamp/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
var valid6 = _errs30 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.complete !== undefined){
const _errs33 = errors;
if(typeof data6.complete !== "boolean"){
const err12 = {instancePath:instancePath+"/last/complete",schemaPath:"#/properties/last/anyOf/1/properties/complete/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var valid6 = _errs33 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.off !== undefined){
let data10 = data6.off;
const _errs35 = errors;
if(errors === _errs35){
if(Array.isArray(data10)){
var valid9 = true;
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
let data11 = data10[i0];
const _errs37 = errors;
const _errs38 = errors;
if(errors === _errs38){
if(typeof data11 === "string"){
if(func1(data11) > 128){
const err13 = {instancePath:instancePath+"/last/off/" + i0,schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/last/off/" + i0,schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid9 = _errs37 === errors;
if(!valid9){
break;
}
}
}
else {
const err15 = {instancePath:instancePath+"/last/off",schemaPath:"#/properties/last/anyOf/1/properties/off/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
var valid6 = _errs35 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.on !== undefined){
let data12 = data6.on;
const _errs40 = errors;
if(errors === _errs40){
if(Array.isArray(data12)){
var valid11 = true;
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
let data13 = data12[i1];
const _errs42 = errors;
const _errs43 = errors;
if(errors === _errs43){
if(typeof data13 === "string"){
if(func1(data13) > 128){
const err16 = {instancePath:instancePath+"/last/on/" + i1,schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/last/on/" + i1,schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
var valid11 = _errs42 === errors;
if(!valid11){
break;
}
}
}
else {
const err18 = {instancePath:instancePath+"/last/on",schemaPath:"#/properties/last/anyOf/1/properties/on/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var valid6 = _errs40 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.unreadable !== undefined){
let data14 = data6.unreadable;
const _errs45 = errors;
if(errors === _errs45){
if(Array.isArray(data14)){
var valid13 = true;
const len2 = data14.length;
for(let i2=0; i2<len2; i2++){
let data15 = data14[i2];
const _errs47 = errors;
const _errs48 = errors;
if(errors === _errs48){
if(typeof data15 === "string"){
if(func1(data15) > 128){
const err19 = {instancePath:instancePath+"/last/unreadable/" + i2,schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/last/unreadable/" + i2,schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
var valid13 = _errs47 === errors;
if(!valid13){
break;
}
}
}
else {
const err21 = {instancePath:instancePath+"/last/unreadable",schemaPath:"#/properties/last/anyOf/1/properties/unreadable/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var valid6 = _errs45 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.unchecked !== undefined){
let data16 = data6.unchecked;
const _errs50 = errors;
if(errors === _errs50){
if(Array.isArray(data16)){
var valid15 = true;
const len3 = data16.length;
for(let i3=0; i3<len3; i3++){
let data17 = data16[i3];
const _errs52 = errors;
const _errs53 = errors;
if(errors === _errs53){
if(typeof data17 === "string"){
if(func1(data17) > 128){
const err22 = {instancePath:instancePath+"/last/unchecked/" + i3,schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/last/unchecked/" + i3,schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
var valid15 = _errs52 === errors;
if(!valid15){
break;
}
}
}
else {
const err24 = {instancePath:instancePath+"/last/unchecked",schemaPath:"#/properties/last/anyOf/1/properties/unchecked/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
var valid6 = _errs50 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.new_controls !== undefined){
let data18 = data6.new_controls;
const _errs55 = errors;
if(errors === _errs55){
if(Array.isArray(data18)){
var valid17 = true;
const len4 = data18.length;
for(let i4=0; i4<len4; i4++){
const _errs57 = errors;
if(!(validate60(data18[i4], {instancePath:instancePath+"/last/new_controls/" + i4,parentData:data18,parentDataProperty:i4,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
var valid17 = _errs57 === errors;
if(!valid17){
break;
}
}
}
else {
const err25 = {instancePath:instancePath+"/last/new_controls",schemaPath:"#/properties/last/anyOf/1/properties/new_controls/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
var valid6 = _errs55 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
const err26 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
var _valid1 = _errs24 === errors;
valid5 = valid5 || _valid1;
if(!valid5){
const err27 = {instancePath:instancePath+"/last",schemaPath:"#/properties/last/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
validate59.errors = vErrors;
return false;
}
else {
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate59.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate59.errors = vErrors;
return errors === 0;
}
validate59.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.active === undefined) && (missing0 = "active"))) || ((data.region === undefined) && (missing0 = "region"))) || ((data.steps === undefined) && (missing0 = "steps"))) || ((data.progress === undefined) && (missing0 = "progress"))) || ((data.next === undefined) && (missing0 = "next"))){
validate54.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "type") || (key0 === "id")) || (key0 === "active")) || (key0 === "region")) || (key0 === "steps")) || (key0 === "progress")) || (key0 === "next")) || (key0 === "check"))){
validate54.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("walkthrough" !== data.type){
validate54.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "walkthrough"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate54.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate54.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.active !== undefined){
const _errs6 = errors;
if(typeof data.active !== "boolean"){
validate54.errors = [{instancePath:instancePath+"/active",schemaPath:"#/properties/active/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.region !== undefined){
let data3 = data.region;
const _errs8 = errors;
const _errs9 = errors;
let valid2 = false;
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data3 === "string"){
if(func1(data3) > 16){
const err0 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(!pattern11.test(data3)){
const err1 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{2,8}$"},message:"must match pattern \""+"^[A-Z]{2,8}$"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
const _errs13 = errors;
if(data3 !== null){
const err3 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs13 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err4 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate54.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.steps !== undefined){
let data4 = data.steps;
const _errs15 = errors;
if(errors === _errs15){
if(Array.isArray(data4)){
var valid4 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs17 = errors;
if(!(validate55(data4[i0], {instancePath:instancePath+"/steps/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);
errors = vErrors.length;
}
var valid4 = _errs17 === errors;
if(!valid4){
break;
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.progress !== undefined){
const _errs18 = errors;
if(!(validate49(data.progress, {instancePath:instancePath+"/progress",parentData:data,parentDataProperty:"progress",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.next !== undefined){
const _errs19 = errors;
if(!(validate51(data.next, {instancePath:instancePath+"/next",parentData:data,parentDataProperty:"next",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate51.errors : vErrors.concat(validate51.errors);
errors = vErrors.length;
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.check !== undefined){
const _errs20 = errors;
if(!(validate59(data.check, {instancePath:instancePath+"/check",parentData:data,parentDataProperty:"check",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate59.errors : vErrors.concat(validate59.errors);
errors = vErrors.length;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate54.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate54.errors = vErrors;
return errors === 0;
}
validate54.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema140 = {"type":"object","required":["type","id","region","regions","region_hint"],"additionalProperties":false,"properties":{"type":{"const":"config"},"id":{"$ref":"#/$defs/id"},"region":{"anyOf":[{"$ref":"#/$defs/region"},{"type":"null"}]},"regions":{"type":"object","propertyNames":{"$ref":"#/$defs/region"},"additionalProperties":{"$ref":"#/$defs/text"}},"region_hint":{"$ref":"#/$defs/region_hint"},"reminder_days":{"$ref":"#/$defs/reminder_days"}}};
const schema145 = {"anyOf":[{"type":"null"},{"type":"object","required":["evidence","ruled_out"],"additionalProperties":false,"description":"With no region set: a setting LinkedIn showed that it hides in some regions rules those out.","properties":{"evidence":{"$ref":"#/$defs/step"},"ruled_out":{"type":"array","items":{"$ref":"#/$defs/region"}}}}]};

function validate65(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate65.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
const _errs1 = errors;
if(data !== null){
const err0 = {instancePath,schemaPath:"#/anyOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
valid0 = valid0 || _valid0;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.evidence === undefined) && (missing0 = "evidence")) || ((data.ruled_out === undefined) && (missing0 = "ruled_out"))){
const err1 = {instancePath,schemaPath:"#/anyOf/1/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
const _errs5 = errors;
for(const key0 in data){
if(!((key0 === "evidence") || (key0 === "ruled_out"))){
const err2 = {instancePath,schemaPath:"#/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
break;
}
}
if(_errs5 === errors){
if(data.evidence !== undefined){
let data0 = data.evidence;
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data0 === "string"){
if(func1(data0) > 128){
const err3 = {instancePath:instancePath+"/evidence",schemaPath:"#/$defs/step/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/evidence",schemaPath:"#/$defs/step/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var valid1 = _errs6 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.ruled_out !== undefined){
let data1 = data.ruled_out;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data1)){
var valid3 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data2 === "string"){
if(func1(data2) > 16){
const err5 = {instancePath:instancePath+"/ruled_out/" + i0,schemaPath:"#/$defs/region/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(!pattern11.test(data2)){
const err6 = {instancePath:instancePath+"/ruled_out/" + i0,schemaPath:"#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{2,8}$"},message:"must match pattern \""+"^[A-Z]{2,8}$"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/ruled_out/" + i0,schemaPath:"#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var valid3 = _errs11 === errors;
if(!valid3){
break;
}
}
}
else {
const err8 = {instancePath:instancePath+"/ruled_out",schemaPath:"#/anyOf/1/properties/ruled_out/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
var props0 = true;
}
if(!valid0){
const err10 = {instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
validate65.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate65.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate65.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate64.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.region === undefined) && (missing0 = "region"))) || ((data.regions === undefined) && (missing0 = "regions"))) || ((data.region_hint === undefined) && (missing0 = "region_hint"))){
validate64.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "type") || (key0 === "id")) || (key0 === "region")) || (key0 === "regions")) || (key0 === "region_hint")) || (key0 === "reminder_days"))){
validate64.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("config" !== data.type){
validate64.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "config"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate64.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate64.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.region !== undefined){
let data2 = data.region;
const _errs6 = errors;
const _errs7 = errors;
let valid2 = false;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data2 === "string"){
if(func1(data2) > 16){
const err0 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(!pattern11.test(data2)){
const err1 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{2,8}$"},message:"must match pattern \""+"^[A-Z]{2,8}$"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath:instancePath+"/region",schemaPath:"#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs8 === errors;
valid2 = valid2 || _valid0;
const _errs11 = errors;
if(data2 !== null){
const err3 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err4 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate64.errors = vErrors;
return false;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.regions !== undefined){
let data3 = data.regions;
const _errs13 = errors;
if(errors === _errs13){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
const _errs15 = errors;
const _errs16 = errors;
if(errors === _errs16){
if(typeof key1 === "string"){
if(func1(key1) > 16){
const err5 = {instancePath:instancePath+"/regions",schemaPath:"#/$defs/region/maxLength",keyword:"maxLength",params:{limit: 16},message:"must NOT have more than 16 characters",propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(!pattern11.test(key1)){
const err6 = {instancePath:instancePath+"/regions",schemaPath:"#/$defs/region/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{2,8}$"},message:"must match pattern \""+"^[A-Z]{2,8}$"+"\"",propertyName:key1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/regions",schemaPath:"#/$defs/region/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var valid4 = _errs15 === errors;
if(!valid4){
const err8 = {instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
validate64.errors = vErrors;
return false;
break;
}
}
if(valid4){
for(const key2 in data3){
let data4 = data3[key2];
const _errs19 = errors;
const _errs20 = errors;
if(errors === _errs20){
if(typeof data4 === "string"){
if(func1(data4) > 8192){
validate64.errors = [{instancePath:instancePath+"/regions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/text/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters"}];
return false;
}
}
else {
validate64.errors = [{instancePath:instancePath+"/regions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/text/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs19 === errors;
if(!valid6){
break;
}
}
}
}
else {
validate64.errors = [{instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.region_hint !== undefined){
const _errs22 = errors;
if(!(validate65(data.region_hint, {instancePath:instancePath+"/region_hint",parentData:data,parentDataProperty:"region_hint",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate65.errors : vErrors.concat(validate65.errors);
errors = vErrors.length;
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reminder_days !== undefined){
let data6 = data.reminder_days;
const _errs23 = errors;
const _errs25 = errors;
let valid9 = false;
const _errs26 = errors;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err9 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(errors === _errs26){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 365 || isNaN(data6)){
const err10 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 365},message:"must be <= 365"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
if(data6 < 1 || isNaN(data6)){
const err11 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
var _valid1 = _errs26 === errors;
valid9 = valid9 || _valid1;
const _errs28 = errors;
if(data6 !== null){
const err12 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid1 = _errs28 === errors;
valid9 = valid9 || _valid1;
if(!valid9){
const err13 = {instancePath:instancePath+"/reminder_days",schemaPath:"#/$defs/reminder_days/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
validate64.errors = vErrors;
return false;
}
else {
errors = _errs25;
if(vErrors !== null){
if(_errs25){
vErrors.length = _errs25;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate64.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate64.errors = vErrors;
return errors === 0;
}
validate64.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema149 = {"description":"plan: the walkthrough reply (with check); config: the config reply; both to this request, with its id.","type":"object","required":["type","id","plan","config"],"additionalProperties":false,"properties":{"type":{"const":"status"},"id":{"$ref":"#/$defs/id"},"plan":{"$ref":"#/$defs/walkthrough_reply"},"config":{"$ref":"#/$defs/config_reply"}}};

function validate68(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate68.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.plan === undefined) && (missing0 = "plan"))) || ((data.config === undefined) && (missing0 = "config"))){
validate68.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "type") || (key0 === "id")) || (key0 === "plan")) || (key0 === "config"))){
validate68.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("status" !== data.type){
validate68.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "status"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate68.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate68.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.plan !== undefined){
const _errs6 = errors;
if(!(validate54(data.plan, {instancePath:instancePath+"/plan",parentData:data,parentDataProperty:"plan",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.config !== undefined){
const _errs7 = errors;
if(!(validate64(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
errors = vErrors.length;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate68.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate68.errors = vErrors;
return errors === 0;
}
validate68.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema151 = {"type":"object","required":["type","id","format","content"],"additionalProperties":false,"properties":{"type":{"const":"report"},"id":{"$ref":"#/$defs/id"},"format":{"$ref":"#/$defs/report_format"},"content":{"type":"string"},"truncated":{"type":"boolean"}}};
const schema68 = {"enum":["md","html","json"]};

function validate72(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate72.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.format === undefined) && (missing0 = "format"))) || ((data.content === undefined) && (missing0 = "content"))){
validate72.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "type") || (key0 === "id")) || (key0 === "format")) || (key0 === "content")) || (key0 === "truncated"))){
validate72.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("report" !== data.type){
validate72.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "report"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate72.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate72.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.format !== undefined){
let data2 = data.format;
const _errs6 = errors;
if(!(((data2 === "md") || (data2 === "html")) || (data2 === "json"))){
validate72.errors = [{instancePath:instancePath+"/format",schemaPath:"#/$defs/report_format/enum",keyword:"enum",params:{allowedValues: schema68.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.content !== undefined){
const _errs8 = errors;
if(typeof data.content !== "string"){
validate72.errors = [{instancePath:instancePath+"/content",schemaPath:"#/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
const _errs10 = errors;
if(typeof data.truncated !== "boolean"){
validate72.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate72.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate72.errors = vErrors;
return errors === 0;
}
validate72.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema154 = {"type":"object","required":["type","id","settings","history","forms","checks"],"additionalProperties":false,"description":"What the merge added: setting records added or replaced by a later sighting, history entries, forms marked done, re-check records. All 0: the helper had it all already.","properties":{"type":{"const":"import_history"},"id":{"$ref":"#/$defs/id"},"settings":{"$ref":"#/$defs/count"},"history":{"$ref":"#/$defs/count"},"forms":{"$ref":"#/$defs/count"},"checks":{"$ref":"#/$defs/count"}}};

function validate74(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate74.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.type === undefined) && (missing0 = "type")) || ((data.id === undefined) && (missing0 = "id"))) || ((data.settings === undefined) && (missing0 = "settings"))) || ((data.history === undefined) && (missing0 = "history"))) || ((data.forms === undefined) && (missing0 = "forms"))) || ((data.checks === undefined) && (missing0 = "checks"))){
validate74.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "type") || (key0 === "id")) || (key0 === "settings")) || (key0 === "history")) || (key0 === "forms")) || (key0 === "checks"))){
validate74.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
const _errs2 = errors;
if("import_history" !== data.type){
validate74.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/const",keyword:"const",params:{allowedValue: "import_history"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.id !== undefined){
let data1 = data.id;
const _errs3 = errors;
const _errs4 = errors;
if(((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))) && (data1 !== null)){
validate74.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: schema34.type},message:"must be string,integer,null"}];
return false;
}
if(errors === _errs4){
if(typeof data1 === "string"){
if(func1(data1) > 64){
validate74.errors = [{instancePath:instancePath+"/id",schemaPath:"#/$defs/id/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"}];
return false;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.settings !== undefined){
let data2 = data.settings;
const _errs6 = errors;
const _errs7 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate74.errors = [{instancePath:instancePath+"/settings",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
validate74.errors = [{instancePath:instancePath+"/settings",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.history !== undefined){
let data3 = data.history;
const _errs9 = errors;
const _errs10 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate74.errors = [{instancePath:instancePath+"/history",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs10){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
validate74.errors = [{instancePath:instancePath+"/history",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.forms !== undefined){
let data4 = data.forms;
const _errs12 = errors;
const _errs13 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate74.errors = [{instancePath:instancePath+"/forms",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs13){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
validate74.errors = [{instancePath:instancePath+"/forms",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.checks !== undefined){
let data5 = data.checks;
const _errs15 = errors;
const _errs16 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate74.errors = [{instancePath:instancePath+"/checks",schemaPath:"#/$defs/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs16){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
validate74.errors = [{instancePath:instancePath+"/checks",schemaPath:"#/$defs/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate74.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate74.errors = vErrors;
return errors === 0;
}
validate74.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate77(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate77.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("error" !== data.type){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(!(validate44(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
errors = vErrors.length;
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = true;
}
}
if(!valid1){
const err1 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs1 === errors;
if(valid0){
const _errs6 = errors;
const _errs7 = errors;
let valid3 = true;
const _errs8 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("hello" !== data.type){
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
var _valid1 = _errs8 === errors;
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs10 = errors;
if(!(validate46(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
errors = vErrors.length;
}
var _valid1 = _errs10 === errors;
valid3 = _valid1;
if(valid3){
var props1 = true;
}
}
if(!valid3){
const err3 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs6 === errors;
if(valid0){
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs11 = errors;
const _errs12 = errors;
let valid5 = true;
const _errs13 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("verdict" !== data.type){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
var _valid2 = _errs13 === errors;
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs15 = errors;
if(!(validate48(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
var _valid2 = _errs15 === errors;
valid5 = _valid2;
if(valid5){
var props2 = true;
}
}
if(!valid5){
const err5 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs11 === errors;
if(valid0){
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
const _errs16 = errors;
const _errs17 = errors;
let valid7 = true;
const _errs18 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("walkthrough" !== data.type){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
var _valid3 = _errs18 === errors;
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs20 = errors;
if(!(validate54(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
var _valid3 = _errs20 === errors;
valid7 = _valid3;
if(valid7){
var props3 = true;
}
}
if(!valid7){
const err7 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs16 === errors;
if(valid0){
if(props0 !== true && props3 !== undefined){
if(props3 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props3);
}
}
const _errs21 = errors;
const _errs22 = errors;
let valid9 = true;
const _errs23 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("config" !== data.type){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
var _valid4 = _errs23 === errors;
errors = _errs22;
if(vErrors !== null){
if(_errs22){
vErrors.length = _errs22;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs25 = errors;
if(!(validate64(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
errors = vErrors.length;
}
var _valid4 = _errs25 === errors;
valid9 = _valid4;
if(valid9){
var props4 = true;
}
}
if(!valid9){
const err9 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs21 === errors;
if(valid0){
if(props0 !== true && props4 !== undefined){
if(props4 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props4);
}
}
const _errs26 = errors;
const _errs27 = errors;
let valid11 = true;
const _errs28 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("status" !== data.type){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
var _valid5 = _errs28 === errors;
errors = _errs27;
if(vErrors !== null){
if(_errs27){
vErrors.length = _errs27;
}
else {
vErrors = null;
}
}
if(_valid5){
const _errs30 = errors;
if(!(validate68(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
errors = vErrors.length;
}
var _valid5 = _errs30 === errors;
valid11 = _valid5;
if(valid11){
var props5 = true;
}
}
if(!valid11){
const err11 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs26 === errors;
if(valid0){
if(props0 !== true && props5 !== undefined){
if(props5 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props5);
}
}
const _errs31 = errors;
const _errs32 = errors;
let valid13 = true;
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("report" !== data.type){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
var _valid6 = _errs33 === errors;
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
if(_valid6){
const _errs35 = errors;
if(!(validate72(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate72.errors : vErrors.concat(validate72.errors);
errors = vErrors.length;
}
var _valid6 = _errs35 === errors;
valid13 = _valid6;
if(valid13){
var props6 = true;
}
}
if(!valid13){
const err13 = {instancePath,schemaPath:"#/allOf/6/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs31 === errors;
if(valid0){
if(props0 !== true && props6 !== undefined){
if(props6 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props6);
}
}
const _errs36 = errors;
const _errs37 = errors;
let valid15 = true;
const _errs38 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("import_history" !== data.type){
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
var _valid7 = _errs38 === errors;
errors = _errs37;
if(vErrors !== null){
if(_errs37){
vErrors.length = _errs37;
}
else {
vErrors = null;
}
}
if(_valid7){
const _errs40 = errors;
if(!(validate74(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate74.errors : vErrors.concat(validate74.errors);
errors = vErrors.length;
}
var _valid7 = _errs40 === errors;
valid15 = _valid7;
if(valid15){
var props7 = true;
}
}
if(!valid15){
const err15 = {instancePath,schemaPath:"#/allOf/7/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
validate77.errors = vErrors;
return false;
}
var valid0 = _errs36 === errors;
if(valid0){
if(props0 !== true && props7 !== undefined){
if(props7 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props7);
}
}
}
}
}
}
}
}
}
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
validate77.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
}
if(data.type !== undefined){
let data8 = data.type;
if(!((((((((data8 === "error") || (data8 === "hello")) || (data8 === "verdict")) || (data8 === "walkthrough")) || (data8 === "config")) || (data8 === "status")) || (data8 === "report")) || (data8 === "import_history"))){
validate77.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema72.properties.type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
else {
validate77.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate77.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate77.evaluated = {"dynamicProps":true,"dynamicItems":false};

  root.LinkedOutProtocolValidators = Object.freeze({ validateReply: exports.validateReply });
})(globalThis);
