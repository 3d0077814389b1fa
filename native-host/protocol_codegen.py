#!/usr/bin/env python3
"""Generates the host's message types, readers and writers from docs/protocol.schema.json.

    protocol_codegen.py SCHEMA OUT_DIR    writes OUT_DIR/protocol_messages.{hpp,cpp} (only on change)

From the one contract, for the C++ core (docs/protocol.md §4 says how to add a message type):
- a struct per request and reply type (and per object inside them), an enum class per request enum;
- read_request(): frame body -> the typed request, in one pass with no DOM (json_reader.hpp), with
  the protocol's typed errors in its order (§2): bad_utf8, bad_json, not_object, missing_type, the
  envelope (id, ui_lang), unknown_type, then each field in schema order, named by its path
  ("controls[3].checked");
- write(): a reply -> its JSON text, byte for byte what nlohmann's dump of the same value gives;
- the handler declarations, one per request type, taking its request and returning the reply the
  request's "x-reply" names, and handle_request(), which calls the one the request's type needs.
A schema shape this file cannot turn into C++ stops the build with a message naming it.
Python 3 standard library only.
"""
import json
import os
import sys

SCHEMA_KEYWORDS_IGNORED = {"description", "$comment", "title", "unevaluatedProperties", "additionalProperties",
                           "propertyNames", "if", "then", "else"}

# The schema's string patterns the host checks, each with the core's predicate (protocol.hpp) and
# the words an error uses. A new pattern needs a predicate here: a regex engine is not worth its
# size in the WebAssembly core.
PATTERNS = {
    "^(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)?$": ("is_language_tag", "a BCP 47 language tag (e.g. de-DE) or empty"),
    "^[A-Z]{2,8}$": ("is_region_code", "a region code (2-8 capital letters)"),
    "^https://www\\.linkedin\\.com/mypreferences/": ("is_settings_url",
                                                     "a LinkedIn settings page (https://www.linkedin.com/mypreferences/...)"),
}


class SchemaError(Exception):
    pass


def camel(name):
    return "".join(part[:1].upper() + part[1:] for part in name.replace("-", "_").split("_") if part)


def cpp_string(text):
    return json.dumps(text)


class Shape:
    """A resolved schema: kind is string, integer, boolean, id, array, struct, map or any."""

    def __init__(self, kind, **kw):
        self.kind = kind
        self.nullable = kw.get("nullable", False)
        self.max_length = kw.get("max_length")
        self.pattern = kw.get("pattern")
        self.enum = kw.get("enum")
        self.enum_name = kw.get("enum_name")
        self.minimum = kw.get("minimum")
        self.maximum = kw.get("maximum")
        self.max_items = kw.get("max_items")
        self.items = kw.get("items")
        self.struct = kw.get("struct")
        self.error_code = kw.get("error_code")
        self.default = kw.get("default")
        self.const = kw.get("const")


class Prop:
    def __init__(self, name, shape, required):
        self.name, self.shape, self.required = name, shape, required


class Struct:
    def __init__(self, name, props, conditions):
        self.name, self.props, self.conditions = name, props, conditions  # conditions: [(field, value, [required])]


