#include "core/session/sessionlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMutex>
#include <QMutexLocker>
#include <QSysInfo>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace Corrige::Core {

namespace {

// A lock file that cannot be read is being written, or was left half-written by a crash once it is this old.
constexpr qint64 unreadableLockGraceSeconds = 10;
// Linux keeps the first 15 bytes of a program's name in /proc/<pid>/comm.
constexpr qsizetype linuxCommLength = 15;
constexpr int takeOverAttempts = 3;

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core::SessionLock", text);
}

// The sessions this process holds, by lock file, with how many SessionLocks share each: a process is one writer.
// (Process-wide by nature: the lock file names a process, not an object.)
QMutex &heldMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, int> &heldLocks()
{
    static QHash<QString, int> held;
    return held;
}

qint64 currentPid()
{
    return QCoreApplication::applicationPid();
}

QString currentUser()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
    return QDir::home().dirName();
}

bool isProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_WIN
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!process)
        return GetLastError() == ERROR_ACCESS_DENIED;
    DWORD code = 0;
    const bool alive = GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
    CloseHandle(process);
    return alive;
#else
    if (::kill(pid_t(pid), 0) == 0)
        return true;
    return errno == EPERM;
#endif
}

// On Linux, a live pid that now runs another program was reused after the holder died.
bool runsAnotherProgram(qint64 pid, const QString &program)
{
#ifdef Q_OS_LINUX
    if (program.isEmpty())
        return false;
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (!comm.open(QIODevice::ReadOnly))
        return false;
    const QString running = QString::fromUtf8(comm.readAll()).trimmed();
    return !running.isEmpty() && running != program.left(linuxCommLength);
#else
    Q_UNUSED(pid);
    Q_UNUSED(program);
    return false;
#endif
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// SessionLockOwner

SessionLockOwner SessionLockOwner::currentProcess()
{
    SessionLockOwner owner;
    owner.host = QSysInfo::machineHostName();
    owner.user = currentUser();
    owner.pid = currentPid();
    if (QCoreApplication::instance())
        owner.program = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    owner.since = QDateTime::currentDateTimeUtc();
    return owner;
}

std::optional<SessionLockOwner> SessionLockOwner::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    SessionLockOwner owner;
    owner.host = object.value(QLatin1String("host")).toString();
    owner.user = object.value(QLatin1String("user")).toString();
    owner.pid = qint64(object.value(QLatin1String("pid")).toDouble());
    owner.program = object.value(QLatin1String("program")).toString();
    owner.since = QDateTime::fromString(object.value(QLatin1String("since")).toString(), Qt::ISODate);
    if (owner.host.isEmpty() || owner.pid <= 0)
        return std::nullopt;
    return owner;
}

