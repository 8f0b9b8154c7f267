#include "core/session/sessiondatabase.h"
#include "core/session/sessionlock.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Corrige::Core;

namespace {

Exam oneQuestionExam()
{
    Exam exam;
    exam.title = QStringLiteral("Optique");
    exam.language = QStringLiteral("fr");
    Question question;
    question.id = QStringLiteral("q1");
    question.label = QStringLiteral("Question 1");
    question.maxPoints = 2;
    exam.questions = {question};
    return exam;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
}

// Another process holding a session for writing, as a second Corrige would.
class Holder
{
public:
    explicit Holder(const QString &sessionPath)
    {
        m_process.setProgram(QStringLiteral(CORRIGE_LOCK_HOLDER_PATH));
        m_process.setArguments({sessionPath});
        m_process.start();
    }
    ~Holder()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    bool waitUntilLocked()
    {
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(30000))
                return false;
        }
        return m_process.readLine().trimmed() == "locked";
    }
    qint64 pid() const { return m_pid ? m_pid : m_process.processId(); }
    void rememberPid() { m_pid = m_process.processId(); }
    // The holder ends normally: it closes its session.
    bool quit()
    {
        rememberPid();
        m_process.closeWriteChannel();
        return m_process.waitForFinished(30000) && m_process.exitCode() == 0;
    }
    // The holder crashes: nothing is cleaned up.
    void crash()
    {
        rememberPid();
        m_process.kill();
        m_process.waitForFinished();
    }

private:
    QProcess m_process;
    qint64 m_pid = 0;
};

} // namespace

class TestSessionLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_session = m_dir.filePath(QStringLiteral("classe %1.corrige").arg(++m_counter));
        auto created = SessionDatabase::create(m_session, oneQuestionExam());
        QVERIFY2(created, qPrintable(created.errorString()));
        QVERIFY(QFileInfo::exists(SessionLock::lockFilePath(m_session)));
    } // the session is closed here: its lock is gone

    void lockFile_namesHostUserAndProcess()
    {
        QVERIFY(!QFileInfo::exists(SessionLock::lockFilePath(m_session)));
        SessionLock lock(m_session);
        QVERIFY(lock.lock());
        QVERIFY(lock.isLocked());
        QCOMPARE(SessionLock::lockFilePath(m_session), m_session + QStringLiteral(".lock"));
        const std::optional<SessionLockOwner> owner = SessionLock::readOwner(SessionLock::lockFilePath(m_session));
        QVERIFY(owner);
        QCOMPARE(owner->host, QSysInfo::machineHostName());
        QCOMPARE(owner->pid, QCoreApplication::applicationPid());
        QVERIFY(!owner->user.isEmpty());
        QCOMPARE(owner->program, QStringLiteral("tst_sessionlock"));
        QVERIFY(qAbs(owner->since.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        lock.unlock();
        QVERIFY(!QFileInfo::exists(SessionLock::lockFilePath(m_session)));
    }

    void lock_isSharedWithinOneProcess()
    {
        auto first = std::make_unique<SessionLock>(m_session);
        SessionLock second(m_session);
        QVERIFY(first->lock());
        QVERIFY(second.lock());
        QVERIFY(!SessionLock::liveHolder(m_session));
        first.reset();
        QVERIFY(QFileInfo::exists(SessionLock::lockFilePath(m_session)));
        second.unlock();
        QVERIFY(!QFileInfo::exists(SessionLock::lockFilePath(m_session)));
    }

    void anotherLiveProcess_keepsTheSessionReadOnly()
    {
        Holder holder(m_session);
        QVERIFY(holder.waitUntilLocked());

        SessionLock lock(m_session);
        const Status locked = lock.lock();
        QVERIFY(!locked);
        QCOMPARE(locked.error().code, ErrorCode::SessionLocked);
        QVERIFY2(locked.errorString().contains(QFileInfo(m_session).fileName()), qPrintable(locked.errorString()));
        QVERIFY2(locked.errorString().contains(QString::number(holder.pid())), qPrintable(locked.errorString()));
        QVERIFY(lock.holder());
        QCOMPARE(lock.holder()->pid, holder.pid());
        QCOMPARE(lock.holder()->program, QStringLiteral("session-lock-holder"));

        // Writers are refused; readers read, and cannot write.
        const auto writer = SessionDatabase::open(m_session);
        QVERIFY(!writer);
        QCOMPARE(writer.error().code, ErrorCode::SessionLocked);
        auto reader = SessionDatabase::open(m_session, SessionDatabase::Access::ReadOnly);
        QVERIFY2(reader, qPrintable(reader.errorString()));
        QVERIFY(reader.value()->isReadOnly());
        QCOMPARE(reader.value()->exam().title, QStringLiteral("Optique"));
        const SessionSnapshot snapshot = reader.value()->snapshot();
        QVERIFY(snapshot.readOnly);
        QVERIFY(snapshot.lockHolder);
        QCOMPARE(snapshot.lockHolder->pid, holder.pid());
        QVERIFY(!reader.value()->setMeta(QStringLiteral("note"), QStringLiteral("x")));
        QCOMPARE(reader.value()->meta(QStringLiteral("note")), QString());
        reader.value().reset();
        QVERIFY2(QFileInfo::exists(SessionLock::lockFilePath(m_session)), "a reader never removes the writer's lock");

        // Once the other Corrige closes the session, it is ours.
        QVERIFY(holder.quit());
        QVERIFY(!QFileInfo::exists(SessionLock::lockFilePath(m_session)));
        QVERIFY(lock.lock());
        QVERIFY(!lock.tookOverStaleLock());
    }

    void crashedProcess_lockIsTakenOver()
    {
        Holder holder(m_session);
        QVERIFY(holder.waitUntilLocked());
        holder.crash();
        const std::optional<SessionLockOwner> left = SessionLock::readOwner(SessionLock::lockFilePath(m_session));
        QVERIFY2(left, "a crash leaves its lock file behind");
        QCOMPARE(left->pid, holder.pid());
        QVERIFY(SessionLock::isStale(*left));
        QVERIFY(!SessionLock::liveHolder(m_session));

        auto writer = SessionDatabase::open(m_session);
        QVERIFY2(writer, qPrintable(writer.errorString()));
        const std::optional<SessionLockOwner> now = SessionLock::readOwner(SessionLock::lockFilePath(m_session));
        QVERIFY(now);
        QCOMPARE(now->pid, QCoreApplication::applicationPid());
        QVERIFY(writer.value()->setMeta(QStringLiteral("note"), QStringLiteral("after the crash")));
    }

    void staleOrLive_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("program");
        QTest::addColumn<bool>("livePid");
        QTest::addColumn<bool>("stale");
        const QString here = QSysInfo::machineHostName();
        QTest::newRow("this computer, process alive") << here << QStringLiteral("sleep") << true << false;
        QTest::newRow("this computer, process gone") << here << QStringLiteral("corrige") << false << true;
#ifdef Q_OS_LINUX
        QTest::newRow("this computer, number reused by another program")
            << here << QStringLiteral("corrige") << true << true;
#endif
        QTest::newRow("another computer: cannot be checked, respected")
            << QStringLiteral("salle-des-profs-07") << QStringLiteral("corrige") << false << false;
    }

    void staleOrLive()
    {
        QFETCH(QString, host);
        QFETCH(QString, program);
        QFETCH(bool, livePid);
        QFETCH(bool, stale);
        QProcess sleeper;
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        QVERIFY(sleeper.waitForStarted());
        const qint64 pid = sleeper.processId();
        if (!livePid) {
            sleeper.kill();
            sleeper.waitForFinished();
        }
        SessionLockOwner owner;
        owner.host = host;
        owner.user = QStringLiteral("marie");
        owner.pid = pid;
        owner.program = program;
        owner.since = QDateTime::currentDateTimeUtc();
        writeFile(SessionLock::lockFilePath(m_session), owner.toJson());

        QCOMPARE(SessionLock::isStale(owner), stale);
        SessionLock lock(m_session);
        const Status locked = lock.lock();
        QCOMPARE(bool(locked), stale);
        QCOMPARE(lock.tookOverStaleLock(), stale);
        if (!stale) {
            QVERIFY(lock.holder());
            QCOMPARE(lock.holder()->host, host);
            QVERIFY(locked.errorString().contains(QStringLiteral("marie")));
            QVERIFY(locked.errorString().contains(host));
        }
        sleeper.kill();
        sleeper.waitForFinished();
    }

    void unreadableLock_isTakenOverOnceOld()
    {
        const QString lockPath = SessionLock::lockFilePath(m_session);
        writeFile(lockPath, QByteArray("{\"host\": \"pc"));
        SessionLock lock(m_session);
        QCOMPARE(lock.lock().error().code, ErrorCode::SessionLocked); // maybe being written right now

        QFile file(lockPath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
        file.close();
        QVERIFY(lock.lock());
        QVERIFY(lock.tookOverStaleLock());
    }

    void readOnlyOpen_withoutHolder_leavesNoLock()
    {
        auto reader = SessionDatabase::open(m_session, SessionDatabase::Access::ReadOnly);
        QVERIFY2(reader, qPrintable(reader.errorString()));
        QVERIFY(!reader.value()->snapshot().lockHolder);
        QVERIFY(!QFileInfo::exists(SessionLock::lockFilePath(m_session)));
        // A writer may open it meanwhile.
        auto writer = SessionDatabase::open(m_session);
        QVERIFY2(writer, qPrintable(writer.errorString()));
    }

private:
    QTemporaryDir m_dir;
    QString m_session;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestSessionLock)
#include "tst_sessionlock.moc"
