#include "core/pdf/pageimageextractor.h"
#include "core/pdf/pdfinspector.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QThread>
#include <QTransform>
#include <QtTest>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <memory>
#include <vector>

using namespace Corrige::Core;

namespace {

const QString dataDir = QStringLiteral(CORRIGE_TEST_DATA_DIR);
const QString zesjeFile = QStringLiteral("scans/zesje_demo_submissions_5students_20pages.pdf");
const QString solidStateFile = QStringLiteral("scans/solid_state_physics_minitest6_scans_8pages.pdf");

// Options under which every committed scan page fits (their long sides are 2339 to 3520 pixels).
PageImageOptions roomy()
{
    PageImageOptions options;
    options.maxLongSide = 4000;
    options.maxBytes = 16 * 1024 * 1024;
    return options;
}

QByteArray readData(const QString &relativePath)
{
    QFile file(QDir(dataDir).filePath(relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray toByteArray(const std::shared_ptr<Buffer> &buffer)
{
    return QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()), qsizetype(buffer->getSize()));
}

// zlib data inflated by Qt's own zlib, independently of qpdf.
QByteArray inflate(const QByteArray &zlib)
{
    QByteArray sized(4, '\0');
    sized.append(zlib); // qUncompress wants a size hint first; 0 lets it grow its buffer
    return qUncompress(sized);
}

// The JPEG files of the page's image XObjects, as qpdf lists them from the page resources. The committed
// scans store each JPEG wrapped in zlib (/Filter [/FlateDecode /DCTDecode]).
QList<QByteArray> imageStreamsOfPage(const QByteArray &pdf, int pageIndex)
{
    QPDF qpdf;
    qpdf.setSuppressWarnings(true);
    qpdf.processMemoryFile("test", pdf.constData(), size_t(pdf.size()));
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(qpdf).getAllPages();
    QList<QByteArray> streams;
    for (auto &[name, image] : pages.at(size_t(pageIndex)).getImages()) {
        const QByteArray raw = toByteArray(image.getRawStreamData());
        QPDFObjectHandle filter = image.getDict().getKey("/Filter");
        const bool deflated = filter.isArray() && filter.getArrayNItems() == 2
            && filter.getArrayItem(0).getName() == "/FlateDecode";
        streams.append(deflated ? inflate(raw) : raw);
    }
    return streams;
}

// A copy of the PDF whose pages all carry /Rotate `degrees`.
QByteArray rotatedCopy(const QByteArray &pdf, int degrees)
{
    QPDF qpdf;
    qpdf.setSuppressWarnings(true);
    qpdf.processMemoryFile("test", pdf.constData(), size_t(pdf.size()));
    for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(qpdf).getAllPages())
        page.getObjectHandle().replaceKey("/Rotate", QPDFObjectHandle::newInteger(degrees));
    QPDFWriter writer(qpdf);
    writer.setOutputMemory();
    writer.write();
    return toByteArray(writer.getBufferSharedPointer());
}

// A copy of the PDF whose first page image is `jpeg`, stored as a plain /DCTDecode stream.
QByteArray withFirstPageJpeg(const QByteArray &pdf, const QByteArray &jpeg)
{
    QPDF qpdf;
    qpdf.setSuppressWarnings(true);
    qpdf.processMemoryFile("test", pdf.constData(), size_t(pdf.size()));
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(qpdf).getAllPages();
    for (auto &[name, image] : pages.front().getImages())
        image.replaceStreamData(jpeg.toStdString(), QPDFObjectHandle::newName("/DCTDecode"),
                                QPDFObjectHandle::newNull());
    QPDFWriter writer(qpdf);
    writer.setOutputMemory();
    writer.write();
    return toByteArray(writer.getBufferSharedPointer());
}

// The JPEG with an EXIF block saying "display turned by 90 degrees" (orientation 6).
QByteArray withExifOrientation(QByteArray jpeg)
{
    static const char exif[] = "\xFF\xE1\x00\x22" "Exif\x00\x00" "MM\x00\x2A\x00\x00\x00\x08" "\x00\x01"
                               "\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00" "\x00\x00\x00\x00";
    jpeg.insert(2, QByteArray(exif, sizeof(exif) - 1));
    return jpeg;
}

QImage decode(const QByteArray &jpeg)
{
    return QImage::fromData(jpeg, "jpeg");
}

QImage rotated(const QImage &image, int degrees)
{
    return image.transformed(QTransform().rotate(degrees));
}

// Mean absolute difference per channel (0..255) between two images brought to the same small size.
double meanDifference(const QImage &a, const QImage &b)
{
    const QSize small(120, 170);
    const QImage x = a.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).convertToFormat(QImage::Format_RGB32);
    const QImage y = b.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).convertToFormat(QImage::Format_RGB32);
    double total = 0;
    for (int row = 0; row < small.height(); ++row) {
        for (int column = 0; column < small.width(); ++column) {
            const QRgb p = x.pixel(column, row);
            const QRgb q = y.pixel(column, row);
            total += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
        }
    }
    return total / (3.0 * small.width() * small.height());
}

