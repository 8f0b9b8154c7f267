#include "core/pdf/pdfinspector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

using namespace Corrige::Core;

Q_DECLARE_METATYPE(Corrige::Core::ErrorCode)

namespace {

const QString dataDir = QStringLiteral(CORRIGE_TEST_DATA_DIR);
const QString passwordPdf = QStringLiteral("pypdf_r4_aes128_user_password_asdfzxcv.pdf");
const QString rightPassword = QStringLiteral("asdfzxcv");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray emptyPdf()
{
    QPDF pdf;
    pdf.emptyPDF();
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.write();
    const auto buffer = writer.getBufferSharedPointer();
    return QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()), qsizetype(buffer->getSize()));
}

// A small PDF written object by object, with a correct cross-reference table.
QByteArray pdfOf(const QList<QByteArray> &objects)
{
    QByteArray out("%PDF-1.4\n");
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
           + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

bool isEncryptedForQpdf(const QByteArray &data, const char *password = nullptr)
{
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("check", data.constData(), size_t(data.size()), password);
    return pdf.isEncrypted();
}

} // namespace

class TstPdfInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void load_realScans_data();
    void load_realScans();
    void load_badInput_data();
    void load_badInput();
    void load_damagedStreamOpensOrFailsCleanly();
    void loadData_missingPasswordIsReported();
    void loadData_wrongPasswordIsReported();
    void load_rightPasswordStoresADecryptedCopy();
    void loadData_passwordIgnoredForUnprotectedFile();
    void loadData_usesTheBaseNameInMessages();
};

void TstPdfInspector::load_realScans_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("pages");
    QTest::newRow("zesje") << QStringLiteral("scans/zesje_demo_submissions_5students_20pages.pdf") << 20;
    QTest::newRow("solid state") << QStringLiteral("scans/solid_state_physics_minitest6_scans_8pages.pdf") << 8;
    QTest::newRow("blank exam") << QStringLiteral("scans/zesje_demo_blank_exam_source.pdf") << 3;
}

void TstPdfInspector::load_realScans()
{
    QFETCH(QString, file);
    QFETCH(int, pages);
    const QString path = QDir(dataDir).filePath(file);
    const Result<ImportDocument> document = PdfInspector::load(path);
    QVERIFY2(document.isOk(), qPrintable(document.errorString()));
    QCOMPARE(document->pageCount, pages);
    QCOMPARE(document->fileName, QFileInfo(path).fileName());
    const QByteArray original = readFile(path);
    QVERIFY(!original.isEmpty());
    QCOMPARE(document->data, original);
    QCOMPARE(document->sha256, QCryptographicHash::hash(original, QCryptographicHash::Sha256).toHex());
    QCOMPARE(document->sha256, document->sha256.toLower());
    QCOMPARE(document->sha256.size(), 64);
}

void TstPdfInspector::load_badInput_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content"); // written to a temporary file; empty means "use the committed file"
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("not a pdf") << QStringLiteral("qpdf_bad1_not_a_pdf.pdf") << QByteArray() << ErrorCode::NotAPdf;
    QTest::newRow("unrecoverable trailer")
        << QStringLiteral("qpdf_bad7_broken_trailer_unrecoverable.pdf") << QByteArray() << ErrorCode::DamagedPdf;
    QTest::newRow("password, none given") << passwordPdf << QByteArray() << ErrorCode::PasswordRequired;

    const QByteArray scan = readFile(QDir(dataDir).filePath(
        QStringLiteral("scans/zesje_demo_submissions_5students_20pages.pdf")));
    QTest::newRow("truncated to half") << QStringLiteral("half_download.pdf") << scan.left(scan.size() / 2)
                                       << ErrorCode::DamagedPdf;
    QTest::newRow("last bytes cut") << QStringLiteral("cut_short.pdf") << scan.left(scan.size() - 64)
                                    << ErrorCode::DamagedPdf;
    QTest::newRow("header only") << QStringLiteral("header_only.pdf") << QByteArray("%PDF-1.4\n%%EOF\n")
                                 << ErrorCode::DamagedPdf;
    QTest::newRow("garbage after header") << QStringLiteral("garbage.pdf")
                                          << QByteArray("%PDF-1.7\n").append(QByteArray(4000, 'x')).append("\n%%EOF\n")
                                          << ErrorCode::DamagedPdf;
    // PDFium used to spin for ever on this one, holding its lock.
    QTest::newRow("page tree contains itself")
        << QStringLiteral("pagetree_loop.pdf")
        << pdfOf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"})
        << ErrorCode::DamagedPdf;
    QTest::newRow("zero pages") << QStringLiteral("no_pages.pdf") << emptyPdf() << ErrorCode::EmptyPdf;
    QTest::newRow("a picture") << QStringLiteral("photo.pdf") << QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10)
                               << ErrorCode::NotAPdf;
    QTest::newRow("empty file") << QStringLiteral("zero_bytes.pdf") << QByteArray("") << ErrorCode::NotAPdf;
}

