#include "core/export/csvexporter.h"

#include "core/export/exportfile.h"
#include "core/export/reviewgate.h"
#include "core/export/statusreport.h"

#include <QCollator>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace Corrige::Core {

// Formats, as they stood when this was written:
//
// Moodle ("Import grades from CSV", grade/import/csv/classes/load_data.php and grade/import/lib.php in
// moodle/moodle): the file is UTF-8 (a BOM is stripped), comma-separated, one row per student with a header row;
// a row whose column count differs from the header's stops the import, and a row of one column is skipped. On the
// preview page the teacher maps one column to a user field (id, ID number, email address or username) and each
// other column to a grade item, a new grade item (named after the header), a feedback, or "ignore". Each cell is
// trimmed. A row whose identifier cell is empty keeps the user of the row above (the mapped user is not reset),
// and a user who cannot be found (exact value) stops the whole import. For a grade item, "-" is "no grade"; for a
// new grade item an empty cell becomes 0. Numbers go through unformat_float(), so a decimal point always works.
// Grades are not scaled: the grade item's maximum must be the exam's.
//
// Pronote (Index Éducation) has no published CSV format for a test's marks: teachers type them, or paste a column
// copied from a spreadsheet into the test's column, whose rows are the class in alphabetical "NOM Prénom" order.
// The file is therefore sorted that way, for a French spreadsheet: UTF-8 with a BOM (so Excel on Windows reads the
// accents), semicolons, decimal commas, the total as is and out of 20, at most two decimals.

