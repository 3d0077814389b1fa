#include "store_format.hpp"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <queue>
#include <unordered_map>

#include "json_reader.hpp"
#include "json_util.hpp"
#include "json_writer.hpp"

namespace linkedout {
using nlohmann::json;

// Named apart from other files' helpers: the unity build compiles several files as one.
namespace store_format_detail {

void cap_history(StoreData& data) { trim_history(data.history, store_caps::kMaxHistory); }

// Roughly what one entry takes in the file (its texts plus the indented member names).
std::size_t entry_bytes(const HistoryEntry& entry) {
  return 110 + entry.at.size() + entry.setting.size() + entry.from.size() + entry.to.size() + entry.url.size();
}

}  // namespace store_format_detail

using namespace store_format_detail;

json new_controls_json(const std::vector<NewControl>& list, bool for_protocol) {
  json out = json::array();
  for (const auto& c : list) {
    json entry = {{"page", c.page}, {"key", c.key ? json(*c.key) : json(nullptr)}, {"label", c.label}};
    if (!for_protocol) {
      entry["first_seen"] = c.first_seen;
      entry["last_seen"] = c.last_seen;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

json check_record_json(const CheckRecord& c, bool for_protocol) {
  json out = {{"started_at", c.started_at}, {"ended_at", c.ended_at},     {"complete", c.complete},
              {"off", c.off},               {"on", c.on},                 {"unreadable", c.unreadable},
              {"unchecked", c.unchecked},   {"new_controls", new_controls_json(c.new_controls, for_protocol)}};
  if (!for_protocol) out["ruleset_version"] = c.ruleset_version;
  return out;
}

void trim_history(std::vector<HistoryEntry>& history, std::size_t keep) {
  if (history.size() <= keep) return;
  // Each setting's entries, oldest first; drop one at a time from the setting with the most left
  // (on a tie, the one whose oldest entry is oldest), so plain capping still drops the oldest.
  std::unordered_map<std::string, std::vector<std::size_t>> positions;
  for (std::size_t i = 0; i < history.size(); ++i) positions[history[i].setting].push_back(i);
  struct Head {
    std::size_t left, oldest;
    const std::vector<std::size_t>* list;
    std::size_t next;
    bool operator<(const Head& other) const {
      return left != other.left ? left < other.left : oldest > other.oldest;
    }
  };
  std::priority_queue<Head> most;
  for (const auto& [setting, list] : positions) most.push({list.size(), list.front(), &list, 0});
  std::vector<bool> dropped(history.size(), false);
  for (std::size_t excess = history.size() - keep; excess > 0; --excess) {
    Head head = most.top();
    most.pop();
    dropped[(*head.list)[head.next]] = true;
    if (--head.left > 0) most.push({head.left, (*head.list)[++head.next], head.list, head.next});
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < history.size(); ++i) {
    if (dropped[i]) continue;
    if (out != i) history[out] = std::move(history[i]);
    ++out;
  }
  history.resize(out);
}

std::string serialize_store_capped(StoreData& data) {
  cap_history(data);
  std::string text = serialize_store(data);
  while (text.size() > store_caps::kMaxFileBytes && !data.history.empty()) {
    std::size_t bytes = 0;
    for (const auto& entry : data.history) bytes += entry_bytes(entry);
    const std::size_t average = std::max<std::size_t>(1, bytes / data.history.size());
    const std::size_t over = (text.size() - store_caps::kMaxFileBytes) / average + 1;
    trim_history(data.history, data.history.size() - std::min(over, data.history.size()));
    text = serialize_store(data);
  }
  return text;
}

void record_sighting(StoreData& data, const std::string& setting, const std::string& state, const std::string& url,
                     const std::string& now_iso) {
  if (state != "on" && state != "off") throw std::invalid_argument("a sighting's state is \"on\" or \"off\", not \"" + state + "\"");
  const auto it = data.settings.find(setting);
  if (it == data.settings.end()) {
    data.settings.emplace(setting, SettingRecord{state, now_iso, now_iso, now_iso});
    append_history(data, {now_iso, setting, "", state, url});
    return;
  }
  SettingRecord& record = it->second;
  const std::string previous = record.state;
  record.last_seen = now_iso;
  if (previous == state) return;
  record.state = state;
  record.last_changed = now_iso;
  append_history(data, {now_iso, setting, previous, state, url});
}

void record_new_control(std::vector<NewControl>& list, const std::string& page, const std::optional<std::string>& key,
                        const std::string& label, const std::string& now_iso, std::size_t cap) {
  for (auto& entry : list) {
    const bool same = entry.page == page && (key ? entry.key == key : (!entry.key && entry.label == label));
    if (!same) continue;
    entry.last_seen = now_iso;
    entry.label = label;  // the page's latest wording
    return;
  }
  list.push_back({page, key, label, now_iso, now_iso});
  if (list.size() > cap) list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(list.size() - cap));
}

void append_history(StoreData& data, HistoryEntry entry) {
  data.history.push_back(std::move(entry));
  cap_history(data);
}

bool record_form_done(StoreData& data, const std::string& form, const std::string& now_iso) {
  if (data.forms_done.count(form)) return false;
  data.forms_done[form] = now_iso.substr(0, 10);  // the date: YYYY-MM-DD
  append_history(data, {now_iso, form, "todo", "done", ""});
  return true;
}

void record_check(StoreData& data, CheckRecord record) {
  data.checks.push_back(std::move(record));
  if (data.checks.size() > store_caps::kMaxChecks)
    data.checks.erase(data.checks.begin(),
                      data.checks.begin() + static_cast<std::ptrdiff_t>(data.checks.size() - store_caps::kMaxChecks));
}


// parse_store: the store's file format (docs/protocol.md §5) read straight into StoreData with the
// pull reader the protocol uses (json_reader.hpp), no JSON DOM in between. It accepts what the
// DOM parse accepted (strict JSON, no duplicate key, nesting at most 64 deep; every known field
// absent, null or of its type) and refuses the rest with a StoreError saying what is wrong. The
// built-in core opens a 200 KB store at every service-worker wake; its DOM and nlohmann's parser
// (code the browser compiles at each wake) were a large share of the first verdict
// (docs/performance.md §8).
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

// Every string the store holds is read here: one call of the reader's inline read_string.
[[gnu::noinline]] void read_text(Reader& in, std::string& out) { in.read_string(out); }

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
  if (present(in, Kind::string, where, name)) read_text(in, out);
  return out;
}

std::optional<std::string> optional_text(Reader& in, const char* where, std::string_view name) {
  if (!present(in, Kind::string, where, name)) return std::nullopt;
  std::string out;
  read_text(in, out);
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
    read_text(in, out.emplace_back());
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
    read_text(in, value);
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
          read_text(in, data.corrupt_files.emplace_back());
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

// What a text editor makes of the file: Notepad saves UTF-8 with a byte-order mark, and its
// "Unicode" is UTF-16 (little-endian) with one. JSON's own text has no mark, and a store never
// starts with the bytes FF FE or FE FF in UTF-8 (they are not UTF-8), so a mark says the encoding
// for certain: the text is read as the store it is, and written back as plain UTF-8.
namespace store_text_detail {

constexpr std::string_view kUtf8Mark = "\xEF\xBB\xBF";

// UTF-16 after its mark, as UTF-8; a StoreError when it is not valid UTF-16 (an odd length, a
// surrogate without its partner).
std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
  if (bytes.size() % 2 != 0) throw StoreError("not valid UTF-16: an odd number of bytes");
  const auto unit_at = [&](std::size_t i) {
    const auto first = static_cast<unsigned char>(bytes[i]), second = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<std::uint32_t>(little_endian ? first | (second << 8) : (first << 8) | second);
  };
  std::string out;
  out.reserve(bytes.size() / 2);
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    std::uint32_t cp = unit_at(i);
    if (cp >= 0xDC00 && cp <= 0xDFFF) throw StoreError("not valid UTF-16: a low surrogate without a high one");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const std::uint32_t low = i + 3 < bytes.size() ? unit_at(i + 2) : 0;
      if (low < 0xDC00 || low > 0xDFFF) throw StoreError("not valid UTF-16: a high surrogate without a low one");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    }
    json_util::append_utf8(out, cp);
  }
  return out;
}

// The store's text as UTF-8 without a mark: a view into `bytes`, or into `converted` when the
// file was UTF-16.
std::string_view utf8_text(std::string_view bytes, std::string& converted) {
  if (bytes.starts_with(kUtf8Mark)) return bytes.substr(kUtf8Mark.size());
  const bool le = bytes.starts_with("\xFF\xFE"), be = bytes.starts_with("\xFE\xFF");
  if (!le && !be) return bytes;
  converted = utf16_to_utf8(bytes.substr(2), le);
  return converted;
}

}  // namespace store_text_detail

