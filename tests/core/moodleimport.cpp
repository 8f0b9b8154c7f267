#include "tests/core/moodleimport.h"

#include <QStringList>

namespace {

// PHP's fgetcsv with a comma and a double quote: fields may be quoted, "" inside quotes is one ".
QList<QStringList> readCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = true;
            any = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            any = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (any || !field.isEmpty()) {
                row.append(field);
                rows.append(row);
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

// PHP's empty() on a string.
bool phpEmpty(const QString &value)
{
    return value.isEmpty() || value == QLatin1String("0");
}

// Moodle's unformat_float($value, true): a dot is a decimal point (and so is the site's decimal separator).
std::optional<double> unformatFloat(const QString &value)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

} // namespace

MoodleImport moodleImport(const QByteArray &csv, int mapFrom, const QString &field, int gradeColumn, int feedbackColumn,
                          const QList<MoodleUser> &users)
{
    MoodleImport result;
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3); // csv_import_reader strips the BOM
    const QList<QStringList> rows = readCsv(QString::fromUtf8(bytes));
    if (rows.isEmpty()) {
        result.error = QStringLiteral("csvemptyfile");
        return result;
    }
    const qsizetype columns = rows.constFirst().size();
    if (columns < 2) {
        result.error = QStringLiteral("csvfewcolumns");
        return result;
    }
    for (const QStringList &row : rows) {
        if (row.size() != columns) {
            result.error = QStringLiteral("csvweirdcolumns: %1").arg(row.join(QLatin1Char(',')));
            return result;
        }
    }
    std::optional<qint64> student; // $this->studentid: not reset between rows
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &line = rows.at(r);
        if (line.size() <= 1)
            continue;
        std::optional<double> grade;
        bool hasGrade = false;
        QString feedback;
        bool hasFeedback = false;
        for (qsizetype key = 0; key < line.size(); ++key) {
            const QString value = line.at(key).trimmed();
            if (key == mapFrom) {
                if (!phpEmpty(value)) {
                    std::optional<qint64> found;
                    for (const MoodleUser &user : users) {
                        const QString &candidate = field == QLatin1String("email")      ? user.email
                                                   : field == QLatin1String("idnumber") ? user.idnumber
                                                                                        : user.username;
                        if (!candidate.isEmpty() && candidate == value)
                            found = user.id;
                    }
                    if (!found) {
                        result.error = QStringLiteral("usermappingerror: %1 %2").arg(field, value);
                        return result;
                    }
                    student = found;
                }
            } else if (key == gradeColumn) {
                // import_new_grade_item: "-" is no grade; an empty cell is 0; anything else must be a number.
                hasGrade = true;
                if (value == QLatin1String("-")) {
                    grade.reset();
                } else if (value.isEmpty()) {
                    grade = 0.0;
                } else {
                    grade = unformatFloat(value);
                    if (!grade) {
                        result.error = QStringLiteral("badgrade: %1").arg(value);
                        return result;
                    }
                }
            } else if (key == feedbackColumn) {
                hasFeedback = true;
                feedback = value;
            }
        }
        if (!student) {
            result.error = QStringLiteral("usermappingerrorusernotfound");
            return result;
        }
        if (hasGrade)
            result.grades.insert(*student, grade);
        if (hasFeedback)
            result.feedback.insert(*student, feedback);
        result.rowsPerUser[*student] += 1;
    }
    return result;
}
