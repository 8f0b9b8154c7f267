#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"
#include "core/domain/result.h"

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
    QList<TeacherComment> comments;
    // Returns the bytes of one stored PDF. Called on the exporting thread, once per document in a row of copies
    // that share it; with a SessionDatabase, give the job a connection of that thread.
    std::function<Result<QByteArray>(qint64 documentId)> loadDocument;
    QString directory;           // created if missing
    bool overwrite = false;      // replace files of the same name
    QString mergedFile;          // when set, also every PDF in this one file, in copy order, for printing
};

struct AnnotatedPdfOutcome {
    QStringList files;      // absolute paths of the PDFs written, in copy order
    QStringList skipped;    // the copies without a PDF and why: "#4 Bob (grading failed)"
    QString mergedFile;     // absolute path of the merged PDF, when asked for and written
    int planned = 0;        // the PDFs to write
    bool cancelled = false; // stopped on request; `files` holds the complete PDFs written before
};

// Writes one PDF per copy into a folder: Corrige's summary pages (exam, student, total, and per question the score,
// the justification and the teacher's comment; as many pages as they need, the table's header repeated, "page i of
// n" at the foot), then the copy's scanned pages copied from the stored PDF with qpdf as they are, never
// re-encoded. What the student reads is written for the student: no internal flag, no error, no provisional mark.
// A copy whose grading failed, or that has no grade at all, gets no PDF and is listed in `skipped`.
//
// Blocking and reentrant: run it on a worker thread (it needs a QGuiApplication for fonts, but no GUI thread).
// Each file is written through ExportFile, so a failure or a cancel never leaves a half-written PDF.
class AnnotatedPdfExporter
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::AnnotatedPdfExporter)

public:
    // Called after each copy: copies done, copies in all, and the file just written.
    using Progress = std::function<void(int done, int total, const QString &fileName)>;

    // Errors: InvalidInput when a file to write exists and `overwrite` is off (nothing is written then), the
    // folder is a file or a target is a session; DamagedPdf when a stored PDF cannot be read; Internal when a file
    // cannot be written.
    static Result<AnnotatedPdfOutcome> run(const AnnotatedPdfJob &job, const Progress &progress = {},
                                           const std::atomic_bool *cancel = nullptr);

    // "<position> - <student, or the copy's label>.pdf", safe on Windows, macOS and Linux.
    static QString fileName(const Copy &copy);
};

} // namespace Corrige::Core
