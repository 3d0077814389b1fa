# Debian package (CPack DEB): the host, its system-wide manifests for every supported browser, the
# man page, and nothing else. Built by scripts/package; checked by tests/package/.
#
# Where each browser reads system-wide host manifests on Linux (see docs/install.md):
#   Chrome    /etc/opt/chrome/native-messaging-hosts    (Chrome's own docs)
#   Chromium  /etc/chromium/native-messaging-hosts      (Chrome's docs; Debian's chromium)
#   Brave     /etc/chromium/native-messaging-hosts      (Brave builds unbranded Chromium and does
#                                                        not override DIR_NATIVE_MESSAGING)
#   Edge      /etc/opt/edge/native-messaging-hosts      (Microsoft's docs)
#   Vivaldi   /etc/opt/vivaldi/native-messaging-hosts   (not documented by Vivaldi: assumption,
#                                                        plus the Chromium directory above)
#   Firefox   /usr/lib/mozilla/native-messaging-hosts   (MDN, Debian/Ubuntu layout)

option(LINKEDOUT_INSTALL_SYSTEM_MANIFESTS
  "Install the system-wide browser host manifests (under /etc and /usr/lib/mozilla)" ON)
option(LINKEDOUT_PACKAGING_STRICT
  "Fail the configure when the manifest templates cannot be used (scripts/package sets it)" OFF)

# LINKEDOUT_HOST_NAME and the default extension ids, from native-host/extension_ids.json.
include("${CMAKE_SOURCE_DIR}/cmake/extension_ids.cmake")
# The path the manifests name: where `install(TARGETS linkedout-host ...)` puts the binary once the
# package is installed. CPack DEB installs under CPACK_PACKAGING_INSTALL_PREFIX (set below to
# CMAKE_INSTALL_PREFIX), so the two cannot disagree.
set(LINKEDOUT_INSTALLED_HOST_PATH "${CMAKE_INSTALL_PREFIX}/bin/linkedout-host")
if(NOT IS_ABSOLUTE "${LINKEDOUT_INSTALLED_HOST_PATH}")
  message(FATAL_ERROR "packaging: CMAKE_INSTALL_PREFIX must be absolute (is '${CMAKE_INSTALL_PREFIX}')")
endif()

set(LINKEDOUT_CHROMIUM_SYSTEM_DIRS
  /etc/opt/chrome/native-messaging-hosts
  /etc/chromium/native-messaging-hosts
  /etc/opt/edge/native-messaging-hosts
  /etc/opt/vivaldi/native-messaging-hosts)
set(LINKEDOUT_FIREFOX_SYSTEM_DIRS
  /usr/lib/mozilla/native-messaging-hosts)

# --- host manifests, generated from the templates in manifests/ --------------------------------
# A template is told apart by its content, not its file name: the Chromium-family one lists
# "allowed_origins", the Firefox one "allowed_extensions". Every @...@ placeholder naming the host
# path is filled with the installed path, @ALLOWED_ORIGINS@ / @ALLOWED_EXTENSIONS@ with the ids
# from native-host/extension_ids.json; anything left over is an error, so a renamed placeholder
# cannot ship a broken manifest.
set(LINKEDOUT_MANIFEST_OUT "${CMAKE_CURRENT_BINARY_DIR}/packaging/manifests")
file(GLOB LINKEDOUT_MANIFEST_TEMPLATES CONFIGURE_DEPENDS
  "${CMAKE_SOURCE_DIR}/manifests/*.json.in" "${CMAKE_SOURCE_DIR}/manifests/*.json")