class Model:
    def __init__(self, schema):
        self.schema = schema
        self.defs = schema["$defs"]
        self.structs = {}  # name -> Struct, in creation order
        self.order = []

    def deref(self, ref):
        prefix = "#/$defs/"
        if not ref.startswith(prefix):
            raise SchemaError(f"unsupported $ref {ref}")
        name = ref[len(prefix):]
        return name, self.defs[name]

    def resolve(self, schema, hint, enum_name=None):
        if schema is True:
            return Shape("any")
        schema = dict(schema)
        if "$ref" in schema:
            name, target = self.deref(schema.pop("$ref"))
            if isinstance(target, dict) and ("enum" in target) and enum_name is None:
                enum_name = camel(name)
            base = self.resolve(target, camel(name), enum_name)
            # Sibling keywords narrow the referenced schema (page_state's url: a settings page).
            if "pattern" in schema:
                base.pattern = schema["pattern"]
            if "maxLength" in schema:
                base.max_length = schema["maxLength"]
            if "x-error" in schema:
                base.error_code = schema["x-error"]
            if "default" in schema:
                base.default = schema["default"]
            return base
        if "anyOf" in schema:
            options = schema["anyOf"]
            nullable = any(o == {"type": "null"} for o in options)
            rest = [o for o in options if o != {"type": "null"}]
            if len(rest) != 1:
                raise SchemaError(f"{hint}: anyOf must be one schema, or one schema and null")
            shape = self.resolve(rest[0], hint, enum_name)
            shape.nullable = shape.nullable or nullable
            return shape
        if "const" in schema:
            return Shape("string", const=schema["const"])
        if "enum" in schema:
            values = schema["enum"]
            nullable = None in values
            values = [v for v in values if v is not None]
            if not all(isinstance(v, str) for v in values):
                raise SchemaError(f"{hint}: only string enums are supported")
            return Shape("string", enum=values, enum_name=enum_name or hint, nullable=nullable)
        types = schema.get("type")
        types = types if isinstance(types, list) else [types]
        nullable = "null" in types
        types = [t for t in types if t != "null"]
        common = dict(nullable=nullable, error_code=schema.get("x-error"), default=schema.get("default"))
        if sorted(types) == ["integer", "string"]:
            return Shape("id", max_length=schema.get("maxLength"), **common)
        if len(types) != 1:
            raise SchemaError(f"{hint}: unsupported type {schema.get('type')}")
        t = types[0]
        if t == "string":
            return Shape("string", max_length=schema.get("maxLength"), pattern=schema.get("pattern"), **common)
        if t == "integer":
            return Shape("integer", minimum=schema.get("minimum"), maximum=schema.get("maximum"), **common)
        if t == "boolean":
            return Shape("boolean", **common)
        if t == "array":
            return Shape("array", items=self.resolve(schema.get("items", True), hint),
                         max_items=schema.get("maxItems"), **common)
        if t == "object":
            if "properties" in schema:
                return Shape("struct", struct=self.struct(hint, schema), **common)
            if isinstance(schema.get("additionalProperties"), dict):
                return Shape("map", items=self.resolve(schema["additionalProperties"], hint + "Value"), **common)
            raise SchemaError(f"{hint}: an object needs properties or additionalProperties")
        raise SchemaError(f"{hint}: unsupported type {t}")

    def struct(self, name, schema):
        if name in self.structs:
            return self.structs[name]
        required = set(schema.get("required", []))
        branches = [schema[k]["properties"] for k in ("then", "else") if isinstance(schema.get(k), dict)
                    and "properties" in schema[k]]
        props = []
        for prop_name, prop_schema in schema["properties"].items():
            if prop_schema is True:
                # Typed by the if/then/else branches (a walkthrough step's state): one kind in all.
                shapes = [self.resolve(b[prop_name], name + camel(prop_name)) for b in branches
                          if isinstance(b.get(prop_name), dict)]
                kinds = {s.kind for s in shapes}
                if len(kinds) != 1:
                    raise SchemaError(f"{name}.{prop_name}: true, and the branches do not give one type")
                shape = Shape(kinds.pop())
            else:
                shape = self.resolve(prop_schema, name + camel(prop_name))
            props.append(Prop(prop_name, shape, prop_name in required))
        conditions = []
        cond = schema.get("if")
        if isinstance(cond, dict):
            then = schema.get("then", {})
            for field, test in cond.get("properties", {}).items():
                if "const" in test and then.get("required"):
                    conditions.append((field, test["const"], then["required"]))
        struct = Struct(name, props, conditions)
        self.structs[name] = struct
        self.order.append(struct)
        return struct


def union_types(schema, union):
    """(type, def name) pairs of the request or reply union, in schema order."""
    pairs = []
    for branch in schema["$defs"][union]["allOf"]:
        type_name = branch["if"]["properties"]["type"]["const"]
        pairs.append((type_name, branch["then"]["$ref"].split("/")[-1]))
    listed = schema["$defs"][union]["properties"]["type"]["enum"]
    if [t for t, _ in pairs] != listed:
        raise SchemaError(f"$defs/{union}: the type enum and the allOf branches disagree")
    return pairs


# ---------------------------------------------------------------------------------------------
# C++ types


def cpp_type(shape, request, model_enums):
    if shape.kind == "string":
        if request and shape.enum:
            model_enums[shape.enum_name] = shape.enum
            base = shape.enum_name
        else:
            base = "std::string"
    elif shape.kind == "integer":
        base = "std::int64_t"
    elif shape.kind == "boolean":
        base = "bool"
    elif shape.kind == "id" or shape.kind == "any":
        return "nlohmann::json"
    elif shape.kind == "array":
        return f"std::vector<{cpp_type(shape.items, request, model_enums)}>"
    elif shape.kind == "struct":
        base = shape.struct.name
    elif shape.kind == "map":
        return f"std::map<std::string, {cpp_type(shape.items, request, model_enums)}>"
    else:
        raise SchemaError(f"no C++ type for {shape.kind}")
    return f"std::optional<{base}>" if shape.nullable else base


def field_decl(prop, request, enums):
    t = cpp_type(prop.shape, request, enums)
    if prop.required or prop.shape.kind in ("id",):
        init = " = nullptr" if prop.shape.kind == "id" else ""
        if not init and t in ("std::int64_t", "bool") or t in enums:
            init = "{}"
        return f"{t} {prop.name}{init};"
    if prop.shape.default is not None:
        return f"{t} {prop.name} = {json.dumps(prop.shape.default)};"
    return f"std::optional<{t}> {prop.name};"


# ---------------------------------------------------------------------------------------------
# Readers


