#include "core/export/annotatedpdfexporter.h"

#include "core/export/statusreport.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QTextDocument>

#include <cmath>

namespace Corrige::Core {

namespace {

constexpr int resolution = 300;         // dots per inch of the drawing coordinates
constexpr qreal marginMm = 12.0;
constexpr qreal noteGapMm = 2.0;        // between the margin note and the scan
constexpr qsizetype maxNameLength = 100; // characters of the student's part of a file name

// The grades of one question of one copy, by source.
struct QuestionGrades {
    const QuestionGrade *teacher = nullptr;
    const QuestionGrade *final = nullptr;
    const QuestionGrade *modelA = nullptr;
    const QuestionGrade *modelB = nullptr;
};

QString points(double value)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    double rounded = std::round(value * 100.0) / 100.0;
    if (rounded == 0.0)
        rounded = 0.0;
    return locale.toString(rounded, 'f', QLocale::FloatingPointShortest);
}

QString scoreText(const EffectiveGrade &grade)
{
    //: A score out of a maximum, e.g. "2.5 / 4"; "–" when there is no score yet
    return AnnotatedPdfExporter::tr("%1 / %2")
        .arg(grade.score ? points(*grade.score) : QStringLiteral("–"), points(grade.maxPoints));
}

QString sourceText(const EffectiveGrade &grade)
{
    if (!grade.score)
        return {};
    //: Who gave a grade: the teacher, or the AI models
    return grade.byTeacher ? AnnotatedPdfExporter::tr("teacher") : AnnotatedPdfExporter::tr("AI");
}

QString justification(const EffectiveGrade &grade, const QuestionGrades &grades)
{
    if (grade.byTeacher)
        return grades.teacher ? grades.teacher->justification : QString();
    for (const QuestionGrade *candidate : {grades.final, grades.modelA, grades.modelB}) {
        if (candidate && !candidate->justification.trimmed().isEmpty())
            return candidate->justification;
    }
    return {};
}

QString flagWords(GradeFlags flags, bool byTeacher)
{
    QStringList words;
    if (flags.testFlag(GradeFlag::Blank))
        words.append(AnnotatedPdfExporter::tr("blank"));
    if (flags.testFlag(GradeFlag::Illegible))
        words.append(AnnotatedPdfExporter::tr("illegible"));
    if (flags.testFlag(GradeFlag::Suspicious))
        words.append(AnnotatedPdfExporter::tr("instructions to the grader found on the copy"));
    if (flags.testFlag(GradeFlag::Clamped))
        words.append(AnnotatedPdfExporter::tr("score brought within the maximum"));
    if (flags.testFlag(GradeFlag::NeedsReview) && !byTeacher)
        words.append(AnnotatedPdfExporter::tr("needs review"));
    return words.join(QStringLiteral(", "));
}

QString html(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString summaryHtml(const Exam &exam, const CopyReport &report, const QHash<QString, QuestionGrades> &grades)
{
    const Copy &copy = report.copy;
    QString out;
    out += QStringLiteral("<h2>%1</h2>").arg(html(exam.title));
    QString who = QStringLiteral("<b>%1</b>").arg(html(copy.displayName()));
    if (!copy.studentName.isEmpty() && copy.label != copy.studentName)
        who += QStringLiteral(" — %1").arg(html(copy.label));
    QStringList details;
    if (!copy.studentId.isEmpty())
        details.append(html(AnnotatedPdfExporter::tr("Student ID: %1").arg(copy.studentId)));
    if (!copy.studentEmail.isEmpty())
        details.append(html(copy.studentEmail));
    if (!details.isEmpty())
        who += QStringLiteral("<br>") + details.join(QStringLiteral(" · "));
    out += QStringLiteral("<p>%1</p>").arg(who);

    const bool complete = !report.questions.isEmpty() && report.gradedQuestions == report.questions.size();
    QString total;
    if (complete)
        total = AnnotatedPdfExporter::tr("Total: %1 / %2").arg(points(report.total), points(report.maxTotal));
    else if (report.gradedQuestions > 0)
        total = AnnotatedPdfExporter::tr("Total so far: %1 / %2 (%3 of %4 questions graded)")
                    .arg(points(report.total), points(report.maxTotal))
                    .arg(report.gradedQuestions)
                    .arg(report.questions.size());
    else
        total = AnnotatedPdfExporter::tr("Not graded yet (out of %1)").arg(points(report.maxTotal));
    out += QStringLiteral("<p style=\"font-size:15pt\"><b>%1</b></p>").arg(html(total));
    if (copy.status == CopyStatus::Failed)
        out += QStringLiteral("<p><i>%1</i></p>")
                   .arg(html(copy.error.isEmpty() ? AnnotatedPdfExporter::tr("Grading failed.")
                                                  : AnnotatedPdfExporter::tr("Grading failed: %1").arg(copy.error)));
    else if (copy.status == CopyStatus::NeedsReview)
        out += QStringLiteral("<p><i>%1</i></p>")
                   .arg(html(AnnotatedPdfExporter::tr("Some grades still need the teacher's review.")));

    out += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\" width=\"100%\">"
                          "<thead><tr><th width=\"18%\" align=\"left\">%1</th><th width=\"12%\" align=\"left\">%2</th>"
                          "<th width=\"13%\" align=\"left\">%3</th><th align=\"left\">%4</th></tr></thead>")
               .arg(html(AnnotatedPdfExporter::tr("Question")), html(AnnotatedPdfExporter::tr("Score")),
                    html(AnnotatedPdfExporter::tr("Graded by")), html(AnnotatedPdfExporter::tr("Justification")));
    for (qsizetype i = 0; i < report.questions.size(); ++i) {
        const EffectiveGrade &grade = report.questions.at(i);
        const QuestionGrades byQuestion = grades.value(grade.questionId);
        const QString label = i < exam.questions.size() ? exam.questions.at(i).displayLabel() : grade.questionId;
        QString why = html(justification(grade, byQuestion));
        const QString flags = flagWords(grade.flags, grade.byTeacher);
        if (!flags.isEmpty())
            why += QStringLiteral("%1<i>(%2)</i>").arg(why.isEmpty() ? QString() : QStringLiteral(" "), html(flags));
        out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                   .arg(html(label), html(scoreText(grade)), html(sourceText(grade)), why);
    }
    out += QStringLiteral("</table>");
    return out;
}

// The note in the top margin of one scanned page: the scores of the questions answered on it.
QString pageNote(const Exam &exam, const CopyReport &report, int pageIndex, int pageCount)
{
    QStringList scores;
    for (qsizetype i = 0; i < report.questions.size() && i < exam.questions.size(); ++i) {
        const Question &question = exam.questions.at(i);
        const bool onThisPage = question.pages.isEmpty() ? pageIndex == 0 : question.pages.contains(pageIndex + 1);
        if (!onThisPage)
            continue;
        const EffectiveGrade &grade = report.questions.at(i);
        QString score = AnnotatedPdfExporter::tr("%1: %2").arg(question.displayLabel(), scoreText(grade));
        if (grade.byTeacher)
            score = AnnotatedPdfExporter::tr("%1 (teacher)").arg(score);
        scores.append(score);
    }
    //: The top of each scanned page of an annotated PDF: "Page 2 of 4 — Ada Lovelace"
    QString note = AnnotatedPdfExporter::tr("Page %1 of %2 — %3")
                       .arg(pageIndex + 1)
                       .arg(pageCount)
                       .arg(report.copy.displayName());
    if (!scores.isEmpty())
        note += QStringLiteral("   ") + scores.join(QStringLiteral(" · "));
    return note;
}

QString sanitized(const QString &name)
{
    static const QString forbidden = QStringLiteral("<>:\"/\\|?*");
    QString out;
    out.reserve(name.size());
    for (const QChar ch : name) {
        if (ch.isSpace()) {
            out += QLatin1Char(' ');
            continue;
        }
        const QChar::Category category = ch.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format)
            continue; // control characters, bidirectional overrides, zero-width marks
        out += forbidden.contains(ch) ? QLatin1Char('_') : ch;
    }
    out = out.simplified();
    if (out.size() > maxNameLength) {
        out.truncate(maxNameLength);
        if (out.back().isHighSurrogate())
            out.chop(1);
    }
    // Windows drops trailing dots and spaces.
    while (!out.isEmpty() && (out.back() == QLatin1Char('.') || out.back() == QLatin1Char(' ')))
        out.chop(1);
    return out;
}

