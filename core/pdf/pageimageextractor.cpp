#include "core/pdf/pageimageextractor.h"

#include "core/pdf/pdfiumlock.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfDocumentRenderOptions>
#include <QRectF>
#include <QTransform>

#include <qpdf/Buffer.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace Corrige::Core {

namespace {

Q_LOGGING_CATEGORY(lcPageImages, "corrige.pdf", QtWarningMsg)

constexpr int minimumLongSide = 16;
constexpr int lowestQuality = 30;
constexpr int qualityStep = 15;
constexpr double shrinkFactor = 0.75;

// ---- Pass-through detection (qpdf) ----------------------------------------------------------------------

// A page image that can be sent as it is stored in the PDF.
struct EmbeddedJpeg {
    QByteArray bytes;
    QSize size;
    int rotation = 0; // the page's /Rotate, 0, 90, 180 or 270
};

// Collects what a content stream draws. Allowed: graphics-state bookkeeping, invisible text (the OCR layer
// scanners add, text render mode 3) and one XObject drawn with a known matrix. Anything else that could
// paint, clip or blend makes the page ineligible.
class SingleImageScanner final : public QPDFObjectHandle::ParserCallbacks
{
public:
    void handleObject(QPDFObjectHandle object, size_t, size_t) override
    {
        if (m_rejected)
            return;
        if (!object.isOperator()) {
            if (object.isInlineImage())
                reject();
            else
                m_operands.push_back(object);
            return;
        }
        const std::string op = object.getOperatorValue();
        if (op == "q") {
            m_stack.push_back(m_state);
        } else if (op == "Q") {
            if (!m_stack.empty()) {
                m_state = m_stack.back();
                m_stack.pop_back();
            }
        } else if (op == "cm") {
            double m[6];
            if (!numbers(m, 6))
                return reject();
            m_state.ctm = QTransform(m[0], m[1], m[2], m[3], m[4], m[5]) * m_state.ctm;
        } else if (op == "Tr") {
            double mode = 0;
            if (!numbers(&mode, 1))
                return reject();
            m_state.textRenderMode = int(mode);
        } else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
            if (m_state.textRenderMode != invisibleText)
                return reject();
        } else if (op == "Do") {
            if (m_operands.size() != 1 || !m_operands.front().isName() || !m_imageName.empty())
                return reject();
            m_imageName = m_operands.front().getName();
            m_imageMatrix = m_state.ctm;
        } else if (!isHarmless(op)) {
            return reject();
        }
        m_operands.clear();
    }

    void handleEOF() override {}

    bool drawsOneXObject() const { return !m_rejected && !m_imageName.empty(); }
    const std::string &imageName() const { return m_imageName; }
    const QTransform &imageMatrix() const { return m_imageMatrix; }

private:
    static constexpr int invisibleText = 3;

    struct State {
        QTransform ctm;
        int textRenderMode = 0;
    };

    // Operators that only set state used by text, paths or colours, or position text; none of them paints.
    static bool isHarmless(const std::string &op)
    {
        static const char *const harmless[] = {
            "w",  "J",  "j",  "M",  "d",  "ri", "i",  "g",  "G",  "rg", "RG", "k",   "K",   "cs",  "CS",  "sc",
            "SC", "scn", "SCN", "BMC", "BDC", "EMC", "MP", "DP", "BT", "ET", "Tc", "Tw", "Tz", "TL", "Tf", "Ts",
            "Td", "TD", "Tm", "T*"};
        return std::any_of(std::begin(harmless), std::end(harmless), [&](const char *h) { return op == h; });
    }

    bool numbers(double *values, size_t count)
    {
        if (m_operands.size() != count)
            return false;
        for (size_t i = 0; i < count; ++i) {
            if (!m_operands[i].isNumber())
                return false;
            values[i] = m_operands[i].getNumericValue();
        }
        return true;
    }

    void reject()
    {
        m_rejected = true;
        m_operands.clear();
    }

    std::vector<QPDFObjectHandle> m_operands;
    std::vector<State> m_stack;
    State m_state;
    QTransform m_imageMatrix;
    std::string m_imageName;
    bool m_rejected = false;
};

// Collects a stream's bytes, refusing to grow past a limit (a small zlib stream can inflate to gigabytes).
class BoundedSink final : public Pipeline
{
public:
    explicit BoundedSink(qint64 limit) : Pipeline("page image", nullptr), m_limit(limit) {}

