#pragma once

#include <QStringList>

namespace Corrige::Core {

// The session file's schema as an ordered list of migrations. Migration i (1-based) brings a file from
// schema_version i-1 to i; a new file runs them all. Never edit a published migration: append one.
class SessionSchema
{
public:
    static constexpr int batchJobsVersion = 3;       // the migration that adds batch_jobs
    // Teacher comments per question and per copy, and the student's username (for Moodle).
    static constexpr int commentsVersion = 4;
    static constexpr int currentVersion = commentsVersion;
    static constexpr int applicationId = 0x436f7272; // "Corr", in the SQLite header
    static QStringList migration(int version);       // the statements of one migration
};

} // namespace Corrige::Core
