#include "core/llm/batchfilewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace Corrige::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core::BatchFileWriter", text);
}

} // namespace

BatchLimits BatchLimits::forProvider(ProviderKind kind)
{
    if (kind == ProviderKind::Gemini)
        return {2000LL * 1000 * 1000 - 1024 * 1024, 1000000};
    return {200LL * 1000 * 1000, 50000};
}

BatchFileWriter::BatchFileWriter(const BatchLimits &limits, QString directory, QString prefix)
    : m_limits(limits), m_directory(std::move(directory)), m_prefix(std::move(prefix))
{
}

BatchFileWriter::~BatchFileWriter() = default;

Status BatchFileWriter::openNext()
{
    if (m_file)
        m_file->close();
    Chunk chunk;
    chunk.path = QDir(m_directory).filePath(QStringLiteral("%1-%2.jsonl").arg(m_prefix).arg(m_chunks.size() + 1));
    m_file = std::make_unique<QFile>(chunk.path);
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Status::failure(ErrorCode::FileUnreadable,
                               tr("Cannot write the batch file %1 (%2). Check there is space in the temporary folder.")
                                   .arg(chunk.path, m_file->errorString()));
    m_chunks.append(chunk);
    return Status::ok();
}

Status BatchFileWriter::add(const QString &key, const QByteArray &line)
{
    if (line.size() > m_limits.maxBytes)
        return Status::failure(ErrorCode::InvalidInput,
                               tr("One request is larger than a batch file may be (%1 MB). Grade this copy live, or "
                                  "send smaller page images.").arg(m_limits.maxBytes / 1000000));
    if (!m_file || m_chunks.last().bytes + line.size() > m_limits.maxBytes || m_chunks.last().lines >= m_limits.maxLines) {
        const Status opened = openNext();
        if (!opened)
            return opened;
    }
    if (m_file->write(line) != line.size())
        return Status::failure(ErrorCode::FileUnreadable,
                               tr("Cannot write the batch file %1 (%2). Check there is space in the temporary folder.")
                                   .arg(m_chunks.last().path, m_file->errorString()));
    Chunk &chunk = m_chunks.last();
    chunk.bytes += line.size();
    ++chunk.lines;
    chunk.keys.append(key);
    return Status::ok();
}

Status BatchFileWriter::finish()
{
    if (m_file && !m_file->flush())
        return Status::failure(ErrorCode::FileUnreadable,
                               tr("Cannot write the batch file %1 (%2). Check there is space in the temporary folder.")
                                   .arg(m_chunks.last().path, m_file->errorString()));
    if (m_file)
        m_file->close();
    m_file.reset();
    return Status::ok();
}

} // namespace Corrige::Core
