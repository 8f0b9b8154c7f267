#!/usr/bin/env bash
# Installs what Corrige needs to build and test on Debian 12 or Ubuntu 24.04 (or newer), and only what is missing.
# macOS and Windows: see README.md.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git ccache
    qt6-base-dev qt6-base-dev-tools qt6-pdf-dev libqt6sql6-sqlite
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libqpdf-dev libxlsxwriter-dev libgl-dev
    fonts-dejavu-core poppler-utils qpdf python3-openpyxl
    clang-14 libclang-rt-14-dev
    dpkg-dev file lintian desktop-file-utils appstream shared-mime-info qt6-qpa-plugins
)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: this script is for Debian and Ubuntu. On macOS or Windows follow README.md." >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
