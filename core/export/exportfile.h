#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QIODevice;

namespace Corrige::Core {

// Writes one export file so that nothing is ever half-written or half-replaced.
//
// The bytes go to a temporary file beside the target (QSaveFile), in chunks; every chunk, the flush and the close
// are checked, and the temporary file only replaces the target when all of them worked. On any failure (a full
// disk, a refused folder, a removed medium) the temporary file is removed and an existing target is left byte for
// byte as it was. A session file (`*.corrige`, or any file that is a Corrige session) is never a target.
class ExportFile
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::ExportFile)

public:
    // How the bytes reach the device: by default QIODevice::write. Tests give a writer that fails, to check that
    // nothing is committed after a failed write. Returns the bytes written, or -1.
    using ChunkWriter = std::function<qint64(QIODevice &device, const char *data, qint64 size)>;

    // Checks a target before anything is computed or written:
    //  - a session file, by its suffix or its content: InvalidInput (exit 2);
    //  - a folder: InvalidInput;
    //  - an existing file and !overwrite: InvalidInput;
    //  - a missing parent folder: FileNotFound naming the folder (exit 1 in the CLI).
    static Status checkTarget(const QString &path, bool overwrite);

    // checkTarget(), then the atomic write. A write failure is Internal and names `path` and the cause.
    static Status write(const QString &path, const QByteArray &data, bool overwrite, const ChunkWriter &writer = {});

    // True for a `.corrige` name (any case) or a file whose content is an SQLite database holding a session.
    static bool isSessionFile(const QString &path);
};

} // namespace Corrige::Core
