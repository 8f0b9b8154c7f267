#pragma once

#include "core/domain/result.h"

#include <QString>

namespace Corrige::Core {

// The bundled demo: five real scanned copies of a short exam, with its rubric and roster.
class DemoSession
{
public:
    // Creates the demo session at `path` (which must not exist yet) from the bundled resources.
    static Status create(const QString &path);
    // Where the GUI keeps its demo session: a file under the application's data location.
    static QString defaultPath();
};

} // namespace Corrige::Core
