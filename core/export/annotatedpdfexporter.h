#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"
#include "core/domain/result.h"
#include "core/pdf/pageimageextractor.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Corrige::Core {

// Everything needed to write the annotated PDFs of a session: plain values, so the job can run on any thread.
struct AnnotatedPdfJob {
    Exam exam;
    QList<Copy> copies;          // the copies to write, in order
    QList<QuestionGrade> grades; // every grade of those copies, from every source
    // Returns the bytes of one stored PDF. Called on the exporting thread, once per document in a row of copies
    // that share it; with a SessionDatabase, give the job a connection of that thread.
    std::function<Result<QByteArray>(qint64 documentId)> loadDocument;
    QString directory;           // created if missing
    bool overwrite = false;      // replace files of the same name
    PageImageOptions imageOptions{3600, 85, 16 * 1024 * 1024};
};

struct AnnotatedPdfOutcome {
    QStringList files;      // absolute paths of the PDFs written, in copy order
    bool cancelled = false; // stopped on request; `files` holds the complete PDFs written before
};

// Writes one PDF per copy into a folder: a summary page (exam, student, total, and per question the score, who
// gave it and the justification; more pages if the justifications need them), then the copy's scanned pages, each
// with a note in the top margin of the scores of the questions found on that page (questions without pages are
// noted on the first). Scans are drawn from PageImageExtractor's upright JPEGs, scaled to an A4 page turned to
// the scan's orientation.
//
// Blocking and reentrant: run it on a worker thread (it needs a QGuiApplication for fonts, but no GUI thread).
// Each file is written through QSaveFile, so a failure or a cancel never leaves a half-written PDF.
class AnnotatedPdfExporter
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::AnnotatedPdfExporter)

public:
    // Called after each copy: copies done, copies in all, and the file just written.
    using Progress = std::function<void(int done, int total, const QString &fileName)>;

    // Errors: InvalidInput when a file to write exists and `overwrite` is off (nothing is written then) or the
    // folder is a file; DamagedPdf when a stored PDF cannot be read; Internal when a file cannot be written.
    static Result<AnnotatedPdfOutcome> run(const AnnotatedPdfJob &job, const Progress &progress = {},
                                           const std::atomic_bool *cancel = nullptr);

    // "<position> - <student, or the copy's label>.pdf", safe on Windows, macOS and Linux.
    static QString fileName(const Copy &copy);
};

} // namespace Corrige::Core
