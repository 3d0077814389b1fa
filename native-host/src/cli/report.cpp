// `linkedout-host report [--format md|html|json] [--lang xx] [--output FILE]`: the report of
// report.hpp, from the state store, to stdout or to a file (written whole: a temp file renamed
// into place), in the language asked for or else the one of the environment's locale.
#include <cstdlib>
#include <ostream>

#include "platform/platform.hpp"
#include "ruleset_load.hpp"
#include "cli/commands.hpp"
#include "decide_text.hpp"
#include "report.hpp"
#include "ruleset_text.hpp"
#include "ruleset.hpp"
#include "host_mode.hpp"
#include "store.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;

namespace {

// Writes `text` to `file` so a reader never sees half a report, through the host's one atomic
// writer (a planted symlink is never followed). 0600: the report is the user's privacy record.
bool write_file(const fs::path& file, const std::string& text, std::string& why) {
  const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  std::error_code dir_error;
  if (!fs::is_directory(dir, dir_error)) {
    why = "cannot write " + file.string() + ": directory " + dir.string() + " does not exist";
    return false;
  }
  try {
    platform::write_file_atomically(file, text, platform::FileAccess::owner_only);
  } catch (const platform::Error& e) {
    why = e.what();
    return false;
  }
  return true;
}

// A language tag as --lang takes it: "de", "de-CH", "pt_BR" (letters, then subtags).
bool is_language_tag(const std::string& tag) {
  if (tag.empty() || tag.size() > 35) return false;
  std::size_t part = 0, length = 0;
  for (const char c : tag) {
    if (c == '-' || c == '_') {
      if (length == 0) return false;
      ++part;
      length = 0;
      continue;
    }
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (!(letter || (digit && part > 0))) return false;
    if (++length > 8) return false;
  }
  return length > 0 && primary_language(tag).size() >= 2;
}

// The messages locale as POSIX resolves it (LC_ALL, then LC_MESSAGES, then LANG), as a language
// tag: "de_DE.UTF-8" → "de_DE"; "C", "POSIX" or nothing → "en".
std::string environment_language() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const auto value = platform::env(name);
    if (!value) continue;
    std::string locale(*value);
    locale = locale.substr(0, locale.find_first_of(".@"));
    if (locale == "C" || locale == "POSIX" || !is_language_tag(locale)) return "en";
    return locale;
  }
  return "en";
}

}  // namespace

int run_report(const ReportRequest& request, std::ostream& out, std::ostream& err) {
  const auto format = report::parse_format(request.format);
  if (!format) {
    err << "report: --format must be md, html or json, not \"" << request.format << "\"\n";
    return kExitUsage;
  }
  Ruleset rules;
  try {
    rules = load_ruleset(request.rules_file);
  } catch (const std::exception& e) {
    err << "report: cannot load the ruleset: " << e.what() << "\n";
    return kExitFailed;
  }
  StoreData data;
  try {
    data = Store(request.data_dir).load();
  } catch (const std::exception& e) {
    err << "report: cannot read the state store in " << request.data_dir.string() << ": " << e.what() << "\n";
    return kExitFailed;
  }
  if (request.lang && !is_language_tag(*request.lang)) {
    err << "report: --lang must be a language code such as de or fr-CA, not \"" << *request.lang << "\"\n";
    return kExitUsage;
  }
  const std::string lang = request.lang ? *request.lang : environment_language();
  if (request.lang && text_language(lang) != primary_language(lang)) {
    err << "report: no texts in \"" << lang << "\", writing English\n";
  }
  report::BuildOptions options;
  options.lang = lang;
  options.zone = local_zone();
  const std::string text =
      report::render(report::build_report(rules, data, request.now ? *request.now : now_iso8601(), options), *format);
  if (!request.output) {
    out << text;
    out.flush();
    return out ? kExitOk : kExitFailed;
  }
  std::string why;
  if (!write_file(*request.output, text, why)) {
    err << "report: " << why << "\n";
    return kExitFailed;
  }
  err << "report written to " << request.output->string() << "\n";
  return kExitOk;
}

}  // namespace linkedout::cli
