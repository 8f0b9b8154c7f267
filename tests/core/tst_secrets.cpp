#include "core/secrets/secretstore.h"
#include "core/settings/appsettings.h"

#include <QFile>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Corrige::Core;

namespace {

const QByteArray geminiVariable = "GEMINI_API_KEY";
const QByteArray openaiVariable = "OPENAI_API_KEY";
const QByteArray compatibleVariable = "CORRIGE_API_KEY";

// Every message Qt logs while alive, to prove a key never reaches a log.
class MessageRecorder
{
public:
    MessageRecorder()
    {
        s_messages.clear();
        m_previous = qInstallMessageHandler(&MessageRecorder::record);
    }
    ~MessageRecorder() { qInstallMessageHandler(m_previous); }
    MessageRecorder(const MessageRecorder &) = delete;
    MessageRecorder &operator=(const MessageRecorder &) = delete;

    QStringList messages() const
    {
        QMutexLocker lock(&s_mutex);
        return s_messages;
    }

private:
    static void record(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        QMutexLocker lock(&s_mutex);
        s_messages.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ')
                          + message);
    }

    QtMessageHandler m_previous = nullptr;
    static inline QMutex s_mutex;
    static inline QStringList s_messages;
};

// A store that never touches a real keychain.
std::unique_ptr<SecretStore> memoryStore()
{
    auto store = std::make_unique<SecretStore>();
    store->setKeychainEnabled(false);
    return store;
}

} // namespace

class TstSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void environmentVariable_namesOneVariablePerProvider_data();
    void environmentVariable_namesOneVariablePerProvider();
    void read_fallsBackToTheEnvironment();
    void read_withoutAnyKey_reportsNone();
    void read_answersAfterTheCallReturns();
    void read_isPerProvider();
    void write_notPersisted_keepsTheKeyInMemory();
    void write_memoryKeyWinsOverTheEnvironment();
    void write_persistWithKeychainDisabled_keepsInMemoryAndWarns();
    void write_trimsTheKey();
    void write_emptyKey_fails();
    void remove_forgetsTheMemoryKey();
    void remove_withEnvironmentKey_warnsThatItIsStillUsed();
    void describe_saysWhereTheKeyLives_data();
    void describe_saysWhereTheKeyLives();
    void readBlocking_withoutKeychain_readsTheEnvironment();
    void readBlocking_withoutAnyKey_returnsNothing();
    void keychainWithoutBackend_fallsBackToMemoryAndSaysSo();
    void keys_neverReachTheSettingsFile();
    void keys_neverReachTheLog();
};

void TstSecrets::init()
{
    qunsetenv(geminiVariable.constData());
    qunsetenv(openaiVariable.constData());
    qunsetenv(compatibleVariable.constData());
}

void TstSecrets::cleanup()
{
    init();
}

void TstSecrets::environmentVariable_namesOneVariablePerProvider_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("variable");
    QTest::newRow("gemini") << QStringLiteral("gemini") << QStringLiteral("GEMINI_API_KEY");
    QTest::newRow("openai") << QStringLiteral("openai") << QStringLiteral("OPENAI_API_KEY");
    QTest::newRow("compatible") << QStringLiteral("compatible") << QStringLiteral("CORRIGE_API_KEY");
    QTest::newRow("unknown") << QStringLiteral("anthropic") << QString();
    QTest::newRow("case matters") << QStringLiteral("Gemini") << QString();
}

void TstSecrets::environmentVariable_namesOneVariablePerProvider()
{
    QFETCH(QString, provider);
    QFETCH(QString, variable);
    QCOMPARE(SecretStore::environmentVariable(provider), variable);
}

