#include "core/session/sessionlock.h"
#include "core/workflow/demosession.h"
#include "ui/mainwindow.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include "screenshot.h"

using namespace Corrige;

namespace {

// Another Corrige holding the session for writing (a real process with the session open).
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
    bool quit()
    {
        m_process.closeWriteChannel();
        return m_process.waitForFinished(30000) && m_process.exitCode() == 0;
    }
    void crash()
    {
        m_process.kill();
        m_process.waitForFinished();
    }

private:
    QProcess m_process;
};

QAction *action(QWidget &window, const char *name)
{
    auto *found = window.findChild<QAction *>(QLatin1String(name));
    if (!found)
        qFatal("No action %s", name);
    return found;
}

} // namespace

class TstReadOnlySession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installEnglishCatalogue(this);
        QStandardPaths::setTestModeEnabled(true);
        qputenv("CORRIGE_NO_KEYCHAIN", "1");
        QVERIFY(m_dir.isValid());
        m_pool.setMaxThreadCount(2);
    }

    void sessionOpenElsewhere_opensReadOnly_withABannerNamingTheHolder()
    {
        const QString path = m_dir.filePath(QStringLiteral("Physique 2B.corrige"));
        QVERIFY(Core::DemoSession::create(path));
        Holder holder(path);
        QVERIFY(holder.waitUntilLocked());

        Ui::MainWindow window(&m_pool, nullptr);
        window.resize(1280, 800);
        window.show();
        QSignalSpy opened(&window, &Ui::MainWindow::sessionOpened);
        window.openSession(path);
        QVERIFY(opened.wait(30000));
        QVERIFY(window.isReadOnly());

        auto *bar = window.findChild<QWidget *>(QStringLiteral("readOnlyBar"));
        QVERIFY(bar && bar->isVisible());
        const QString banner = window.findChild<QLabel *>(QStringLiteral("readOnlyLabel"))->text();
        QVERIFY2(banner.contains(QStringLiteral("Physique 2B.corrige")), qPrintable(banner));
        QVERIFY2(banner.contains(QSysInfo::machineHostName()), qPrintable(banner));
        QVERIFY2(banner.contains(QString::number(holder.pid())), qPrintable(banner));
        QVERIFY(window.windowTitle().contains(QStringLiteral("read-only")));

        // Reading and exporting stay; every way of changing the session is closed.
        QVERIFY(action(window, "exportAction")->isEnabled());
        QVERIFY(action(window, "nextCopyAction")->isEnabled());
        for (const char *name : {"gradeAllAction", "importScansAction", "rubricsAction", "renameStudentAction"})
            QVERIFY2(!action(window, name)->isEnabled(), name);
        auto *list = window.findChild<QTableView *>(QStringLiteral("copyList"));
        QCOMPARE(list->editTriggers(), QAbstractItemView::NoEditTriggers);
        QTRY_VERIFY(!window.findChildren<QAbstractSpinBox *>(QStringLiteral("scoreSpin")).isEmpty());
        for (QAbstractSpinBox *box : window.findChildren<QAbstractSpinBox *>(QStringLiteral("scoreSpin")))
            QVERIFY(box->isReadOnly());
        QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier);
        QVERIFY(!window.gradeAllController());
        QVERIFY(Core::SessionLock::liveHolder(path));
        saveScreenshotIfAsked(&window, QStringLiteral("read-only"));

        // Once the other Corrige closes it, "Open again" makes it ours.
        QVERIFY(holder.quit());
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("reopenButton")), Qt::LeftButton);
        QVERIFY(opened.wait(30000));
        QVERIFY(!window.isReadOnly());
        QVERIFY(!bar->isVisible());
        QVERIFY(action(window, "gradeAllAction")->isEnabled());
        QCOMPARE(list->editTriggers(), QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
        const auto owner = Core::SessionLock::readOwner(Core::SessionLock::lockFilePath(path));
        QVERIFY(owner);
        QCOMPARE(owner->pid, QCoreApplication::applicationPid());
        window.closeSession();
        QVERIFY(!QFileInfo::exists(Core::SessionLock::lockFilePath(path)));
    }

    void sessionLeftByACrash_opensForWriting()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.corrige"));
        QVERIFY(Core::DemoSession::create(path));
        Holder holder(path);
        QVERIFY(holder.waitUntilLocked());
        holder.crash();
        QVERIFY(QFileInfo::exists(Core::SessionLock::lockFilePath(path)));

        Ui::MainWindow window(&m_pool, nullptr);
        window.show();
        QSignalSpy opened(&window, &Ui::MainWindow::sessionOpened);
        window.openSession(path);
        QVERIFY(opened.wait(30000));
        QVERIFY(!window.isReadOnly());
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("readOnlyBar"))->isVisible());
        QVERIFY(action(window, "gradeAllAction")->isEnabled());
    }

private:
    QTemporaryDir m_dir;
    QThreadPool m_pool;
};

QTEST_MAIN(TstReadOnlySession)
#include "tst_readonlysession.moc"
