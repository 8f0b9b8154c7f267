#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"
#include "core/domain/importplan.h"
#include "core/domain/result.h"
#include "core/session/sessionlock.h"
#include "core/session/sessiontypes.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

class QSqlQuery;

namespace Corrige::Core {

// The session file: one SQLite database through Qt Sql, in WAL mode.
//
// A SessionDatabase is used from one thread only (the storage thread in the GUI, the main thread in the CLI).
// Every write that belongs together is one transaction: an import, one finished copy, one teacher action.
class SessionDatabase
{
public:
    // ReadWrite takes the session's lock (one writer per session, see SessionLock); ReadOnly takes none and
    // refuses every write, so it can read a session another Corrige is writing to.
    enum class Access { ReadWrite, ReadOnly };

    ~SessionDatabase();
    SessionDatabase(const SessionDatabase &) = delete;
    SessionDatabase &operator=(const SessionDatabase &) = delete;

    // Creates a new session file (and takes its lock); refuses to overwrite an existing file.
    static Result<std::unique_ptr<SessionDatabase>> create(const QString &path, const Exam &exam);
    // Opens an existing session. A file that is not a session, is damaged, or comes from a newer Corrige is
    // refused with a clear error and left byte for byte as it was. An older file is migrated in one transaction.
    // ReadWrite fails with ErrorCode::SessionLocked while another live process holds the session. ReadOnly is
    // openReadOnly().
    static Result<std::unique_ptr<SessionDatabase>> open(const QString &path, Access access = Access::ReadWrite);
    // Opens a session only to read it (status, export, a session another Corrige writes to): nothing is written,
    // in a read-only folder too, and no -wal or -shm is left behind. An older file still goes through a
    // read-write open() to be migrated, by its one writer.
    static Result<std::unique_ptr<SessionDatabase>> openReadOnly(const QString &path);
    // Checks a file without opening it for writing (used before open, and by tools). The header, the schema
    // version and the copies' pages always; SQLite's quick_check only when the file was not closed cleanly.
    static Status validate(const QString &path);

    QString path() const { return m_path; }
    int schemaVersion() const;
    bool isReadOnly() const { return m_readOnly; }

    // Reading
    Exam exam() const;
    QList<StoredDocument> documents() const;
    Result<QByteArray> documentData(qint64 documentId) const;
    QList<Copy> copies() const;
    std::optional<Copy> copy(qint64 copyId) const;
    QList<QuestionGrade> grades() const;
    QList<QuestionGrade> grades(qint64 copyId) const;
    QList<RunInfo> runs() const;
    std::optional<RunInfo> unfinishedRun() const;
    QList<RequestLogEntry> requestLog(qint64 runId) const;
    QList<AuditEntry> auditLog() const;
    QList<TeacherComment> comments() const;
    QString meta(const QString &key, const QString &fallback = {}) const;
    SessionSnapshot snapshot() const;
    // The first read that failed since the last call (the readers above then return what they could read, or
    // nothing), and forgets it. Callers that show what they read check it before trusting an empty answer.
    Status takeReadError() const;
    QList<BatchJob> batchJobs() const;

    // Writing
    Result<QList<qint64>> applyImport(const ImportPlan &plan);
    Status setRubric(const QString &questionId, const std::optional<Rubric> &rubric, const QString &actor);
    // Stores what the models gave for one copy (model_a / model_b / final grades), its status and its request log,
    // in one transaction. Teacher grades are never touched.
    Status saveCopyResult(qint64 copyId, const QList<QuestionGrade> &grades, CopyStatus status,
                          const QString &error, const QList<RequestLogEntry> &requests = {});
    // Sets (or, with no score, removes) the teacher's grade of one question, with an audit entry.
    Status setTeacherGrade(qint64 copyId, const QString &questionId, std::optional<double> score,
                           const QString &comment = {});
    // Sets (or, with an empty text, removes) the teacher's comment on one question, or on the whole copy when
    // `questionId` is empty, with an audit entry holding the text before and after.
    Status setComment(qint64 copyId, const QString &questionId, const QString &text);
    Status setStudent(qint64 copyId, const QString &name, const QString &id, const QString &email);
    Status setCopiesStatus(const QList<qint64> &copyIds, CopyStatus status, const QString &error = {});
    Result<qint64> beginRun(const QString &mode, const QString &models);
    Status finishRun(const RunInfo &run);
    Status setMeta(const QString &key, const QString &value);
    // Records a batch before it is created, and marks the copies it holds `submitted`, in one transaction.
    Result<qint64> recordBatchJob(const BatchJob &job);
    // Saves what is known of a batch now: remote id, state, counts, error, finished time, input file.
    Status updateBatchJob(const BatchJob &job);
    // Imports one copy of a batch in one transaction, as saveCopyResult does, but only while the copy is still
    // `submitted` (a copy is never imported twice). Returns false in *imported when it was not.
    Status importBatchCopy(qint64 copyId, const QList<QuestionGrade> &grades, CopyStatus status, const QString &error,
                           const QList<RequestLogEntry> &requests, bool *imported);

private:
    explicit SessionDatabase(QString path, QString connectionName);
    static Result<std::unique_ptr<SessionDatabase>> connect(const QString &path, bool create);
    Status migrate();
    Status fail(const QString &what, const QString &detail) const;
    Status writeExam(const Exam &exam);
    Status updateCopyStatusAfterTeacher(qint64 copyId);

    void readFailed(const QSqlQuery &query) const;
    Status markWriting();
    Status writeMeta(const QString &key, const QString &value);

    QString m_path;
    QString m_connectionName;
    std::unique_ptr<SessionLock> m_lock; // released after the database is closed
    bool m_readOnly = false;
    bool m_markedWriting = false; // marked "not closed cleanly" before the first write; marked back on close
    mutable std::optional<Error> m_readError;
};

} // namespace Corrige::Core