namespace {

constexpr char bom[] = "\xEF\xBB\xBF";

struct Format {
    QChar separator;
    QChar decimalPoint;
    int decimals = 2;
    bool byteOrderMark = true;
    bool formulaGuard = true;
};

Format formatOf(CsvPreset preset, CsvDialect dialect)
{
    switch (preset) {
    case CsvPreset::Plain:
        return dialect == CsvDialect::ExcelFr ? Format{QLatin1Char(';'), QLatin1Char(','), 3, true, true}
                                              : Format{QLatin1Char(','), QLatin1Char('.'), 3, false, false};
    case CsvPreset::Moodle: return {QLatin1Char(','), QLatin1Char('.'), 3, false, false};
    case CsvPreset::Pronote: return {QLatin1Char(';'), QLatin1Char(','), 2, true, true};
    }
    return {QLatin1Char(','), QLatin1Char('.'), 3, false, false};
}

// Rounded to `decimals`, without trailing zeros: 2.5, 0.25, 3.
QString number(double value, const Format &format)
{
    const double scale = std::pow(10.0, format.decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0.0)
        rounded = 0.0; // no "-0"
    QString text = QString::number(rounded, 'f', format.decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    text.replace(QLatin1Char('.'), format.decimalPoint);
    return text;
}

// A text cell. For a spreadsheet, one that would run as a formula (= + - @, a tab or a carriage return first) gets
// an apostrophe; for scripts and Moodle, the text as stored.
QString text(const QString &value, const Format &format)
{
    if (format.formulaGuard && !value.isEmpty()) {
        const QChar first = value.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            return QLatin1Char('\'') + value;
    }
    return value;
}

// RFC 4180: a field holding the separator, a quote or a line break is quoted, its quotes doubled.
QString quoted(const QString &field, const Format &format)
{
    if (!field.contains(format.separator) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n'))
        && !field.contains(QLatin1Char('\r')))
        return field;
    QString escaped = field;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

void appendRow(QString &out, const QStringList &fields, const Format &format)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += format.separator;
        out += quoted(fields.at(i), format);
    }
    out += QStringLiteral("\r\n");
}

QString flagsText(const Exam &exam, const CopyReport &copy)
{
    QStringList parts;
    for (qsizetype i = 0; i < copy.questions.size(); ++i) {
        const EffectiveGrade &grade = copy.questions.at(i);
        QStringList words;
        if (grade.flags.testFlag(GradeFlag::Blank))
            words.append(CsvExporter::tr("blank"));
        if (grade.flags.testFlag(GradeFlag::Illegible))
            words.append(CsvExporter::tr("illegible"));
        if (grade.flags.testFlag(GradeFlag::Suspicious))
            words.append(CsvExporter::tr("suspicious"));
        if (grade.flags.testFlag(GradeFlag::Clamped))
            words.append(CsvExporter::tr("clamped"));
        if (grade.undecided)
            words.append(CsvExporter::tr("models disagree"));
        else if (grade.flags.testFlag(GradeFlag::NeedsReview) && !grade.byTeacher)
            words.append(CsvExporter::tr("needs review"));
        if (words.isEmpty())
            continue;
        const QString label = i < exam.questions.size() ? exam.questions.at(i).displayLabel() : grade.questionId;
        //: One question's flags in the Flags column of a CSV export, e.g. "Question 2: blank, illegible"
        parts.append(CsvExporter::tr("%1: %2").arg(label, words.join(QStringLiteral(", "))));
    }
    return parts.join(QStringLiteral("; "));
}

QString plain(const StatusReport &report, const Format &format)
{
    const Exam &exam = report.exam();
    QString out;
    QStringList header{CsvExporter::tr("Copy"), CsvExporter::tr("Student"), CsvExporter::tr("Student ID"),
                       CsvExporter::tr("Email")};
    for (const Question &question : exam.questions)
        //: CSV column of one question: its label and its maximum, e.g. "Question 1 (/4)"
        header.append(text(CsvExporter::tr("%1 (/%2)").arg(question.displayLabel(), number(question.maxPoints, format)),
                           format));
    header << CsvExporter::tr("Total") << CsvExporter::tr("Max") << CsvExporter::tr("Status")
           << CsvExporter::tr("Reason") << CsvExporter::tr("Flags");
    appendRow(out, header, format);

    QHash<qint64, ReviewItem> attention;
    for (const ReviewItem &item : ReviewGate::items(report))
        attention.insert(item.copyId, item);
    for (const CopyReport &copy : report.copies()) {
        QStringList row{text(copy.copy.label, format), text(copy.copy.studentName, format),
                        text(copy.copy.studentId, format), text(copy.copy.studentEmail, format)};
        for (const EffectiveGrade &grade : copy.questions) {
            const std::optional<double> score = grade.exportedScore();
            row.append(score ? number(*score, format) : QString());
        }
        const auto item = attention.constFind(copy.copy.id);
        //: The Status column of a CSV export for a copy with nothing left to do
        const QString status = item == attention.cend() ? CsvExporter::tr("graded") : ReviewGate::statusWord(item->kind);
        const QString reason = item == attention.cend() ? QString() : item->reason;
        row << (copy.isComplete() ? number(copy.total, format) : QString()) << number(copy.maxTotal, format)
            << text(status, format) << text(reason, format) << text(flagsText(exam, copy), format);
        appendRow(out, row, format);
    }
    return out;
}

QString identifierOf(const Copy &copy, MoodleIdentifier identifier)
{
    switch (identifier) {
    case MoodleIdentifier::Email: return copy.studentEmail;
    case MoodleIdentifier::IdNumber: return copy.studentId;
    case MoodleIdentifier::Username: return copy.studentUsername;
    }
    return {};
}

// Moodle trims each cell, then looks the user up by the exact value: a value that is empty once trimmed (or "0",
// which PHP's empty() also takes for nothing) would give the grade to the row above.
// PHP's empty() also holds for "0".
bool hasIdentifier(const Copy &copy, MoodleIdentifier identifier)
{
    const QString value = identifierOf(copy, identifier).trimmed();
    return !value.isEmpty() && value != QLatin1String("0");
}

// The column header Moodle's preview shows; the teacher maps it to the user field of the same name.
QString identifierHeader(MoodleIdentifier identifier)
{
    switch (identifier) {
    case MoodleIdentifier::Email: return QStringLiteral("Email address");
    case MoodleIdentifier::IdNumber: return QStringLiteral("ID number");
    case MoodleIdentifier::Username: return QStringLiteral("Username");
    }
    return {};
}

// For the student: each question's score with its justification and the teacher's comment, then the comment on
// the whole copy. Never a flag, a failure or a provisional mark.
QString feedback(const Exam &exam, const CopyReport &copy, const Format &format)
{
    QStringList parts;
    for (qsizetype i = 0; i < copy.questions.size(); ++i) {
        const EffectiveGrade &grade = copy.questions.at(i);
        const std::optional<double> score = grade.exportedScore();
        const QString label = i < exam.questions.size() ? exam.questions.at(i).displayLabel() : grade.questionId;
        if (!score && grade.teacherComment.isEmpty())
            continue;
        QString part = score ? CsvExporter::tr("%1 (%2/%3)").arg(label, number(*score, format), number(grade.maxPoints, format))
                             : label;
        QStringList said;
        if (score && !grade.justification.isEmpty())
            said.append(grade.justification.simplified());
        if (!grade.teacherComment.isEmpty())
            said.append(grade.teacherComment.simplified());
        if (!said.isEmpty())
            //: One question in Moodle feedback: "Question 1 (2/4): the justification"
            part = CsvExporter::tr("%1: %2").arg(part, said.join(QLatin1Char(' ')));
        parts.append(part);
    }
    if (!copy.teacherComment.isEmpty())
        parts.append(copy.teacherComment.simplified());
    return parts.join(QStringLiteral(" — "));
}

QString moodle(const StatusReport &report, const Format &format, const CsvOptions &options)
{
    QString out;
    // The total's header names the grade item Moodle creates when the column is mapped to "new grade item".
    const QString title = report.exam().title.simplified();
    QStringList header{identifierHeader(options.moodleIdentifier), title.isEmpty() ? CsvExporter::tr("Total") : title};
    if (options.moodleFeedback)
        header.append(QStringLiteral("Feedback"));
    appendRow(out, header, format);
    for (const CopyReport &copy : report.copies()) {
        if (!hasIdentifier(copy.copy, options.moodleIdentifier))
            continue;
        const bool graded = copy.isComplete() && copy.copy.status != CopyStatus::Failed;
        QStringList row{identifierOf(copy.copy, options.moodleIdentifier),
                        graded ? number(copy.total, format) : QStringLiteral("-")};
        if (options.moodleFeedback)
            row.append(copy.copy.status == CopyStatus::Failed ? QString() : feedback(report.exam(), copy, format));
        appendRow(out, row, format);
    }
    return out;
}

bool isUpperWord(const QString &word)
{
    bool letters = false;
    for (const QChar ch : word) {
        if (ch.isLetter()) {
            letters = true;
            if (ch.isLower())
                return false;
        }
    }
    return letters && word.size() > 1;
}

struct SplitName {
    QString last;
    QString first;
};

SplitName splitName(const QString &stored)
{
    const QString name = stored.simplified();
    const qsizetype comma = name.indexOf(QLatin1Char(','));
    if (comma > 0)
        return {name.left(comma).trimmed(), name.mid(comma + 1).trimmed()};
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() < 2)
        return {name, {}};
    // Words in capitals are the last name, as French lists write it ("DUPONT Marie", "Marie DE LA TOUR").
    QStringList upper;
    QStringList other;
    for (const QString &word : words)
        (isUpperWord(word) ? upper : other).append(word);
    if (!upper.isEmpty() && !other.isEmpty())
        return {upper.join(QLatin1Char(' ')), other.join(QLatin1Char(' '))};
    // "First Last": the last word is the last name.
    return {words.constLast(), words.mid(0, words.size() - 1).join(QLatin1Char(' '))};
}