int longSide(const QSize &size)
{
    return std::max(size.width(), size.height());
}

// Scans are mostly white paper, so differences are small in absolute terms: the same page rendered and
// decoded differs by about 0.4, the same page turned by 90 or 180 degrees by 6 to 10.
constexpr double samePage = 2.0;
constexpr double otherPage = 4.0;

} // namespace

class TstPdfPageImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passThrough_returnsTheEmbeddedJpegBytes_data();
    void passThrough_returnsTheEmbeddedJpegBytes();
    void smallLimit_rendersAtTheLongSide();
    void defaultOptions_renderScansLargerThanTheLimit();
    void maxBytes_isNeverExceeded();
    void rotate180_comesOutUpright();
    void rotateQuarter_comesOutUpright_data();
    void rotateQuarter_comesOutUpright();
    void plainJpegStream_passesThrough();
    void exifOrientation_isNotPassedThrough();
    void vectorPage_isRendered();
    void pages_comeInTheOrderAsked();
    void badRequests_giveErrors();
    void damagedStream_stillRenders();
    void decryptedCopy_rendersWithoutPassword();
    void concurrentCalls_giveTheSameImages();
};

void TstPdfPageImages::passThrough_returnsTheEmbeddedJpegBytes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("page");
    QTest::newRow("zesje first page") << zesjeFile << 0;
    QTest::newRow("zesje page 8") << zesjeFile << 7;
    QTest::newRow("zesje last page") << zesjeFile << 19;
    QTest::newRow("solid state first page") << solidStateFile << 0;
    QTest::newRow("solid state page 6") << solidStateFile << 5;
}

void TstPdfPageImages::passThrough_returnsTheEmbeddedJpegBytes()
{
    QFETCH(QString, file);
    QFETCH(int, page);
    const QByteArray pdf = readData(file);
    QVERIFY(!pdf.isEmpty());
    const QList<QByteArray> streams = imageStreamsOfPage(pdf, page);
    QCOMPARE(streams.size(), 1);

    const Result<QList<PageImage>> images = PageImageExtractor::extract(pdf, {page}, roomy());
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    QCOMPARE(images->size(), 1);
    const PageImage &image = images->first();
    QVERIFY(image.passedThrough);
    QCOMPARE(image.jpeg, streams.first());
    const QImage decoded = decode(image.jpeg);
    QVERIFY(!decoded.isNull());
    QCOMPARE(decoded.size(), image.size);
    QVERIFY(longSide(image.size) > 2000);
    QVERIFY(image.size.height() > image.size.width());
}

void TstPdfPageImages::smallLimit_rendersAtTheLongSide()
{
    const QByteArray pdf = readData(zesjeFile);
    PageImageOptions options;
    options.maxLongSide = 800;
    const Result<QList<PageImage>> images = PageImageExtractor::extract(pdf, {0, 13}, options);
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    QCOMPARE(images->size(), 2);
    const Result<QList<PageImage>> originals = PageImageExtractor::extract(pdf, {0, 13}, roomy());
    QVERIFY(originals.isOk());
    for (qsizetype i = 0; i < images->size(); ++i) {
        const PageImage &image = images->at(i);
        QVERIFY(!image.passedThrough);
        QCOMPARE(image.size.height(), 800);
        QVERIFY(image.size.width() < 800);
        const QImage decoded = decode(image.jpeg);
        QCOMPARE(decoded.size(), image.size);
        // The rendering shows the same scan as the embedded JPEG.
        const QImage original = decode(originals->at(i).jpeg);
        const double difference = meanDifference(decoded, original);
        QVERIFY2(difference < samePage, qPrintable(QString::number(difference)));
    }
    QVERIFY(meanDifference(decode(images->at(0).jpeg), decode(images->at(1).jpeg)) > 0.5);
}