class CopyWriter
{
public:
    CopyWriter(const AnnotatedPdfJob &job, const std::atomic_bool *cancel)
        : m_job(job)
        , m_cancel(cancel)
    {
    }

    bool isCancelled() const { return m_cancel && m_cancel->load(); }

    // Writes the copy's PDF; when stopped on request, writes nothing and sets `cancelled`.
    Status write(const CopyReport &report, const QHash<QString, QuestionGrades> &grades, const QString &path,
                 bool *cancelled)
    {
        *cancelled = false;
        const Copy &copy = report.copy;
        Result<QList<QImage>> pages = pageImages(copy);
        if (!pages)
            return Status(pages.error());
        if (isCancelled()) {
            *cancelled = true;
            return Status::ok();
        }

        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return Status::failure(ErrorCode::Internal,
                                   AnnotatedPdfExporter::tr("Cannot write %1: %2. Check that you may write in this folder.")
                                       .arg(path, file.errorString()));
        {
            QPdfWriter writer(&file);
            writer.setResolution(resolution);
            writer.setCreator(QStringLiteral("Corrige"));
            //: Title of an annotated PDF: the exam, then the student
            writer.setTitle(AnnotatedPdfExporter::tr("%1 — %2").arg(m_job.exam.title, copy.displayName()));
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                             QMarginsF(marginMm, marginMm, marginMm, marginMm),
                                             QPageLayout::Millimeter));
            QPainter painter;
            if (!painter.begin(&writer))
                return Status::failure(ErrorCode::Internal,
                                       AnnotatedPdfExporter::tr("Cannot start the PDF %1.").arg(path));
            drawSummary(painter, writer, report, grades);
            for (qsizetype i = 0; i < pages->size(); ++i) {
                if (isCancelled()) {
                    painter.end();
                    file.cancelWriting();
                    *cancelled = true;
                    return Status::ok();
                }
                const QImage &image = pages->at(i);
                writer.setPageOrientation(image.width() > image.height() ? QPageLayout::Landscape
                                                                         : QPageLayout::Portrait);
                writer.newPage();
                drawScan(painter, writer, image, pageNote(m_job.exam, report, int(i), int(pages->size())));
            }
            painter.end();
        }
        if (!file.commit())
            return Status::failure(ErrorCode::Internal,
                                   AnnotatedPdfExporter::tr("Cannot write %1: %2. Check the free space of the disk.")
                                       .arg(path, file.errorString()));
        return Status::ok();
    }

