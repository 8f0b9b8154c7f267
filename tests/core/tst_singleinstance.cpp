#include "core/workflow/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <QtConcurrent>

using namespace Corrige::Core;

namespace {

QString uniqueKey()
{
    return QStringLiteral("corrige-test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstStart_becomesThePrimary()
    {
        SingleInstance instance(uniqueKey());
        QCOMPARE(instance.start({}, false, 500), SingleInstance::Role::Primary);
        QVERIFY2(instance.isListening(), qPrintable(instance.errorString()));
    }

    void secondStart_handsItsSessionsToTheFirst()
    {
        const QString key = uniqueKey();
        SingleInstance running(key);
        QCOMPARE(running.start({}, false, 500), SingleInstance::Role::Primary);
        QSignalSpy requests(&running, &SingleInstance::openRequested);

        // The second start waits for the first's answer, so it runs beside this thread's event loop, as another
        // process would.
        const QString relative = QStringLiteral("classe 3B.corrige");
        QThread *mainThread = QThread::currentThread();
        QThread *startThread = nullptr;
        QFutureWatcher<SingleInstance::Role> watcher;
        watcher.setFuture(QtConcurrent::run([&] {
            startThread = QThread::currentThread();
            SingleInstance second(key);
            return second.start({relative}, false, 10000);
        }));
        QTRY_VERIFY_WITH_TIMEOUT(watcher.isFinished(), 20000);
        QVERIFY(startThread != mainThread);
        QCOMPARE(watcher.result(), SingleInstance::Role::HandedOver);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).at(0).toStringList(), QStringList{QDir::current().absoluteFilePath(relative)});
        QCOMPARE(requests.at(0).at(1).toBool(), false);
    }

    void secondStart_withoutFiles_asksForTheDemoOrTheWindow()
    {
        const QString key = uniqueKey();
        SingleInstance running(key);
        QCOMPARE(running.start({}, false, 500), SingleInstance::Role::Primary);
        QSignalSpy requests(&running, &SingleInstance::openRequested);
        QFutureWatcher<SingleInstance::Role> watcher;
        watcher.setFuture(QtConcurrent::run([key] { return SingleInstance(key).start({}, true, 10000); }));
        QTRY_VERIFY_WITH_TIMEOUT(watcher.isFinished(), 20000);
        QCOMPARE(watcher.result(), SingleInstance::Role::HandedOver);
        QCOMPARE(requests.size(), 1);
        QVERIFY(requests.at(0).at(0).toStringList().isEmpty());
        QCOMPARE(requests.at(0).at(1).toBool(), true);
    }

    void garbage_isIgnored()
    {
        const QString key = uniqueKey();
        SingleInstance running(key);
        QCOMPARE(running.start({}, false, 500), SingleInstance::Role::Primary);
        QSignalSpy requests(&running, &SingleInstance::openRequested);
        QLocalSocket socket;
        socket.connectToServer(key);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("not json\n");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QLocalSocket::UnconnectedState, 10000);
        QCOMPARE(requests.size(), 0);
    }

#ifdef Q_OS_UNIX
    void leftoverSocketOfACrash_isReplaced()
    {
        // A crashed Corrige leaves its socket file behind; nobody answers on it.
        const QString key = uniqueKey();
        const QString leftover = QDir(QDir::tempPath()).filePath(key);
        {
            QFile file(leftover);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        SingleInstance instance(key);
        QCOMPARE(instance.start({}, false, 500), SingleInstance::Role::Primary);
        QVERIFY2(instance.isListening(), qPrintable(instance.errorString()));
    }
#endif

    void defaultKey_isPerUser()
    {
        QVERIFY(SingleInstance::defaultKey().startsWith(QStringLiteral("corrige-")));
        QCOMPARE(SingleInstance::defaultKey(), SingleInstance::defaultKey());
        QVERIFY(!SingleInstance::defaultKey().contains(QDir::separator()));
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
