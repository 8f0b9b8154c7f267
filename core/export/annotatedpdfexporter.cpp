#include "core/export/annotatedpdfexporter.h"

#include "core/export/exportfile.h"
#include "core/export/statusreport.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <memory>

namespace Corrige::Core {

namespace {

constexpr int resolution = 300;          // dots per inch of the drawing coordinates
constexpr qreal marginMm = 15.0;
constexpr qreal footerMm = 8.0;          // room kept at the foot of each summary page for "page i of n"
constexpr qreal cellPaddingMm = 1.6;
constexpr qsizetype maxNameLength = 100; // characters of the student's part of a file name
constexpr qreal columnShares[] = {0.20, 0.13, 0.67};

qreal mm(qreal millimetres)
{
    return millimetres / 25.4 * resolution;
}

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
    const std::optional<double> score = grade.exportedScore();
    //: A score out of a maximum, e.g. "2.5 / 4"; "–" when there is no score yet
    return AnnotatedPdfExporter::tr("%1 / %2").arg(score ? points(*score) : QStringLiteral("–"), points(grade.maxPoints));
}

QString html(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// What the student reads about one question: the justification (unless the mark is not settled), what the copy
// showed (blank, illegible), and the teacher's comment. Never a flag meant for the teacher.
QString commentHtml(const EffectiveGrade &grade)
{
    QStringList parts;
    if (grade.exportedScore() && !grade.justification.isEmpty())
        parts.append(html(grade.justification));
    if (!grade.byTeacher) {
        if (grade.flags.testFlag(GradeFlag::Blank))
            parts.append(QStringLiteral("<i>%1</i>").arg(html(AnnotatedPdfExporter::tr("No answer found."))));
        else if (grade.flags.testFlag(GradeFlag::Illegible))
            parts.append(QStringLiteral("<i>%1</i>").arg(html(AnnotatedPdfExporter::tr("Hard to read."))));
    }
    if (grade.undecided)
        parts.append(QStringLiteral("<i>%1</i>").arg(html(AnnotatedPdfExporter::tr("Mark to come."))));
    if (!grade.teacherComment.isEmpty())
        parts.append(QStringLiteral("<b>%1</b> %2").arg(html(AnnotatedPdfExporter::tr("Teacher:")), html(grade.teacherComment)));
    return parts.join(QStringLiteral("<br>"));
}

QString headHtml(const Exam &exam, const CopyReport &report)
{
    const Copy &copy = report.copy;
    QString out = QStringLiteral("<h2>%1</h2>").arg(html(exam.title));
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

    int settled = 0;
    for (const EffectiveGrade &grade : report.questions)
        settled += grade.exportedScore() ? 1 : 0;
    double settledTotal = 0;
    for (const EffectiveGrade &grade : report.questions)
        settledTotal += grade.exportedScore().value_or(0.0);
    QString total;
    if (report.isComplete())
        total = AnnotatedPdfExporter::tr("Total: %1 / %2").arg(points(report.total), points(report.maxTotal));
    else
        total = AnnotatedPdfExporter::tr("Total so far: %1 / %2 (%3 of %4 questions marked)")
                    .arg(points(settledTotal), points(report.maxTotal))
                    .arg(settled)
                    .arg(report.questions.size());
    out += QStringLiteral("<p style=\"font-size:15pt\"><b>%1</b></p>").arg(html(total));
    return out;
}

// A font whose text extracts as typed: Qt turns ligatures off when letters are spaced, so "fi" stays two letters.
QFont summaryFont(QPaintDevice *device, qreal pointSize)
{
    QFont font(QGuiApplication::font(), device);
    font.setPointSizeF(pointSize);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.01);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

std::unique_ptr<QTextDocument> textBlock(const QString &htmlText, qreal width, QPaintDevice *device, qreal pointSize)
{
    auto document = std::make_unique<QTextDocument>();
    document->documentLayout()->setPaintDevice(device);
    document->setDocumentMargin(0);
    document->setDefaultFont(summaryFont(device, pointSize));
    document->setHtml(htmlText);
    document->setTextWidth(width);
    return document;
}

// The bottom of the last line of `document` that ends at or above `limit` (document coordinates), after `from`.
// At least one line is taken, so a line taller than the page still moves on.
qreal breakBefore(QTextDocument &document, qreal from, qreal limit)
{
    qreal best = from;
    qreal firstBeyond = -1;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const qreal top = document.documentLayout()->blockBoundingRect(block).top();
        const QTextLayout *layout = block.layout();
        for (int i = 0; layout && i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            const qreal bottom = top + line.y() + line.height();
            if (bottom <= from + 0.01)
                continue;
            if (bottom <= limit + 0.01)
                best = std::max(best, bottom);
            else if (firstBeyond < 0)
                firstBeyond = bottom;
        }
    }
    if (best <= from + 0.01)
        return firstBeyond > 0 ? firstBeyond : document.size().height();
    return best;
}

struct Cell {
    std::unique_ptr<QTextDocument> document;
};

struct Row {
    std::vector<Cell> cells;
    bool header = false;
};

// Corrige's own pages for one copy, written with QPdfWriter into memory.
class SummaryWriter
{
public:
    QByteArray write(const Exam &exam, const CopyReport &report, const QString &title)
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(resolution);
        writer.setCreator(QStringLiteral("Corrige"));
        writer.setTitle(title);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(marginMm, marginMm, marginMm, marginMm), QPageLayout::Millimeter));
        const qreal width = writer.width();
        const qreal bodyHeight = writer.height() - mm(footerMm);
        const qreal padding = mm(cellPaddingMm);

        const std::unique_ptr<QTextDocument> head = textBlock(headHtml(exam, report), width, &writer, 10.5);
        const auto makeRow = [&](const QStringList &texts, bool header) {
            Row row;
            row.header = header;
            for (int c = 0; c < 3; ++c)
                row.cells.push_back({textBlock(texts.value(c), width * columnShares[c] - 2 * padding, &writer, 10)});
            return row;
        };
        Row headerRow = makeRow({QStringLiteral("<b>%1</b>").arg(html(AnnotatedPdfExporter::tr("Question"))),
                                 QStringLiteral("<b>%1</b>").arg(html(AnnotatedPdfExporter::tr("Score"))),
                                 QStringLiteral("<b>%1</b>").arg(html(AnnotatedPdfExporter::tr("Comments")))},
                                true);
        std::vector<Row> rows;
        for (qsizetype i = 0; i < report.questions.size(); ++i) {
            const EffectiveGrade &grade = report.questions.at(i);
            const QString label = i < exam.questions.size() ? exam.questions.at(i).displayLabel() : grade.questionId;
            rows.push_back(makeRow({html(label), html(scoreText(grade)), commentHtml(grade)}, false));
        }
        std::unique_ptr<QTextDocument> closing;
        if (!report.teacherComment.isEmpty())
            closing = textBlock(QStringLiteral("<p><b>%1</b><br>%2</p>")
                                    .arg(html(AnnotatedPdfExporter::tr("Teacher's comment")), html(report.teacherComment)),
                                width, &writer, 10.5);

        // Lay out first (what goes on which page), then draw, so each page can say "page i of n".
        struct Piece {
            enum Kind { Head, TableRow, Closing } kind;
            int row = -1;             // for TableRow; -1 is the header row
            qreal y = 0;              // top on the page
            qreal height = 0;         // on the page, padding included for rows
            std::vector<qreal> from;  // per cell (or one for blocks): the part of the document drawn, from..to
            std::vector<qreal> to;
        };
        std::vector<std::vector<Piece>> pages(1);
        qreal y = 0;
        const auto newPage = [&] {
            pages.emplace_back();
            y = 0;
        };
        const qreal headHeight = head->size().height();
        pages.back().push_back({Piece::Head, -1, 0, headHeight, {0}, {headHeight}});
        y = headHeight + mm(2);
        const qreal headerHeight = rowHeight(headerRow, padding);
        const auto placeHeader = [&] {
            std::vector<qreal> from(3, 0.0), to;
            for (const Cell &cell : headerRow.cells)
                to.push_back(cell.document->size().height());
            pages.back().push_back({Piece::TableRow, -1, y, headerHeight, from, to});
            y += headerHeight;
        };
        // A new page needs room for the header and at least one line of a row.
        if (y + headerHeight + mm(12) > bodyHeight)
            newPage();
        placeHeader();
        for (int r = 0; r < int(rows.size()); ++r) {
            Row &row = rows[size_t(r)];
            std::vector<qreal> from(3, 0.0);
            bool done = false;
            while (!done) {
                const qreal room = bodyHeight - y - 2 * padding;
                std::vector<qreal> to;
                bool fits = true;
                for (int c = 0; c < 3; ++c) {
                    QTextDocument &document = *row.cells[size_t(c)].document;
                    const qreal end = document.size().height();
                    if (end - from[size_t(c)] <= room + 0.01) {
                        to.push_back(end);
                    } else {
                        fits = false;
                        to.push_back(from[size_t(c)] + room > from[size_t(c)] ? breakBefore(document, from[size_t(c)], from[size_t(c)] + room)
                                                                              : from[size_t(c)]);
                    }
                }
                // A row that starts low on a page and does not fit moves whole to the next one.
                const bool fresh = std::all_of(from.begin(), from.end(), [](qreal v) { return v == 0; });
                if (!fits && fresh && y > headerHeight + 0.01 && rowHeight(row, padding) <= bodyHeight - headerHeight) {
                    newPage();
                    placeHeader();
                    continue;
                }
                qreal height = 0;
                for (int c = 0; c < 3; ++c) {
                    // A cut that would go past the room (a single line taller than it) is kept to the room.
                    to[size_t(c)] = std::min(to[size_t(c)], from[size_t(c)] + std::max(room, mm(5)));
                    height = std::max(height, to[size_t(c)] - from[size_t(c)]);
                }
                height += 2 * padding;
                pages.back().push_back({Piece::TableRow, r, y, height, from, to});
                y += height;
                from = to;
                done = fits;
                if (!done) {
                    newPage();
                    placeHeader();
                }
            }
        }
        if (closing) {
            const qreal height = closing->size().height();
            if (y + mm(4) + height > bodyHeight)
                newPage();
            pages.back().push_back({Piece::Closing, -1, y + mm(4), height, {0}, {height}});
        }

        QPainter painter;
        if (!painter.begin(&writer))
            return {};
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, Qt::black);
        const auto drawPart = [&](QTextDocument &document, qreal x, qreal top, qreal from, qreal to) {
            painter.save();
            painter.translate(x, top - from);
            context.clip = QRectF(0, from, document.textWidth(), to - from);
            painter.setClipRect(context.clip);
            document.documentLayout()->draw(&painter, context);
            painter.restore();
        };
        QPen border(QColor(90, 90, 90));
        border.setWidthF(mm(0.25));
        for (size_t p = 0; p < pages.size(); ++p) {
            if (p > 0)
                writer.newPage();
            for (const Piece &piece : pages[p]) {
                switch (piece.kind) {
                case Piece::Head: drawPart(*head, 0, piece.y, piece.from[0], piece.to[0]); break;
                case Piece::Closing: drawPart(*closing, 0, piece.y, piece.from[0], piece.to[0]); break;
                case Piece::TableRow: {
                    Row &row = piece.row < 0 ? headerRow : rows[size_t(piece.row)];
                    if (row.header)
                        painter.fillRect(QRectF(0, piece.y, width, piece.height), QColor(235, 235, 235));
                    qreal x = 0;
                    for (int c = 0; c < 3; ++c) {
                        const qreal columnWidth = width * columnShares[c];
                        drawPart(*row.cells[size_t(c)].document, x + padding, piece.y + padding, piece.from[size_t(c)],
                                 piece.to[size_t(c)]);
                        painter.setPen(border);
                        painter.drawRect(QRectF(x, piece.y, columnWidth, piece.height));
                        x += columnWidth;
                    }
                    break;
                }
                }
            }
            // The foot of the page: which page of the summary this is.
            painter.setPen(Qt::black);
            painter.setFont(summaryFont(&writer, 8.5));
            //: Foot of each summary page of an annotated PDF: "Ada Lovelace — summary, page 1 of 2"
            const QString foot = AnnotatedPdfExporter::tr("%1 — summary, page %2 of %3")
                                     .arg(report.copy.displayName())
                                     .arg(p + 1)
                                     .arg(pages.size());
            painter.drawText(QRectF(0, bodyHeight, width, mm(footerMm)), Qt::AlignRight | Qt::AlignBottom, foot);
        }
        painter.end();
        buffer.close();
        return bytes;
    }