private:
    Result<QList<QImage>> pageImages(const Copy &copy)
    {
        // One extraction per document the copy's pages come from, in page order.
        QList<QImage> images(copy.pages.size());
        QList<qint64> documentIds;
        for (const PageRef &page : copy.pages) {
            if (!documentIds.contains(page.documentId))
                documentIds.append(page.documentId);
        }
        for (const qint64 documentId : documentIds) {
            if (isCancelled())
                return images;
            const Result<QByteArray> pdf = document(documentId);
            if (!pdf)
                return pdf.error();
            QList<int> indexes;
            QList<qsizetype> positions;
            for (qsizetype i = 0; i < copy.pages.size(); ++i) {
                if (copy.pages.at(i).documentId == documentId) {
                    indexes.append(copy.pages.at(i).pageIndex);
                    positions.append(i);
                }
            }
            const Result<QList<PageImage>> extracted = PageImageExtractor::extract(pdf.value(), indexes,
                                                                                 m_job.imageOptions);
            if (!extracted)
                return Result<QList<QImage>>::failure(
                    extracted.error().code, AnnotatedPdfExporter::tr("Cannot draw the pages of %1: %2")
                                                .arg(copy.displayName(), extracted.errorString()));
            for (qsizetype i = 0; i < positions.size(); ++i) {
                QImage image;
                if (!image.loadFromData(extracted->at(i).jpeg, "JPEG"))
                    return Result<QList<QImage>>::failure(
                        ErrorCode::DamagedPdf, AnnotatedPdfExporter::tr("Cannot read page %1 of %2.")
                                                   .arg(copy.pages.at(positions.at(i)).pageIndex + 1)
                                                   .arg(copy.displayName()));
                images[positions.at(i)] = image;
            }
        }
        return images;
    }

    Result<QByteArray> document(qint64 documentId)
    {
        if (m_documentId == documentId && !m_document.isEmpty())
            return m_document;
        m_document.clear();
        if (!m_job.loadDocument)
            return Result<QByteArray>::failure(ErrorCode::Internal, AnnotatedPdfExporter::tr("No way to read the scans was given."));
        Result<QByteArray> data = m_job.loadDocument(documentId);
        if (!data)
            return data;
        m_documentId = documentId;
        m_document = data.value();
        return data;
    }

    void drawSummary(QPainter &painter, QPdfWriter &writer, const CopyReport &report,
                     const QHash<QString, QuestionGrades> &grades)
    {
        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        document.setDocumentMargin(0);
        QFont font = document.defaultFont();
        font.setPointSizeF(10.5);
        document.setDefaultFont(font);
        document.setHtml(summaryHtml(m_job.exam, report, grades));
        const QSizeF page(writer.width(), writer.height());
        document.setPageSize(page);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, Qt::black);
        for (int i = 0; i < document.pageCount(); ++i) {
            if (i > 0)
                writer.newPage();
            painter.save();
            painter.translate(0, -i * page.height());
            context.clip = QRectF(0, i * page.height(), page.width(), page.height());
            document.documentLayout()->draw(&painter, context);
            painter.restore();
        }
    }

    static void drawScan(QPainter &painter, QPdfWriter &writer, const QImage &image, const QString &note)
    {
        const QRectF area(0, 0, writer.width(), writer.height());
        QFont font(QGuiApplication::font(), &writer);
        font.setPointSizeF(8.5);
        painter.setFont(font);
        painter.setPen(QColor(160, 0, 0));
        const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
        const QRectF noteRect = painter.boundingRect(area, flags, note);
        painter.drawText(area, flags, note);
        const qreal gap = noteGapMm / 25.4 * resolution;
        const QRectF imageArea = area.adjusted(0, noteRect.height() + gap, 0, 0);
        if (image.isNull() || imageArea.height() <= 0)
            return;
        QSizeF size = image.size();
        size.scale(imageArea.size(), Qt::KeepAspectRatio);
        const QRectF target(imageArea.x() + (imageArea.width() - size.width()) / 2, imageArea.y(), size.width(),
                            size.height());
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(target, image);
    }

    const AnnotatedPdfJob &m_job;
    const std::atomic_bool *m_cancel = nullptr;
    qint64 m_documentId = 0;
    QByteArray m_document;
};

} // namespace

