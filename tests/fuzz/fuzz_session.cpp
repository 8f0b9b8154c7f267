// Opening a damaged session file: any bytes give a session that reads to the end, or one clear line naming
// the file. Nothing is written to a file that is refused.
#include "core/session/sessiondatabase.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Corrige::Fuzz::startApplication(false);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using Corrige::Core::SessionDatabase;
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fuzzed.corrige"));
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    for (const bool readOnly : {true, false}) {
        auto session = readOnly ? SessionDatabase::openReadOnly(path) : SessionDatabase::open(path);
        if (!session) {
            Corrige::Fuzz::checkMessage(session.errorString(), QStringLiteral("fuzzed.corrige"));
            continue;
        }
        const Corrige::Core::SessionSnapshot snapshot = session.value()->snapshot();
        for (const auto &document : snapshot.documents)
            session.value()->documentData(document.id);
        session.value()->runs();
        session.value()->auditLog();
        session.value()->takeReadError();
    }
    return 0;
}
