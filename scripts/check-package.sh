#!/usr/bin/env bash
# Builds the release preset, makes the Debian package with CPack and checks it the way a teacher's computer will
# use it: the desktop entry, the AppStream metadata and lintian first; then it installs the package, runs both
# programs, grades nothing but reads the installed demo, checks the file type is registered, and removes it.
# Needs root (or sudo) for dpkg. run-tests.sh calls it after the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
say() { echo "check-package: $*"; }
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }
# dpkg waits for nobody: retry while another apt or dpkg holds its lock.
dpkg_retry() {
    local attempt
    for attempt in $(seq 1 60); do
        if $sudo dpkg "$@" 2>"$work/dpkg.err"; then
            return 0
        fi
        if ! grep -q "lock" "$work/dpkg.err"; then
            cat "$work/dpkg.err" >&2
            return 1
        fi
        sleep 5
    done
    cat "$work/dpkg.err" >&2
    return 1
}

work=$(mktemp -d)
cleanup() {
    if dpkg-query -W -f='${Status}' corrige 2>/dev/null | grep -q "install ok installed"; then
        dpkg_retry -r corrige >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

deb=$(./scripts/make-package.sh DEB | tail -n 1)
version=$(dpkg-deb -f "$deb" Version)
say "built $deb"

# What is inside
dpkg-deb -x "$deb" "$work/root"
root="$work/root/usr"
for path in bin/corrige bin/corrige-cli share/applications/org.corrige.Corrige.desktop \
            share/metainfo/org.corrige.Corrige.metainfo.xml share/mime/packages/corrige.xml \
            share/icons/hicolor/scalable/apps/corrige.svg share/icons/hicolor/48x48/apps/corrige.png \
            share/icons/hicolor/scalable/mimetypes/application-x-corrige.svg \
            share/corrige/demo/exam.json share/corrige/demo/scans.pdf share/doc/corrige/copyright; do
    [ -e "$root/$path" ] || fail "the package has no /usr/$path"
done
depends=$(dpkg-deb -f "$deb" Depends)
for dependency in libqt6widgets6 libqt6sql6-sqlite libqpdf; do
    [[ "$depends" == *"$dependency"* ]] || fail "Depends does not name $dependency: $depends"
done

desktop-file-validate "$root/share/applications/org.corrige.Corrige.desktop"
say "desktop entry valid"
appstreamcli validate --no-net --pedantic "$root/share/metainfo/org.corrige.Corrige.metainfo.xml"
say "AppStream metadata valid"
lintian --fail-on error "$deb" | tee "$work/lintian.txt" || fail "lintian found errors"
say "lintian: no errors, $(grep -c '^W:' "$work/lintian.txt" || true) warning(s) (README lists them)"

# Installed, as a teacher would have it
dpkg_retry -i "$deb"
./scripts/check-installed.sh /usr/bin/corrige-cli /usr/bin/corrige /usr/share/corrige/demo "$version"
if [ -f /usr/share/mime/globs2 ]; then
    grep -q "application/x-corrige:\*\.corrige" /usr/share/mime/globs2 || fail "*.corrige is not a registered file type"
    say "*.corrige is registered as application/x-corrige"
fi

dpkg_retry -r corrige >/dev/null
[ ! -e /usr/bin/corrige ] || fail "dpkg -r left /usr/bin/corrige"
say "installed, used and removed $deb"