def what(shape, kind_only=False):
    """The words after "<field> must be ": for a value of the wrong JSON type (kind_only), or one
    the schema's enum, pattern or range refuses."""
    null = " or null" if shape.nullable else ""
    if shape.kind == "string" and kind_only and not shape.enum:
        return "a string" + null
    if shape.kind == "integer" and kind_only:
        return "an integer" + null
    if shape.kind == "string":
        if shape.enum:
            return ("null or " if shape.nullable else "") + "one of " + ", ".join(shape.enum)
        if shape.pattern:
            return PATTERNS[shape.pattern][1] + null
        return "a string" + null
    if shape.kind == "integer":
        if shape.minimum is not None and shape.maximum is not None:
            return f"an integer from {shape.minimum} to {shape.maximum}" + null
        return "an integer" + null
    if shape.kind == "boolean":
        return "true, false or null" if shape.nullable else "true or false"
    if shape.kind == "id":
        return f"an integer or a string of at most {shape.max_length} characters"
    if shape.kind == "array":
        items = "objects" if shape.items.kind == "struct" else "items"
        return f"an array of at most {shape.max_items} {items}" if shape.max_items else f"an array of {items}"
    if shape.kind == "struct":
        required = [p.name for p in shape.struct.props if p.required]
        return "an object" + (" {" + ", ".join(required) + "}" if required else "")
    raise SchemaError(f"no reader for {shape.kind}")


