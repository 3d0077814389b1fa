# The core (native-host/src/core/) touches no file, socket, clock, environment or OS API: the
# WebAssembly build runs it inside the extension, and the native host passes those in. This check
# fails when a core source includes an OS or I/O header or calls the environment or the clock.
#   cmake -DCORE=native-host/src/core -P core_purity_check.cmake
file(GLOB_RECURSE sources "${CORE}/*.cpp" "${CORE}/*.hpp")
set(forbidden
  "#include <(filesystem|fstream|iostream|unistd\\.h|fcntl\\.h|pwd\\.h|sys/[a-z_]+\\.h|windows\\.h|boost/[^>]*|spdlog/[^>]*|chrono|thread|mutex|csignal)>"
  "#include \"(platform/[^\"]*|store\\.hpp|paths\\.hpp|logging\\.hpp|channel\\.hpp)\""
  "getenv|std::time\\(|[^_]time\\(nullptr\\)|tzset|localtime|gmtime|timegm|::open\\(|fopen|std::ifstream|std::ofstream")
set(problems "")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" lines)
  foreach(line IN LISTS lines)
    string(REGEX MATCH "^[ \t]*//" comment "${line}")
    if(comment)
      continue()
    endif()
    foreach(pattern IN LISTS forbidden)
      if(line MATCHES "${pattern}")
        string(APPEND problems "\n  ${source}: ${line}")
      endif()
    endforeach()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "the core must not touch the OS (pass it in through HostContext/StateStore):${problems}")
endif()
message(STATUS "core is pure: ${CORE}")
