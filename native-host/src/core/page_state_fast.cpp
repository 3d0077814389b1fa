#include "page_state_fast.hpp"

#include <charconv>
#include <cstdint>

#include "handlers/page_state.hpp"
#include "json_util.hpp"
#include "protocol.hpp"

namespace linkedout::protocol {

namespace {

// A cursor over the body. Every method returns false on anything it does not expect; the caller
// then gives up and the strict path takes over.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool at_end() {
    skip_space();
    return p_ == end_;
  }
  bool take(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool peek(char c) {
    skip_space();
    return p_ != end_ && *p_ == c;
  }
  bool literal(std::string_view word) {
    skip_space();
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  // A JSON string, unescaped into `out`. Control characters are invalid JSON and \u escapes are
  // left to the strict path (surrogates); UTF-8 was checked for the whole body beforehand.
  bool string(std::string& out) {
    skip_space();
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    out.clear();
    const char* run = p_;
    for (;;) {
      p_ += json_util::plain_prefix(std::string_view(p_, static_cast<std::size_t>(end_ - p_)));
      if (p_ == end_) return false;
      out.append(run, p_);
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      if (*p_ != '\\' || end_ - p_ < 2) return false;
      switch (p_[1]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        default: return false;
      }
      p_ += 2;
      run = p_;
    }
  }

  // An integer as nlohmann reads it: non-negative → unsigned, negative → signed. Fractions,
  // exponents, leading zeros and anything beyond 64 bits go to the strict path.
  bool integer(nlohmann::json& out) {
    skip_space();
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    const char* digits = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ == digits || (*digits == '0' && p_ - digits > 1)) return false;
    if (*start == '-' && *digits == '0') return false;  // "-0": left to the strict path
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    if (*start == '-') {
      std::int64_t value = 0;
      const auto [end, error] = std::from_chars(start, p_, value);
      if (error != std::errc{} || end != p_) return false;
      out = value;
    } else {
      std::uint64_t value = 0;
      const auto [end, error] = std::from_chars(start, p_, value);
      if (error != std::errc{} || end != p_) return false;
      out = value;
    }
    return true;
  }

 private:
  const char* p_;
  const char* end_;
};

bool within(const std::string& text, std::size_t max_chars) { return json_util::code_points(text) <= max_chars; }

// {"key": string|null, "label": string, "checked": true|false|null}, each exactly once, and
// optionally "disabled": true|false.
bool read_control(Scanner& in, std::string& scratch, Control& control) {
  if (!in.take('{')) return false;
  enum : unsigned { kKey = 1, kLabel = 2, kChecked = 4, kDisabled = 8 };
  unsigned seen = 0;
  do {
    if (!in.string(scratch) || !in.take(':')) return false;
    if (scratch == "key" && !(seen & kKey)) {
      seen |= kKey;
      if (!in.literal("null")) {
        control.key.emplace();
        if (!in.string(*control.key) || !within(*control.key, kMaxKey)) return false;
      }
    } else if (scratch == "label" && !(seen & kLabel)) {
      seen |= kLabel;
      if (!in.string(control.label) || !within(control.label, kMaxLabel)) return false;
    } else if (scratch == "checked" && !(seen & kChecked)) {
      seen |= kChecked;
      if (in.literal("true")) {
        control.checked = true;
      } else if (in.literal("false")) {
        control.checked = false;
      } else if (!in.literal("null")) {
        return false;
      }
    } else if (scratch == "disabled" && !(seen & kDisabled)) {
      seen |= kDisabled;
      if (in.literal("true")) {
        control.disabled = true;
      } else if (!in.literal("false")) {
        return false;
      }
    } else {
      return false;  // another field, or one given twice
    }
  } while (in.take(','));
  return in.take('}') && (seen | kDisabled) == (kKey | kLabel | kChecked | kDisabled);
}

bool read_controls(Scanner& in, std::string& scratch, std::vector<Control>& controls) {
  if (!in.take('[')) return false;
  if (in.take(']')) return true;
  do {
    if (controls.size() == kMaxControls) return false;
    if (!read_control(in, scratch, controls.emplace_back())) return false;
  } while (in.take(','));
  return in.take(']');
}

bool read_id(Scanner& in, std::string& scratch, nlohmann::json& id) {
  if (in.literal("null")) {
    id = nullptr;
    return true;
  }
  if (in.peek('"')) {
    if (!in.string(scratch) || !within(scratch, kMaxIdLength)) return false;
    id = scratch;
    return true;
  }
  return in.integer(id);
}

}  // namespace

std::optional<FastPageState> parse_page_state_fast(std::string_view body) {
  // The strict path's first checks, in its terms: UTF-8, and no raw NUL (which nlohmann would
  // take for the end of input).
  if (body.empty() || !json_util::is_valid_utf8(body) || body.find('\0') != std::string_view::npos) return std::nullopt;
  Scanner in(body);
  FastPageState result;
  std::string scratch;
  enum : unsigned { kType = 1, kId = 2, kUrl = 4, kLang = 8, kControls = 16, kUiLang = 32 };
  unsigned seen = 0;
  if (!in.take('{')) return std::nullopt;
  do {
    if (!in.string(scratch) || !in.take(':')) return std::nullopt;
    bool ok = false;
    if (scratch == "type" && !(seen & kType)) {
      seen |= kType;
      ok = in.string(scratch) && scratch == "page_state";
    } else if (scratch == "id" && !(seen & kId)) {
      seen |= kId;
      ok = read_id(in, scratch, result.id);
    } else if (scratch == "url" && !(seen & kUrl)) {
      seen |= kUrl;
      ok = in.string(result.page.url);
    } else if (scratch == "lang" && !(seen & kLang)) {
      seen |= kLang;
      ok = in.string(result.page.lang);
    } else if (scratch == "controls" && !(seen & kControls)) {
      seen |= kControls;
      ok = read_controls(in, scratch, result.page.controls);
    } else if (scratch == "ui_lang" && !(seen & kUiLang)) {
      seen |= kUiLang;
      ok = in.string(result.ui_lang.emplace()) && within(*result.ui_lang, kMaxLang) && is_language_tag(*result.ui_lang);
    }
    if (!ok) return std::nullopt;
  } while (in.take(','));
  if (!in.take('}') || !in.at_end()) return std::nullopt;
  if ((seen | kId | kUiLang) != (kType | kId | kUrl | kLang | kControls | kUiLang)) return std::nullopt;

  PageState& page = result.page;
  if (!within(page.url, kMaxUrl) || !within(page.lang, kMaxLang) || !is_language_tag(page.lang)) return std::nullopt;
  if (page.url.rfind(kSettingsUrlPrefix, 0) != 0) return std::nullopt;
  page.path = page_path(page.url);
  return result;
}

}  // namespace linkedout::protocol
