#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"
#include "core/session/sessionlock.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Corrige::Core {

// A PDF stored inside the session (its bytes are loaded on demand).
struct StoredDocument {
    qint64 id = 0;
    QString fileName;
    QByteArray sha256; // lower-case hex
    int pageCount = 0;
    qint64 size = 0;   // bytes
};

// One press of "Grade all" (or one `corrige-cli grade`).
struct RunInfo {
    qint64 id = 0;
    QString mode;        // "single" or "dual"
    QString models;      // e.g. "gemini/gemini-2.5-flash + openai/gpt-4.1-mini"
    QDateTime startedAt;
    QDateTime finishedAt;
    QString status;      // "running", "finished", "cancelled", "interrupted"
    int graded = 0;
    int failed = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double cost = 0.0;
};

// One HTTP attempt to a model. Never holds a key.
struct RequestLogEntry {
    qint64 runId = 0;
    qint64 copyId = 0;
    QString provider;
    QString model;
    int attempt = 1;
    int httpStatus = 0;
    qint64 latencyMs = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    QString error;
    QDateTime at;
};

// One provider batch (Gemini batchGenerateContent, OpenAI /v1/batches) submitted by the session.
struct BatchJob {
    qint64 id = 0;
    qint64 runId = 0;
    QString provider;     // "gemini", "openai"
    QString model;
    QString baseUrl;      // the server it went to; empty = the provider's default
    QString remoteId;     // "batches/…", "batch_…"; empty until the create answered
    QString localTag;     // unique; put in the batch's display name / metadata before it is created
    QString inputFile;    // the uploaded input file, deleted after import; empty for inline requests
    QJsonArray keys;      // [{"key", "copy", "part", "model": 0|1, "questions": [ids]}]
    QString mode;         // "single" or "dual": how the copies it holds are combined
    QString state;        // creating, pending, running, succeeded, failed, expired, cancelled, imported, lost
    QString remoteState;  // as the provider spells it
    int total = 0;
    int completed = 0;
    int failed = 0;
    QString error;
    QDateTime submittedAt;
    QDateTime finishedAt;

    QList<qint64> copyIds() const;
    // imported or lost: nothing more will come of it.
    bool isSettled() const { return state == QLatin1String("imported") || state == QLatin1String("lost"); }
};

// A teacher action, kept for the record.
struct AuditEntry {
    qint64 id = 0;
    QDateTime at;
    QString action;      // "teacher_grade", "comment", "student", "rubric", "import"
    qint64 copyId = 0;
    QString questionId;
    QString before;
    QString after;
};

// Everything a window needs to show a session, read in one go.
struct SessionSnapshot {
    QString path;
    Exam exam;
    QList<Copy> copies;
    QList<QuestionGrade> grades;
    QList<TeacherComment> comments;
    QList<StoredDocument> documents;
    std::optional<RunInfo> unfinishedRun; // a run that never finished (crash, kill) or was cancelled with copies left
    bool readOnly = false;                       // opened for reading only: nothing can be changed
    std::optional<SessionLockOwner> lockHolder;  // the other Corrige that writes to it, if any
    QList<BatchJob> batchJobs;            // every batch the session submitted, oldest first
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::SessionSnapshot)
Q_DECLARE_METATYPE(Corrige::Core::RequestLogEntry)
Q_DECLARE_METATYPE(Corrige::Core::BatchJob)
