# Turns rules/linkedin.json into a C++ translation unit holding its bytes, so the host needs no
# data file at run time (`--rules FILE` can still load another one).
file(READ "${IN}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${content}")
string(REGEX REPLACE "((0x..,){20})" "\\1\n" body "${body}")
file(WRITE "${OUT}" "// Generated from rules/linkedin.json. Do not edit.\n#include <string_view>\nnamespace linkedout {\nstatic const unsigned char kRules[] = {\n${body}0};\nstd::string_view embedded_rules() { return {reinterpret_cast<const char*>(kRules), sizeof(kRules) - 1}; }\n}  // namespace linkedout\n")