private:
    static qreal rowHeight(const Row &row, qreal padding)
    {
        qreal height = 0;
        for (const Cell &cell : row.cells)
            height = std::max(height, cell.document->size().height());
        return height + 2 * padding;
    }
};

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

// The bytes of a PDF made with qpdf, written in memory without decoding any stream: the scans' image streams
// leave exactly as they were stored.
QByteArray writePdf(QPDF &pdf)
{
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setRecompressFlate(false);
    writer.setDeterministicID(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()), qsizetype(buffer->getSize()));
}

class CopyWriter
{
public:
    explicit CopyWriter(const AnnotatedPdfJob &job)
        : m_job(job)
    {
    }

    // The PDF of one copy: the summary pages, then its scanned pages copied from the stored PDF.
    Result<QByteArray> build(const CopyReport &report)
    {
        using R = Result<QByteArray>;
        const Copy &copy = report.copy;
        //: Title of an annotated PDF: the exam, then the student
        const QString title = AnnotatedPdfExporter::tr("%1 — %2").arg(m_job.exam.title, copy.displayName());
        SummaryWriter summaryWriter;
        const QByteArray summary = summaryWriter.write(m_job.exam, report, title);
        if (summary.isEmpty())
            return R::failure(ErrorCode::Internal,
                              AnnotatedPdfExporter::tr("Cannot draw the summary of %1.").arg(copy.displayName()));
        try {
            QPDF out;
            out.setSuppressWarnings(true);
            out.processMemoryFile("summary", summary.constData(), size_t(summary.size()));
            QPDFPageDocumentHelper outPages(out);
            for (const PageRef &page : copy.pages) {
                Result<std::shared_ptr<QPDF>> source = document(page.documentId);
                if (!source)
                    return R::failure(source.error().code, AnnotatedPdfExporter::tr("Cannot copy the scans of %1: %2")
                                                               .arg(copy.displayName(), source.errorString()));
                std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(*source.value()).getAllPages();
                if (page.pageIndex < 0 || size_t(page.pageIndex) >= pages.size())
                    return R::failure(ErrorCode::DamagedPdf, AnnotatedPdfExporter::tr("Cannot read page %1 of %2.")
                                                                 .arg(page.pageIndex + 1)
                                                                 .arg(copy.displayName()));
                // A page of another QPDF is copied with everything it uses (qpdf's foreign-object copy).
                outPages.addPage(pages.at(size_t(page.pageIndex)), false);
            }
            return writePdf(out);
        } catch (const std::exception &exception) {
            return R::failure(ErrorCode::DamagedPdf, AnnotatedPdfExporter::tr("Cannot copy the scans of %1: %2")
                                                         .arg(copy.displayName(), QString::fromLocal8Bit(exception.what())));
        }
    }

private:
    Result<std::shared_ptr<QPDF>> document(qint64 documentId)
    {
        using R = Result<std::shared_ptr<QPDF>>;
        if (const auto found = m_documents.constFind(documentId); found != m_documents.cend())
            return found.value();
        if (!m_job.loadDocument)
            return R::failure(ErrorCode::Internal, AnnotatedPdfExporter::tr("No way to read the scans was given."));
        Result<QByteArray> data = m_job.loadDocument(documentId);
        if (!data)
            return data.error();
        // qpdf reads the bytes in place: keep them alive with the QPDF. One stored PDF at a time.
        m_documents.clear();
        m_bytes = data.value();
        auto pdf = std::make_shared<QPDF>();
        try {
            pdf->setSuppressWarnings(true);
            pdf->processMemoryFile("scans", m_bytes.constData(), size_t(m_bytes.size()));
        } catch (const std::exception &exception) {
            return R::failure(ErrorCode::DamagedPdf, AnnotatedPdfExporter::tr("A scan of this session cannot be read: %1")
                                                         .arg(QString::fromLocal8Bit(exception.what())));
        }
        m_documents.insert(documentId, pdf);
        return pdf;
    }