void TstSecrets::read_fallsBackToTheEnvironment()
{
    qputenv(geminiVariable.constData(), "  env-gemini-key\n");
    auto store = memoryStore();
    QSignalSpy read(store.get(), &SecretStore::keyRead);
    QSignalSpy failed(store.get(), &SecretStore::failed);

    store->read(QStringLiteral("gemini"));
    QVERIFY(read.wait());
    QCOMPARE(read.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(read.at(0).at(0).toString(), QStringLiteral("gemini"));
    QCOMPARE(read.at(0).at(1).toString(), QStringLiteral("env-gemini-key"));
    QCOMPARE(read.at(0).at(2).value<SecretLocation>(), SecretLocation::Environment);
    QCOMPARE(store->cachedKey(QStringLiteral("gemini")), QStringLiteral("env-gemini-key"));
    QCOMPARE(store->cachedLocation(QStringLiteral("gemini")), SecretLocation::Environment);
}

void TstSecrets::read_withoutAnyKey_reportsNone()
{
    auto store = memoryStore();
    QSignalSpy read(store.get(), &SecretStore::keyRead);
    QSignalSpy failed(store.get(), &SecretStore::failed);

    store->read(QStringLiteral("openai"));
    QVERIFY(read.wait());
    QCOMPARE(failed.count(), 0);
    QVERIFY(read.at(0).at(1).toString().isEmpty());
    QCOMPARE(read.at(0).at(2).value<SecretLocation>(), SecretLocation::None);
    QCOMPARE(store->cachedLocation(QStringLiteral("openai")), SecretLocation::None);
    QVERIFY(store->cachedKey(QStringLiteral("openai")).isEmpty());
}

void TstSecrets::read_answersAfterTheCallReturns()
{
    qputenv(openaiVariable.constData(), "sk-test");
    auto store = memoryStore();
    QSignalSpy read(store.get(), &SecretStore::keyRead);
    QSignalSpy written(store.get(), &SecretStore::keyWritten);

    store->read(QStringLiteral("openai"));
    store->write(QStringLiteral("compatible"), QStringLiteral("local"), false);
    QCOMPARE(read.count(), 0);
    QCOMPARE(written.count(), 0);
    QVERIFY(written.wait());
    QCOMPARE(read.count(), 1);
}

void TstSecrets::read_isPerProvider()
{
    qputenv(openaiVariable.constData(), "sk-openai");
    auto store = memoryStore();
    QSignalSpy read(store.get(), &SecretStore::keyRead);

    store->read(QStringLiteral("gemini"));
    store->read(QStringLiteral("openai"));
    QTRY_COMPARE(read.count(), 2);
    QCOMPARE(read.at(0).at(0).toString(), QStringLiteral("gemini"));
    QCOMPARE(read.at(0).at(2).value<SecretLocation>(), SecretLocation::None);
    QCOMPARE(read.at(1).at(0).toString(), QStringLiteral("openai"));
    QCOMPARE(read.at(1).at(1).toString(), QStringLiteral("sk-openai"));
    QCOMPARE(store->cachedLocation(QStringLiteral("gemini")), SecretLocation::None);
    QCOMPARE(store->cachedLocation(QStringLiteral("openai")), SecretLocation::Environment);
}

void TstSecrets::write_notPersisted_keepsTheKeyInMemory()
{
    auto store = memoryStore();
    QSignalSpy written(store.get(), &SecretStore::keyWritten);
    QSignalSpy read(store.get(), &SecretStore::keyRead);

    store->write(QStringLiteral("gemini"), QStringLiteral("typed-key"), false);
    QVERIFY(written.wait());
    QCOMPARE(written.at(0).at(1).value<SecretLocation>(), SecretLocation::Memory);
    QVERIFY(written.at(0).at(2).toString().isEmpty()); // the user asked for it: no warning
    QCOMPARE(store->cachedKey(QStringLiteral("gemini")), QStringLiteral("typed-key"));

    store->read(QStringLiteral("gemini"));
    QVERIFY(read.wait());
    QCOMPARE(read.at(0).at(1).toString(), QStringLiteral("typed-key"));
    QCOMPARE(read.at(0).at(2).value<SecretLocation>(), SecretLocation::Memory);

    // Memory is per store: a new one (the next run of the program) does not know the key.
    auto other = memoryStore();
    QSignalSpy otherRead(other.get(), &SecretStore::keyRead);
    other->read(QStringLiteral("gemini"));
    QVERIFY(otherRead.wait());
    QCOMPARE(otherRead.at(0).at(2).value<SecretLocation>(), SecretLocation::None);
}

void TstSecrets::write_memoryKeyWinsOverTheEnvironment()
{
    qputenv(geminiVariable.constData(), "env-key");
    auto store = memoryStore();
    QSignalSpy written(store.get(), &SecretStore::keyWritten);
    QSignalSpy read(store.get(), &SecretStore::keyRead);

    store->write(QStringLiteral("gemini"), QStringLiteral("typed-key"), false);
    QVERIFY(written.wait());
    store->read(QStringLiteral("gemini"));
    QVERIFY(read.wait());
    QCOMPARE(read.at(0).at(1).toString(), QStringLiteral("typed-key"));
    QCOMPARE(read.at(0).at(2).value<SecretLocation>(), SecretLocation::Memory);
}

void TstSecrets::write_persistWithKeychainDisabled_keepsInMemoryAndWarns()
{
    auto store = memoryStore();
    QVERIFY(!store->isKeychainEnabled());
    QSignalSpy written(store.get(), &SecretStore::keyWritten);
    QSignalSpy failed(store.get(), &SecretStore::failed);

    store->write(QStringLiteral("openai"), QStringLiteral("sk-persist-me"), true);
    QVERIFY(written.wait());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(written.at(0).at(1).value<SecretLocation>(), SecretLocation::Memory);
    const QString warning = written.at(0).at(2).toString();
    QVERIFY2(warning.contains(QStringLiteral("OPENAI_API_KEY")), qPrintable(warning));
    QVERIFY(!warning.contains(QStringLiteral("sk-persist-me")));
    QCOMPARE(store->cachedKey(QStringLiteral("openai")), QStringLiteral("sk-persist-me"));
    QCOMPARE(store->cachedLocation(QStringLiteral("openai")), SecretLocation::Memory);
}

void TstSecrets::write_trimsTheKey()
{
    auto store = memoryStore();
    QSignalSpy written(store.get(), &SecretStore::keyWritten);
    store->write(QStringLiteral("compatible"), QStringLiteral("\t pasted-key \r\n"), false);
    QVERIFY(written.wait());
    QCOMPARE(store->cachedKey(QStringLiteral("compatible")), QStringLiteral("pasted-key"));
}

void TstSecrets::write_emptyKey_fails()
{
    auto store = memoryStore();
    QSignalSpy written(store.get(), &SecretStore::keyWritten);
    QSignalSpy failed(store.get(), &SecretStore::failed);

    store->write(QStringLiteral("gemini"), QStringLiteral("   "), true);
    QVERIFY(failed.wait());
    QCOMPARE(written.count(), 0);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("gemini"));
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QCOMPARE(store->cachedLocation(QStringLiteral("gemini")), SecretLocation::None);
}