unset(LINKEDOUT_CHROMIUM_MANIFEST)
unset(LINKEDOUT_FIREFOX_MANIFEST)
set(manifest_problems "")
foreach(template IN LISTS LINKEDOUT_MANIFEST_TEMPLATES)
  file(READ "${template}" text)
  if(text MATCHES "\"allowed_origins\"")
    set(kind chromium)
  elseif(text MATCHES "\"allowed_extensions\"")
    set(kind firefox)
  else()
    continue()
  endif()
  string(REGEX REPLACE "@[A-Za-z_]*PATH[A-Za-z_]*@" "${LINKEDOUT_INSTALLED_HOST_PATH}" text "${text}")
  string(REPLACE "@ALLOWED_ORIGINS@" "${LINKEDOUT_ALLOWED_ORIGINS_JSON}" text "${text}")
  string(REPLACE "@ALLOWED_EXTENSIONS@" "${LINKEDOUT_ALLOWED_EXTENSIONS_JSON}" text "${text}")
  if(text MATCHES "@[A-Za-z_]+@")
    list(APPEND manifest_problems "${template} has a placeholder packaging does not know: ${CMAKE_MATCH_0}")
    continue()
  endif()
  string(JSON manifest_name ERROR_VARIABLE json_error GET "${text}" name)
  if(json_error)
    list(APPEND manifest_problems "${template} is not a valid host manifest once filled: ${json_error}")
    continue()
  endif()
  string(JSON manifest_path ERROR_VARIABLE json_error GET "${text}" path)
  if(NOT manifest_name STREQUAL LINKEDOUT_HOST_NAME OR NOT manifest_path STREQUAL LINKEDOUT_INSTALLED_HOST_PATH)
    list(APPEND manifest_problems "${template} gives name '${manifest_name}' and path '${manifest_path}', \
expected '${LINKEDOUT_HOST_NAME}' and '${LINKEDOUT_INSTALLED_HOST_PATH}'")
    continue()
  endif()
  if(DEFINED LINKEDOUT_${kind}_manifest_template)
    list(APPEND manifest_problems "two ${kind} templates: ${LINKEDOUT_${kind}_manifest_template} and ${template}")
    continue()
  endif()
  set(LINKEDOUT_${kind}_manifest_template "${template}")
  file(MAKE_DIRECTORY "${LINKEDOUT_MANIFEST_OUT}/${kind}")
  # @ONLY: no ${} expansion; nothing @...@ is left, so this writes the text as is, and only when
  # it changed (no needless rebuilds).
  file(CONFIGURE OUTPUT "${LINKEDOUT_MANIFEST_OUT}/${kind}/${LINKEDOUT_HOST_NAME}.json"
       CONTENT "${text}" @ONLY)
endforeach()
foreach(kind chromium firefox)
  if(NOT DEFINED LINKEDOUT_${kind}_manifest_template)
    list(APPEND manifest_problems "manifests/ has no usable ${kind} host manifest template")
  endif()
endforeach()
if(manifest_problems)
  list(JOIN manifest_problems "\n  " manifest_problems)
  # scripts/package sets LINKEDOUT_PACKAGING_STRICT: a package without its manifests must not be
  # built. Everyone else's build only warns, so a template being edited never blocks the host.
  if(LINKEDOUT_PACKAGING_STRICT)
    message(FATAL_ERROR "packaging:\n  ${manifest_problems}")
  endif()
  message(WARNING "packaging: the package will not contain the system-wide manifests:\n  ${manifest_problems}")
  set(LINKEDOUT_INSTALL_SYSTEM_MANIFESTS OFF)
else()
  set(LINKEDOUT_CHROMIUM_MANIFEST "${LINKEDOUT_MANIFEST_OUT}/chromium/${LINKEDOUT_HOST_NAME}.json")
  set(LINKEDOUT_FIREFOX_MANIFEST "${LINKEDOUT_MANIFEST_OUT}/firefox/${LINKEDOUT_HOST_NAME}.json")
endif()

