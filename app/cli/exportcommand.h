#pragma once

#include <QStringList>

namespace Corrige::Cli {

// corrige-cli export SESSION --format csv|moodle|pronote|pdf --out PATH [--force]
int commandExport(const QStringList &arguments);

// Whether the command line (`export ... --format pdf`) draws text into PDFs, which needs a QGuiApplication for
// its fonts; corrige-cli then runs on the offscreen platform, as it never shows a window. Called before any
// application object exists.
bool needsGuiApplication(int argc, char *argv[]);

} // namespace Corrige::Cli