QString pronote(const StatusReport &report, const Format &format)
{
    struct Row {
        SplitName name;
        QString label;
        const CopyReport *copy;
    };
    QList<Row> rows;
    for (const CopyReport &copy : report.copies())
        rows.append({splitName(copy.copy.studentName), copy.copy.label, &copy});
    // Pronote lists a class by last name, then first name, ignoring case and accents. Copies without a name go last.
    QCollator collator(QLocale(QLocale::French, QLocale::France));
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::stable_sort(rows.begin(), rows.end(), [&collator](const Row &a, const Row &b) {
        if (a.name.last.isEmpty() != b.name.last.isEmpty())
            return b.name.last.isEmpty();
        if (a.name.last.isEmpty())
            return a.copy->copy.position < b.copy->copy.position;
        if (const int byLast = collator.compare(a.name.last, b.name.last))
            return byLast < 0;
        if (const int byFirst = collator.compare(a.name.first, b.name.first))
            return byFirst < 0;
        return a.copy->copy.position < b.copy->copy.position;
    });

    QString out;
    appendRow(out, {QStringLiteral("Élève"), QStringLiteral("Note"), QStringLiteral("Note /20")}, format);
    for (const Row &row : std::as_const(rows)) {
        const CopyReport &copy = *row.copy;
        const bool complete = copy.isComplete() && copy.copy.status != CopyStatus::Failed;
        const QString who = row.name.last.isEmpty() ? row.label : CsvExporter::pronoteName(copy.copy.studentName);
        appendRow(out,
                  {text(who, format), complete ? number(copy.total, format) : QString(),
                   complete && copy.maxTotal > 0 ? number(copy.total * 20.0 / copy.maxTotal, format) : QString()},
                  format);
    }
    return out;
}

} // namespace