void TstSecrets::remove_forgetsTheMemoryKey()
{
    auto store = memoryStore();
    QSignalSpy written(store.get(), &SecretStore::keyWritten);
    QSignalSpy read(store.get(), &SecretStore::keyRead);

    store->write(QStringLiteral("gemini"), QStringLiteral("typed-key"), false);
    QVERIFY(written.wait());
    store->remove(QStringLiteral("gemini"));
    QTRY_COMPARE(written.count(), 2);
    QCOMPARE(written.at(1).at(1).value<SecretLocation>(), SecretLocation::None);
    QVERIFY(written.at(1).at(2).toString().isEmpty());
    QVERIFY(store->cachedKey(QStringLiteral("gemini")).isEmpty());

    store->read(QStringLiteral("gemini"));
    QVERIFY(read.wait());
    QCOMPARE(read.at(0).at(2).value<SecretLocation>(), SecretLocation::None);
}

void TstSecrets::remove_withEnvironmentKey_warnsThatItIsStillUsed()
{
    qputenv(compatibleVariable.constData(), "env-compatible");
    auto store = memoryStore();
    QSignalSpy written(store.get(), &SecretStore::keyWritten);

    store->write(QStringLiteral("compatible"), QStringLiteral("typed"), false);
    QVERIFY(written.wait());
    store->remove(QStringLiteral("compatible"));
    QTRY_COMPARE(written.count(), 2);
    QCOMPARE(written.at(1).at(1).value<SecretLocation>(), SecretLocation::Environment);
    const QString warning = written.at(1).at(2).toString();
    QVERIFY2(warning.contains(QStringLiteral("CORRIGE_API_KEY")), qPrintable(warning));
    QVERIFY(!warning.contains(QStringLiteral("env-compatible")));
    QCOMPARE(store->cachedKey(QStringLiteral("compatible")), QStringLiteral("env-compatible"));
}

