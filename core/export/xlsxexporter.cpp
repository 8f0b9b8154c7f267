#include "core/export/xlsxexporter.h"

#include "core/export/reviewgate.h"
#include "core/export/statusreport.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

namespace Corrige::Core {

namespace {

// Decimals needed to show multiples of `step`: 1 -> 0, 0.5 -> 1, 0.25 -> 2.
int decimalsOf(double step)
{
    for (int decimals = 0; decimals < 4; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-9)
            return decimals;
    }
    return 4;
}

QByteArray numberFormat(int decimals)
{
    return decimals == 0 ? QByteArrayLiteral("0") : QByteArrayLiteral("0.") + QByteArray(decimals, '0');
}

QByteArray columnName(int column)
{
    QByteArray name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        name.prepend(char('A' + (n - 1) % 26));
    return name;
}

struct Stats {
    double mean = 0, median = 0, deviation = 0, minimum = 0, maximum = 0;
    bool valid = false;
};

Stats statsOf(QList<double> values)
{
    Stats stats;
    if (values.isEmpty())
        return stats;
    std::sort(values.begin(), values.end());
    double sum = 0;
    for (double v : values)
        sum += v;
    stats.mean = sum / values.size();
    const qsizetype n = values.size();
    stats.median = n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
    double squares = 0;
    for (double v : values)
        squares += (v - stats.mean) * (v - stats.mean);
    stats.deviation = std::sqrt(squares / n);
    stats.minimum = values.constFirst();
    stats.maximum = values.constLast();
    stats.valid = true;
    return stats;
}

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

} // namespace