class ReaderGen:
    def __init__(self, enums):
        self.enums = enums
        self.out = []
        self.done = set()

    def check_scalar(self, slot, target, prop, where, fail, direct_text=None):
        """Statements checking Scalar `slot` for `prop` and moving it into `target`; `fail(expr)`
        gives the statement for an error. `where` is a Where expression. `direct_text`: where the
        reader already put the string (a nested object's string field), instead of slot.text."""
        s = prop.shape
        text = direct_text or f"{slot}.text"
        lines = []
        null_ok = s.nullable
        if prop.required:
            lines.append(f"if (!{slot}.present()) {fail(f'missing({where})')}")
        cond_required = getattr(prop, "required_when", None)
        if cond_required:
            field, value, enum_name = cond_required
            when = cpp_string(f" when {field} is {value}")
            lines.append(f"if (!{slot}.present() && out.{field} == {enum_name}::{value}) "
                         + fail(f"missing({where}, {when})"))
        body = []
        wrong = fail(f"wrong({where}, {cpp_string(what(s, kind_only=True))})")
        wrong_value = fail(f"wrong({where}, {cpp_string(what(s))})")
        if s.kind == "id":
            body.append(f"if (!readable_id({slot}, {s.max_length})) {wrong}")
            body.append(f"{target} = id_value({slot});")
        else:
            if null_ok:
                body.append(f"if ({slot}.type == Scalar::Type::null) {{ {target} = std::nullopt; }} else {{")
            if s.kind == "string":
                body.append(f"if ({slot}.type != Scalar::Type::string) {wrong}")
                if s.max_length is not None:
                    body.append(f"if (json_util::code_points({text}) > {s.max_length}) "
                                f"{fail(f'too_long({where}, {s.max_length})')}")
                if s.pattern:
                    if s.pattern not in PATTERNS:
                        raise SchemaError(f"pattern {s.pattern}: add its predicate to PATTERNS")
                    code = f"ErrorCode::{s.error_code}" if s.error_code else "ErrorCode::bad_field"
                    body.append(f"if (!{PATTERNS[s.pattern][0]}({text})) "
                                f"{fail(f'error({code}, {where}, {cpp_string(what(s))})')}")
                if s.enum:
                    body.append(f"{{ const auto value = parse_{s.enum_name}({slot}.text);")
                    body.append(f"  if (!value) {wrong_value}")
                    body.append(f"  {target} = *value; }}")
                else:
                    if not direct_text:
                        body.append(f"{target} = std::move({slot}.text);")
            elif s.kind == "integer":
                body.append(f"if ({slot}.type != Scalar::Type::number || {slot}.number.type == Number::Type::floating) {wrong}")
                lo = s.minimum if s.minimum is not None else "INT64_MIN"
                hi = s.maximum if s.maximum is not None else "INT64_MAX"
                body.append(f"{{ const auto value = integer_in({slot}.number, {lo}, {hi});")
                body.append(f"  if (!value) {wrong_value}")
                body.append(f"  {target} = *value; }}")
            elif s.kind == "boolean":
                body.append(f"if ({slot}.type != Scalar::Type::boolean) {wrong}")
                body.append(f"{target} = {slot}.flag;")
            else:
                raise SchemaError(f"{prop.name}: no scalar reader for {s.kind}")
            if null_ok:
                body.append("}")
        lines.append(f"if ({slot}.present()) {{")
        lines += ["  " + b for b in body]
        lines.append("}")
        return lines

    def target_expr(self, prop):
        optional = not prop.required and prop.shape.default is None and prop.shape.kind != "id"
        if optional:
            return f"out.{prop.name}.emplace()"
        return f"out.{prop.name}"

    def container_reader(self, shape):
        """The name of the function reading `shape` (an array of structs or a struct)."""
        if shape.kind == "struct":
            self.struct_reader(shape.struct)
            return f"read_{shape.struct.name}"
        if shape.kind == "array" and shape.items.kind == "struct":
            name = f"read_{shape.items.struct.name}_array{shape.max_items or ''}"
            self.struct_reader(shape.items.struct)
            if name in self.done:
                return name
            self.done.add(name)
            item = shape.items.struct.name
            self.out += [
                f"// An array of {item}: the first bad item's error, unless the array itself is wrong.",
                f"std::optional<FieldError> {name}(Reader& in, std::vector<{item}>& out, const Where& where) {{",
                "  if (in.peek() != Kind::array) {",
                "    in.skip_value();",
                f"    return wrong(where, {cpp_string(what(shape))});",
                "  }",
                "  std::optional<FieldError> first;",
                "  std::size_t count = 0;",
                "  in.begin_array();",
                "  while (in.next_item()) {",
            ]
            if shape.max_items is not None:
                self.out += [
                    f"    if (count++ >= {shape.max_items}) {{",
                    "      in.skip_value();  // over the cap: still read, for bad_json, never kept",
                    "      continue;",
                    "    }",
                ]
            else:
                self.out.append("    ++count;")
            self.out += [
                "    const Where item{&where, {}, out.size()};",
                f"    auto error = read_{item}(in, out.emplace_back(), item);",
                "    if (error && !first) first = std::move(error);",
                "  }",
            ]
            if shape.max_items is not None:
                self.out.append(f"  if (count > {shape.max_items}) return wrong(where, {cpp_string(what(shape))});")
            self.out += ["  return first;", "}", ""]
            return name
        raise SchemaError(f"requests may hold objects and arrays of objects, not {shape.kind}")

    @staticmethod
    def direct_string(prop):
        """For a nested object's plain string field: (the read target, the text's expression), so
        the reader puts the string in its place with no copy; else None."""
        s = prop.shape
        if s.kind != "string" or s.enum or s.const is not None:
            return None
        optional = not prop.required and s.default is None
        if optional and s.nullable:
            return None
        if optional or s.nullable:
            return f"out.{prop.name}.emplace()", f"*out.{prop.name}"
        return f"out.{prop.name}", f"out.{prop.name}"

    def member_dispatch(self, props, slot_of, lines, indent, direct=False):
        """The key loop's body: each key into its Scalar slot or container reader. A known key is
        checked for a duplicate by its bit in `seen` (declared by the caller), any other by the
        reader's list."""
        if len(props) > 64:
            raise SchemaError("an object with more than 64 properties")
        first = True
        for bit, prop in enumerate(props):
            keyword = "if" if first else "} else if"
            first = False
            slot = slot_of(prop)
            mask = f"(std::uint64_t{{1}} << {bit})"
            seen_check = f"{indent}  if (seen & {mask}) in.duplicate_key();\n{indent}  seen |= {mask};"
            if prop.shape.kind in ("struct", "array", "map"):
                reader = self.container_reader(prop.shape)
                lines.append(f"{indent}{keyword} (key == {cpp_string(prop.name)}) {{")
                lines.append(seen_check)
                lines.append(f"{indent}  {slot}_seen = true;")
                lines.append(f"{indent}  {slot}_error = {reader}(in, {slot}, Where{{&where, {cpp_string(prop.name)}}});")
            else:
                lines.append(f"{indent}{keyword} (key == {cpp_string(prop.name)}) {{")
                lines.append(seen_check)
                place = self.direct_string(prop) if direct else None
                if place:
                    lines.append(f"{indent}  in.read_scalar({slot}, {place[0]});  // the string straight to its place")
                else:
                    lines.append(f"{indent}  in.read_scalar({slot});")
        lines.append(f"{indent}}} else {{")
        lines.append(f"{indent}  in.unknown_key(key);")
        lines.append(f"{indent}  in.skip_value();  // a field this type does not know is ignored (§2)")
        lines.append(f"{indent}}}")

    def checks(self, props, slot_of, fail, where_base, skip=(), direct=False):
        """The checks of a struct's fields in schema order (its errors' order)."""
        lines = []
        for prop in props:
            if prop.name in skip:
                continue
            slot = slot_of(prop)
            where = f"Where{{{where_base}, {cpp_string(prop.name)}}}"
            if prop.shape.kind in ("struct", "array", "map"):
                if prop.required:
                    lines.append(f"if (!{slot}_seen) {fail(f'missing({where})')}")
                lines.append(f"if ({slot}_error) {fail(f'std::move(*{slot}_error)')}")
                target = f"out.{prop.name}" if prop.required else f"out.{prop.name}"
                lines.append(f"if ({slot}_seen) {target} = std::move({slot});")
            else:
                place = self.direct_string(prop) if direct else None
                lines += self.check_scalar(slot, self.target_expr(prop), prop, where, fail, place[1] if place else None)
        return lines

    def struct_reader(self, struct):
        if struct.name in self.done:
            return
        self.done.add(struct.name)
        containers = [p for p in struct.props if p.shape.kind in ("struct", "array", "map")]
        for p in containers:
            self.container_reader(p.shape)
        self.mark_conditions(struct)
        lines = [f"std::optional<FieldError> read_{struct.name}(Reader& in, {struct.name}& out, const Where& where) {{",
                 "  if (in.peek() != Kind::object) {",
                 "    in.skip_value();",
                 f"    return wrong(where, {cpp_string(what(Shape('struct', struct=struct)))});",
                 "  }"]
        for p in struct.props:
            if p.shape.kind in ("struct", "array", "map"):
                lines.append(f"  {cpp_type(p.shape, True, self.enums)} f_{p.name};")
                lines.append(f"  bool f_{p.name}_seen = false;")
                lines.append(f"  std::optional<FieldError> f_{p.name}_error;")
            else:
                lines.append(f"  Scalar f_{p.name};")
        lines.append("  in.begin_object();")
        lines.append("  std::string key;")
        lines.append("  std::uint64_t seen = 0;")
        lines.append("  while (in.next_key(key)) {")
        self.member_dispatch(struct.props, lambda p: f"f_{p.name}", lines, "    ", direct=True)
        lines.append("  }")
        lines += ["  " + l for l in self.checks(struct.props, lambda p: f"f_{p.name}", lambda e: f"return {e};", "&where",
                                                direct=True)]
        lines += ["  return std::nullopt;", "}", ""]
        self.out += lines

    def mark_conditions(self, struct):
        for field, value, required in struct.conditions:
            cond_prop = next(p for p in struct.props if p.name == field)
            if not cond_prop.shape.enum:
                raise SchemaError(f"{struct.name}: if/then on {field}: only an enum field can condition")
            for name in required:
                prop = next(p for p in struct.props if p.name == name)
                prop.required_when = (field, value, cond_prop.shape.enum_name)


