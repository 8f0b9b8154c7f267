// PDF import: the inspector (qpdf, then QtPdf) and the page images of the first pages. Any bytes give a document
// or one clear line naming the file, and a document it accepts gives page images or a clear error.
#include "core/pdf/pageimageextractor.h"
#include "core/pdf/pdfinspector.h"
#include "tests/fuzz/fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Corrige::Fuzz::startApplication(true);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Corrige::Core;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<ImportDocument> document = PdfInspector::loadData(bytes, QStringLiteral("scan.pdf"));
    if (!document) {
        Corrige::Fuzz::checkMessage(document.errorString(), QStringLiteral("scan.pdf"));
        return 0;
    }
    QList<int> pages;
    for (int page = 0; page < std::min(document->pageCount, 3); ++page)
        pages.append(page);
    const auto images = PageImageExtractor::extract(document->data, pages, PageImageOptions{400, 60, 1024 * 1024});
    if (!images && images.errorString().isEmpty())
        std::abort();
    return 0;
}
