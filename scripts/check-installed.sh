#!/usr/bin/env bash
# Uses an installed Corrige as a teacher would, whatever installed it (the .deb, the Windows installer, the .dmg):
#   check-installed.sh CORRIGE-CLI CORRIGE DEMO-FOLDER VERSION
# Both programs print the version; the demo exam and scans that come with the package make a session that
# corrige-cli status reads back.
set -euo pipefail
cli="$1" gui="$2" demo="$3" version="$4"
fail() { echo "check-installed: FAILED: $*" >&2; exit 1; }

cli_version=$("$cli" --version | tr -d '\r')
[[ "$cli_version" == "Corrige $version (Qt "* ]] || fail "corrige-cli --version printed: $cli_version"
echo "check-installed: $cli_version"
gui_version=$(QT_QPA_PLATFORM=offscreen QT_COMMAND_LINE_PARSER_NO_GUI_MESSAGE_BOXES=1 "$gui" --version | tr -d '\r')
[[ "$gui_version" == "Corrige $version (Qt "* ]] || fail "corrige --version printed: $gui_version"
echo "check-installed: $gui_version"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" new "$work/demo.corrige" --exam "$demo/exam.json" >/dev/null
"$cli" import "$work/demo.corrige" "$demo/scans.pdf" --pages-per-copy 4 --roster "$demo/roster.csv" >/dev/null
"$cli" status "$work/demo.corrige" | tr -d '\r' | tee "$work/status.txt"
grep -q "^5 " "$work/status.txt" || fail "the installed demo does not show its 5 copies"