void TstPdfInspector::load_badInput()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(ErrorCode, code);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = QDir(dataDir).filePath(QStringLiteral("bad_pdfs/") + fileName);
    if (!QFile::exists(path)) {
        path = dir.filePath(fileName);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }
    const Result<ImportDocument> document = PdfInspector::load(path);
    QVERIFY(!document.isOk());
    QCOMPARE(document.error().code, code);
    QVERIFY2(document.errorString().contains(fileName), qPrintable(document.errorString()));
    QVERIFY2(!document.errorString().contains(u'\n'), qPrintable(document.errorString()));
    QVERIFY(!document.errorString().contains(dir.path()));
}

void TstPdfInspector::load_damagedStreamOpensOrFailsCleanly()
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("bad_pdfs/qpdf_damaged_stream.pdf"));
    const Result<ImportDocument> document = PdfInspector::load(path);
    if (document.isOk()) {
        QCOMPARE(document->pageCount, 1);
        QCOMPARE(document->data, readFile(path));
    } else {
        QCOMPARE(document.error().code, ErrorCode::DamagedPdf);
        QVERIFY(document.errorString().contains(QStringLiteral("qpdf_damaged_stream.pdf")));
    }
}

void TstPdfInspector::loadData_missingPasswordIsReported()
{
    const QByteArray data = readFile(QDir(dataDir).filePath(QStringLiteral("bad_pdfs/") + passwordPdf));
    QVERIFY(!data.isEmpty());
    const Result<ImportDocument> document = PdfInspector::loadData(data, passwordPdf);
    QVERIFY(!document.isOk());
    QCOMPARE(document.error().code, ErrorCode::PasswordRequired);
    QVERIFY(document.errorString().contains(passwordPdf));
    QVERIFY(document.errorString().contains(QStringLiteral("password")));
}

void TstPdfInspector::loadData_wrongPasswordIsReported()
{
    const QByteArray data = readFile(QDir(dataDir).filePath(QStringLiteral("bad_pdfs/") + passwordPdf));
    const Result<ImportDocument> document = PdfInspector::loadData(data, passwordPdf, QStringLiteral("asdfzxcw"));
    QVERIFY(!document.isOk());
    QCOMPARE(document.error().code, ErrorCode::WrongPassword);
    QVERIFY(document.errorString().contains(passwordPdf));
    QVERIFY(!document.errorString().contains(QStringLiteral("asdfzxcw")));
}

void TstPdfInspector::load_rightPasswordStoresADecryptedCopy()
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("bad_pdfs/") + passwordPdf);
    const QByteArray original = readFile(path);
    QVERIFY(isEncryptedForQpdf(original, "asdfzxcv"));

    const Result<ImportDocument> document = PdfInspector::load(path, rightPassword);
    QVERIFY2(document.isOk(), qPrintable(document.errorString()));
    QVERIFY(document->pageCount > 0);
    QVERIFY(document->data != original);
    QVERIFY(!isEncryptedForQpdf(document->data));
    QCOMPARE(document->sha256, QCryptographicHash::hash(document->data, QCryptographicHash::Sha256).toHex());

    // The stored copy opens offline without the password, with the same pages.
    const Result<ImportDocument> reopened = PdfInspector::loadData(document->data, passwordPdf);
    QVERIFY2(reopened.isOk(), qPrintable(reopened.errorString()));
    QCOMPARE(reopened->pageCount, document->pageCount);
    QCOMPARE(reopened->data, document->data);
    QCOMPARE(reopened->sha256, document->sha256);
}

void TstPdfInspector::loadData_passwordIgnoredForUnprotectedFile()
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("scans/solid_state_physics_minitest6_scans_8pages.pdf"));
    const QByteArray original = readFile(path);
    const Result<ImportDocument> document = PdfInspector::loadData(original, QFileInfo(path).fileName(), rightPassword);
    QVERIFY2(document.isOk(), qPrintable(document.errorString()));
    QCOMPARE(document->pageCount, 8);
    QCOMPARE(document->data, original);
}

void TstPdfInspector::loadData_usesTheBaseNameInMessages()
{
    const Result<ImportDocument> missing = PdfInspector::load(QStringLiteral("/nonexistent/folder/exam_3B.pdf"));
    QCOMPARE(missing.error().code, ErrorCode::FileNotFound);
    QVERIFY(missing.errorString().contains(QStringLiteral("exam_3B.pdf")));
    QVERIFY(!missing.errorString().contains(QStringLiteral("/nonexistent")));

    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("scans_folder.pdf")));
    const Result<ImportDocument> folder = PdfInspector::load(dir.filePath(QStringLiteral("scans_folder.pdf")));
    QCOMPARE(folder.error().code, ErrorCode::FileUnreadable);
    QVERIFY(folder.errorString().contains(QStringLiteral("scans_folder.pdf")));

    const Result<ImportDocument> fromData = PdfInspector::loadData(QByteArray("oops"), QStringLiteral("/x/y/z.pdf"));
    QCOMPARE(fromData.error().code, ErrorCode::NotAPdf);
    QVERIFY(fromData.errorString().contains(QStringLiteral("z.pdf")));
    QVERIFY(!fromData.errorString().contains(QStringLiteral("/x/y")));
}

QTEST_GUILESS_MAIN(TstPdfInspector)
#include "tst_pdfinspector.moc"