void TstSecrets::describe_saysWhereTheKeyLives_data()
{
    QTest::addColumn<SecretLocation>("location");
    QTest::addColumn<QString>("expected");
    QTest::newRow("keychain") << SecretLocation::Keychain << QStringLiteral("Stored in the system keychain.");
    QTest::newRow("environment") << SecretLocation::Environment
                                 << QStringLiteral("Read from an environment variable.");
    QTest::newRow("memory") << SecretLocation::Memory
                            << QStringLiteral("Kept in memory until Corrige closes; you will need to enter it "
                                              "again next time.");
    QTest::newRow("none") << SecretLocation::None << QStringLiteral("No key set.");
}

void TstSecrets::describe_saysWhereTheKeyLives()
{
    QFETCH(SecretLocation, location);
    QFETCH(QString, expected);
    QCOMPARE(SecretStore::describe(location), expected);
    if (location == SecretLocation::Environment) {
        QCOMPARE(SecretStore::describe(location, QStringLiteral("gemini")),
                 QStringLiteral("Read from the environment variable GEMINI_API_KEY."));
        QCOMPARE(SecretStore::describe(location, QStringLiteral("unknown")), expected);
    } else {
        QCOMPARE(SecretStore::describe(location, QStringLiteral("openai")), expected);
    }
}

void TstSecrets::readBlocking_withoutKeychain_readsTheEnvironment()
{
    qputenv(openaiVariable.constData(), "sk-cli");
    const auto found = SecretStore::readBlocking(QStringLiteral("openai"), 5000, false);
    QVERIFY(found.has_value());
    QCOMPARE(found->first, QStringLiteral("sk-cli"));
    QCOMPARE(found->second, SecretLocation::Environment);
}

void TstSecrets::readBlocking_withoutAnyKey_returnsNothing()
{
    QVERIFY(!SecretStore::readBlocking(QStringLiteral("gemini"), 5000, false).has_value());
}