    void write(unsigned char const *data, size_t length) override
    {
        if (m_bytes.size() + qint64(length) > m_limit)
            throw std::length_error("image stream over the size limit");
        m_bytes.append(reinterpret_cast<const char *>(data), qsizetype(length));
    }
    void finish() override {}

    QByteArray takeBytes() { return std::move(m_bytes); }

private:
    qint64 m_limit;
    QByteArray m_bytes;
};

std::optional<QRectF> rectangle(QPDFObjectHandle box)
{
    if (!box.isRectangle())
        return std::nullopt;
    const QPDFObjectHandle::Rectangle r = box.getArrayAsRectangle();
    return QRectF(QPointF(r.llx, r.lly), QPointF(r.urx, r.ury)).normalized();
}

bool isPlainColorSpace(QPDFObjectHandle colorSpace)
{
    if (colorSpace.isName()) {
        const std::string name = colorSpace.getName();
        return name == "/DeviceRGB" || name == "/DeviceGray";
    }
    if (!colorSpace.isArray() || colorSpace.getArrayNItems() < 2 || !colorSpace.getArrayItem(0).isName())
        return false;
    const std::string family = colorSpace.getArrayItem(0).getName();
    if (family == "/CalRGB" || family == "/CalGray")
        return true;
    if (family == "/ICCBased") {
        QPDFObjectHandle profile = colorSpace.getArrayItem(1);
        if (!profile.isStream())
            return false;
        QPDFObjectHandle components = profile.getDict().getKey("/N");
        return components.isInteger() && (components.getIntValue() == 1 || components.getIntValue() == 3);
    }
    return false;
}

// How the JPEG is stored: as the stream itself, or wrapped in one lossless zlib layer (some scanning and
// OCR tools write /Filter [/FlateDecode /DCTDecode]).
enum class JpegStorage { NotJpeg, Raw, Deflated };

std::string nameOrEmpty(QPDFObjectHandle object)
{
    return object.isName() ? object.getName() : std::string();
}

bool isNullOrEmptyDictionary(QPDFObjectHandle object)
{
    return object.isNull() || (object.isDictionary() && object.getKeys().empty());
}

JpegStorage jpegStorage(QPDFObjectHandle dict)
{
    QPDFObjectHandle filter = dict.getKey("/Filter");
    QPDFObjectHandle parms = dict.getKey("/DecodeParms");
    std::vector<std::string> filters;
    std::vector<QPDFObjectHandle> filterParms;
    if (filter.isName()) {
        filters.push_back(filter.getName());
        filterParms.push_back(parms);
    } else if (filter.isArray()) {
        for (int i = 0; i < filter.getArrayNItems(); ++i) {
            filters.push_back(nameOrEmpty(filter.getArrayItem(i)));
            filterParms.push_back(parms.isArray() ? parms.getArrayItem(i) : QPDFObjectHandle::newNull());
        }
        if (!parms.isNull() && !parms.isArray())
            return JpegStorage::NotJpeg;
    }
    // DecodeParms of a JPEG (/ColorTransform) or of zlib (predictors) would change the bytes.
    if (std::any_of(filterParms.begin(), filterParms.end(), [](QPDFObjectHandle p) { return !isNullOrEmptyDictionary(p); }))
        return JpegStorage::NotJpeg;
    if (filters == std::vector<std::string>{"/DCTDecode"})
        return JpegStorage::Raw;
    if (filters == std::vector<std::string>{"/FlateDecode", "/DCTDecode"})
        return JpegStorage::Deflated;
    return JpegStorage::NotJpeg;
}

// The JPEG file stored in the image stream, read by qpdf, or nothing if it is larger than `limit`.
std::optional<QByteArray> jpegBytes(QPDFObjectHandle image, JpegStorage storage, qint64 limit)
{
    const std::shared_ptr<Buffer> raw = image.getRawStreamData();
    if (!raw || raw->getSize() == 0)
        return std::nullopt;
    if (storage == JpegStorage::Raw) {
        if (qint64(raw->getSize()) > limit)
            return std::nullopt;
        return QByteArray(reinterpret_cast<const char *>(raw->getBuffer()), qsizetype(raw->getSize()));
    }
    BoundedSink sink(limit);
    try {
        Pl_Flate inflate("inflate page image", &sink, Pl_Flate::a_inflate);
        inflate.write(raw->getBuffer(), raw->getSize());
        inflate.finish();
    } catch (const std::length_error &) {
        return std::nullopt;
    }
    return sink.takeBytes();
}

