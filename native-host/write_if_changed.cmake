# write_if_changed(<file> <text>): writes <text> to <file> only when it differs from what is there,
# so regenerating an unchanged header at configure time rebuilds nothing.
function(write_if_changed file text)
  set(old "")
  if(EXISTS "${file}")
    file(READ "${file}" old)
  endif()
  if(NOT old STREQUAL text)
    file(WRITE "${file}" "${text}")
  endif()
endfunction()
