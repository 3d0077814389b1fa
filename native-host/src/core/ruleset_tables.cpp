#include "ruleset_tables.hpp"

#include <string>
#include <utility>
#include <vector>

namespace linkedout {

namespace {

// Reads the two tables front to back, in the layout ruleset_tables.hpp gives.
class TableCursor {
 public:
  TableCursor(std::span<const std::string_view> strings, std::span<const std::uint32_t> counts)
      : strings_(strings), counts_(counts) {}

  std::string text() {
    if (s_ >= strings_.size()) fail();
    return std::string(strings_[s_++]);
  }
  std::size_t count() {
    if (n_ >= counts_.size()) fail();
    return counts_[n_++];
  }
  Texts texts() {
    Texts out;
    for (std::size_t i = count(); i > 0; --i) {
      std::string lang = text();
      out.emplace_hint(out.end(), std::move(lang), text());
    }
    return out;
  }
  std::vector<std::string> list() {
    std::vector<std::string> out(count());
    for (auto& item : out) item = text();
    return out;
  }
  std::vector<std::size_t> indexes() {
    std::vector<std::size_t> out(count());
    for (auto& item : out) item = count();
    return out;
  }
  bool at_end() const { return s_ == strings_.size() && n_ == counts_.size(); }
  [[noreturn]] static void fail() { throw RulesetError("the built-in ruleset's tables are out of step with their reader"); }

 private:
  std::span<const std::string_view> strings_;
  std::span<const std::uint32_t> counts_;
  std::size_t s_ = 0, n_ = 0;
};

}  // namespace

Ruleset ruleset_from_tables(std::span<const std::string_view> strings, std::span<const std::uint32_t> counts) {
  TableCursor in(strings, counts);
  Ruleset rules;
  rules.name = in.text();
  rules.version = in.text();
  for (std::size_t i = in.count(); i > 0; --i) {
    std::string code = in.text();
    rules.regions.emplace_hint(rules.regions.end(), std::move(code), in.texts());
  }
  rules.settings.resize(in.count());
  for (auto& setting : rules.settings) {
    setting.id = in.text();
    setting.path = in.text();
    setting.keys = in.list();
    for (std::size_t i = in.count(); i > 0; --i) {
      std::string lang = in.text();
      setting.labels.emplace_hint(setting.labels.end(), std::move(lang), in.list());
    }
    setting.desired = in.text();
    setting.severity = in.text();
    setting.regions = in.list();
    setting.reasons = in.texts();
  }
  rules.forms.resize(in.count());
  for (auto& form : rules.forms) {
    form.id = in.text();
    form.url = in.text();
    form.titles = in.texts();
    form.severity = in.text();
    form.guidance = in.texts();
    form.regions = in.list();
  }
  rules.left_alone.resize(in.count());
  for (auto& other : rules.left_alone) {
    other.key = in.text();
    other.path = in.text();
    other.why = in.text();
  }
  // The index as build_index() left it, so start-up skips normalise_label over every label.
  const std::size_t keys = in.count();
  rules.settings_by_key.reserve(keys);
  for (std::size_t i = keys; i > 0; --i) {
    std::string key = in.text();
    rules.settings_by_key.emplace(std::move(key), in.indexes());
  }
  for (std::size_t i = in.count(); i > 0; --i) {
    std::string lang = in.text();
    std::string label = in.text();
    rules.settings_by_label.emplace_hint(rules.settings_by_label.end(), std::pair{std::move(lang), std::move(label)}, in.indexes());
  }
  if (!in.at_end()) TableCursor::fail();
  return rules;
}

}  // namespace linkedout
