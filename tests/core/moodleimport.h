#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// A port, for the tests, of the rules Moodle's "Import grades from CSV" applies to a file (grade/import/csv in
// moodle/moodle: csv_import_reader, load_data::prepare_import_grade_data, map_user_data_with_value,
// check_user_exists, import_new_grade_item), so that every Moodle export is checked the way Moodle reads it.

struct MoodleUser {
    qint64 id = 0;
    QString email;
    QString idnumber;
    QString username;
};

struct MoodleImport {
    QString error;                                 // the message that stops the whole import, empty if none
    QHash<qint64, std::optional<double>> grades;   // user -> the new grade item's grade (nullopt: no grade)
    QHash<qint64, QString> feedback;               // user -> feedback
    QHash<qint64, int> rowsPerUser;                // how many rows went to each user
};

// `mapFrom` is the column mapped to a user field ("email", "idnumber", "username"); `gradeColumn` is mapped to a
// new grade item and `feedbackColumn` (or -1) to its feedback; other columns are ignored.
MoodleImport moodleImport(const QByteArray &csv, int mapFrom, const QString &field, int gradeColumn, int feedbackColumn,
                          const QList<MoodleUser> &users);
