#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"

#include <QByteArray>
#include <QDateTime>
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
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::SessionSnapshot)
Q_DECLARE_METATYPE(Corrige::Core::RequestLogEntry)