void TstSecrets::keychainWithoutBackend_fallsBackToMemoryAndSaysSo()
{
    if (!SecretStore::isKeychainAvailable())
        QSKIP("built without QtKeychain");
#if defined(Q_OS_LINUX)
    if (qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("a D-Bus session may hold a real keychain; this test only runs where none can answer");
#else
    QSKIP("this platform always has a keychain; the test would touch the user's real one");
#endif
    MessageRecorder recorder;
    const QString key = QStringLiteral("sk-no-backend-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    SecretStore store;
    store.setKeychainService(QStringLiteral("corrige-test"));
    QVERIFY(store.isKeychainEnabled());
    QSignalSpy written(&store, &SecretStore::keyWritten);
    QSignalSpy read(&store, &SecretStore::keyRead);
    QSignalSpy failed(&store, &SecretStore::failed);

    store.write(QStringLiteral("gemini"), key, true);
    QVERIFY(written.wait(30000));
    QCOMPARE(written.at(0).at(1).value<SecretLocation>(), SecretLocation::Memory);
    const QString warning = written.at(0).at(2).toString();
    QVERIFY2(warning.contains(QStringLiteral("keychain")), qPrintable(warning));
    QVERIFY(!warning.contains(key));

    store.read(QStringLiteral("gemini"));
    QVERIFY(read.wait(30000));
    QCOMPARE(read.at(0).at(1).toString(), key);
    QCOMPARE(read.at(0).at(2).value<SecretLocation>(), SecretLocation::Memory);

    // Reading another provider goes to the keychain, which cannot answer: the environment is used, quietly.
    qputenv(openaiVariable.constData(), "sk-env-after-keychain");
    store.read(QStringLiteral("openai"));
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 2, 30000);
    QCOMPARE(read.at(1).at(2).value<SecretLocation>(), SecretLocation::Environment);
    // With no key anywhere, "no keychain" is not an error: there is simply no key.
    store.read(QStringLiteral("compatible"));
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 3, 30000);
    QCOMPARE(read.at(2).at(2).value<SecretLocation>(), SecretLocation::None);
    // Removing works the same without a keychain.
    store.remove(QStringLiteral("gemini"));
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 2, 30000);
    QCOMPARE(written.at(1).at(1).value<SecretLocation>(), SecretLocation::None);
    QCOMPARE(failed.count(), 0);

    for (const QString &message : recorder.messages())
        QVERIFY2(!message.contains(key) && !message.contains(QStringLiteral("sk-env-after-keychain")),
                 qPrintable(message));
}

void TstSecrets::keys_neverReachTheSettingsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("corrige.ini"));
    QSettings settings(path, QSettings::IniFormat);
    AppSettings appSettings(&settings);

    const QString key = QStringLiteral("sk-secret-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    auto store = memoryStore();
    QSignalSpy written(store.get(), &SecretStore::keyWritten);
    store->write(QStringLiteral("openai"), key, true);
    QVERIFY(written.wait());

    // Everything the settings facade can write, written.
    appSettings.setProvider(ModelSlot::A, QStringLiteral("openai"));
    appSettings.setModel(ModelSlot::A, QStringLiteral("gpt-4.1"));
    appSettings.setBaseUrl(ModelSlot::B, QStringLiteral("http://127.0.0.1:11434/v1"));
    appSettings.setMode(QStringLiteral("dual"));
    appSettings.setConcurrency(8);
    appSettings.setPriceOverrides({{QStringLiteral("gpt-4.1"), qMakePair(2.0, 8.0)}});
    appSettings.setUiLanguage(QStringLiteral("fr"));
    appSettings.addRecentSession(dir.filePath(QStringLiteral("a.corrige")));
    QVERIFY(appSettings.sync());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("gpt-4.1")); // the file is the one written to
    QVERIFY(!contents.contains(key.toUtf8()));
    QVERIFY(!contents.contains("sk-secret"));
}

void TstSecrets::keys_neverReachTheLog()
{
    MessageRecorder recorder;
    const QString key = QStringLiteral("sk-logged-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    qputenv(geminiVariable.constData(), key.toLatin1());
    auto store = memoryStore();
    QSignalSpy read(store.get(), &SecretStore::keyRead);
    QSignalSpy written(store.get(), &SecretStore::keyWritten);
    QSignalSpy failed(store.get(), &SecretStore::failed);

    store->read(QStringLiteral("gemini"));
    store->write(QStringLiteral("openai"), key, true);
    store->write(QStringLiteral("compatible"), key, false);
    store->remove(QStringLiteral("gemini"));
    QTRY_COMPARE(read.count() + written.count() + failed.count(), 4);
    QCOMPARE(SecretStore::readBlocking(QStringLiteral("gemini"), 5000, false)->first, key);

    for (const QString &message : recorder.messages())
        QVERIFY2(!message.contains(key), qPrintable(message));
    for (const auto &arguments : written)
        QVERIFY(!arguments.at(2).toString().contains(key));
}

QTEST_GUILESS_MAIN(TstSecrets)
#include "tst_secrets.moc"
