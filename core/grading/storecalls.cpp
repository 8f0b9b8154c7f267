#include "core/grading/storecalls.h"

#include "core/session/sessionstore.h"

#include <QCoreApplication>

namespace Corrige::Core {

StoreCalls::StoreCalls(SessionStore *store, QObject *context)
    : m_store(store)
{
    m_saved = QObject::connect(store, &SessionStore::saved, context, [this](quint64 id) {
        if (auto done = m_done.take(id))
            done(Status::ok());
    });
    m_failed = QObject::connect(store, &SessionStore::failed, context, [this](quint64 id, const Error &error) {
        if (auto done = m_done.take(id))
            done(Status(error));
    });
}

StoreCalls::~StoreCalls()
{
    QObject::disconnect(m_saved);
    QObject::disconnect(m_failed);
}

void StoreCalls::run(std::function<Status(SessionDatabase *)> work, std::function<void(const Status &)> done)
{
    const quint64 id = m_store->post([work = std::move(work)](SessionDatabase *db) {
        if (!db)
            return Status::failure(ErrorCode::Database, QCoreApplication::translate("Corrige::Core::StoreCalls", "No session is open."));
        return work(db);
    });
    m_done.insert(id, std::move(done));
}

} // namespace Corrige::Core