// The image covers the visible page if its unit square lands on the page box, axis-aligned and upright.
bool coversPage(const QTransform &matrix, const QRectF &page)
{
    const double scale = std::max(std::abs(matrix.m11()), std::abs(matrix.m22()));
    if (std::abs(matrix.m12()) > scale * 1e-6 || std::abs(matrix.m21()) > scale * 1e-6)
        return false;
    if (matrix.m11() <= 0 || matrix.m22() <= 0)
        return false;
    const QRectF image(matrix.dx(), matrix.dy(), matrix.m11(), matrix.m22());
    const double tolerance = std::max(1.0, 0.01 * std::max(page.width(), page.height()));
    return std::abs(image.left() - page.left()) <= tolerance && std::abs(image.right() - page.right()) <= tolerance
        && std::abs(image.top() - page.top()) <= tolerance && std::abs(image.bottom() - page.bottom()) <= tolerance;
}

std::optional<EmbeddedJpeg> embeddedJpeg(QPDFPageObjectHelper &page, const PageImageOptions &options)
{
    QPDFObjectHandle pageObject = page.getObjectHandle();
    QPDFObjectHandle annotations = pageObject.getKey("/Annots");
    if (annotations.isArray() && annotations.getArrayNItems() > 0)
        return std::nullopt;

    int rotation = 0;
    QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
    if (rotate.isInteger()) {
        const long long degrees = rotate.getIntValue();
        if (degrees % 90 != 0)
            return std::nullopt;
        rotation = int(((degrees % 360) + 360) % 360);
    }

    const std::optional<QRectF> mediaBox = rectangle(page.getMediaBox());
    const std::optional<QRectF> cropBox = rectangle(page.getCropBox());
    if (!mediaBox || !cropBox)
        return std::nullopt;
    const QRectF visible = mediaBox->intersected(*cropBox);
    if (visible.isEmpty())
        return std::nullopt;

    SingleImageScanner scanner;
    page.parseContents(&scanner);
    if (!scanner.drawsOneXObject())
        return std::nullopt;

    QPDFObjectHandle resources = page.getAttribute("/Resources", false);
    if (!resources.isDictionary())
        return std::nullopt;
    QPDFObjectHandle xobjects = resources.getKey("/XObject");
    if (!xobjects.isDictionary())
        return std::nullopt;
    QPDFObjectHandle image = xobjects.getKey(scanner.imageName());
    if (!image.isStream())
        return std::nullopt;
    QPDFObjectHandle dict = image.getDict();
    QPDFObjectHandle subtype = dict.getKey("/Subtype");
    if (!subtype.isName() || subtype.getName() != "/Image")
        return std::nullopt;
    const JpegStorage storage = jpegStorage(dict);
    if (storage == JpegStorage::NotJpeg)
        return std::nullopt;
    for (const char *key : {"/SMask", "/Mask", "/Decode", "/SMaskInData", "/Alternates"}) {
        if (dict.hasKey(key))
            return std::nullopt;
    }
    QPDFObjectHandle imageMask = dict.getKey("/ImageMask");
    if (imageMask.isBool() && imageMask.getBoolValue())
        return std::nullopt;
    QPDFObjectHandle bits = dict.getKey("/BitsPerComponent");
    if (!bits.isInteger() || bits.getIntValue() != 8)
        return std::nullopt;
    if (!isPlainColorSpace(dict.getKey("/ColorSpace")))
        return std::nullopt;
    QPDFObjectHandle width = dict.getKey("/Width");
    QPDFObjectHandle height = dict.getKey("/Height");
    if (!width.isInteger() || !height.isInteger() || width.getIntValue() <= 0 || height.getIntValue() <= 0
        || std::max(width.getIntValue(), height.getIntValue()) > options.maxLongSide)
        return std::nullopt;
    const QSize size(int(width.getIntValue()), int(height.getIntValue()));
    if (!coversPage(scanner.imageMatrix(), visible))
        return std::nullopt;

    std::optional<QByteArray> bytes = jpegBytes(image, storage, options.maxBytes);
    if (!bytes)
        return std::nullopt;
    EmbeddedJpeg jpeg;
    jpeg.bytes = std::move(*bytes);
    jpeg.size = size;
    jpeg.rotation = rotation;

    // The stream must really be a JPEG of the announced size (reads the headers only). PDF viewers ignore
    // an EXIF orientation but a model's image decoder may apply it, so such a JPEG is not sent as it is.
    QBuffer device(&jpeg.bytes);
    device.open(QIODevice::ReadOnly);
    QImageReader reader(&device, "jpeg");
    if (!reader.canRead() || reader.size() != size
        || reader.transformation() != QImageIOHandler::TransformationNone)
        return std::nullopt;
    return jpeg;
}

