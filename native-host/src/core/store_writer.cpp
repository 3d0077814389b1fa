// serialize_store: the store's file format (docs/protocol.md §5) written straight from StoreData,
// byte for byte what nlohmann's dump(2) of the same document gives (keys sorted, two-space
// indent), without building the document first. The built-in core writes the store after every
// change a page brings; a DOM of 1,000 history entries, its serialiser and their code (compiled
// by the browser at each wake) were most of a first verdict (docs/performance.md §8).
#include <nlohmann/json.hpp>

#include "json_writer.hpp"
#include "store_format.hpp"

namespace linkedout {

namespace {

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

void write_history(PrettyWriter& w, const std::vector<HistoryEntry>& history) {
  w.begin_array();
  for (const auto& entry : history) {
    w.item();
    w.begin_object();
    w.key("at");
    w.string(entry.at);
    w.key("from");
    w.string(entry.from);
    w.key("setting");
    w.string(entry.setting);
    w.key("to");
    w.string(entry.to);
    w.key("url");
    w.string(entry.url);
    w.end_object();
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

}  // namespace

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