StoreData parse_store(std::string_view bytes) {
  using namespace store_reader_detail;
  std::string converted;
  const std::string_view text = store_text_detail::utf8_text(bytes, converted);
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

// serialize_store: the store's file format (docs/protocol.md §5) written straight from StoreData,
// byte for byte what nlohmann's dump(2) of the same document gives (keys sorted, two-space
// indent), without building the document first. The built-in core writes the store after every
// change a page brings; a DOM of 1,000 history entries, its serialiser and their code (compiled
// by the browser at each wake) were most of a first verdict (docs/performance.md §8).
namespace store_writer_detail {

// Objects and arrays as dump(2) lays them out. The caller gives members in sorted key order
// (nlohmann's objects are std::maps); tests/host/test_store_writer.cpp holds the output to
// nlohmann's own layout.
class PrettyWriter {
 public:
  explicit PrettyWriter(std::string& out) : out_(out), w_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // Before each member of an object: the separator, the indent and the quoted key.
  void key(std::string_view name) {
    item();
    w_.string(name);
    out_ += ": ";
  }
  // Before each item of an array.
  void item() {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    newline(first_.size());
  }
  void string(std::string_view text) { w_.string(text); }
  // Text laid out by the caller, as is.
  void raw(std::string_view text) { out_ += text; }
  // How many containers are open.
  std::size_t depth() const { return first_.size(); }
  void integer(std::int64_t value) { w_.integer(value); }
  void boolean(bool value) { w_.boolean(value); }
  void null() { w_.null(); }
  void optional_string(const std::optional<std::string>& text) { text ? string(*text) : null(); }
  // A value kept as JSON text (a field written by a newer host): laid out by nlohmann at this depth.
  void json_text(const std::string& text) {
    const std::string laid_out = nlohmann::json::parse(text).dump(2);
    const std::string indent(2 * (first_.size()), ' ');
    for (char c : laid_out) {
      out_ += c;
      if (c == '\n') out_ += indent;  // a newline is never inside a dumped string (it is escaped)
    }
  }
  void string_list(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& text : list) {
      item();
      string(text);
    }
    end_array();
  }
  void string_map(const std::map<std::string, std::string>& map) {
    begin_object();
    for (const auto& [name, text] : map) {
      key(name);
      string(text);
    }
    end_object();
  }

 private:
  void open(char bracket) {
    out_ += bracket;
    first_.push_back(true);
  }
  void close(char bracket) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline(first_.size());
    out_ += bracket;
  }
  void newline(std::size_t depth) {
    out_ += '\n';
    out_.append(2 * depth, ' ');
  }

  std::string& out_;
  json_writer::Writer w_;
  std::vector<bool> first_;  // per open container: no member written yet
};