QString CsvExporter::pronoteName(const QString &name)
{
    const SplitName split = splitName(name);
    QLocale french(QLocale::French, QLocale::France);
    const QString last = french.toUpper(split.last);
    return split.first.isEmpty() ? last : last + QLatin1Char(' ') + split.first;
}

QByteArray CsvExporter::exportReport(CsvPreset preset, const StatusReport &report, const CsvOptions &options)
{
    const Format format = formatOf(preset, options.dialect);
    QString body;
    switch (preset) {
    case CsvPreset::Plain: body = plain(report, format); break;
    case CsvPreset::Moodle: body = moodle(report, format, options); break;
    case CsvPreset::Pronote: body = pronote(report, format); break;
    }
    QByteArray bytes = format.byteOrderMark ? QByteArray(bom) : QByteArray();
    bytes += body.toUtf8();
    return bytes;
}

QStringList CsvExporter::moodleLeftOut(const StatusReport &report, MoodleIdentifier identifier)
{
    QStringList names;
    for (const CopyReport &copy : report.copies()) {
        if (!hasIdentifier(copy.copy, identifier))
            //: A copy a Moodle export leaves out: "#3 Jane Doe"
            names.append(tr("#%1 %2").arg(copy.copy.position).arg(copy.copy.displayName()));
    }
    return names;
}

int CsvExporter::moodleCount(const StatusReport &report, MoodleIdentifier identifier)
{
    return int(std::count_if(report.copies().cbegin(), report.copies().cend(),
                             [identifier](const CopyReport &copy) { return hasIdentifier(copy.copy, identifier); }));
}

