#pragma once

#include "core/domain/importplan.h"
#include "core/domain/result.h"
#include "core/session/sessiontypes.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace Corrige::Core {

class SessionDatabase;
class SessionWorker;

// The asynchronous face of a session file for the GUI and the orchestrator.
//
// It owns one storage thread where the SessionDatabase lives; every call returns at once with a request id and
// the answer comes back as a queued signal in the caller's thread. Calls are executed in the order they are made.
class SessionStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStore)

public:
    explicit SessionStore(QObject *parent = nullptr);
    ~SessionStore() override;

    // Opens for writing; a session another Corrige writes to opens read-only (SessionSnapshot::readOnly).
    quint64 open(const QString &path);
    quint64 create(const QString &path, const Exam &exam);
    quint64 reload();                        // answers with opened(id, snapshot)
    quint64 loadDocument(qint64 documentId); // answers with documentLoaded
    quint64 setTeacherGrade(qint64 copyId, const QString &questionId, std::optional<double> score);
    quint64 setComment(qint64 copyId, const QString &questionId, const QString &text); // questionId '': the copy
    quint64 setStudent(qint64 copyId, const QString &name, const QString &id, const QString &email);
    quint64 setRubric(const QString &questionId, const std::optional<Rubric> &rubric, const QString &actor);
    quint64 saveCopyResult(qint64 copyId, const QList<QuestionGrade> &grades, CopyStatus status, const QString &error,
                           const QList<RequestLogEntry> &requests);
    quint64 setCopiesStatus(const QList<qint64> &copyIds, CopyStatus status);
    quint64 applyImport(const ImportPlan &plan);
    quint64 beginRun(const QString &mode, const QString &models); // answers with runStarted
    quint64 finishRun(const RunInfo &run);

    // Runs `work` on the storage thread with the open database (nullptr when none is open). For tools and
    // workflows that need several calls in a row; the function must not keep the pointer.
    quint64 post(std::function<Status(SessionDatabase *)> work);

    // Waits until every call made so far has been executed (used on shutdown and by the CLI).
    void flush();

signals:
    void opened(quint64 requestId, const Corrige::Core::SessionSnapshot &snapshot);
    void documentLoaded(quint64 requestId, qint64 documentId, const QByteArray &data);
    void runStarted(quint64 requestId, qint64 runId);
    void saved(quint64 requestId);
    void failed(quint64 requestId, const Corrige::Core::Error &error);

private:
    quint64 enqueue(std::function<void(quint64)> work);
    void emitSnapshot(quint64 id); // on the storage thread: opened(), or failed() when a read failed

    QThread m_thread;
    SessionWorker *m_worker = nullptr; // lives in m_thread
    quint64 m_nextId = 0;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::Error)