# ---------------------------------------------------------------------------------------------
# Writers


def write_value(shape, expr, lines, indent, depth=0):
    if shape.nullable and shape.kind not in ("id", "any"):
        lines.append(f"{indent}if (!{expr}) {{")
        lines.append(f"{indent}  w.null();")
        lines.append(f"{indent}}} else {{")
        inner = Shape(shape.kind, **{k: v for k, v in vars(shape).items() if k not in ("kind", "nullable")})
        write_value(inner, f"(*{expr})", lines, indent + "  ", depth)
        lines.append(f"{indent}}}")
        return
    k = shape.kind
    if shape.const is not None:
        lines.append(f'{indent}w.raw({cpp_string(json.dumps(shape.const))});')
    elif k == "string":
        lines.append(f"{indent}w.string({expr});")
    elif k == "integer":
        lines.append(f"{indent}w.integer({expr});")
    elif k == "boolean":
        lines.append(f"{indent}w.boolean({expr});")
    elif k in ("id", "any"):
        lines.append(f"{indent}w.value({expr});")
    elif k == "struct":
        lines.append(f"{indent}write(w, {expr});")
    elif k == "array":
        v = f"item{depth}"
        lines.append(f"{indent}w.raw(\"[\");")
        lines.append(f"{indent}for (std::size_t i{depth} = 0; i{depth} < {expr}.size(); ++i{depth}) {{")
        lines.append(f"{indent}  if (i{depth}) w.raw(\",\");")
        lines.append(f"{indent}  const auto& {v} = {expr}[i{depth}];")
        write_value(shape.items, v, lines, indent + "  ", depth + 1)
        lines.append(f"{indent}}}")
        lines.append(f"{indent}w.raw(\"]\");")
    elif k == "map":
        lines.append(f"{indent}w.raw(\"{{\");")
        lines.append(f"{indent}{{ bool first{depth} = true;")
        lines.append(f"{indent}for (const auto& [key{depth}, value{depth}] : {expr}) {{")
        lines.append(f"{indent}  w.raw(first{depth} ? \"\" : \",\").string(key{depth}).raw(\":\");")
        lines.append(f"{indent}  first{depth} = false;")
        write_value(shape.items, f"value{depth}", lines, indent + "  ", depth + 1)
        lines.append(f"{indent}}} }}")
        lines.append(f"{indent}w.raw(\"}}\");")
    else:
        raise SchemaError(f"no writer for {k}")


def struct_writer(struct):
    lines = [f"void write(Writer& w, const {struct.name}& value) {{"]
    props = sorted(struct.props, key=lambda p: p.name.encode())  # nlohmann's key order
    # Whether a member was written before this one: "no", "yes", or "maybe" (an optional one).
    written = "no"
    if any(not p.required for p in props):
        lines.append("  [[maybe_unused]] bool any = false;")
    for p in props:
        optional = not p.required and p.shape.kind != "id" and p.shape.default is None and p.shape.const is None
        expr = f"value.{p.name}" if p.shape.const is None else None
        key = json.dumps(p.name)
        indent = "  "
        if optional:
            lines.append(f"  if (value.{p.name}) {{")
            indent = "    "
            expr = f"(*value.{p.name})"
        if written == "yes":
            lines.append(f"{indent}w.raw({cpp_string(',' + key + ':')});")
        elif written == "no":
            lines.append(f"{indent}w.raw({cpp_string('{' + key + ':')});")
        else:
            lines.append(f"{indent}w.raw(any ? {cpp_string(',' + key + ':')} : {cpp_string('{' + key + ':')});")
        if written != "yes" and (optional or any(not q.required for q in props)):
            lines.append(f"{indent}any = true;")
        write_value(p.shape, expr, lines, indent)
        if optional:
            lines.append("  }")
            if written == "no":
                written = "maybe"
        else:
            written = "yes"
    if written == "yes":
        lines.append('  w.raw("}");')
    elif written == "no":
        lines.append('  w.raw("{}");')
    else:
        lines.append('  w.raw(any ? "}" : "{}");')
    lines += ["}", ""]
    return lines