void TstPdfPageImages::defaultOptions_renderScansLargerThanTheLimit()
{
    const QByteArray pdf = readData(solidStateFile);
    const Result<QList<PageImage>> images = PageImageExtractor::extract(pdf, {1});
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    QVERIFY(!images->first().passedThrough);
    QCOMPARE(longSide(images->first().size), PageImageOptions().maxLongSide);
    QVERIFY(images->first().jpeg.size() <= PageImageOptions().maxBytes);
}

void TstPdfPageImages::maxBytes_isNeverExceeded()
{
    const QByteArray pdf = readData(solidStateFile);
    const QList<QByteArray> streams = imageStreamsOfPage(pdf, 2);
    QVERIFY(streams.first().size() > 100 * 1024);

    PageImageOptions options = roomy();
    options.maxBytes = 60 * 1024;
    const Result<QList<PageImage>> images = PageImageExtractor::extract(pdf, {2}, options);
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    const PageImage &image = images->first();
    QVERIFY(!image.passedThrough);
    QVERIFY2(image.jpeg.size() <= options.maxBytes, qPrintable(QString::number(image.jpeg.size())));
    const QImage decoded = decode(image.jpeg);
    QCOMPARE(decoded.size(), image.size);
    QVERIFY(meanDifference(decoded, decode(streams.first())) < samePage);
}

void TstPdfPageImages::rotate180_comesOutUpright()
{
    const QByteArray pdf = readData(zesjeFile);
    const QByteArray turned = rotatedCopy(pdf, 180);
    const QImage page = decode(imageStreamsOfPage(pdf, 2).first());
    QVERIFY(!page.isNull());
    // The page is not symmetric, so the comparison below can tell orientations apart.
    QVERIFY(meanDifference(page, rotated(page, 180)) > otherPage);

    // Decoded, turned and re-encoded.
    const Result<QList<PageImage>> decoded = PageImageExtractor::extract(turned, {2}, roomy());
    QVERIFY2(decoded.isOk(), qPrintable(decoded.errorString()));
    QVERIFY(!decoded->first().passedThrough);
    QCOMPARE(decoded->first().size, page.size());
    const QImage shown = decode(decoded->first().jpeg);
    QVERIFY2(meanDifference(rotated(shown, 180), page) < samePage,
             qPrintable(QString::number(meanDifference(rotated(shown, 180), page))));
    QVERIFY(meanDifference(shown, page) > otherPage);

    // Rendered by QtPdf.
    PageImageOptions small;
    small.maxLongSide = 800;
    const Result<QList<PageImage>> rendered = PageImageExtractor::extract(turned, {2}, small);
    QVERIFY2(rendered.isOk(), qPrintable(rendered.errorString()));
    QVERIFY(!rendered->first().passedThrough);
    const QImage renderedImage = decode(rendered->first().jpeg);
    QCOMPARE(renderedImage.height(), 800);
    QVERIFY(meanDifference(rotated(renderedImage, 180), page) < samePage);
    QVERIFY(meanDifference(renderedImage, page) > otherPage);
}

void TstPdfPageImages::rotateQuarter_comesOutUpright_data()
{
    QTest::addColumn<int>("degrees");
    QTest::newRow("90") << 90;
    QTest::newRow("270") << 270;
    QTest::newRow("-90") << -90;
}

void TstPdfPageImages::rotateQuarter_comesOutUpright()
{
    QFETCH(int, degrees);
    const QByteArray pdf = readData(solidStateFile);
    const QByteArray turned = rotatedCopy(pdf, degrees);
    const QImage page = decode(imageStreamsOfPage(pdf, 0).first());
    // What a PDF viewer shows: the page turned clockwise by /Rotate.
    const QImage expected = rotated(page, degrees);
    QVERIFY(meanDifference(expected, rotated(page, degrees + 180)) > otherPage);

    const Result<QList<PageImage>> decoded = PageImageExtractor::extract(turned, {0}, roomy());
    QVERIFY2(decoded.isOk(), qPrintable(decoded.errorString()));
    QCOMPARE(decoded->first().size, page.size().transposed());
    const QImage shown = decode(decoded->first().jpeg);
    QVERIFY2(meanDifference(shown, expected) < samePage, qPrintable(QString::number(meanDifference(shown, expected))));

    PageImageOptions small;
    small.maxLongSide = 800;
    const Result<QList<PageImage>> rendered = PageImageExtractor::extract(turned, {0}, small);
    QVERIFY2(rendered.isOk(), qPrintable(rendered.errorString()));
    const QImage renderedImage = decode(rendered->first().jpeg);
    QCOMPARE(renderedImage.width(), 800);
    QVERIFY2(meanDifference(renderedImage, expected) < samePage,
             qPrintable(QString::number(meanDifference(renderedImage, expected))));
}