void write_new_controls(PrettyWriter& w, const std::vector<NewControl>& list) {
  w.begin_array();
  for (const auto& c : list) {
    w.item();
    w.begin_object();
    w.key("first_seen");
    w.string(c.first_seen);
    w.key("key");
    w.optional_string(c.key);
    w.key("label");
    w.string(c.label);
    w.key("last_seen");
    w.string(c.last_seen);
    w.key("page");
    w.string(c.page);
    w.end_object();
  }
  w.end_array();
}

void write_check(PrettyWriter& w, const CheckRecord& c) {
  w.begin_object();
  w.key("complete");
  w.boolean(c.complete);
  w.key("ended_at");
  w.string(c.ended_at);
  w.key("new_controls");
  write_new_controls(w, c.new_controls);
  w.key("off");
  w.string_list(c.off);
  w.key("on");
  w.string_list(c.on);
  w.key("ruleset_version");
  w.string(c.ruleset_version);
  w.key("started_at");
  w.string(c.started_at);
  w.key("unchecked");
  w.string_list(c.unchecked);
  w.key("unreadable");
  w.string_list(c.unreadable);
  w.end_object();
}

// An entry's five keys are fixed and always written, so the text between its values is the same
// for every entry: composed once, appended per entry (the wake's write lays out 1,000 of them).
// The layout is key()'s and end_object()'s, as tests/host/test_store_writer.cpp holds it.
void write_history(PrettyWriter& w, const std::vector<HistoryEntry>& history) {
  w.begin_array();
  if (!history.empty()) {
    const std::string member = "\n" + std::string(2 * (w.depth() + 1), ' ');
    const std::string open = "{" + member + "\"at\": ";
    const std::string from = "," + member + "\"from\": ";
    const std::string setting = "," + member + "\"setting\": ";
    const std::string to = "," + member + "\"to\": ";
    const std::string url = "," + member + "\"url\": ";
    const std::string close = "\n" + std::string(2 * w.depth(), ' ') + "}";
    for (const auto& entry : history) {
      w.item();
      w.raw(open);
      w.string(entry.at);
      w.raw(from);
      w.string(entry.from);
      w.raw(setting);
      w.string(entry.setting);
      w.raw(to);
      w.string(entry.to);
      w.raw(url);
      w.string(entry.url);
      w.raw(close);
    }
  }
  w.end_array();
}

