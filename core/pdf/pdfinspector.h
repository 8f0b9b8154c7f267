#pragma once

#include "core/domain/importplan.h"
#include "core/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Corrige::Core {

// Checks that a file is a PDF Corrige can open before anything is stored in a session.
// Safe to call from any thread: QtPdf is used under pdfiumMutex().
class PdfInspector
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::PdfInspector)

public:
    // Reads the file and validates it like loadData().
    // Errors: FileNotFound, FileUnreadable, NotAPdf, DamagedPdf (also truncated files), PasswordRequired,
    // WrongPassword, EmptyPdf. Each message names the file (base name) and says what to do, on one line.
    static Result<ImportDocument> load(const QString &path, const QString &password = {});

    // Validates PDF bytes with QtPdf. `fileName` is only used in messages and ImportDocument::fileName.
    // ImportDocument::data is the input byte for byte, except for a password-protected PDF opened with its
    // password: then it is a decrypted copy (written by qpdf) that opens without a password, so the session
    // can be reviewed offline. ImportDocument::sha256 is the lower-case hex SHA-256 of ImportDocument::data.
    static Result<ImportDocument> loadData(const QByteArray &data, const QString &fileName,
                                           const QString &password = {});
};

} // namespace Corrige::Core