Result<QByteArray> XlsxExporter::exportReport(const StatusReport &report)
{
    using R = Result<QByteArray>;
    // libxlsxwriter writes to a named file: a private temporary one, read back and handed to ExportFile.
    QTemporaryDir temp;
    if (!temp.isValid())
        return R::failure(ErrorCode::Internal, tr("Cannot create a temporary folder for the spreadsheet: %1.")
                                                   .arg(temp.errorString()));
    const QByteArray path = QFile::encodeName(temp.filePath(QStringLiteral("grades.xlsx")));
    const QByteArray tmpdir = QFile::encodeName(temp.path());
    lxw_workbook_options options{LXW_FALSE, const_cast<char *>(tmpdir.constData()), LXW_FALSE};
    lxw_workbook *book = workbook_new_opt(path.constData(), &options);
    if (!book)
        return R::failure(ErrorCode::Internal, tr("Cannot start the spreadsheet."));

    const Exam &exam = report.exam();
    const QByteArray gradesName = utf8(tr("Grades"));
    const QByteArray statsName = utf8(tr("Statistics"));
    lxw_worksheet *sheet = workbook_add_worksheet(book, gradesName.constData());
    lxw_worksheet *statsSheet = workbook_add_worksheet(book, statsName.constData());

    lxw_format *header = workbook_add_format(book);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *textFormat = workbook_add_format(book);
    format_set_num_format(textFormat, "@");
    QHash<int, lxw_format *> numberFormats;
    QList<QByteArray> formatStrings; // alive until the workbook is closed
    const auto numbers = [&](int decimals) {
        if (!numberFormats.contains(decimals)) {
            lxw_format *format = workbook_add_format(book);
            formatStrings.append(numberFormat(decimals));
            format_set_num_format(format, formatStrings.constLast().constData());
            numberFormats.insert(decimals, format);
        }
        return numberFormats.value(decimals);
    };

    int totalDecimals = 0;
    QList<int> questionDecimals;
    for (const Question &question : exam.questions) {
        const int decimals = decimalsOf(question.rubric ? question.rubric->step : 0.5);
        questionDecimals.append(decimals);
        totalDecimals = std::max(totalDecimals, decimals);
    }

    // Header.
    QStringList headers{tr("Copy"), tr("Student"), tr("Student ID"), tr("Email")};
    constexpr int firstQuestionColumn = 4;
    for (const Question &question : exam.questions)
        //: Spreadsheet column of one question: its label and its maximum, e.g. "Question 1 (/4)"
        headers.append(tr("%1 (/%2)").arg(question.displayLabel(), QString::number(question.maxPoints)));
    const int totalColumn = firstQuestionColumn + int(exam.questions.size());
    const int markColumn = totalColumn + 1;
    headers << tr("Total (/%1)").arg(QString::number(exam.maxTotal())) << tr("Mark (/20)") << tr("Status")
            << tr("Reason") << tr("Flags");
    for (int column = 0; column < headers.size(); ++column)
        worksheet_write_string(sheet, 0, lxw_col_t(column), utf8(headers.at(column)).constData(), header);
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_set_column(sheet, 0, 0, 10, textFormat);
    worksheet_set_column(sheet, 1, 1, 24, textFormat);
    worksheet_set_column(sheet, 2, 3, 18, textFormat);
    worksheet_set_column(sheet, lxw_col_t(firstQuestionColumn), lxw_col_t(markColumn), 11, nullptr);
    worksheet_set_column(sheet, lxw_col_t(markColumn + 1), lxw_col_t(markColumn + 1), 12, textFormat);
    worksheet_set_column(sheet, lxw_col_t(markColumn + 2), lxw_col_t(markColumn + 3), 40, textFormat);

    QHash<qint64, ReviewItem> attention;
    for (const ReviewItem &item : ReviewGate::items(report))
        attention.insert(item.copyId, item);

    QList<QList<double>> columnValues(exam.questions.size() + 2);
    lxw_row_t row = 1;
    for (const CopyReport &copy : report.copies()) {
        const auto text = [&](int column, const QString &value) {
            if (!value.isEmpty())
                worksheet_write_string(sheet, row, lxw_col_t(column), utf8(value).constData(), textFormat);
        };
        text(0, copy.copy.label);
        text(1, copy.copy.studentName);
        text(2, copy.copy.studentId);
        text(3, copy.copy.studentEmail);
        for (qsizetype i = 0; i < copy.questions.size(); ++i) {
            const std::optional<double> score = copy.questions.at(i).exportedScore();
            if (!score)
                continue;
            worksheet_write_number(sheet, row, lxw_col_t(firstQuestionColumn + i), *score,
                                   numbers(questionDecimals.value(i, 2)));
            columnValues[i].append(*score);
        }
        if (copy.isComplete()) {
            worksheet_write_number(sheet, row, lxw_col_t(totalColumn), copy.total, numbers(totalDecimals));
            columnValues[exam.questions.size()].append(copy.total);
            if (copy.maxTotal > 0) {
                const double mark = copy.total * 20.0 / copy.maxTotal;
                worksheet_write_number(sheet, row, lxw_col_t(markColumn), mark, numbers(2));
                columnValues[exam.questions.size() + 1].append(mark);
            }
        }
        const auto item = attention.constFind(copy.copy.id);
        text(markColumn + 1, item == attention.cend() ? tr("graded") : ReviewGate::statusWord(item->kind));
        text(markColumn + 2, item == attention.cend() ? QString() : item->reason);
        QStringList flags;
        for (qsizetype i = 0; i < copy.questions.size(); ++i) {
            const EffectiveGrade &grade = copy.questions.at(i);
            QStringList words;
            if (grade.flags.testFlag(GradeFlag::Blank))
                words.append(tr("blank"));
            if (grade.flags.testFlag(GradeFlag::Illegible))
                words.append(tr("illegible"));
            if (grade.flags.testFlag(GradeFlag::Suspicious))
                words.append(tr("suspicious"));
            if (grade.flags.testFlag(GradeFlag::Clamped))
                words.append(tr("clamped"));
            if (grade.undecided)
                words.append(tr("models disagree"));
            else if (grade.flags.testFlag(GradeFlag::NeedsReview) && !grade.byTeacher)
                words.append(tr("needs review"));
            if (!words.isEmpty())
                flags.append(tr("%1: %2").arg(exam.questions.value(i).displayLabel(), words.join(QStringLiteral(", "))));
        }
        text(markColumn + 3, flags.join(QStringLiteral("; ")));
        ++row;
    }
    const lxw_row_t lastRow = row; // 1-based number of the last data row

    // Statistics: formulas over the first sheet, with their values cached.
    const QStringList statNames{tr("Mean"), tr("Median"), tr("Standard deviation"), tr("Minimum"), tr("Maximum")};
    const QStringList functions{QStringLiteral("AVERAGE"), QStringLiteral("MEDIAN"), QStringLiteral("STDEVP"),
                                QStringLiteral("MIN"), QStringLiteral("MAX")};
    worksheet_write_string(statsSheet, 0, 0, utf8(tr("Column")).constData(), header);
    for (int s = 0; s < statNames.size(); ++s)
        worksheet_write_string(statsSheet, 0, lxw_col_t(s + 1), utf8(statNames.at(s)).constData(), header);
    worksheet_freeze_panes(statsSheet, 1, 1);
    worksheet_set_column(statsSheet, 0, 0, 24, nullptr);
    worksheet_set_column(statsSheet, 1, lxw_col_t(statNames.size()), 14, nullptr);
    QString quotedSheet = QString::fromUtf8(gradesName);
    quotedSheet.replace(QLatin1Char('\''), QStringLiteral("''"));
    for (qsizetype c = 0; c < columnValues.size(); ++c) {
        const int column = firstQuestionColumn + int(c);
        const lxw_row_t statsRow = lxw_row_t(c + 1);
        worksheet_write_string(statsSheet, statsRow, 0, utf8(headers.at(column)).constData(), textFormat);
        const Stats stats = statsOf(columnValues.at(c));
        const double values[] = {stats.mean, stats.median, stats.deviation, stats.minimum, stats.maximum};
        const QString range = QStringLiteral("'%1'!%2%3:%2%4")
                                  .arg(quotedSheet, QString::fromLatin1(columnName(column)))
                                  .arg(2)
                                  .arg(std::max<lxw_row_t>(lastRow, 2));
        lxw_format *format = numbers(2);
        for (int s = 0; s < functions.size(); ++s) {
            const QByteArray formula = utf8(QStringLiteral("=%1(%2)").arg(functions.at(s), range));
            if (stats.valid)
                worksheet_write_formula_num(statsSheet, statsRow, lxw_col_t(s + 1), formula.constData(), format,
                                            values[s]);
            else
                worksheet_write_formula(statsSheet, statsRow, lxw_col_t(s + 1), formula.constData(), format);
        }
    }

    const lxw_error closed = workbook_close(book);
    if (closed != LXW_NO_ERROR)
        return R::failure(ErrorCode::Internal,
                          tr("Cannot write the spreadsheet: %1.").arg(QString::fromUtf8(lxw_strerror(closed))));
    QFile file(temp.filePath(QStringLiteral("grades.xlsx")));
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(ErrorCode::Internal, tr("Cannot read the spreadsheet back: %1.").arg(file.errorString()));
    return file.readAll();
}

} // namespace Corrige::Core
