#pragma once

#include <QString>

class QCoreApplication;

namespace Corrige {

// Installs Corrige's catalogue and Qt's own for `language` ("fr", "en"; empty = the system locale).
// Returns the language actually used.
QString installTranslators(QCoreApplication &app, const QString &language = {});

} // namespace Corrige