void TstPdfPageImages::plainJpegStream_passesThrough()
{
    const QByteArray original = readData(zesjeFile);
    const QByteArray jpeg = imageStreamsOfPage(original, 0).first();
    const QByteArray pdf = withFirstPageJpeg(original, jpeg);
    const Result<QList<PageImage>> images = PageImageExtractor::extract(pdf, {0}, roomy());
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    QVERIFY(images->first().passedThrough);
    QCOMPARE(images->first().jpeg, jpeg);

    PageImageOptions tight = roomy();
    tight.maxLongSide = 2400;
    tight.maxBytes = jpeg.size() - 1;
    const Result<QList<PageImage>> smaller = PageImageExtractor::extract(pdf, {0}, tight);
    QVERIFY(smaller.isOk());
    QVERIFY(!smaller->first().passedThrough);
    QVERIFY(smaller->first().jpeg.size() <= tight.maxBytes);
}

void TstPdfPageImages::exifOrientation_isNotPassedThrough()
{
    const QByteArray original = readData(zesjeFile);
    const QByteArray jpeg = withExifOrientation(imageStreamsOfPage(original, 0).first());
    QVERIFY(!decode(jpeg).isNull());
    PageImageOptions options = roomy();
    options.maxLongSide = 2400;
    const Result<QList<PageImage>> images = PageImageExtractor::extract(withFirstPageJpeg(original, jpeg), {0}, options);
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    QVERIFY(!images->first().passedThrough);
    // Shown as a PDF viewer shows it: portrait, the EXIF orientation ignored.
    QVERIFY(images->first().size.height() > images->first().size.width());
    QVERIFY(meanDifference(decode(images->first().jpeg), decode(imageStreamsOfPage(original, 0).first())) < samePage);
}

void TstPdfPageImages::vectorPage_isRendered()
{
    // The blank exam was made by LaTeX: text and several pictures, nothing to pass through.
    const QByteArray pdf = readData(QStringLiteral("scans/zesje_demo_blank_exam_source.pdf"));
    const Result<QList<PageImage>> images = PageImageExtractor::extract(pdf, {0, 1}, roomy());
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    for (const PageImage &image : images.value()) {
        QVERIFY(!image.passedThrough);
        QCOMPARE(longSide(image.size), 4000);
        const QImage decoded = decode(image.jpeg);
        QCOMPARE(decoded.size(), image.size);
        // White paper, not a transparent (black) background.
        QCOMPARE(qGray(decoded.pixel(2, 2)) > 240, true);
    }
}

void TstPdfPageImages::pages_comeInTheOrderAsked()
{
    const QByteArray pdf = readData(zesjeFile);
    const Result<QList<PageImage>> images = PageImageExtractor::extract(pdf, {3, 0, 3}, roomy());
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    QCOMPARE(images->size(), 3);
    QCOMPARE(images->at(0).jpeg, imageStreamsOfPage(pdf, 3).first());
    QCOMPARE(images->at(1).jpeg, imageStreamsOfPage(pdf, 0).first());
    QCOMPARE(images->at(2).jpeg, images->at(0).jpeg);
    QVERIFY(images->at(0).jpeg != images->at(1).jpeg);

    const Result<QList<PageImage>> none = PageImageExtractor::extract(pdf, {});
    QVERIFY(none.isOk());
    QVERIFY(none->isEmpty());
}

