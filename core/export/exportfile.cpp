#include "core/export/exportfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Corrige::Core {

namespace {

constexpr qint64 chunkSize = 256 * 1024;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

bool ExportFile::isSessionFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.suffix().compare(QLatin1String("corrige"), Qt::CaseInsensitive) == 0)
        return true;
    if (!info.isFile())
        return false;
    // A session renamed to something else is still a session: an SQLite file with Corrige's tables.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray start = file.read(64 * 1024);
    if (!start.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return false;
    // Corrige's application id ("Corr") in the SQLite header, or its tables in the schema near the start.
    if (start.mid(68, 4) == QByteArrayLiteral("Corr"))
        return true;
    return start.contains("CREATE TABLE exam(") && start.contains("CREATE TABLE copies(");
}

Status ExportFile::checkTarget(const QString &path, bool overwrite)
{
    const QFileInfo info(path);
    if (isSessionFile(path))
        return Status::failure(ErrorCode::InvalidInput,
                               tr("%1 is a session file: an export never replaces a session. Choose another name, "
                                  "ending in the export's own extension.")
                                   .arg(native(path)));
    if (info.isDir())
        return Status::failure(ErrorCode::InvalidInput,
                               tr("%1 is a folder. Give the name of the file to write.").arg(native(path)));
    if (info.exists() && !overwrite)
        return Status::failure(ErrorCode::InvalidInput,
                               tr("%1 already exists. Choose another name, or allow replacing it.").arg(native(path)));
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        return Status::failure(ErrorCode::FileNotFound,
                               tr("Cannot write %1: the folder %2 does not exist. Create it, or choose another folder.")
                                   .arg(native(path), native(folder.absoluteFilePath())));
    return Status::ok();
}

Status ExportFile::write(const QString &path, const QByteArray &data, bool overwrite, const ChunkWriter &writer)
{
    const Status target = checkTarget(path, overwrite);
    if (!target)
        return target;

    QSaveFile file(path);
    // Unbuffered: a failed write is seen at the write that failed, not swallowed by a later close.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Status::failure(ErrorCode::Internal,
                               tr("Cannot write %1: %2. Check that you may write in this folder.")
                                   .arg(native(path), file.errorString()));
    const auto failed = [&file, &path](const QString &cause) {
        file.cancelWriting(); // the temporary file goes; commit() will not run
        return Status::failure(ErrorCode::Internal,
                               tr("Cannot write %1: %2. Check the free space of the disk and that you may write "
                                  "there; nothing was replaced.")
                                   .arg(native(path), cause));
    };
    for (qint64 offset = 0; offset < data.size();) {
        const qint64 size = std::min(chunkSize, data.size() - offset);
        const qint64 written = writer ? writer(file, data.constData() + offset, size)
                                      : file.write(data.constData() + offset, size);
        if (written <= 0) {
            const QString cause = file.error() != QFileDevice::NoError ? file.errorString() : tr("the write failed");
            return failed(cause);
        }
        offset += written;
    }
    if (!file.flush() || file.error() != QFileDevice::NoError)
        return failed(file.errorString());
    if (!file.commit())
        return Status::failure(ErrorCode::Internal,
                               tr("Cannot write %1: %2. Check the free space of the disk; nothing was replaced.")
                                   .arg(native(path), file.errorString()));
    return Status::ok();
}

} // namespace Corrige::Core