QStringList CsvExporter::notes(CsvPreset preset, const StatusReport &report, const CsvOptions &options)
{
    QStringList notes;
    const Format format = formatOf(preset, options.dialect);
    if (preset == CsvPreset::Moodle) {
        const QStringList leftOut = moodleLeftOut(report, options.moodleIdentifier);
        if (!leftOut.isEmpty()) {
            QString field;
            switch (options.moodleIdentifier) {
            case MoodleIdentifier::Email: field = tr("an email address"); break;
            case MoodleIdentifier::IdNumber: field = tr("an ID number"); break;
            case MoodleIdentifier::Username: field = tr("a username"); break;
            }
            notes.append(tr("Left out %n copy(ies) without %1, since Moodle would give their grade to another "
                            "student: %2. Complete the roster, or map on another identifier.",
                            nullptr, int(leftOut.size()))
                             .arg(field, leftOut.join(QStringLiteral(", "))));
        }
        int withoutTotal = 0;
        for (const CopyReport &copy : report.copies())
            withoutTotal += hasIdentifier(copy.copy, options.moodleIdentifier) && !copy.isComplete() ? 1 : 0;
        if (withoutTotal > 0)
            notes.append(tr("%n copy(ies) have no total yet: their grade cell is \"-\", which Moodle imports as no grade.",
                            nullptr, withoutTotal));
        if (leftOut.size() < report.copies().size()) {
            notes.append(tr("In Moodle, map users from \"%1\" to \"%2\", and the total to a new grade item.")
                             .arg(identifierHeader(options.moodleIdentifier),
                                  options.moodleIdentifier == MoodleIdentifier::Email      ? tr("Email address")
                                  : options.moodleIdentifier == MoodleIdentifier::IdNumber ? tr("ID number")
                                                                                           : tr("Username")));
            if (options.moodleFeedback)
                notes.append(tr("Map the \"Feedback\" column to the feedback of the same grade item."));
            notes.append(tr("Totals are out of %1 points: give the Moodle grade item a maximum grade of %1.")
                             .arg(number(report.exam().maxTotal(), format)));
        }
        return notes;
    }
    int withoutTotal = 0;
    int unnamed = 0;
    for (const CopyReport &copy : report.copies()) {
        withoutTotal += copy.isComplete() ? 0 : 1;
        unnamed += copy.copy.studentName.trimmed().isEmpty() ? 1 : 0;
    }
    if (withoutTotal > 0)
        notes.append(tr("%n copy(ies) have no total yet: their cells are empty.", nullptr, withoutTotal));
    if (preset == CsvPreset::Pronote) {
        if (unnamed > 0)
            notes.append(tr("%n copy(ies) have no student name: they are listed last, by their label, and have no "
                            "place in Pronote's column.",
                            nullptr, unnamed));
        notes.append(tr("Rows are sorted by last name, then first name, as Pronote lists the class: check that both "
                        "lists have the same students before pasting."));
    }
    return notes;
}

std::optional<CsvPreset> CsvExporter::presetFromName(const QString &name)
{
    if (name == QLatin1String("csv"))
        return CsvPreset::Plain;
    if (name == QLatin1String("moodle"))
        return CsvPreset::Moodle;
    if (name == QLatin1String("pronote"))
        return CsvPreset::Pronote;
    return std::nullopt;
}

QString CsvExporter::presetName(CsvPreset preset)
{
    switch (preset) {
    case CsvPreset::Plain: return QStringLiteral("csv");
    case CsvPreset::Moodle: return QStringLiteral("moodle");
    case CsvPreset::Pronote: return QStringLiteral("pronote");
    }
    return QStringLiteral("csv");
}

std::optional<CsvDialect> CsvExporter::dialectFromName(const QString &name)
{
    if (name == QLatin1String("rfc4180"))
        return CsvDialect::Rfc4180;
    if (name == QLatin1String("excel-fr"))
        return CsvDialect::ExcelFr;
    return std::nullopt;
}

QString CsvExporter::dialectName(CsvDialect dialect)
{
    return dialect == CsvDialect::ExcelFr ? QStringLiteral("excel-fr") : QStringLiteral("rfc4180");
}

CsvDialect CsvExporter::defaultDialect(const QString &interfaceLanguage)
{
    return interfaceLanguage.startsWith(QLatin1String("fr")) ? CsvDialect::ExcelFr : CsvDialect::Rfc4180;
}

std::optional<MoodleIdentifier> CsvExporter::moodleIdentifierFromName(const QString &name)
{
    if (name == QLatin1String("email"))
        return MoodleIdentifier::Email;
    if (name == QLatin1String("idnumber"))
        return MoodleIdentifier::IdNumber;
    if (name == QLatin1String("username"))
        return MoodleIdentifier::Username;
    return std::nullopt;
}

QString CsvExporter::moodleIdentifierName(MoodleIdentifier identifier)
{
    switch (identifier) {
    case MoodleIdentifier::Email: return QStringLiteral("email");
    case MoodleIdentifier::IdNumber: return QStringLiteral("idnumber");
    case MoodleIdentifier::Username: return QStringLiteral("username");
    }
    return QStringLiteral("email");
}

Status CsvExporter::writeFile(const QString &path, const QByteArray &data, bool overwrite)
{
    return ExportFile::write(path, data, overwrite);
}

} // namespace Corrige::Core
