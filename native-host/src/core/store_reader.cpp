// parse_store: the store's file format (docs/protocol.md §5) read straight into StoreData with the
// pull reader the protocol uses (json_reader.hpp), no JSON DOM in between. It accepts what the
// DOM parse accepted (strict JSON, no duplicate key, nesting at most 64 deep; every known field
// absent, null or of its type) and refuses the rest with a StoreError saying what is wrong. The
// built-in core opens a 200 KB store at every service-worker wake; its DOM and nlohmann's parser
// (code the browser compiles at each wake) were a large share of the first verdict
// (docs/performance.md §8).
#include <cstdint>

#include "json_reader.hpp"
#include "json_util.hpp"
#include "store_format.hpp"

namespace linkedout {

namespace store_reader_detail {

using json_reader::Kind;
using json_reader::Reader;

[[noreturn]] void wrong_type(const char* where, std::string_view name) {
  throw StoreError(std::string(where) + "." + std::string(name) + " has the wrong type");
}

// One object's members: a known name may come once (its bit), any other is checked for
// duplicates by the reader and skipped.
class Members {
 public:
  explicit Members(Reader& in) : in_(in) { in_.begin_object(); }
  bool next() { return in_.next_key(key_); }
  const std::string& key() const { return key_; }
  bool is(std::string_view name, int bit) {
    if (key_ != name) return false;
    if (seen_ & (std::uint64_t{1} << bit)) in_.duplicate_key();
    seen_ |= std::uint64_t{1} << bit;
    return true;
  }
  void skip() {
    in_.unknown_key(key_);
    in_.skip_value();
  }

