#pragma once

#include "core/domain/result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Corrige::Core {

// Who holds a session: written in the lock file beside it, so that another Corrige, on this computer or on another
// one through a shared folder, can tell the teacher.
struct SessionLockOwner {
    QString host;
    QString user;
    qint64 pid = 0;
    QString program; // the executable's file name ("corrige", "corrige-cli")
    QDateTime since;

    static SessionLockOwner currentProcess();
    static std::optional<SessionLockOwner> fromJson(const QByteArray &json);
    QByteArray toJson() const;
    bool isOnThisComputer() const;
    // "marie on PC-12 (corrige, process 4242), since 14:02", translated.
    QString description() const;
};

// One writer per session: a lock file beside the session (`class.corrige.lock`) naming the host, user and process
// that writes to it.
//
// A lock left by a crashed process is stale and taken over: on the same computer, when its process is gone (or the
// number now belongs to another program); a file that cannot be read and is more than a few seconds old (the
// writer died while writing it). A lock from another computer is respected: it cannot be checked from here.
// Inside one process the lock is shared: a second SessionLock on the same session succeeds, and the file is removed
// when the last one unlocks.
class SessionLock
{
public:
    explicit SessionLock(QString sessionPath);
    ~SessionLock();
    SessionLock(const SessionLock &) = delete;
    SessionLock &operator=(const SessionLock &) = delete;

    static QString lockFilePath(const QString &sessionPath);

    // Takes the lock. Fails with ErrorCode::SessionLocked (and holder() set) when another live process holds it,
    // or ErrorCode::FileUnreadable when the lock file cannot be written.
    Status lock();
    void unlock();
    bool isLocked() const { return m_locked; }
    // Who holds the session, after lock() failed with SessionLocked.
    std::optional<SessionLockOwner> holder() const { return m_holder; }
    // lock() took over a stale lock left by a crashed process.
    bool tookOverStaleLock() const { return m_tookOver; }

    // The owner recorded in a lock file, if it exists and can be read.
    static std::optional<SessionLockOwner> readOwner(const QString &lockFilePath);
    // The live holder of a session other than this process, if any (a stale lock is no holder).
    static std::optional<SessionLockOwner> liveHolder(const QString &sessionPath);
    // Whether the process recorded in `owner` is gone (only decidable on the same computer).
    static bool isStale(const SessionLockOwner &owner);

private:
    QString m_sessionPath;
    QString m_lockPath;
    bool m_locked = false;
    bool m_tookOver = false;
    std::optional<SessionLockOwner> m_holder;
};

} // namespace Corrige::Core