# ---------------------------------------------------------------------------------------------


def generate(schema):
    model = Model(schema)
    requests = union_types(schema, "request")
    replies = union_types(schema, "reply")
    request_structs = {}
    for type_name, def_name in requests:
        shape = model.resolve(schema["$defs"][def_name], camel(def_name))
        request_structs[type_name] = shape.struct
    reply_structs = {}
    for type_name, def_name in replies:
        shape = model.resolve(schema["$defs"][def_name], camel(def_name))
        reply_structs[def_name] = shape.struct
    request_names = {s.name for s in request_structs.values()}
    reply_of = {}
    for type_name, def_name in requests:
        reply = schema["$defs"][def_name].get("x-reply")
        if reply not in reply_structs:
            raise SchemaError(f"$defs/{def_name}: \"x-reply\" must name a reply of $defs/reply ({reply!r})")
        reply_of[type_name] = reply_structs[reply].name

    # Which structs are read (reachable from a request) and which are written.
    def reachable(struct, seen):
        if struct.name in seen:
            return
        seen.add(struct.name)
        for p in struct.props:
            s = p.shape
            while s.kind in ("array", "map"):
                s = s.items
            if s.kind == "struct":
                reachable(s.struct, seen)
    read_set, write_set = set(), set()
    for s in request_structs.values():
        reachable(s, read_set)
    for s in reply_structs.values():
        reachable(s, write_set)
    if read_set & write_set:
        raise SchemaError(f"an object is both read and written: {sorted(read_set & write_set)}")

    # The envelope: the fields every request type has alike (checked before unknown_type).
    first = next(iter(request_structs.values()))
    envelope = [p.name for p in first.props if p.name != "type"
                and all(any(q.name == p.name for q in s.props) for s in request_structs.values())]
    for name in ("id", "ui_lang"):
        if name not in envelope:
            raise SchemaError(f"every request type needs {name}")

    enums = {}
    hpp = []
    # Types, in dependency order (model.order lists an object after the objects inside it).
    struct_lines = []
    for struct in model.order:
        request = struct.name in read_set
        struct_lines.append(f"struct {struct.name} {{")
        for p in struct.props:
            if p.shape.const is not None:
                continue
            struct_lines.append(f"  {field_decl(p, request, enums)}")
        struct_lines += ["};", ""]
    enum_lines = []
    for name, values in enums.items():
        enum_lines.append(f"enum class {name} {{ {', '.join(values)} }};")
        enum_lines.append(f"std::string_view to_string({name} value);")
        enum_lines.append("")

    types = [camel(d) for _, d in requests]
    hpp += [
        "// Generated from docs/protocol.schema.json by native-host/protocol_codegen.py. Do not edit.",
        "// The messages' types, the request reader and the reply writers (docs/protocol.md §4).",
        "#pragma once",
        "",
        "#include <cstdint>",
        "#include <map>",
        "#include <nlohmann/json.hpp>",
        "#include <optional>",
        "#include <string>",
        "#include <string_view>",
        "#include <utility>",
        "#include <variant>",
        "#include <vector>",
        "",
        "#include \"json_writer.hpp\"",
        "",
        "namespace linkedout {",
        "struct HostContext;",
        "}  // namespace linkedout",
        "",
        "namespace linkedout::protocol {",
        "",
    ] + enum_lines + struct_lines + [
        "// One request, as read: the variant's alternative is its type.",
        f"using Request = std::variant<{', '.join(types)}>;",
        "",
        "// The frame body into its typed request, in one pass with no DOM. Throws ProtocolError",
        "// (protocol.hpp) in the order of docs/protocol.md §2, with `id` set when it was readable.",
        "Request read_request(std::string_view body);",
        "// The request's id (null when none): the reply echoes it.",
        "const nlohmann::json& request_id(const Request& request);",
        "// The request's message type, as the schema names it.",
        "std::string_view request_type(const Request& request);",
        "",
        "// Each reply (and object inside one) as JSON text.",
    ]
    for struct in model.order:
        if struct.name in write_set:
            hpp.append(f"void write(json_writer::Writer& w, const {struct.name}& value);")
    hpp += [
        "template <class Value>",
        "std::string to_text(const Value& value) {",
        "  std::string out;",
        "  out.reserve(8192);  // a typical verdict's size: no regrowth while writing it",
        "  json_writer::Writer w(out);",
        "  write(w, value);",
        "  return out;",
        "}",
        "",
        "}  // namespace linkedout::protocol",
        "",
        "// One handler a request type, each in native-host/src/core/handlers/<type>.cpp: it takes the",
        "// typed request (its own, moved in) and returns the typed reply the schema's \"x-reply\" names;",
        "// the dispatcher sets the reply's id.",
        "namespace linkedout::handlers {",
    ]
    for type_name, def_name in requests:
        hpp.append(f"protocol::{reply_of[type_name]} {type_name}(protocol::{camel(def_name)} request, HostContext& context);")
    hpp += [
        "}  // namespace linkedout::handlers",
        "",
        "namespace linkedout::protocol {",
        "",
    ]
    for type_name, def_name in requests:
        hpp.append(f"inline {reply_of[type_name]} serve({camel(def_name)}&& request, HostContext& context) "
                   f"{{ return handlers::{type_name}(std::move(request), context); }}")
    hpp += [
        "",
        "// Calls the handler of the request's type; `answer` gets its typed reply (with the id set).",
        "template <class Answer>",
        "auto handle_request(Request&& request, HostContext& context, Answer&& answer) {",
        "  return std::visit([&](auto& typed) {",
        "    nlohmann::json id = typed.id;",
        "    auto reply = serve(std::move(typed), context);",
        "    reply.id = std::move(id);",
        "    return answer(std::move(reply));",
        "  }, request);",
        "}",
        "",
    ]
    hpp += ["}  // namespace linkedout::protocol", ""]

    # ---- the .cpp
    gen = ReaderGen(enums)
    for struct in request_structs.values():
        for p in struct.props:
            if p.shape.kind in ("struct", "array", "map"):
                gen.container_reader(p.shape)
        gen.mark_conditions(struct)

    # The top-level slots: one per field name of any request type; a name shared by several types
    # must have one shape when it holds an object or array (scalars are checked per type).
    slots = {}
    for struct in request_structs.values():
        for p in struct.props:
            if p.name in slots:
                other = slots[p.name]
                if (p.shape.kind in ("struct", "array", "map") or other.shape.kind in ("struct", "array", "map")) \
                        and cpp_type(p.shape, True, enums) != cpp_type(other.shape, True, enums):
                    raise SchemaError(f"request field {p.name} has different shapes in different types")
            else:
                slots[p.name] = p

    cpp = [
        "// Generated from docs/protocol.schema.json by native-host/protocol_codegen.py. Do not edit.",
        "#include \"protocol_messages.hpp\"",
        "",
        "#include <cstdint>",
        "",
        "#include \"json_reader.hpp\"",
        "#include \"json_util.hpp\"",
        "#include \"protocol.hpp\"",
        "#include \"protocol_reader_support.hpp\"",
        "",
        "namespace linkedout::protocol {",
        "",
        "using json_reader::Kind;",
        "using json_reader::Number;",
        "using json_reader::Reader;",
        "using json_reader::Scalar;",
        "using json_writer::Writer;",
        "",
    ]
    for name, values in enums.items():
        cpp.append(f"std::string_view to_string({name} value) {{")
        cpp.append("  switch (value) {")
        for v in values:
            cpp.append(f"    case {name}::{v}: return {cpp_string(v)};")
        cpp += ["  }", "  return {};", "}", ""]
    cpp += ["namespace {", ""]
    for name, values in enums.items():
        cpp.append(f"std::optional<{name}> parse_{name}(std::string_view text) {{")
        for v in values:
            cpp.append(f"  if (text == {cpp_string(v)}) return {name}::{v};")
        cpp += ["  return std::nullopt;", "}", ""]
    cpp += ["}  // namespace", "", "namespace {", "", "using namespace reader_support;", ""]
    reader_body = gen.out
    cpp += reader_body

    # The top level.
    top = ["struct Slots {"]
    for p in slots.values():
        if p.shape.kind in ("struct", "array", "map"):
            top += [f"  {cpp_type(p.shape, True, enums)} f_{p.name};", f"  bool f_{p.name}_seen = false;",
                    f"  std::optional<FieldError> f_{p.name}_error;"]
        else:
            top.append(f"  Scalar f_{p.name};")
    top += ["};", ""]
    # Flattened in the native host: the reader's per-field calls inlined into this one pass, as the
    # compiler did on its own while a 100 KB generated function shared the unity batch and so its
    # growth budget; without it a warm page_state took 5 % more instructions (callgrind,
    # docs/performance.md §8). In the WebAssembly core it stays a function of its own: inlined into
    # read_request it made that one function the largest compiled at the first message of every
    # service-worker wake, and the browser compiles a function whole, every branch of it.
    top += ["#if defined(__EMSCRIPTEN__)",
            "#define LINKEDOUT_READ_MEMBERS [[gnu::noinline]]",
            "#else",
            "#define LINKEDOUT_READ_MEMBERS [[gnu::flatten]]",
            "#endif",
            "LINKEDOUT_READ_MEMBERS void read_members(Reader& in, Slots& slots) {",
            "  const Where where{};",
            "  in.begin_object();",
            "  std::string key;",
            "  std::uint64_t seen = 0;",
            "  while (in.next_key(key)) {"]
    gen_top = ReaderGen(enums)
    gen_top.done = gen.done
    gen_top.member_dispatch(list(slots.values()), lambda p: f"slots.f_{p.name}", top, "    ")
    top += ["  }", "}", ""]
    if gen_top.out:
        raise SchemaError("internal: a top-level reader was not generated first")
    for type_name, def_name in requests:
        struct = request_structs[type_name]
        # Out of line: read_request inlined all of them into one 24 KB WebAssembly function, which
        # the browser compiles whole at the first message of every service-worker wake; apart, only
        # the types that arrive are compiled (docs/performance.md §8).
        top.append(f"[[gnu::noinline]] {struct.name} finish_{type_name}(Slots& slots, nlohmann::json id, std::optional<std::string> ui_lang) {{")
        top.append(f"  {struct.name} out;")
        top.append("  out.id = std::move(id);")
        top.append("  out.ui_lang = std::move(ui_lang);")
        top.append("  const Where* root = nullptr;")
        top += ["  " + l for l in gen.checks(struct.props, lambda p: f"slots.f_{p.name}", lambda e: f"throw_field({e}, out.id);",
                                              "root", skip=("type", "id", "ui_lang"))]
        top += ["  return out;", "}", ""]
    cpp += top

    id_prop = slots["id"]
    ui_prop = slots["ui_lang"]
    cpp += ["}  // namespace", ""]
    envelope_checks = []
    envelope_checks += gen.check_scalar("slots.f_ui_lang", "ui_lang.emplace()", ui_prop, "Where{nullptr, \"ui_lang\"}",
                                        lambda e: f"throw_field({e}, id);")
    cpp += [
        "Request read_request(std::string_view body) {",
        "  if (body.empty()) throw ProtocolError(ErrorCode::bad_json, \"empty message\");",
        "  if (!json_util::is_valid_utf8(body)) throw ProtocolError(ErrorCode::bad_utf8, \"message is not valid UTF-8\");",
        "  Slots slots;",
        "  Reader in(body);",
        "  const char* not_object = nullptr;",
        "  try {",
        "    const Kind kind = in.peek();",
        "    if (kind == Kind::object) {",
        "      read_members(in, slots);",
        "    } else {",
        "      not_object = kind_name(kind);",
        "      in.skip_value();",
        "    }",
        "    in.finish();",
        "  } catch (const json_reader::JsonSyntaxError& error) {",
        "    throw ProtocolError(ErrorCode::bad_json, std::string(\"invalid JSON: \") + error.what());",
        "  }",
        "  if (not_object) throw ProtocolError(ErrorCode::not_object, std::string(\"message must be a JSON object, not \") + not_object);",
        f"  const bool id_ok = !slots.f_id.present() || readable_id(slots.f_id, {id_prop.shape.max_length});",
        "  nlohmann::json id = id_ok ? id_value(slots.f_id) : nlohmann::json(nullptr);",
        "  if (slots.f_type.type != Scalar::Type::string) {",
        "    ProtocolError error(ErrorCode::missing_type, \"message must have a string \\\"type\\\"\");",
        "    error.id = id;",
        "    throw error;",
        "  }",
        f"  if (!id_ok) throw_field(wrong(Where{{nullptr, \"id\"}}, {cpp_string(what(id_prop.shape))}));",
        "  std::optional<std::string> ui_lang;",
    ] + ["  " + l for l in envelope_checks] + [
        "  const std::string& type = slots.f_type.text;",
    ]
    for type_name, def_name in requests:
        cpp.append(f"  if (type == {cpp_string(type_name)}) return finish_{type_name}(slots, std::move(id), std::move(ui_lang));")
    cpp += [
        "  ProtocolError error(ErrorCode::unknown_type, \"unknown message type \\\"\" + type + \"\\\"\");",
        "  error.id = std::move(id);",
        "  throw error;",
        "}",
        "",
        "const nlohmann::json& request_id(const Request& request) {",
        "  return std::visit([](const auto& typed) -> const nlohmann::json& { return typed.id; }, request);",
        "}",
        "",
        "std::string_view request_type(const Request& request) {",
        f"  static constexpr std::string_view kTypes[] = {{{', '.join(cpp_string(t) for t, _ in requests)}}};",
        "  return kTypes[request.index()];",
        "}",
        "",
    ]
    for struct in model.order:
        if struct.name in write_set:
            cpp += struct_writer(struct)
    cpp += ["}  // namespace linkedout::protocol", ""]
    return "\n".join(hpp), "\n".join(cpp)


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: protocol_codegen.py SCHEMA OUT_DIR")
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    try:
        hpp, cpp = generate(schema)
    except SchemaError as error:
        sys.exit(f"protocol_codegen: docs/protocol.schema.json: {error}")
    os.makedirs(sys.argv[2], exist_ok=True)
    write_if_changed(os.path.join(sys.argv[2], "protocol_messages.hpp"), hpp)
    write_if_changed(os.path.join(sys.argv[2], "protocol_messages.cpp"), cpp)


if __name__ == "__main__":
    main()
