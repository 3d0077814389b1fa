# Reads native-host/extension_ids.json, the one place the default extension ids live, into:
#   LINKEDOUT_HOST_NAME, LINKEDOUT_CHROME_IDS, LINKEDOUT_FIREFOX_IDS (CMake lists),
#   LINKEDOUT_ALLOWED_ORIGINS_JSON, LINKEDOUT_ALLOWED_EXTENSIONS_JSON (JSON arrays for manifests),
#   LINKEDOUT_CHROME_IDS_CXX, LINKEDOUT_FIREFOX_IDS_CXX (C++ initialisers for extension_ids.cpp.in).
# Included by native-host/CMakeLists.txt and cmake/packaging.cmake; a malformed file fails configure.
set(LINKEDOUT_EXTENSION_IDS_FILE "${PROJECT_SOURCE_DIR}/native-host/extension_ids.json")
if(NOT CMAKE_SCRIPT_MODE_FILE)  # re-configure when the ids change
  set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${LINKEDOUT_EXTENSION_IDS_FILE}")
endif()
file(READ "${LINKEDOUT_EXTENSION_IDS_FILE}" ids_json)
string(JSON LINKEDOUT_HOST_NAME GET "${ids_json}" host_name)

function(linkedout_read_ids family pattern)
  string(JSON count ERROR_VARIABLE error LENGTH "${ids_json}" ${family})
  if(error OR count EQUAL 0)
    message(FATAL_ERROR "${LINKEDOUT_EXTENSION_IDS_FILE}: \"${family}\" must be a non-empty list (${error})")
  endif()
  set(ids "")
  set(cxx "")
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON id GET "${ids_json}" ${family} ${i})
    if(NOT id MATCHES "${pattern}")
      message(FATAL_ERROR "${LINKEDOUT_EXTENSION_IDS_FILE}: \"${id}\" is not a valid ${family} id")
    endif()
    list(APPEND ids "${id}")
    string(APPEND cxx "\"${id}\", ")
  endforeach()
  string(TOUPPER "${family}" upper)
  set(LINKEDOUT_${upper}_IDS "${ids}" PARENT_SCOPE)
  set(LINKEDOUT_${upper}_IDS_CXX "${cxx}" PARENT_SCOPE)
  set(LINKEDOUT_${upper}_IDS_COUNT "${count}" PARENT_SCOPE)
endfunction()
linkedout_read_ids(chrome "^[a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p][a-p]$")
linkedout_read_ids(firefox "^([A-Za-z0-9._+-]+@[A-Za-z0-9.-]+|{[0-9a-fA-F-]+})$")

set(LINKEDOUT_ALLOWED_ORIGINS_JSON "[]")
foreach(id IN LISTS LINKEDOUT_CHROME_IDS)
  string(JSON LINKEDOUT_ALLOWED_ORIGINS_JSON SET "${LINKEDOUT_ALLOWED_ORIGINS_JSON}" 999999 "\"chrome-extension://${id}/\"")
endforeach()
set(LINKEDOUT_ALLOWED_EXTENSIONS_JSON "[]")
foreach(id IN LISTS LINKEDOUT_FIREFOX_IDS)
  string(JSON LINKEDOUT_ALLOWED_EXTENSIONS_JSON SET "${LINKEDOUT_ALLOWED_EXTENSIONS_JSON}" 999999 "\"${id}\"")
endforeach()
