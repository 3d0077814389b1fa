# The native Linux trees link with lld when it is installed (scripts/setup installs it): GNU ld
# spends most of a sanitized or fuzz target's link reading debug info and instrumented objects,
# lld does the same link in a fraction of the CPU. Same binaries otherwise: the release host keeps
# what GNU ld gives it (PIE, RELRO, a non-executable stack; docs/performance.md, round 5).
# LINKEDOUT_LLD=OFF links with the compiler's default linker. The Windows tree picks its linker in
# cmake/toolchain-mingw-w64.cmake.
option(LINKEDOUT_LLD "Link with lld when ld.lld is found (native Linux trees)" ON)
if(LINKEDOUT_LLD AND NOT WIN32 AND NOT EMSCRIPTEN)
  find_program(LINKEDOUT_LD_LLD NAMES ld.lld)
  if(LINKEDOUT_LD_LLD)
    add_link_options(-fuse-ld=lld)
  endif()
endif()
