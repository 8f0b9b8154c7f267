#include "core/pdf/pdfinspector.h"

#include "core/pdf/pdfiumlock.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QPdfDocument>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <optional>

namespace Corrige::Core {

namespace {

// The PDF header may follow a little junk (the specification tolerates up to 1024 bytes of it).
constexpr qsizetype headerWindow = 1024;
// A complete PDF ends with %%EOF, possibly followed by line ends or a little padding.
constexpr qsizetype trailerWindow = 2048;

bool hasPdfHeader(const QByteArray &data)
{
    return data.left(headerWindow).contains("%PDF-");
}

bool hasEndOfFileMarker(const QByteArray &data)
{
    return data.right(trailerWindow).contains("%%EOF");
}

struct QtPdfCheck {
    QPdfDocument::Error error = QPdfDocument::Error::None;
    int pageCount = 0;
};

QtPdfCheck checkWithQtPdf(const QByteArray &data, const QString &password)
{
    const QMutexLocker lock(&pdfiumMutex());
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QtPdfCheck check;
    {
        QPdfDocument document;
        if (!password.isEmpty())
            document.setPassword(password);
        document.load(&buffer);
        if (document.status() == QPdfDocument::Status::Ready) {
            check.pageCount = document.pageCount();
        } else {
            check.error = document.error();
            if (check.error == QPdfDocument::Error::None)
                check.error = QPdfDocument::Error::Unknown;
        }
        document.close();
    }
    return check;
}

// Writes an unencrypted copy of a protected PDF with qpdf. Returns nothing if qpdf cannot open it with
// this password; returns the input unchanged if the file turns out not to be encrypted.
std::optional<QByteArray> decryptedCopy(const QByteArray &data, const QString &password)
{
    QList<QByteArray> candidates{password.toUtf8()};
    const QByteArray latin1 = password.toLatin1();
    if (latin1 != candidates.first() && QString::fromLatin1(latin1) == password)
        candidates.append(latin1);
    for (const QByteArray &candidate : candidates) {
        try {
            QPDF pdf;
            pdf.setSuppressWarnings(true);
            pdf.processMemoryFile("import", data.constData(), size_t(data.size()), candidate.constData());
            if (!pdf.isEncrypted())
                return data;
            QPDFWriter writer(pdf);
            writer.setOutputMemory();
            writer.setPreserveEncryption(false);
            writer.write();
            const std::shared_ptr<Buffer> output = writer.getBufferSharedPointer();
            return QByteArray(reinterpret_cast<const char *>(output->getBuffer()), qsizetype(output->getSize()));
        } catch (const QPDFExc &exception) {
            if (exception.getErrorCode() != qpdf_e_password)
                return std::nullopt;
        } catch (const std::exception &) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// PDFium spins for ever on some broken structures (a page tree that contains itself). qpdf walks the page
// tree first, and any such loop refuses the file before PDFium sees it. Returns false only for a structure
// qpdf finds broken; a file qpdf cannot parse at all, or cannot decrypt without a password, is left to QtPdf.
bool pageTreeIsSound(const QByteArray &data, const QString &password)
{
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    try {
        pdf.processMemoryFile("import", data.constData(), size_t(data.size()),
                              password.isEmpty() ? nullptr : password.toUtf8().constData());
    } catch (const std::exception &) {
        return true;
    }
    try {
        QPDFPageDocumentHelper(pdf).getAllPages();
    } catch (const QPDFExc &exception) {
        return exception.getErrorCode() == qpdf_e_password;
    } catch (const std::exception &) {
        return false;
    }
    return true;
}

// PDFium refuses a PDF whose page tree is empty; qpdf tells that case apart from real damage.
bool opensWithoutPages(const QByteArray &data)
{
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("import", data.constData(), size_t(data.size()));
        return QPDFPageDocumentHelper(pdf).getAllPages().empty();
    } catch (const std::exception &) {
        return false;
    }
}

Result<ImportDocument> failure(ErrorCode code, const QString &message)
{
    return Result<ImportDocument>::failure(code, message);
}

Result<ImportDocument> qtPdfFailure(QPdfDocument::Error error, const QString &name, bool passwordGiven)
{
    switch (error) {
    case QPdfDocument::Error::IncorrectPassword:
        if (passwordGiven)
            return failure(ErrorCode::WrongPassword,
                           PdfInspector::tr("The password for %1 is not correct. Check it (capitals, keyboard layout) and try "
                              "again.")
                               .arg(name));
        return failure(ErrorCode::PasswordRequired,
                       PdfInspector::tr("%1 is protected by a password. Give its password to import it, or import an "
                          "unprotected copy.")
                           .arg(name));
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return failure(ErrorCode::FileUnreadable,
                       PdfInspector::tr("%1 uses a kind of protection Corrige cannot open. Save an unprotected copy of it and "
                          "import that.")
                           .arg(name));
    case QPdfDocument::Error::FileNotFound:
    case QPdfDocument::Error::DataNotYetAvailable:
    case QPdfDocument::Error::InvalidFileFormat:
    case QPdfDocument::Error::Unknown:
    case QPdfDocument::Error::None:
        break;
    }
    return failure(ErrorCode::DamagedPdf,
                   PdfInspector::tr("%1 is damaged and cannot be opened. Export or scan it again, or repair it with a PDF "
                      "tool.")
                       .arg(name));
}

} // namespace

Result<ImportDocument> PdfInspector::load(const QString &path, const QString &password)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        return failure(ErrorCode::FileNotFound,
                       PdfInspector::tr("%1 was not found. Check the path, or put the file back and import it again.").arg(name));
    if (info.isDir())
        return failure(ErrorCode::FileUnreadable,
                       PdfInspector::tr("%1 is a folder, not a PDF file. Choose the scanned PDF inside it.").arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(ErrorCode::FileUnreadable,
                       PdfInspector::tr("%1 cannot be read (%2). Check that you are allowed to open it, or copy it somewhere "
                          "else first.")
                           .arg(name, file.errorString()));
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return failure(ErrorCode::FileUnreadable,
                       PdfInspector::tr("%1 cannot be read (%2). Copy it to a local disk and import the copy.")
                           .arg(name, file.errorString()));
    return loadData(data, name, password);
}

Result<ImportDocument> PdfInspector::loadData(const QByteArray &data, const QString &fileName, const QString &password)
{
    const QString name = QFileInfo(fileName).fileName();
    if (data.isEmpty())
        return failure(ErrorCode::NotAPdf,
                       PdfInspector::tr("%1 is empty (0 bytes), not a PDF. Copy the scan again from its source.").arg(name));
    if (!hasPdfHeader(data))
        return failure(ErrorCode::NotAPdf,
                       PdfInspector::tr("%1 is not a PDF file. Choose the PDF made by the scanner (export other files to PDF "
                          "first).")
                           .arg(name));
    if (!hasEndOfFileMarker(data))
        return failure(ErrorCode::DamagedPdf,
                       PdfInspector::tr("%1 is incomplete: the end of the file is missing. Copy or download it again.").arg(name));

    if (!pageTreeIsSound(data, password))
        return failure(ErrorCode::DamagedPdf,
                       PdfInspector::tr("%1 is damaged: its list of pages is broken. Export or scan it again, or repair "
                                        "it with a PDF tool.")
                           .arg(name));
    const QtPdfCheck check = checkWithQtPdf(data, password);
    if (check.error != QPdfDocument::Error::None && check.error != QPdfDocument::Error::IncorrectPassword
        && check.error != QPdfDocument::Error::UnsupportedSecurityScheme && opensWithoutPages(data))
        return failure(ErrorCode::EmptyPdf,
                       PdfInspector::tr("%1 has no pages. Choose the PDF that contains the scans.").arg(name));
    if (check.error != QPdfDocument::Error::None)
        return qtPdfFailure(check.error, name, !password.isEmpty());
    if (check.pageCount <= 0)
        return failure(ErrorCode::EmptyPdf,
                       PdfInspector::tr("%1 has no pages. Choose the PDF that contains the scans.").arg(name));

    ImportDocument document;
    document.fileName = name;
    document.pageCount = check.pageCount;
    document.data = data;
    if (!password.isEmpty()) {
        const std::optional<QByteArray> decrypted = decryptedCopy(data, password);
        if (!decrypted)
            return failure(ErrorCode::DamagedPdf,
                           PdfInspector::tr("%1 opens with this password but cannot be decrypted. Save an unprotected copy of it "
                              "and import that.")
                               .arg(name));
        if (decrypted.value() != data) {
            const QtPdfCheck reopened = checkWithQtPdf(decrypted.value(), QString());
            if (reopened.error != QPdfDocument::Error::None || reopened.pageCount != check.pageCount)
                return failure(ErrorCode::DamagedPdf,
                               PdfInspector::tr("%1 opens with this password but its decrypted copy is unreadable. Save an "
                                  "unprotected copy of it and import that.")
                                   .arg(name));
            document.data = decrypted.value();
        }
    }
    document.sha256 = QCryptographicHash::hash(document.data, QCryptographicHash::Sha256).toHex();
    return document;
}

} // namespace Corrige::Core