// ---- JPEG encoding --------------------------------------------------------------------------------------

std::optional<QByteArray> encodeJpeg(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer device(&bytes);
    device.open(QIODevice::WriteOnly);
    QImageWriter writer(&device, "jpeg");
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return std::nullopt;
    return bytes;
}

// Encodes at `quality`, then lower qualities, then smaller sizes, until the JPEG fits in maxBytes.
std::optional<PageImage> encodeWithinLimit(QImage image, const PageImageOptions &options)
{
    for (;;) {
        for (int quality = options.jpegQuality;; quality -= qualityStep) {
            quality = std::max(quality, std::min(lowestQuality, options.jpegQuality));
            const std::optional<QByteArray> jpeg = encodeJpeg(image, quality);
            if (!jpeg)
                return std::nullopt;
            if (jpeg->size() <= options.maxBytes)
                return PageImage{*jpeg, image.size(), false};
            if (quality <= lowestQuality)
                break;
        }
        const QSize smaller = (QSizeF(image.size()) * shrinkFactor).toSize();
        if (std::max(smaller.width(), smaller.height()) < minimumLongSide)
            return std::nullopt;
        image = image.scaled(smaller, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
}

// ---- Rendering (QtPdf) ----------------------------------------------------------------------------------

bool isOpaque(const QImage &image)
{
    if (image.format() != QImage::Format_ARGB32 && image.format() != QImage::Format_ARGB32_Premultiplied)
        return !image.hasAlphaChannel();
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(line[x]) != 255)
                return false;
        }
    }
    return true;
}

// One QPdfDocument for one extract() call, opened on first use. Every PDFium call, including the
// destructor's, happens under pdfiumMutex().
class Renderer
{
public:
    explicit Renderer(const QByteArray &pdf) : m_pdf(pdf) {}
    ~Renderer()
    {
        const QMutexLocker lock(&pdfiumMutex());
        m_document.reset();
    }
    Renderer(const Renderer &) = delete;
    Renderer &operator=(const Renderer &) = delete;

    // -1 if QtPdf cannot open the document.
    int pageCount()
    {
        const QMutexLocker lock(&pdfiumMutex());
        return open() ? m_document->pageCount() : -1;
    }

    // The upright page rendered with a long side of `longSide` pixels, composited on white.
    QImage render(int page, int longSide)
    {
        QImage rendered;
        {
            const QMutexLocker lock(&pdfiumMutex());
            if (!open() || page < 0 || page >= m_document->pageCount())
                return {};
            const QSizeF points = m_document->pagePointSize(page);
            if (points.isEmpty())
                return {};
            const double scale = longSide / std::max(points.width(), points.height());
            const QSize size(std::max(1, int(std::lround(points.width() * scale))),
                             std::max(1, int(std::lround(points.height() * scale))));
            QPdfDocumentRenderOptions renderOptions;
            renderOptions.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
            rendered = m_document->render(page, size, renderOptions);
        }
        if (rendered.isNull())
            return {};
        if (isOpaque(rendered)) {
            // A full-page scan covers every pixel: no need to paint it on paper.
            rendered.reinterpretAsFormat(QImage::Format_RGB32);
            return rendered;
        }
        QImage canvas(rendered.size(), QImage::Format_RGB32);
        canvas.fill(Qt::white);
        QPainter painter(&canvas);
        painter.drawImage(0, 0, rendered);
        painter.end();
        return canvas;
    }

private:
    bool open()
    {
        if (m_document)
            return m_document->status() == QPdfDocument::Status::Ready;
        m_buffer.setData(m_pdf);
        m_buffer.open(QIODevice::ReadOnly);
        m_document = std::make_unique<QPdfDocument>();
        m_document->load(&m_buffer);
        return m_document->status() == QPdfDocument::Status::Ready;
    }