QByteArray SessionLockOwner::toJson() const
{
    const QJsonObject object{
        {QStringLiteral("host"), host},
        {QStringLiteral("user"), user},
        {QStringLiteral("pid"), double(pid)},
        {QStringLiteral("program"), program},
        {QStringLiteral("since"), since.toUTC().toString(Qt::ISODate)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

bool SessionLockOwner::isOnThisComputer() const
{
    return host.compare(QSysInfo::machineHostName(), Qt::CaseInsensitive) == 0;
}

QString SessionLockOwner::description() const
{
    const QString when = since.isValid() ? QLocale().toString(since.toLocalTime(), QLocale::ShortFormat) : QString();
    const QString who =
        user.isEmpty() ? QCoreApplication::translate("Corrige::Core::SessionLockOwner", "someone") : user;
    const QString name = program.isEmpty() ? QStringLiteral("Corrige") : program;
    if (when.isEmpty())
        //: %1 user, %2 computer, %3 program, %4 process number
        return QCoreApplication::translate("Corrige::Core::SessionLockOwner", "%1 on %2 (%3, process %4)")
            .arg(who, host, name, QString::number(pid));
    //: %1 user, %2 computer, %3 program, %4 process number, %5 date and time
    return QCoreApplication::translate("Corrige::Core::SessionLockOwner", "%1 on %2 (%3, process %4), since %5")
        .arg(who, host, name, QString::number(pid), when);
}

// ---------------------------------------------------------------------------------------------------------------
// SessionLock

SessionLock::SessionLock(QString sessionPath)
    : m_sessionPath(std::move(sessionPath))
    , m_lockPath(lockFilePath(m_sessionPath))
{
}

SessionLock::~SessionLock()
{
    unlock();
}

QString SessionLock::lockFilePath(const QString &sessionPath)
{
    return QDir::cleanPath(QFileInfo(sessionPath).absoluteFilePath()) + QStringLiteral(".lock");
}

std::optional<SessionLockOwner> SessionLock::readOwner(const QString &lockFilePath)
{
    QFile file(lockFilePath);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return SessionLockOwner::fromJson(file.readAll());
}

bool SessionLock::isStale(const SessionLockOwner &owner)
{
    if (!owner.isOnThisComputer())
        return false;
    if (owner.pid == currentPid())
        return false; // our own number: only the caller knows whether this process holds that lock
    return !isProcessAlive(owner.pid) || runsAnotherProgram(owner.pid, owner.program);
}

std::optional<SessionLockOwner> SessionLock::liveHolder(const QString &sessionPath)
{
    const QString path = lockFilePath(sessionPath);
    {
        const QMutexLocker locker(&heldMutex());
        if (heldLocks().contains(path))
            return std::nullopt;
    }
    const std::optional<SessionLockOwner> owner = readOwner(path);
    if (!owner || isStale(*owner) || (owner->isOnThisComputer() && owner->pid == currentPid()))
        return std::nullopt;
    return owner;
}

Status SessionLock::lock()
{
    if (m_locked)
        return Status::ok();
    m_holder.reset();
    m_tookOver = false;
    const QString sessionName = QFileInfo(m_sessionPath).fileName();

    const QMutexLocker locker(&heldMutex());
    if (int &count = heldLocks()[m_lockPath]; count > 0) {
        ++count;
        m_locked = true;
        return Status::ok();
    }
    heldLocks().remove(m_lockPath);

    const SessionLockOwner self = SessionLockOwner::currentProcess();
    const QByteArray content = self.toJson();
    for (int attempt = 0; attempt < takeOverAttempts; ++attempt) {
        QFile file(m_lockPath);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            const bool written = file.write(content) == content.size() && file.flush();
            file.close();
            if (!written) {
                QFile::remove(m_lockPath);
                return Status::failure(ErrorCode::FileUnreadable,
                                       tr("Cannot write the lock file of %1 (%2). Check the disk has space and you "
                                          "may write to the session's folder.")
                                           .arg(sessionName, file.errorString()));
            }
            heldLocks()[m_lockPath] = 1;
            m_locked = true;
            return Status::ok();
        }
        if (!QFileInfo::exists(m_lockPath))
            return Status::failure(ErrorCode::FileUnreadable,
                                   tr("Cannot create the lock file beside %1 (%2). Check you may write to the "
                                      "session's folder, or copy the session somewhere you may.")
                                       .arg(sessionName, file.errorString()));

        // Someone's lock is there: is its writer still alive?
        QFile existing(m_lockPath);
        if (!existing.open(QIODevice::ReadOnly))
            return Status::failure(ErrorCode::FileUnreadable,
                                   tr("Cannot read the lock file of %1 (%2). Check you may read the session's folder.")
                                       .arg(sessionName, existing.errorString()));
        const QByteArray recorded = existing.readAll();
        existing.close();
        const std::optional<SessionLockOwner> owner = SessionLockOwner::fromJson(recorded);
        bool stale = false;
        if (!owner) {
            const QDateTime modified = QFileInfo(m_lockPath).lastModified();
            stale = !modified.isValid() || modified.secsTo(QDateTime::currentDateTime()) > unreadableLockGraceSeconds;
        } else if (owner->isOnThisComputer() && owner->pid == self.pid) {
            stale = true; // our number, but not a lock this process holds: left before a restart
        } else {
            stale = isStale(*owner);
        }
        if (!stale) {
            m_holder = owner;
            const QString who = owner ? owner->description() : tr("another Corrige that is opening it right now");
            return Status::failure(ErrorCode::SessionLocked,
                                   tr("%1 is open in another Corrige: %2. Close it there first; meanwhile it can "
                                      "only be read here.")
                                       .arg(sessionName, who));
        }
        // Take it over, unless it changed since it was read (another process got there first).
        QFile again(m_lockPath);
        if (again.open(QIODevice::ReadOnly) && again.readAll() == recorded) {
            again.close();
            QFile::remove(m_lockPath);
            m_tookOver = true;
        }
    }
    return Status::failure(ErrorCode::SessionLocked,
                           tr("%1 is being opened by another Corrige right now. Try again in a moment.")
                               .arg(sessionName));
}

void SessionLock::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    const QMutexLocker locker(&heldMutex());
    int &count = heldLocks()[m_lockPath];
    if (--count > 0)
        return;
    heldLocks().remove(m_lockPath);
    // Remove the file only if it still names this process (someone may have wrongly taken it over).
    const std::optional<SessionLockOwner> owner = readOwner(m_lockPath);
    if (owner && owner->isOnThisComputer() && owner->pid == currentPid())
        QFile::remove(m_lockPath);
}

} // namespace Corrige::Core
