// Windows: each browser's NativeMessagingHosts key, per user (HKCU) or for every user (HKLM), with
// the manifest's path as its default value. Paths travel as UTF-16 (the …W functions), so a
// profile folder named Zoë or 数据 is written and read back exactly.
#include "platform/registry.hpp"

#include <windows.h>

#include <stdexcept>
#include <string>
#include <system_error>

#include "extension_ids.hpp"

namespace linkedout::platform {
namespace fs = std::filesystem;

namespace {

HKEY root_of(paths::Scope scope) { return scope == paths::Scope::user ? HKEY_CURRENT_USER : HKEY_LOCAL_MACHINE; }

std::wstring widen(std::string_view text) { return fs::path(std::u8string(text.begin(), text.end())).wstring(); }

std::wstring subkey(paths::Browser browser) {
  return widen(paths::spec(browser).windows_registry_key) + L"\\" + widen(kHostName);
}

std::string describe(paths::Browser browser, paths::Scope scope) {
  return std::string(scope == paths::Scope::user ? "HKEY_CURRENT_USER\\" : "HKEY_LOCAL_MACHINE\\") +
         std::string(paths::spec(browser).windows_registry_key) + "\\" + std::string(kHostName);
}

[[noreturn]] void fail(const std::string& what, paths::Browser browser, paths::Scope scope, LSTATUS status) {
  throw std::runtime_error("cannot " + what + " " + describe(browser, scope) + ": " +
                           std::system_category().message(static_cast<int>(status)) +
                           (status == ERROR_ACCESS_DENIED && scope == paths::Scope::system
                                ? " (--system needs an administrator)" : ""));
}

}  // namespace

std::optional<std::string> registry_key(paths::Browser browser, paths::Scope scope) { return describe(browser, scope); }

// The registry's names for a value's type, as `reg query` prints them.
std::string type_name(DWORD type) {
  switch (type) {
    case REG_SZ: return "REG_SZ";
    case REG_EXPAND_SZ: return "REG_EXPAND_SZ";
    case REG_MULTI_SZ: return "REG_MULTI_SZ";
    case REG_DWORD: return "REG_DWORD";
    case REG_QWORD: return "REG_QWORD";
    case REG_BINARY: return "REG_BINARY";
    case REG_NONE: return "REG_NONE";
    default: return "a value of type " + std::to_string(type);
  }
}

std::optional<Registration> registered_manifest(paths::Browser browser, paths::Scope scope) {
  HKEY key = nullptr;
  LSTATUS status = RegOpenKeyExW(root_of(scope), subkey(browser).c_str(), 0, KEY_QUERY_VALUE, &key);
  if (status == ERROR_FILE_NOT_FOUND || status == ERROR_PATH_NOT_FOUND) return std::nullopt;
  if (status != ERROR_SUCCESS) fail("open", browser, scope, status);
  DWORD type = 0;
  DWORD bytes = 0;
  status = RegQueryValueExW(key, nullptr, nullptr, &type, nullptr, &bytes);
  std::wstring value;
  if (status == ERROR_SUCCESS && (type == REG_SZ || type == REG_EXPAND_SZ)) {
    value.resize(bytes / sizeof(wchar_t) + 1);
    status = RegQueryValueExW(key, nullptr, nullptr, &type, reinterpret_cast<BYTE*>(value.data()), &bytes);
    value.resize(status == ERROR_SUCCESS ? wcsnlen(value.data(), bytes / sizeof(wchar_t)) : 0);
  }
  RegCloseKey(key);
  if (status == ERROR_FILE_NOT_FOUND) return Registration{"no default value", {}};
  if (status != ERROR_SUCCESS) fail("read", browser, scope, status);
  if (type != REG_SZ && type != REG_EXPAND_SZ) return Registration{type_name(type), {}};
  return Registration{type_name(type), fs::path(value)};
}

void register_manifest(paths::Browser browser, paths::Scope scope, const fs::path& manifest) {
  HKEY key = nullptr;
  LSTATUS status = RegCreateKeyExW(root_of(scope), subkey(browser).c_str(), 0, nullptr, REG_OPTION_NON_VOLATILE,
                                   KEY_SET_VALUE, nullptr, &key, nullptr);
  if (status != ERROR_SUCCESS) fail("create", browser, scope, status);
  const std::wstring value = manifest.wstring();
  status = RegSetValueExW(key, nullptr, 0, REG_SZ, reinterpret_cast<const BYTE*>(value.c_str()),
                          static_cast<DWORD>((value.size() + 1) * sizeof(wchar_t)));
  RegCloseKey(key);
  if (status != ERROR_SUCCESS) fail("write", browser, scope, status);
}

Unregistered unregister_manifest(paths::Browser browser, paths::Scope scope, const fs::path& manifest) {
  const auto current = registered_manifest(browser, scope);
  if (!current) return Unregistered::absent;
  if (!current->holds_path()) return Unregistered::not_a_path;
  // Compared as Windows compares paths: case and separators do not matter.
  if (CompareStringOrdinal(current->manifest.lexically_normal().c_str(), -1, manifest.lexically_normal().c_str(), -1,
                           TRUE) != CSTR_EQUAL)
    return Unregistered::not_ours;
  const LSTATUS status = RegDeleteKeyExW(root_of(scope), subkey(browser).c_str(), KEY_WOW64_64KEY, 0);
  if (status != ERROR_SUCCESS && status != ERROR_FILE_NOT_FOUND) fail("delete", browser, scope, status);
  return Unregistered::removed;
}

}  // namespace linkedout::platform
