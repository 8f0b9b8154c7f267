#pragma once

#include "core/domain/result.h"
#include "core/llm/providerconfig.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QFile;

namespace Corrige::Core {

// How much one batch input may hold.
struct BatchLimits {
    qint64 maxBytes = 0;
    int maxLines = 0;

    // OpenAI: 200 MB and 50,000 requests per file. Gemini: 2 GB per file (a little under, for the upload's
    // own overhead); requests per job are not capped by lines, only by bytes.
    static BatchLimits forProvider(ProviderKind kind);
};

// Writes JSONL input lines to files in `directory`, starting a new file whenever the next line would take the
// current one over the limits. Memory stays flat: lines go straight to disk.
class BatchFileWriter
{
public:
    struct Chunk {
        QString path;
        qint64 bytes = 0;
        int lines = 0;
        QStringList keys;
    };

    BatchFileWriter(const BatchLimits &limits, QString directory, QString prefix);
    ~BatchFileWriter();
    BatchFileWriter(const BatchFileWriter &) = delete;
    BatchFileWriter &operator=(const BatchFileWriter &) = delete;

    // A line larger than the byte limit on its own is refused with a clear error.
    Status add(const QString &key, const QByteArray &line);
    Status finish();
    const QList<Chunk> &chunks() const { return m_chunks; }

private:
    Status openNext();

    BatchLimits m_limits;
    QString m_directory;
    QString m_prefix;
    std::unique_ptr<QFile> m_file;
    QList<Chunk> m_chunks;
};

} // namespace Corrige::Core
