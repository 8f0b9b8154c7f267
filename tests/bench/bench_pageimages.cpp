// Times preparing page images from a real scanned PDF with PageImageExtractor against
// `pdftoppm -r 150 -jpeg` on the same file, in the same run, and prints the ratio
// (ARCHITECTURE.md section 8: target >= 10x). Not a ctest test: run it by hand.
//
//   bench_pageimages [--repetitions N] [PDF]

#include "core/pdf/pageimageextractor.h"
#include "core/pdf/pdfinspector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <optional>

using namespace Corrige::Core;

namespace {

struct Run {
    double milliseconds = 0;
    int passedThrough = 0;
    qint64 bytes = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

std::optional<Run> runExtractor(const QByteArray &pdf, const QList<int> &pages, const PageImageOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    const Result<QList<PageImage>> images = PageImageExtractor::extract(pdf, pages, options);
    Run run;
    run.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    if (!images) {
        QTextStream(stderr) << "PageImageExtractor failed: " << images.errorString() << '\n';
        return std::nullopt;
    }
    for (const PageImage &image : images.value()) {
        run.passedThrough += image.passedThrough ? 1 : 0;
        run.bytes += image.jpeg.size();
    }
    return run;
}

std::optional<Run> runPdftoppm(const QString &pdftoppm, const QString &pdfPath)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return std::nullopt;
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(pdftoppm, {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-jpeg"), pdfPath,
                             dir.filePath(QStringLiteral("page"))});
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QTextStream(stderr) << "pdftoppm failed: " << process.readAllStandardError() << '\n';
        return std::nullopt;
    }
    Run run;
    run.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    for (const QFileInfo &file : QDir(dir.path()).entryInfoList(QDir::Files))
        run.bytes += file.size();
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Page image preparation vs pdftoppm -r 150 -jpeg"));
    parser.addHelpOption();
    const QCommandLineOption repetitionsOption(QStringLiteral("repetitions"), QStringLiteral("Timed runs of each."),
                                               QStringLiteral("N"), QStringLiteral("5"));
    parser.addOption(repetitionsOption);
    parser.addPositionalArgument(QStringLiteral("pdf"), QStringLiteral("The scanned PDF (default: the zesje demo)."));
    parser.process(app);

    QTextStream out(stdout);
    const int repetitions = std::max(1, parser.value(repetitionsOption).toInt());
    const QString pdfPath = parser.positionalArguments().isEmpty()
        ? QDir(QStringLiteral(CORRIGE_TEST_DATA_DIR))
              .filePath(QStringLiteral("scans/zesje_demo_submissions_5students_20pages.pdf"))
        : parser.positionalArguments().constFirst();

    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdftoppm.isEmpty()) {
        out << "pdftoppm is not installed (Debian/Ubuntu: poppler-utils); nothing to compare with.\n";
        return 0;
    }

    const Result<ImportDocument> document = PdfInspector::load(pdfPath);
    if (!document) {
        QTextStream(stderr) << document.errorString() << '\n';
        return 1;
    }
    QList<int> pages;
    for (int i = 0; i < document->pageCount; ++i)
        pages.append(i);

    // The defaults (2000 px) are below the 2339-2347 px of these 200 dpi scans, so every page is rendered;
    // a 3072 px limit (what Gemini accepts without tiling down) lets them pass through.
    PageImageOptions defaults;
    PageImageOptions large;
    large.maxLongSide = 3072;
    large.maxBytes = 8 * 1024 * 1024;

    // Warm-up: page cache, plugin loading, PDFium initialisation.
    if (!runExtractor(document->data, pages, large) || !runExtractor(document->data, pages, defaults)
        || !runPdftoppm(pdftoppm, pdfPath))
        return 1;

    QList<double> largeTimes;
    QList<double> defaultTimes;
    QList<double> pdftoppmTimes;
    Run largeRun;
    Run defaultRun;
    Run pdftoppmRun;
    for (int r = 0; r < repetitions; ++r) {
        const std::optional<Run> a = runExtractor(document->data, pages, large);
        const std::optional<Run> b = runExtractor(document->data, pages, defaults);
        const std::optional<Run> c = runPdftoppm(pdftoppm, pdfPath);
        if (!a || !b || !c)
            return 1;
        largeTimes.append(a->milliseconds);
        defaultTimes.append(b->milliseconds);
        pdftoppmTimes.append(c->milliseconds);
        largeRun = *a;
        defaultRun = *b;
        pdftoppmRun = *c;
    }

    const double largeMs = median(largeTimes);
    const double defaultMs = median(defaultTimes);
    const double pdftoppmMs = median(pdftoppmTimes);
    const auto line = [&](const QString &what, double ms, const Run &run) {
        out << "  " << what.leftJustified(58) << QString::number(ms, 'f', 1).rightJustified(9) << " ms  "
            << QString::number(double(run.bytes) / (1024 * 1024), 'f', 1) << " MiB\n";
    };
    const auto ratio = [&](const QString &what, double ms) {
        const double r = pdftoppmMs / ms;
        out << "  ratio pdftoppm / " << what << ": " << QString::number(r, 'f', 1) << "x (target >= 10x: "
            << (r >= 10 ? "met" : "not met") << ")\n";
    };

    out << "bench_pageimages: " << QFileInfo(pdfPath).fileName() << ", " << pages.size() << " pages, median of "
        << repetitions << " runs, one thread\n";
    line(QStringLiteral("PageImageExtractor, maxLongSide %1 (%2/%3 passed through)")
             .arg(large.maxLongSide)
             .arg(largeRun.passedThrough)
             .arg(pages.size()),
         largeMs, largeRun);
    line(QStringLiteral("PageImageExtractor, defaults %1 px (%2/%3 passed through)")
             .arg(defaults.maxLongSide)
             .arg(defaultRun.passedThrough)
             .arg(pages.size()),
         defaultMs, defaultRun);
    line(QStringLiteral("pdftoppm -r 150 -jpeg"), pdftoppmMs, pdftoppmRun);
    ratio(QStringLiteral("extractor (maxLongSide %1)").arg(large.maxLongSide), largeMs);
    ratio(QStringLiteral("extractor (defaults)"), defaultMs);
    return 0;
}