void write_settings(PrettyWriter& w, const std::map<std::string, SettingRecord>& settings) {
  w.begin_object();
  for (const auto& [id, record] : settings) {
    w.key(id);
    w.begin_object();
    w.key("first_seen");
    w.string(record.first_seen);
    w.key("last_changed");
    w.string(record.last_changed);
    w.key("last_seen");
    w.string(record.last_seen);
    w.key("state");
    w.string(record.state);
    w.end_object();
  }
  w.end_object();
}

}  // namespace store_writer_detail

using namespace store_writer_detail;

std::string serialize_store(const StoreData& data) {
  std::string out;
  out.reserve(256 + 200 * data.history.size());
  PrettyWriter w(out);
  // The known members in sorted order, with the unknown ones (kept for a newer host) merged in
  // where they sort; a known name always wins.
  auto unknown = data.unknown_fields.begin();
  const auto known = [&](std::string_view name) {
    for (; unknown != data.unknown_fields.end() && unknown->first < name; ++unknown) {
      w.key(unknown->first);
      w.json_text(unknown->second);
    }
    if (unknown != data.unknown_fields.end() && unknown->first == name) ++unknown;
    w.key(name);
  };
  w.begin_object();
  known("checks");
  w.begin_array();
  for (const auto& check : data.checks) {
    w.item();
    write_check(w, check);
  }
  w.end_array();
  known("corrupt_files");
  w.string_list(data.corrupt_files);
  known("forms_done");
  w.string_map(data.forms_done);
  known("history");
  write_history(w, data.history);
  known("last_full_check");
  w.optional_string(data.last_full_check);
  known("last_full_check_ruleset");
  w.string(data.last_full_check_ruleset);
  known("new_controls");
  write_new_controls(w, data.new_controls);
  known("recheck");
  if (data.recheck) {
    w.begin_object();
    w.key("new_controls");
    write_new_controls(w, data.recheck->new_controls);
    w.key("pages");
    w.string_map(data.recheck->pages);
    w.key("started_at");
    w.string(data.recheck->started_at);
    w.end_object();
  } else {
    w.null();
  }
  known("region");
  w.optional_string(data.region);
  known("reminder_days");
  if (data.reminder_days) w.integer(*data.reminder_days);
  else w.null();
  known("settings");
  write_settings(w, data.settings);
  known("version");
  w.integer(data.version);
  known("walkthrough_active");
  w.boolean(data.walkthrough_active);
  for (; unknown != data.unknown_fields.end(); ++unknown) {
    w.key(unknown->first);
    w.json_text(unknown->second);
  }
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace linkedout
