// One writer per session, from the command line: writing commands refuse a session another live Corrige holds
// (exit 2, naming who), reading commands work meanwhile; a lock left by a crash is taken over.

#include "clirunner.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString demoDir = QStringLiteral(CORRIGE_DEMO_DIR);

class Holder
{
public:
    explicit Holder(const QString &sessionPath)
    {
        m_process.start(QStringLiteral(CORRIGE_LOCK_HOLDER_PATH), {sessionPath});
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
    qint64 pid() const { return m_process.processId(); }
    void crash()
    {
        m_process.kill();
        m_process.waitForFinished();
    }

private:
    QProcess m_process;
};

} // namespace

class TstCliLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_session = m_dir.filePath(QStringLiteral("demo.corrige"));
        const CliRun created = runCorrigeCli({QStringLiteral("new"), m_session, QStringLiteral("--exam"),
                                              QDir(demoDir).filePath(QStringLiteral("exam.json"))});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const CliRun imported = runCorrigeCli({QStringLiteral("import"), m_session,
                                               QDir(demoDir).filePath(QStringLiteral("scans.pdf")),
                                               QStringLiteral("--pages-per-copy"), QStringLiteral("4")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(!QFileInfo::exists(m_session + QStringLiteral(".lock")), "a finished command leaves no lock");
    }

    void lockedSession_writersRefuse_readersRead()
    {
        Holder holder(m_session);
        QVERIFY(holder.waitUntilLocked());

        const CliRun import = runCorrigeCli({QStringLiteral("import"), m_session,
                                            QDir(demoDir).filePath(QStringLiteral("scans.pdf")),
                                            QStringLiteral("--pages-per-copy"), QStringLiteral("4")});
        QCOMPARE(import.exitCode, 2);
        QVERIFY2(import.err.contains(QStringLiteral("open in another Corrige")), qPrintable(import.err));
        QVERIFY2(import.err.contains(QString::number(holder.pid())), qPrintable(import.err));
        QVERIFY2(import.err.contains(QSysInfo::machineHostName()), qPrintable(import.err));

        const CliRun grade = runCorrigeCli({QStringLiteral("grade"), m_session, QStringLiteral("--provider"),
                                           QStringLiteral("compatible"), QStringLiteral("--model"),
                                           QStringLiteral("m"), QStringLiteral("--base-url"),
                                           QStringLiteral("http://127.0.0.1:9/v1")});
        QCOMPARE(grade.exitCode, 2);
        QVERIFY2(grade.err.contains(QStringLiteral("open in another Corrige")), qPrintable(grade.err));

        const CliRun status = runCorrigeCli({QStringLiteral("status"), m_session, QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains(QStringLiteral("\"copies\"")));
        const CliRun rubric = runCorrigeCli({QStringLiteral("rubric"), m_session, QStringLiteral("--show")});
        QCOMPARE(rubric.exitCode, 0);
        const QString csv = m_dir.filePath(QStringLiteral("grades.csv"));
        const CliRun exported = runCorrigeCli({QStringLiteral("export"), m_session, QStringLiteral("--format"),
                                              QStringLiteral("csv"), QStringLiteral("--out"), csv,
                                              QStringLiteral("--allow-unreviewed")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(QFileInfo::exists(csv));

        // The holder's lock is untouched by the readers.
        QVERIFY(QFileInfo::exists(m_session + QStringLiteral(".lock")));

        // It crashes: the next writer takes the lock over.
        holder.crash();
        const CliRun again = runCorrigeCli({QStringLiteral("import"), m_session,
                                           QDir(demoDir).filePath(QStringLiteral("scans.pdf")),
                                           QStringLiteral("--pages-per-copy"), QStringLiteral("4"),
                                           QStringLiteral("--allow-duplicate")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(!QFileInfo::exists(m_session + QStringLiteral(".lock")));
    }

    void version_printsTheProjectVersionAndQt()
    {
        const CliRun run = runCorrigeCli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("Corrige %1 (Qt %2)")
                                        .arg(QStringLiteral(CORRIGE_PROJECT_VERSION), QString::fromLatin1(qVersion())));
    }

private:
    QTemporaryDir m_dir;
    QString m_session;
};

QTEST_GUILESS_MAIN(TstCliLock)
#include "tst_cli_lock.moc"