if(LINKEDOUT_INSTALL_SYSTEM_MANIFESTS)
  foreach(dir IN LISTS LINKEDOUT_CHROMIUM_SYSTEM_DIRS)
    install(FILES "${LINKEDOUT_CHROMIUM_MANIFEST}" DESTINATION "${dir}"
            RENAME "${LINKEDOUT_HOST_NAME}.json" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  endforeach()
  foreach(dir IN LISTS LINKEDOUT_FIREFOX_SYSTEM_DIRS)
    install(FILES "${LINKEDOUT_FIREFOX_MANIFEST}" DESTINATION "${dir}"
            RENAME "${LINKEDOUT_HOST_NAME}.json" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  endforeach()
endif()

# --- man page, gzipped (Debian policy: -n so the archive carries no timestamp) -----------------
find_program(LINKEDOUT_GZIP gzip REQUIRED)
set(LINKEDOUT_MAN_SOURCE "${CMAKE_SOURCE_DIR}/docs/linkedout-host.1")
set(LINKEDOUT_MAN_GZ "${CMAKE_CURRENT_BINARY_DIR}/packaging/linkedout-host.1.gz")
file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/packaging")
add_custom_command(
  OUTPUT "${LINKEDOUT_MAN_GZ}"
  COMMAND sh -c "\"$0\" -9 -n -c \"$1\" > \"$2\"" "${LINKEDOUT_GZIP}" "${LINKEDOUT_MAN_SOURCE}" "${LINKEDOUT_MAN_GZ}"
  DEPENDS "${LINKEDOUT_MAN_SOURCE}"
  COMMENT "Compressing the man page"
  VERBATIM)
add_custom_target(linkedout_man_page ALL DEPENDS "${LINKEDOUT_MAN_GZ}")
install(FILES "${LINKEDOUT_MAN_GZ}" DESTINATION share/man/man1
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

# --- Debian metadata: copyright, changelog, lintian overrides (packaging/debian/) ---------------
# A native package (the version has no Debian revision), so the changelog is changelog.gz; both it
# and the man page are gzipped with -n (no timestamp) as Debian policy asks.
set(LINKEDOUT_DEBIAN_DIR "${CMAKE_SOURCE_DIR}/packaging/debian")
set(LINKEDOUT_DOC_DIR share/doc/linkedout)
configure_file("${LINKEDOUT_DEBIAN_DIR}/changelog.in" "${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog" @ONLY)
set(LINKEDOUT_CHANGELOG_GZ "${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz")
add_custom_command(
  OUTPUT "${LINKEDOUT_CHANGELOG_GZ}"
  COMMAND sh -c "\"$0\" -9 -n -c \"$1\" > \"$2\"" "${LINKEDOUT_GZIP}" "${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog"
          "${LINKEDOUT_CHANGELOG_GZ}"
  DEPENDS "${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog"
  COMMENT "Compressing the Debian changelog"
  VERBATIM)
add_custom_target(linkedout_changelog ALL DEPENDS "${LINKEDOUT_CHANGELOG_GZ}")
install(FILES "${LINKEDOUT_DEBIAN_DIR}/copyright" "${LINKEDOUT_CHANGELOG_GZ}" DESTINATION "${LINKEDOUT_DOC_DIR}"
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(FILES "${LINKEDOUT_DEBIAN_DIR}/lintian-overrides" DESTINATION share/lintian/overrides RENAME linkedout
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

# Every file under /etc is a conffile (Debian policy 10.7): dpkg keeps a changed one on upgrade
# and removes them at purge. The list is the system manifests installed above.
set(LINKEDOUT_CONFFILES "${CMAKE_CURRENT_BINARY_DIR}/packaging/conffiles")
set(conffiles_text "")
if(LINKEDOUT_INSTALL_SYSTEM_MANIFESTS)
  foreach(dir IN LISTS LINKEDOUT_CHROMIUM_SYSTEM_DIRS)
    if(dir MATCHES "^/etc/")
      string(APPEND conffiles_text "${dir}/${LINKEDOUT_HOST_NAME}.json\n")
    endif()
  endforeach()
endif()
file(CONFIGURE OUTPUT "${LINKEDOUT_CONFFILES}" CONTENT "${conffiles_text}" @ONLY)

# --- CPack: one .deb ----------------------------------------------------------------------------
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "linkedout")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "LinkedOut")
set(CPACK_PACKAGE_CONTACT "LinkedOut maintainers <maintainers@linkedout.io>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "switch off LinkedIn's AI-training and ad-data settings (native host)")
# CPack puts the summary first and indents the rest; an empty line becomes Debian's " .".
# Lines stay within 79 characters once indented (lintian: extended-description-line-too-long).
set(CPACK_PACKAGE_DESCRIPTION
"LinkedOut is a browser extension plus this native messaging host. On
LinkedIn's settings pages the extension reads every toggle; the host decides
which are still on, highlights exactly those, remembers what it saw and warns
when a setting comes back on. Everything stays on the computer: no account,
no network connection.

This package installs linkedout-host and registers it system-wide for
Chrome, Chromium, Edge, Brave, Vivaldi and Firefox. Install the LinkedOut
extension in your browser to use it.")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")   # linkedout_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)      # Depends: computed by dpkg-shlibdeps
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)
# Directories the package creates get 0755 whatever the builder's umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${LINKEDOUT_CONFFILES}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
