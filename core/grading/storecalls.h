#pragma once

#include "core/domain/result.h"

#include <QHash>
#include <QMetaObject>

#include <functional>

class QObject;

namespace Corrige::Core {

class SessionDatabase;
class SessionStore;

// Runs work on the session's storage thread and calls back, in `context`'s thread, when it is done.
class StoreCalls
{
public:
    StoreCalls(SessionStore *store, QObject *context);
    ~StoreCalls();
    StoreCalls(const StoreCalls &) = delete;
    StoreCalls &operator=(const StoreCalls &) = delete;

    // `work` gets the open database (nullptr when none is open) on the storage thread; `done` its status.
    void run(std::function<Status(SessionDatabase *)> work, std::function<void(const Status &)> done);
    int pending() const { return int(m_done.size()); }

private:
    SessionStore *m_store; // not owned
    QHash<quint64, std::function<void(const Status &)>> m_done;
    QMetaObject::Connection m_saved;
    QMetaObject::Connection m_failed;
};

} // namespace Corrige::Core
