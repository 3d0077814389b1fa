#!/usr/bin/env bash
# A Windows user has only Windows' own DLLs: the .exe must import nothing else (no libstdc++-6.dll,
# libgcc_s_seh-1.dll or libwinpthread-1.dll, which MinGW links dynamically unless told -static).
#   tests/windows/check-imports.sh PROGRAM.exe
set -euo pipefail
exe=${1:?usage: check-imports.sh PROGRAM.exe}
objdump=$(command -v x86_64-w64-mingw32-objdump || true)
[[ -n $objdump ]] || { echo "check-imports: x86_64-w64-mingw32-objdump is missing" >&2; exit 1; }
mapfile -t dlls < <("$objdump" -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)
((${#dlls[@]})) || { echo "check-imports: $exe imports no DLL at all: not a Windows program?" >&2; exit 1; }
# The system DLLs every Windows 10 and 11 has.
windows_own='^(kernel32|advapi32|msvcrt|ucrtbase|user32|shell32|ole32|ws2_32|mswsock|bcrypt|ntdll|api-ms-win-[a-z0-9-]+)\.dll$'
bad=0
for dll in "${dlls[@]}"; do
  if [[ $dll =~ $windows_own ]]; then echo "  $dll"; else echo "  $dll  <- not part of Windows"; bad=1; fi
done
((bad == 0)) || { echo "check-imports: $exe needs a DLL Windows does not have (link -static)" >&2; exit 1; }