    const AnnotatedPdfJob &m_job;
    QByteArray m_bytes;
    QHash<qint64, std::shared_ptr<QPDF>> m_documents;
};

Result<QByteArray> mergedPdf(const QList<QByteArray> &pdfs)
{
    try {
        QPDF out;
        out.emptyPDF();
        QPDFPageDocumentHelper outPages(out);
        std::vector<std::unique_ptr<QPDF>> sources;
        for (const QByteArray &bytes : pdfs) {
            auto source = std::make_unique<QPDF>();
            source->setSuppressWarnings(true);
            source->processMemoryFile("copy", bytes.constData(), size_t(bytes.size()));
            for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(*source).getAllPages())
                outPages.addPage(page, false);
            sources.push_back(std::move(source));
        }
        return writePdf(out);
    } catch (const std::exception &exception) {
        return Result<QByteArray>::failure(ErrorCode::Internal,
                                           AnnotatedPdfExporter::tr("Cannot merge the PDFs: %1")
                                               .arg(QString::fromLocal8Bit(exception.what())));
    }
}

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

    const StatusReport report = StatusReport::build(job.exam, job.copies, job.grades, job.comments);
    AnnotatedPdfOutcome outcome;

    // Every name first, so nothing is written when a file would be replaced against the teacher's wishes.
    const QDir dir(job.directory);
    QList<int> toWrite;
    QStringList paths;
    QSet<QString> taken;
    for (int i = 0; i < int(report.copies().size()); ++i) {
        const CopyReport &copyReport = report.copies().at(i);
        const Copy &copy = copyReport.copy;
        if (copy.status == CopyStatus::Failed || copyReport.gradedQuestions == 0) {
            //: A copy left without an annotated PDF: "#4 Bob (grading failed)"
            outcome.skipped.append(tr("#%1 %2 (%3)")
                                       .arg(copy.position)
                                       .arg(copy.displayName(),
                                            copy.status == CopyStatus::Failed ? tr("grading failed") : tr("not graded")));
            continue;
        }
        QString name = fileName(copy);
        for (int n = 2; taken.contains(name.toLower()); ++n)
            name = fileName(copy).chopped(4) + QStringLiteral(" (%1).pdf").arg(n);
        taken.insert(name.toLower());
        const QString path = dir.absoluteFilePath(name);
        const Status target = ExportFile::checkTarget(path, job.overwrite);
        if (!target && (target.error().code == ErrorCode::InvalidInput))
            return R::failure(ErrorCode::InvalidInput,
                              tr("%1 already exists. Choose another folder, or allow replacing the files.").arg(path));
        toWrite.append(i);
        paths.append(path);
    }
    outcome.planned = int(toWrite.size());
    if (!job.mergedFile.isEmpty()) {
        if (ExportFile::isSessionFile(job.mergedFile))
            return R::failure(ErrorCode::InvalidInput,
                              tr("%1 is a session file: an export never replaces a session. Choose another name.")
                                  .arg(QDir::toNativeSeparators(job.mergedFile)));
        if (!job.overwrite && QFileInfo::exists(job.mergedFile))
            return R::failure(ErrorCode::InvalidInput,
                              tr("%1 already exists. Choose another name, or allow replacing it.").arg(job.mergedFile));
    }
    if (!QDir().mkpath(job.directory))
        return R::failure(ErrorCode::Internal,
                          tr("Cannot create the folder %1. Check that you may write there.")
                              .arg(QDir::toNativeSeparators(job.directory)));

    CopyWriter writer(job);
    QList<QByteArray> written;
    const int total = int(toWrite.size());
    for (int k = 0; k < total; ++k) {
        if (cancel && cancel->load()) {
            outcome.cancelled = true;
            return outcome;
        }
        const CopyReport &copyReport = report.copies().at(toWrite.at(k));
        const Result<QByteArray> pdf = writer.build(copyReport);
        if (!pdf)
            return pdf.error();
        const Status status = ExportFile::write(paths.at(k), pdf.value(), job.overwrite);
        if (!status)
            return status.error();
        if (!job.mergedFile.isEmpty())
            written.append(pdf.value());
        outcome.files.append(paths.at(k));
        if (progress)
            progress(k + 1, total, QFileInfo(paths.at(k)).fileName());
    }
    if (!job.mergedFile.isEmpty() && !written.isEmpty()) {
        const Result<QByteArray> merged = mergedPdf(written);
        if (!merged)
            return merged.error();
        const Status status = ExportFile::write(job.mergedFile, merged.value(), job.overwrite);
        if (!status)
            return status.error();
        outcome.mergedFile = QFileInfo(job.mergedFile).absoluteFilePath();
    }
    return outcome;
}

} // namespace Corrige::Core