QString AnnotatedPdfExporter::fileName(const Copy &copy)
{
    QString who = sanitized(copy.studentName);
    if (who.isEmpty())
        who = sanitized(copy.label);
    if (who.isEmpty())
        who = sanitized(tr("Copy"));
    return QStringLiteral("%1 - %2.pdf").arg(copy.position).arg(who);
}

Result<AnnotatedPdfOutcome> AnnotatedPdfExporter::run(const AnnotatedPdfJob &job, const Progress &progress,
                                                      const std::atomic_bool *cancel)
{
    using R = Result<AnnotatedPdfOutcome>;
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return R::failure(ErrorCode::Internal,
                          tr("Writing annotated PDFs needs Qt's graphical libraries (a QGuiApplication) for its fonts."));

    const QFileInfo folder(job.directory);
    if (folder.exists() && !folder.isDir())
        return R::failure(ErrorCode::InvalidInput,
                          tr("%1 is a file. Give the folder where the PDFs should go.").arg(job.directory));

    // Every name first, so nothing is written when a file would be replaced against the teacher's wishes.
    const QDir dir(job.directory);
    QStringList paths;
    QSet<QString> taken;
    for (const Copy &copy : job.copies) {
        QString name = fileName(copy);
        for (int n = 2; taken.contains(name.toLower()); ++n)
            name = fileName(copy).chopped(4) + QStringLiteral(" (%1).pdf").arg(n);
        taken.insert(name.toLower());
        const QString path = dir.absoluteFilePath(name);
        if (!job.overwrite && QFileInfo::exists(path))
            return R::failure(ErrorCode::InvalidInput,
                              tr("%1 already exists. Choose another folder, or allow replacing the files.").arg(path));
        paths.append(path);
    }
    if (!QDir().mkpath(job.directory))
        return R::failure(ErrorCode::Internal,
                          tr("Cannot create the folder %1. Check that you may write there.").arg(job.directory));

    const StatusReport report = StatusReport::build(job.exam, job.copies, job.grades);
    QHash<qint64, QHash<QString, QuestionGrades>> index;
    for (const QuestionGrade &grade : job.grades) {
        QuestionGrades &slot = index[grade.copyId][grade.questionId];
        switch (grade.source) {
        case GradeSource::Teacher: slot.teacher = &grade; break;
        case GradeSource::Final: slot.final = &grade; break;
        case GradeSource::ModelA: slot.modelA = &grade; break;
        case GradeSource::ModelB: slot.modelB = &grade; break;
        }
    }

    AnnotatedPdfOutcome outcome;
    CopyWriter writer(job, cancel);
    const int total = int(report.copies().size());
    for (int i = 0; i < total; ++i) {
        if (writer.isCancelled()) {
            outcome.cancelled = true;
            return outcome;
        }
        const CopyReport &copyReport = report.copies().at(i);
        bool cancelled = false;
        const Status status = writer.write(copyReport, index.value(copyReport.copy.id), paths.at(i), &cancelled);
        if (!status)
            return status.error();
        if (cancelled) {
            outcome.cancelled = true;
            return outcome;
        }
        outcome.files.append(paths.at(i));
        if (progress)
            progress(i + 1, total, QFileInfo(paths.at(i)).fileName());
    }
    return outcome;
}

} // namespace Corrige::Core
