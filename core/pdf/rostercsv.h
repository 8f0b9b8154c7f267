#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Corrige::Core {

struct RosterEntry {
    QString name;
    QString id;
    QString email;
    QString username; // the school platform's login
};

// Reads a class list exported from a spreadsheet or a school system.
class RosterCsv
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::RosterCsv)

public:
    // A header row names the columns (case-insensitive, surrounding spaces ignored, "_" read as a space):
    //  - the student's name: a "name" column (also "full name", "student name", "nom complet", "élève");
    //    otherwise a first-name column ("first name", "prénom") and a last-name column ("last name",
    //    "surname", "nom") joined as "First Last"; otherwise a lone "nom" or "last name" column;
    //  - optional id: "id", "student_id", "number" (also "student number", "numéro", "matricule");
    //  - optional email: "email", "mail", "e-mail", "courriel";
    //  - optional username: "username", "login", "identifiant", "nom d'utilisateur".
    // The separator (comma, semicolon or tab) is the most frequent one in the header row. UTF-8 with or
    // without BOM (a file that is not valid UTF-8 is read as Latin-1), RFC 4180 quoting ("" inside quotes
    // is one "), LF or CRLF line ends. Blank lines are skipped; missing trailing fields are empty.
    // Errors (InvalidInput) name `fileName` and the fix: empty file, no name column, header without
    // students, a row without a name (by its line number), an unclosed quote.
    static Result<QList<RosterEntry>> parse(const QByteArray &csv, const QString &fileName);

private:
    static Result<QList<RosterEntry>> parseText(const QByteArray &csv, const QString &fileName);
};

} // namespace Corrige::Core