 private:
  Reader& in_;
  std::string key_;
  std::uint64_t seen_ = 0;
};

// Whether a value of `kind` follows (false for null, which reads as absent); anything else is the
// wrong type.
bool present(Reader& in, Kind kind, const char* where, std::string_view name) {
  const Kind next = in.peek();
  if (next == Kind::null) {
    in.read_null();
    return false;
  }
  if (next != kind) wrong_type(where, name);
  return true;
}

std::string text(Reader& in, const char* where, std::string_view name) {
  std::string out;
  if (present(in, Kind::string, where, name)) in.read_string(out);
  return out;
}

std::optional<std::string> optional_text(Reader& in, const char* where, std::string_view name) {
  if (!present(in, Kind::string, where, name)) return std::nullopt;
  std::string out;
  in.read_string(out);
  return out;
}

bool flag(Reader& in, const char* where, std::string_view name) {
  return present(in, Kind::boolean, where, name) && in.read_boolean();
}

// An integer (as the DOM parse took it: any JSON integer, no fraction or exponent).
std::optional<std::int64_t> integer(Reader& in, const char* where, std::string_view name) {
  if (!present(in, Kind::number, where, name)) return std::nullopt;
  const auto number = in.read_number();
  using Type = json_reader::Number::Type;
  if (number.type == Type::signed_integer) return number.signed_value;
  if (number.type == Type::unsigned_integer) return static_cast<std::int64_t>(number.unsigned_value);
  wrong_type(where, name);
}

std::vector<std::string> string_list(Reader& in, const char* where, std::string_view name) {
  std::vector<std::string> out;
  if (!present(in, Kind::array, where, name)) return out;
  in.begin_array();
  while (in.next_item()) {
    if (in.peek() != Kind::string) throw StoreError(std::string(where) + "." + std::string(name) + " holds a non-string");
    in.read_string(out.emplace_back());
  }
  return out;
}

NewControl new_control(Reader& in, const char* where) {
  if (in.peek() != Kind::object) throw StoreError(std::string(where) + " entry is not an object");
  NewControl c;
  Members m(in);
  while (m.next()) {
    if (m.is("page", 0)) c.page = text(in, where, "page");
    else if (m.is("key", 1)) c.key = optional_text(in, where, "key");
    else if (m.is("label", 2)) c.label = text(in, where, "label");
    else if (m.is("first_seen", 3)) c.first_seen = text(in, where, "first_seen");
    else if (m.is("last_seen", 4)) c.last_seen = text(in, where, "last_seen");
    else m.skip();
  }
  return c;
}

std::vector<NewControl> new_controls(Reader& in, const char* where, std::string_view name, const char* entry_where) {
  std::vector<NewControl> out;
  if (!present(in, Kind::array, where, name)) return out;
  in.begin_array();
  while (in.next_item()) out.push_back(new_control(in, entry_where));
  return out;
}

CheckRecord check(Reader& in) {
  if (in.peek() != Kind::object) throw StoreError("a checks entry is not an object");
  constexpr const char* where = "checks entry";
  CheckRecord c;
  Members m(in);
  while (m.next()) {
    if (m.is("started_at", 0)) c.started_at = text(in, where, "started_at");
    else if (m.is("ended_at", 1)) c.ended_at = text(in, where, "ended_at");
    else if (m.is("ruleset_version", 2)) c.ruleset_version = text(in, where, "ruleset_version");
    else if (m.is("complete", 3)) c.complete = flag(in, where, "complete");
    else if (m.is("off", 4)) c.off = string_list(in, where, "off");
    else if (m.is("on", 5)) c.on = string_list(in, where, "on");
    else if (m.is("unreadable", 6)) c.unreadable = string_list(in, where, "unreadable");
    else if (m.is("unchecked", 7)) c.unchecked = string_list(in, where, "unchecked");
    else if (m.is("new_controls", 8)) c.new_controls = new_controls(in, where, "new_controls", where);
    else m.skip();
  }
  return c;
}

void settings(Reader& in, StoreData& data) {
  if (!present(in, Kind::object, "state", "settings")) return;
  Members ids(in);
  while (ids.next()) {
    in.unknown_key(ids.key());  // each id once
    const std::string id = ids.key();
    if (in.peek() != Kind::object) throw StoreError("settings." + id + " is not an object");
    constexpr const char* where = "settings entry";
    SettingRecord r;
    Members m(in);
    while (m.next()) {
      if (m.is("state", 0)) r.state = text(in, where, "state");
      else if (m.is("first_seen", 1)) r.first_seen = text(in, where, "first_seen");
      else if (m.is("last_seen", 2)) r.last_seen = text(in, where, "last_seen");
      else if (m.is("last_changed", 3)) r.last_changed = text(in, where, "last_changed");
      else m.skip();
    }
    if (r.state != "on" && r.state != "off") throw StoreError("settings." + id + ".state is neither \"on\" nor \"off\"");
    data.settings.emplace(id, std::move(r));
  }
}

void history(Reader& in, StoreData& data) {
  if (!present(in, Kind::array, "state", "history")) return;
  constexpr const char* where = "history entry";
  in.begin_array();
  while (in.next_item()) {
    if (in.peek() != Kind::object) throw StoreError("a history entry is not an object");
    HistoryEntry& entry = data.history.emplace_back();
    Members m(in);
    while (m.next()) {
      if (m.is("at", 0)) entry.at = text(in, where, "at");
      else if (m.is("setting", 1)) entry.setting = text(in, where, "setting");
      else if (m.is("from", 2)) entry.from = text(in, where, "from");
      else if (m.is("to", 3)) entry.to = text(in, where, "to");
      else if (m.is("url", 4)) entry.url = text(in, where, "url");
      else m.skip();
    }
  }
}

// A map of strings (forms_done, recheck.pages): `what` names an entry in the error.
void string_map(Reader& in, std::map<std::string, std::string>& out, const char* where, std::string_view name,
                const std::string& what) {
  if (!present(in, Kind::object, where, name)) return;
  Members entries(in);
  while (entries.next()) {
    in.unknown_key(entries.key());  // each name once
    if (in.peek() != Kind::string) throw StoreError(what + entries.key() + " is not a string");
    std::string value;
    in.read_string(value);
    out.emplace(entries.key(), std::move(value));
  }
}

void recheck(Reader& in, StoreData& data) {
  if (!present(in, Kind::object, "state", "recheck")) return;
  RecheckRun run;
  Members m(in);
  while (m.next()) {
    if (m.is("started_at", 0)) run.started_at = text(in, "recheck", "started_at");
    else if (m.is("pages", 1)) string_map(in, run.pages, "recheck", "pages", "recheck.pages.");
    else if (m.is("new_controls", 2)) run.new_controls = new_controls(in, "recheck", "new_controls", "recheck");
    else m.skip();
  }
  data.recheck = std::move(run);
}

void members(Reader& in, StoreData& data) {
  constexpr const char* where = "state";
  Members m(in);
  while (m.next()) {
    if (m.is("version", 0)) {
      if (const auto version = integer(in, where, "version")) data.version = static_cast<int>(*version);
    } else if (m.is("settings", 1)) {
      settings(in, data);
    } else if (m.is("history", 2)) {
      history(in, data);
    } else if (m.is("region", 3)) {
      data.region = optional_text(in, where, "region");
    } else if (m.is("forms_done", 4)) {
      string_map(in, data.forms_done, where, "forms_done", "forms_done.");
    } else if (m.is("walkthrough_active", 5)) {
      data.walkthrough_active = flag(in, where, "walkthrough_active");
    } else if (m.is("corrupt_files", 6)) {
      if (present(in, Kind::array, where, "corrupt_files")) {
        in.begin_array();
        while (in.next_item()) {
          if (in.peek() != Kind::string) throw StoreError("corrupt_files holds a non-string");
          in.read_string(data.corrupt_files.emplace_back());
        }
      }
    } else if (m.is("reminder_days", 7)) {
      if (const auto days = integer(in, where, "reminder_days")) {
        if (*days < kMinReminderDays || *days > kMaxReminderDays) throw StoreError("reminder_days is out of range");
        data.reminder_days = static_cast<int>(*days);
      }
    } else if (m.is("last_full_check", 8)) {
      data.last_full_check = optional_text(in, where, "last_full_check");
    } else if (m.is("last_full_check_ruleset", 9)) {
      data.last_full_check_ruleset = text(in, where, "last_full_check_ruleset");
    } else if (m.is("new_controls", 10)) {
      data.new_controls = new_controls(in, where, "new_controls", "new_controls");
    } else if (m.is("checks", 11)) {
      if (present(in, Kind::array, where, "checks")) {
        in.begin_array();
        while (in.next_item()) data.checks.push_back(check(in));
      }
    } else if (m.is("recheck", 12)) {
      recheck(in, data);
    } else {
      // A field this version does not know (written by a newer host): kept as written.
      in.unknown_key(m.key());
      data.unknown_fields.emplace(m.key(), std::string(in.raw_value()));
    }
  }
}

}  // namespace store_reader_detail

StoreData parse_store(std::string_view text) {
  using namespace store_reader_detail;
  if (!json_util::is_valid_utf8(text)) throw StoreError("not valid JSON: the text is not valid UTF-8");
  StoreData data;
  try {
    Reader in(text);
    if (in.peek() != Kind::object) {
      in.skip_value();
      in.finish();
      throw StoreError("the top level is not an object");
    }
    members(in, data);
    in.finish();
  } catch (const json_reader::JsonSyntaxError& error) {
    throw StoreError(std::string("not valid JSON: ") + error.what());
  }
  trim_history(data.history, store_caps::kMaxHistory);
  return data;
}

}  // namespace linkedout