void TstPdfPageImages::badRequests_giveErrors()
{
    const QByteArray pdf = readData(zesjeFile);
    const Result<QList<PageImage>> past = PageImageExtractor::extract(pdf, {0, 20});
    QCOMPARE(past.error().code, ErrorCode::InvalidInput);
    QVERIFY2(past.errorString().contains(QStringLiteral("21")), qPrintable(past.errorString()));
    QVERIFY(past.errorString().contains(QStringLiteral("20")));
    QCOMPARE(PageImageExtractor::extract(pdf, {-1}).error().code, ErrorCode::InvalidInput);

    PageImageOptions options;
    options.maxLongSide = 0;
    QCOMPARE(PageImageExtractor::extract(pdf, {0}, options).error().code, ErrorCode::InvalidInput);
    options = PageImageOptions();
    options.jpegQuality = 101;
    QCOMPARE(PageImageExtractor::extract(pdf, {0}, options).error().code, ErrorCode::InvalidInput);

    QCOMPARE(PageImageExtractor::extract(QByteArray("oops"), {0}).error().code, ErrorCode::DamagedPdf);
    // A truncated file (PdfInspector refuses those at import) must not crash either.
    const Result<QList<PageImage>> truncated = PageImageExtractor::extract(pdf.left(pdf.size() / 3), {0, 19});
    QVERIFY(truncated.isOk() || truncated.error().code == ErrorCode::DamagedPdf);
}

void TstPdfPageImages::damagedStream_stillRenders()
{
    const QByteArray pdf = readData(QStringLiteral("bad_pdfs/qpdf_damaged_stream.pdf"));
    QVERIFY(!pdf.isEmpty());
    // QtPdf opens the file and draws what it can of the page.
    const Result<QList<PageImage>> images = PageImageExtractor::extract(pdf, {0});
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    QVERIFY(!images->first().passedThrough);
    QCOMPARE(decode(images->first().jpeg).size(), images->first().size);
    QCOMPARE(longSide(images->first().size), PageImageOptions().maxLongSide);
}

void TstPdfPageImages::decryptedCopy_rendersWithoutPassword()
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("bad_pdfs/pypdf_r4_aes128_user_password_asdfzxcv.pdf"));
    const Result<ImportDocument> document = PdfInspector::load(path, QStringLiteral("asdfzxcv"));
    QVERIFY2(document.isOk(), qPrintable(document.errorString()));
    const Result<QList<PageImage>> images = PageImageExtractor::extract(document->data, {0});
    QVERIFY2(images.isOk(), qPrintable(images.errorString()));
    QCOMPARE(longSide(images->first().size), PageImageOptions().maxLongSide);
    QVERIFY(!decode(images->first().jpeg).isNull());

    QFile encrypted(path);
    QVERIFY(encrypted.open(QIODevice::ReadOnly));
    QCOMPARE(PageImageExtractor::extract(encrypted.readAll(), {0}).error().code, ErrorCode::DamagedPdf);
}

void TstPdfPageImages::concurrentCalls_giveTheSameImages()
{
    const QByteArray zesje = readData(zesjeFile);
    const QByteArray turned = rotatedCopy(readData(solidStateFile), 90);
    PageImageOptions rendering;
    rendering.maxLongSide = 300;
    const QList<int> pages{0, 1, 2, 3};
    const QList<int> turnedPages{0, 5};

    const Result<QList<PageImage>> expectedRendered = PageImageExtractor::extract(zesje, pages, rendering);
    const Result<QList<PageImage>> expectedTurned = PageImageExtractor::extract(turned, turnedPages, roomy());
    QVERIFY(expectedRendered.isOk());
    QVERIFY(expectedTurned.isOk());

    constexpr int threadCount = 4;
    QList<QList<PageImage>> results(threadCount * 2);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            const Result<QList<PageImage>> a = PageImageExtractor::extract(zesje, pages, rendering);
            const Result<QList<PageImage>> b = PageImageExtractor::extract(turned, turnedPages, roomy());
            if (a.isOk())
                results[2 * t] = a.value();
            if (b.isOk())
                results[2 * t + 1] = b.value();
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(60000)));
    for (int t = 0; t < threadCount; ++t) {
        QCOMPARE(results.at(2 * t).size(), pages.size());
        QCOMPARE(results.at(2 * t + 1).size(), turnedPages.size());
        for (qsizetype p = 0; p < pages.size(); ++p)
            QCOMPARE(results.at(2 * t).at(p).jpeg, expectedRendered->at(p).jpeg);
        for (qsizetype p = 0; p < turnedPages.size(); ++p)
            QCOMPARE(results.at(2 * t + 1).at(p).jpeg, expectedTurned->at(p).jpeg);
    }
}

QTEST_GUILESS_MAIN(TstPdfPageImages)
#include "tst_pdfpageimages.moc"