    const QByteArray m_pdf;
    QBuffer m_buffer;
    std::unique_ptr<QPdfDocument> m_document;
};

// ---- Per page -------------------------------------------------------------------------------------------

struct OpenedPdf {
    std::unique_ptr<QPDF> qpdf;
    std::vector<QPDFPageObjectHelper> pages;
};

OpenedPdf openWithQpdf(const QByteArray &pdf)
{
    OpenedPdf opened;
    try {
        opened.qpdf = std::make_unique<QPDF>();
        opened.qpdf->setSuppressWarnings(true);
        opened.qpdf->processMemoryFile("page images", pdf.constData(), size_t(pdf.size()));
        opened.pages = QPDFPageDocumentHelper(*opened.qpdf).getAllPages();
    } catch (const std::exception &exception) {
        qCDebug(lcPageImages) << "qpdf cannot open the PDF, every page will be rendered:" << exception.what();
        opened.pages.clear();
        opened.qpdf.reset();
    }
    return opened;
}

std::optional<PageImage> fromEmbeddedJpeg(const EmbeddedJpeg &jpeg, const PageImageOptions &options)
{
    if (jpeg.rotation == 0)
        return PageImage{jpeg.bytes, jpeg.size, true};
    QByteArray bytes = jpeg.bytes;
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    QImageReader reader(&device, "jpeg");
    reader.setAutoTransform(false);
    const QImage image = reader.read();
    if (image.isNull())
        return std::nullopt;
    return encodeWithinLimit(image.transformed(QTransform().rotate(jpeg.rotation)), options);
}

} // namespace

Result<QList<PageImage>> PageImageExtractor::extract(const QByteArray &pdf, const QList<int> &pageIndexes,
                                                     const PageImageOptions &options)
{
    using Images = Result<QList<PageImage>>;
    if (options.maxLongSide < minimumLongSide || options.jpegQuality < 1 || options.jpegQuality > 100
        || options.maxBytes < 1024)
        return Images::failure(ErrorCode::InvalidInput,
                               PageImageExtractor::tr("The page image settings are out of range (long side %1 px, quality %2, "
                                  "%3 bytes). Use a long side of at least %4 px, a quality from 1 to 100 and "
                                  "at least 1024 bytes.")
                                   .arg(options.maxLongSide)
                                   .arg(options.jpegQuality)
                                   .arg(options.maxBytes)
                                   .arg(minimumLongSide));
    if (pageIndexes.isEmpty())
        return QList<PageImage>();

    OpenedPdf opened = openWithQpdf(pdf);
    Renderer renderer(pdf);
    const int pageCount = opened.qpdf ? int(opened.pages.size()) : renderer.pageCount();
    if (pageCount < 0)
        return Images::failure(ErrorCode::DamagedPdf,
                               PageImageExtractor::tr("The PDF of this copy cannot be read. Import the scan again."));

    QList<PageImage> images;
    images.reserve(pageIndexes.size());
    for (const int index : pageIndexes) {
        if (index < 0 || index >= pageCount)
            return Images::failure(ErrorCode::InvalidInput,
                                   PageImageExtractor::tr("Page %1 does not exist: the PDF has %2 pages. Import the scan again.")
                                       .arg(index + 1)
                                       .arg(pageCount));
        std::optional<EmbeddedJpeg> jpeg;
        if (opened.qpdf) {
            try {
                jpeg = embeddedJpeg(opened.pages[size_t(index)], options);
            } catch (const std::exception &exception) {
                qCDebug(lcPageImages) << "page" << index + 1 << "will be rendered:" << exception.what();
                jpeg.reset();
            }
        }
        std::optional<PageImage> image;
        if (jpeg)
            image = fromEmbeddedJpeg(*jpeg, options);
        if (!image) {
            const QImage rendered = renderer.render(index, options.maxLongSide);
            if (!rendered.isNull())
                image = encodeWithinLimit(rendered, options);
        }
        if (!image)
            return Images::failure(ErrorCode::DamagedPdf,
                                   PageImageExtractor::tr("Page %1 of the PDF cannot be turned into an image. Check the scan, or "
                                      "import it again.")
                                       .arg(index + 1));
        images.append(std::move(*image));
    }
    return images;
}

} // namespace Corrige::Core
