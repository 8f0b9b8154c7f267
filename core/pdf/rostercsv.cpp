#include "core/pdf/rostercsv.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>
#include <initializer_list>

namespace Corrige::Core {

namespace {

struct Record {
    int line = 0; // 1-based line of the file where the record starts
    QStringList fields;
};

// UTF-8 as asked; a file that is not valid UTF-8 is read as Latin-1, what older spreadsheet exports produce.
QString decode(const QByteArray &csv)
{
    // "Unicode text" from a spreadsheet is UTF-16 with its byte order mark.
    if (csv.startsWith("\xFF\xFE") || csv.startsWith("\xFE\xFF")) {
        QStringDecoder utf16(csv.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        const QString text = utf16.decode(csv.mid(2));
        if (!utf16.hasError())
            return text;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(csv);
    if (utf8.hasError())
        return QString::fromLatin1(csv);
    return text;
}

QChar detectSeparator(const QString &text)
{
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool inQuotes = false;
    for (const QChar c : text) {
        if (c == u'"')
            inQuotes = !inQuotes;
        else if (inQuotes)
            continue;
        else if (c == u'\n' || c == u'\r') {
            if (commas + semicolons + tabs > 0)
                break;
        } else if (c == u',')
            ++commas;
        else if (c == u';')
            ++semicolons;
        else if (c == u'\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return u';';
    if (tabs > commas && tabs > semicolons)
        return u'\t';
    return u',';
}

// Splits RFC 4180 text into records. Returns false if a quoted field is never closed (`openLine` tells where).
bool splitRecords(const QString &text, QChar separator, QList<Record> &records, int &openLine)
{
    QStringList fields;
    QString field;
    bool inQuotes = false;
    int line = 1;
    int recordLine = 1;
    const auto endRecord = [&] {
        fields.append(field.trimmed());
        field.clear();
        const bool blank = std::all_of(fields.cbegin(), fields.cend(), [](const QString &f) { return f.isEmpty(); });
        if (!blank)
            records.append(Record{recordLine, fields});
        fields.clear();
        recordLine = line;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (inQuotes) {
            if (c == u'"') {
                if (next == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else if (c == u'\r' && next == u'\n') {
                continue;
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
        } else if (c == u'"' && field.trimmed().isEmpty()) {
            field.clear();
            inQuotes = true;
        } else if (c == separator) {
            fields.append(field.trimmed());
            field.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && next == u'\n')
                ++i;
            ++line;
            endRecord();
        } else {
            field.append(c);
        }
    }
    if (inQuotes) {
        openLine = recordLine;
        return false;
    }
    endRecord();
    return true;
}

QString normalizedHeader(const QString &header)
{
    QString key = header.toCaseFolded();
    key.replace(u'_', u' ');
    key.replace(u'-', u' ');
    return key.simplified();
}

int findColumn(const QStringList &headers, std::initializer_list<const char16_t *> names)
{
    for (const char16_t *name : names) {
        const qsizetype index = headers.indexOf(QString::fromUtf16(name));
        if (index >= 0)
            return int(index);
    }
    return -1;
}

QString fieldAt(const Record &record, int column)
{
    return column >= 0 && column < record.fields.size() ? record.fields.at(column) : QString();
}

} // namespace

Result<QList<RosterEntry>> RosterCsv::parse(const QByteArray &csv, const QString &fileName)
{
    Result<QList<RosterEntry>> parsed = parseText(csv, fileName);
    if (parsed)
        return parsed;
    // One line, whatever the rows quoted in the message hold.
    QString message = parsed.errorString();
    message.replace(QChar(0), QLatin1Char(' '));
    return Result<QList<RosterEntry>>::failure(parsed.error().code, message.simplified());
}

Result<QList<RosterEntry>> RosterCsv::parseText(const QByteArray &csv, const QString &fileName)
{
    using Roster = Result<QList<RosterEntry>>;
    QString text = decode(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (text.contains(QChar(0)))
        return Roster::failure(ErrorCode::InvalidInput,
                               RosterCsv::tr("%1 is not a plain text CSV file (it holds NUL characters). Save it from "
                                             "the spreadsheet as \"CSV UTF-8\" and try again.")
                                   .arg(fileName));

    QList<Record> records;
    int openLine = 0;
    if (!splitRecords(text, detectSeparator(text), records, openLine))
        return Roster::failure(ErrorCode::InvalidInput,
                               RosterCsv::tr("%1 has a quote opened on line %2 that is never closed. Close the quote or "
                                  "remove it.")
                                   .arg(fileName)
                                   .arg(openLine));
    if (records.isEmpty())
        return Roster::failure(ErrorCode::InvalidInput,
                               RosterCsv::tr("%1 is empty. Put a header row with a \"name\" column, then one student per "
                                  "line.")
                                   .arg(fileName));

    QStringList headers;
    for (const QString &header : records.first().fields)
        headers.append(normalizedHeader(header));

    const int nameColumn = findColumn(headers, {u"name", u"full name", u"student name", u"student", u"nom complet",
                                                u"nom et prénom", u"nom prénom", u"prénom nom", u"élève", u"eleve"});
    const int firstColumn = findColumn(headers, {u"first name", u"firstname", u"given name", u"prénom", u"prenom"});
    const int lastColumn = findColumn(headers, {u"last name", u"lastname", u"surname", u"family name",
                                                u"nom de famille", u"nom"});
    const int idColumn = findColumn(headers, {u"id", u"student id", u"number", u"student number", u"numéro",
                                              u"numero", u"matricule", u"orgdefinedid"});
    const int emailColumn = findColumn(headers, {u"email", u"mail", u"e mail", u"email address", u"courriel"});
    const int usernameColumn =
        findColumn(headers, {u"username", u"user name", u"login", u"identifiant", u"nom d'utilisateur"});

    const bool joinNames = nameColumn < 0 && firstColumn >= 0 && lastColumn >= 0;
    const int singleNameColumn = nameColumn >= 0 ? nameColumn : lastColumn;
    if (!joinNames && singleNameColumn < 0)
        return Roster::failure(ErrorCode::InvalidInput,
                               RosterCsv::tr("%1 has no \"name\" column (its header row is: %2). Name the column of student "
                                  "names \"name\" or \"nom\".")
                                   .arg(fileName, records.first().fields.join(QStringLiteral(", "))));
    if (records.size() == 1)
        return Roster::failure(ErrorCode::InvalidInput,
                               RosterCsv::tr("%1 has a header row but no students. Add one student per line under it.")
                                   .arg(fileName));

    QList<RosterEntry> roster;
    roster.reserve(records.size() - 1);
    for (qsizetype i = 1; i < records.size(); ++i) {
        const Record &record = records.at(i);
        RosterEntry entry;
        if (joinNames)
            entry.name = QStringList{fieldAt(record, firstColumn), fieldAt(record, lastColumn)}
                             .join(u' ')
                             .trimmed();
        else
            entry.name = fieldAt(record, singleNameColumn);
        if (entry.name.isEmpty())
            return Roster::failure(ErrorCode::InvalidInput,
                                   RosterCsv::tr("Row %2 of %1 has no name. Fill in the name or delete the row.")
                                       .arg(fileName)
                                       .arg(record.line));
        entry.id = fieldAt(record, idColumn);
        entry.email = fieldAt(record, emailColumn);
        entry.username = fieldAt(record, usernameColumn);
        roster.append(entry);
    }
    return roster;
}

} // namespace Corrige::Core
