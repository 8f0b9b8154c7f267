#include "core/session/sessionstore.h"

#include "core/session/sessiondatabase.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QSemaphore>

namespace Corrige::Core {

// Owns the database on the storage thread.
class SessionWorker : public QObject
{
public:
    std::unique_ptr<SessionDatabase> database;
};

namespace {

Error noSession()
{
    return {ErrorCode::Internal,
            QCoreApplication::translate("Corrige::Core::SessionStore", "No session is open. Open or create one first.")};
}

} // namespace

SessionStore::SessionStore(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<SessionSnapshot>();
    qRegisterMetaType<Error>();
    m_thread.setObjectName(QStringLiteral("corrige-storage"));
    m_worker = new SessionWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

SessionStore::~SessionStore()
{
    // Everything queued is written before the file is closed: nothing the teacher did is lost. The storage
    // thread quits from its own queue, after the last call: quit() from here would drop the calls still waiting.
    disconnect(this, nullptr, nullptr, nullptr); // nobody is left to hear the answers
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] {
        worker->database.reset();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
}

quint64 SessionStore::enqueue(std::function<void(quint64)> work)
{
    const quint64 id = ++m_nextId;
    QMetaObject::invokeMethod(m_worker, [work = std::move(work), id] { work(id); });
    return id;
}

void SessionStore::flush()
{
    QSemaphore done;
    QMetaObject::invokeMethod(m_worker, [&done] { done.release(); });
    done.acquire();
}

quint64 SessionStore::open(const QString &path)
{
    return enqueue([this, path](quint64 id) {
        m_worker->database.reset();
        Result<std::unique_ptr<SessionDatabase>> result = SessionDatabase::open(path);
        // Another Corrige writes to it: show it read-only (the snapshot says so, and who holds it).
        if (!result && result.error().code == ErrorCode::SessionLocked)
            result = SessionDatabase::open(path, SessionDatabase::Access::ReadOnly);
        if (!result) {
            emit failed(id, result.error());
            return;
        }
        m_worker->database = std::move(result).value();
        emitSnapshot(id);
    });
}

quint64 SessionStore::create(const QString &path, const Exam &exam)
{
    return enqueue([this, path, exam](quint64 id) {
        m_worker->database.reset();
        Result<std::unique_ptr<SessionDatabase>> result = SessionDatabase::create(path, exam);
        if (!result) {
            emit failed(id, result.error());
            return;
        }
        m_worker->database = std::move(result).value();
        emitSnapshot(id);
    });
}

void SessionStore::emitSnapshot(quint64 id)
{
    const SessionSnapshot snapshot = m_worker->database->snapshot();
    const Status read = m_worker->database->takeReadError();
    if (!read)
        emit failed(id, read.error()); // not an empty class: the file could not be read
    else
        emit opened(id, snapshot);
}

quint64 SessionStore::reload()
{
    return enqueue([this](quint64 id) {
        if (!m_worker->database) {
            emit failed(id, noSession());
            return;
        }
        emitSnapshot(id);
    });
}

quint64 SessionStore::loadDocument(qint64 documentId)
{
    return enqueue([this, documentId](quint64 id) {
        if (!m_worker->database) {
            emit failed(id, noSession());
            return;
        }
        const Result<QByteArray> data = m_worker->database->documentData(documentId);
        if (!data)
            emit failed(id, data.error());
        else
            emit documentLoaded(id, documentId, data.value());
    });
}

quint64 SessionStore::post(std::function<Status(SessionDatabase *)> work)
{
    return enqueue([this, work = std::move(work)](quint64 id) {
        const Status status = work(m_worker->database.get());
        if (!status)
            emit failed(id, status.error());
        else
            emit saved(id);
    });
}

namespace {

template<typename F>
std::function<Status(SessionDatabase *)> withDatabase(F f)
{
    return [f = std::move(f)](SessionDatabase *db) -> Status {
        if (!db)
            return noSession();
        return f(*db);
    };
}

} // namespace

quint64 SessionStore::setTeacherGrade(qint64 copyId, const QString &questionId, std::optional<double> score)
{
    return post(withDatabase([=](SessionDatabase &db) { return db.setTeacherGrade(copyId, questionId, score); }));
}

quint64 SessionStore::setComment(qint64 copyId, const QString &questionId, const QString &text)
{
    return post(withDatabase([=](SessionDatabase &db) { return db.setComment(copyId, questionId, text); }));
}

quint64 SessionStore::setStudent(qint64 copyId, const QString &name, const QString &studentId, const QString &email)
{
    return post(withDatabase([=](SessionDatabase &db) { return db.setStudent(copyId, name, studentId, email); }));
}

quint64 SessionStore::setRubric(const QString &questionId, const std::optional<Rubric> &rubric, const QString &actor)
{
    return post(withDatabase([=](SessionDatabase &db) { return db.setRubric(questionId, rubric, actor); }));
}

quint64 SessionStore::saveCopyResult(qint64 copyId, const QList<QuestionGrade> &grades, CopyStatus status,
                                     const QString &error, const QList<RequestLogEntry> &requests)
{
    return post(withDatabase(
        [=](SessionDatabase &db) { return db.saveCopyResult(copyId, grades, status, error, requests); }));
}

quint64 SessionStore::setCopiesStatus(const QList<qint64> &copyIds, CopyStatus status)
{
    return post(withDatabase([=](SessionDatabase &db) { return db.setCopiesStatus(copyIds, status); }));
}

quint64 SessionStore::applyImport(const ImportPlan &plan)
{
    return post(withDatabase([=](SessionDatabase &db) -> Status {
        const Result<QList<qint64>> ids = db.applyImport(plan);
        return ids ? Status::ok() : Status(ids.error());
    }));
}

quint64 SessionStore::beginRun(const QString &mode, const QString &models)
{
    return enqueue([this, mode, models](quint64 id) {
        if (!m_worker->database) {
            emit failed(id, noSession());
            return;
        }
        const Result<qint64> run = m_worker->database->beginRun(mode, models);
        if (!run)
            emit failed(id, run.error());
        else
            emit runStarted(id, run.value());
    });
}

quint64 SessionStore::finishRun(const RunInfo &run)
{
    return post(withDatabase([=](SessionDatabase &db) { return db.finishRun(run); }));
}

} // namespace Corrige::Core
