#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSize>

namespace Corrige::Core {

struct PageImageOptions {
    int maxLongSide = 2000;              // pixels; rendered pages get exactly this long side
    int jpegQuality = 85;                // 1..100, for pages Corrige encodes itself
    qint64 maxBytes = 4 * 1024 * 1024;   // no returned JPEG is larger
};

struct PageImage {
    QByteArray jpeg;
    QSize size;                 // pixels of the upright page image
    bool passedThrough = false; // `jpeg` is the scan's own JPEG stream, byte for byte
};

// Turns PDF pages into upright JPEG images for the vision models. Reentrant: call it from any number of
// worker threads at once; PDFium work is serialised by pdfiumMutex(), qpdf and JPEG coding run in parallel.
//
// Pass-through: qpdf parses the page's content. When it draws exactly one image XObject over the whole
// visible page (axis-aligned, within 1%), and nothing else visible (invisible OCR text, render mode 3, is
// allowed), no annotations, and the image is an 8-bit gray or RGB JPEG (/DCTDecode, possibly wrapped in
// one /FlateDecode layer as some OCR tools write it) without mask, decode array or decode parameters,
// within maxLongSide and maxBytes, then the JPEG file stored in the PDF is returned byte for byte.
// Rotated pages: such a page with /Rotate 90, 180 or 270 is decoded, turned upright (clockwise, as
// viewers show it) and re-encoded at jpegQuality, without PDFium (passedThrough false).
// Every other page is rendered by QtPdf with its annotations on white, honouring /Rotate, at a long side
// of exactly maxLongSide, and encoded at jpegQuality. When an encoded page would exceed maxBytes, the
// quality and then the size are lowered until it fits. If qpdf cannot parse the file, every page is
// rendered.
class PageImageExtractor
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::PageImageExtractor)

public:
    // Opens the PDF once and returns one image per entry of `pageIndexes` (0-based), in that order.
    // Errors: InvalidInput for a page index out of range or unusable options, DamagedPdf when neither qpdf
    // nor QtPdf can read the document or a page cannot be rendered.
    static Result<QList<PageImage>> extract(const QByteArray &pdf, const QList<int> &pageIndexes,
                                            const PageImageOptions &options = {});
};

} // namespace Corrige::Core
