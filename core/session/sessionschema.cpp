#include "core/session/sessionschema.h"

namespace Corrige::Core {

QStringList SessionSchema::migration(int version)
{
    switch (version) {
    case 1:
        return {
            QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE exam(id INTEGER PRIMARY KEY CHECK(id = 1), title TEXT NOT NULL, "
                           "language TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE questions(id TEXT PRIMARY KEY, position INTEGER NOT NULL, label TEXT NOT NULL, "
                           "text TEXT NOT NULL, max_points REAL NOT NULL, pages TEXT NOT NULL DEFAULT '[]', rubric TEXT)"),
            QStringLiteral("CREATE TABLE documents(id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, "
                           "file_name TEXT NOT NULL, page_count INTEGER NOT NULL, size INTEGER NOT NULL, "
                           "data BLOB NOT NULL, added_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE copies(id INTEGER PRIMARY KEY, position INTEGER NOT NULL, label TEXT NOT NULL, "
                           "student_name TEXT NOT NULL DEFAULT '', student_id TEXT NOT NULL DEFAULT '', "
                           "status TEXT NOT NULL DEFAULT 'pending', error TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE copy_pages(copy_id INTEGER NOT NULL REFERENCES copies(id) ON DELETE CASCADE, "
                           "position INTEGER NOT NULL, document_id INTEGER NOT NULL REFERENCES documents(id), "
                           "page_index INTEGER NOT NULL, PRIMARY KEY(copy_id, position))"),
            QStringLiteral("CREATE TABLE grades(copy_id INTEGER NOT NULL REFERENCES copies(id) ON DELETE CASCADE, "
                           "question_id TEXT NOT NULL, source TEXT NOT NULL, score REAL NOT NULL, max_points REAL NOT NULL, "
                           "justification TEXT NOT NULL DEFAULT '', transcription TEXT NOT NULL DEFAULT '', "
                           "confidence REAL NOT NULL DEFAULT -1, flags TEXT NOT NULL DEFAULT '', "
                           "model TEXT NOT NULL DEFAULT '', run_id INTEGER, created_at TEXT NOT NULL, "
                           "PRIMARY KEY(copy_id, question_id, source))"),
            QStringLiteral("CREATE TABLE runs(id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, "
                           "mode TEXT NOT NULL, models TEXT NOT NULL, status TEXT NOT NULL, "
                           "graded INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE request_log(id INTEGER PRIMARY KEY, run_id INTEGER, copy_id INTEGER, "
                           "provider TEXT NOT NULL, model TEXT NOT NULL, attempt INTEGER NOT NULL, "
                           "http_status INTEGER NOT NULL, latency_ms INTEGER NOT NULL, error TEXT NOT NULL DEFAULT '', "
                           "at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE audit(id INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, "
                           "copy_id INTEGER, question_id TEXT, before TEXT, after TEXT)"),
        };
    case 2:
        // Version 2: student e-mail (for Moodle exports), token and cost accounting, lookup indexes.
        return {
            QStringLiteral("ALTER TABLE copies ADD COLUMN student_email TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE request_log ADD COLUMN input_tokens INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE request_log ADD COLUMN output_tokens INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN input_tokens INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN output_tokens INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN cost REAL NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX grades_by_copy ON grades(copy_id)"),
            QStringLiteral("CREATE INDEX copy_pages_by_document ON copy_pages(document_id)"),
            QStringLiteral("CREATE INDEX request_log_by_run ON request_log(run_id)"),
        };
    case batchJobsVersion:
        // Batch jobs: each provider batch a session submitted, with the keys it holds (copy, part, model).
        return {
            QStringLiteral("CREATE TABLE batch_jobs(id INTEGER PRIMARY KEY, run_id INTEGER, provider TEXT NOT NULL, "
                           "model TEXT NOT NULL, base_url TEXT NOT NULL DEFAULT '', remote_id TEXT NOT NULL DEFAULT '', "
                           "local_tag TEXT NOT NULL UNIQUE, input_file TEXT NOT NULL DEFAULT '', "
                           "keys TEXT NOT NULL DEFAULT '[]', mode TEXT NOT NULL DEFAULT 'single', state TEXT NOT NULL, "
                           "remote_state TEXT NOT NULL DEFAULT '', total INTEGER NOT NULL DEFAULT 0, "
                           "completed INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, "
                           "error TEXT NOT NULL DEFAULT '', submitted_at TEXT NOT NULL, finished_at TEXT)"),
            QStringLiteral("CREATE INDEX batch_jobs_by_state ON batch_jobs(state)"),
        };
    case commentsVersion:
        // Teacher comments for the student (question_id '' is the whole copy); the student's platform username.
        return {
            QStringLiteral("CREATE TABLE comments(copy_id INTEGER NOT NULL REFERENCES copies(id) ON DELETE CASCADE, "
                           "question_id TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, updated_at TEXT NOT NULL, "
                           "PRIMARY KEY(copy_id, question_id))"),
            QStringLiteral("ALTER TABLE copies ADD COLUMN student_username TEXT NOT NULL DEFAULT ''"),
        };
    default:
        return {};
    }
}

} // namespace Corrige::Core
