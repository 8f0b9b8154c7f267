#include "core/settings/appsettings.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace Corrige::Core;

namespace {

bool touch(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("x") == 1;
}

} // namespace

class TstSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void defaults_whenTheFileIsEmpty();
    void defaultModel_followsTheProvider();
    void model_emptyGoesBackToTheDefault();
    void provider_unknownValueGivesTheDefault();
    void clamping_onRead_data();
    void clamping_onRead();
    void clamping_onWrite();
    void tolerance_clampsAndIgnoresGarbage();
    void mode_andLanguage_acceptOnlyKnownValues();
    void anonymise_readsHandEditedValues();
    void prices_roundTripAndDropInvalidRows();
    void prices_modelNamesWithSlashesSurvive();
    void recent_mostRecentFirstWithoutDuplicates();
    void recent_keepsAtMostTen();
    void recent_dropsMissingFilesOnRead();
    void recent_removeAndClear();
    void roundTrip_throughAnIniFile();
    void resetToDefaults_keepsRecentAndForeignKeys();
    void defaultConstructed_usesTheApplicationsSettings();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_ini;
    QString iniPath() const { return m_dir->filePath(QStringLiteral("corrige.ini")); }
    QString file(const QString &name) const { return m_dir->filePath(name); }
};

void TstSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ini = std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
}

void TstSettings::cleanup()
{
    m_ini.reset();
    m_dir.reset();
}

void TstSettings::defaults_whenTheFileIsEmpty()
{
    const AppSettings settings(m_ini.get());
    QCOMPARE(settings.provider(ModelSlot::A), QStringLiteral("gemini"));
    QCOMPARE(settings.provider(ModelSlot::B), QStringLiteral("openai"));
    QCOMPARE(settings.model(ModelSlot::A), QStringLiteral("gemini-2.5-flash"));
    QCOMPARE(settings.model(ModelSlot::B), QStringLiteral("gpt-4.1-mini"));
    QVERIFY(settings.baseUrl(ModelSlot::A).isEmpty());
    QVERIFY(settings.baseUrl(ModelSlot::B).isEmpty());
    QCOMPARE(settings.mode(), QStringLiteral("single"));
    QVERIFY(!settings.isDualMode());
    QCOMPARE(settings.concurrency(), 4);
    QCOMPARE(settings.maxAttempts(), 3);
    QCOMPARE(settings.timeoutSeconds(), 120);
    QVERIFY(settings.priceOverrides().isEmpty());
    QCOMPARE(settings.uiLanguage(), QString());
    QVERIFY(settings.anonymiseByDefault());
    QCOMPARE(settings.dualTolerancePoints(), 0.5);
    QCOMPARE(settings.dualTolerancePercent(), 10.0);
    QVERIFY(settings.recentSessions().isEmpty());
    QVERIFY(m_ini->allKeys().isEmpty()); // reading writes nothing
}

void TstSettings::defaultModel_followsTheProvider()
{
    AppSettings settings(m_ini.get());
    settings.setProvider(ModelSlot::A, QStringLiteral("openai"));
    QCOMPARE(settings.model(ModelSlot::A), QStringLiteral("gpt-4.1-mini"));
    settings.setProvider(ModelSlot::B, QStringLiteral("compatible"));
    QCOMPARE(settings.model(ModelSlot::B), QString());
    QCOMPARE(AppSettings::defaultBaseUrl(QStringLiteral("gemini")),
             QStringLiteral("https://generativelanguage.googleapis.com"));
    QCOMPARE(AppSettings::defaultBaseUrl(QStringLiteral("openai")), QStringLiteral("https://api.openai.com/v1"));
    QVERIFY(AppSettings::defaultBaseUrl(QStringLiteral("compatible")).isEmpty());
}

void TstSettings::model_emptyGoesBackToTheDefault()
{
    AppSettings settings(m_ini.get());
    settings.setModel(ModelSlot::A, QStringLiteral("  gemini-2.5-pro "));
    QCOMPARE(settings.model(ModelSlot::A), QStringLiteral("gemini-2.5-pro"));
    settings.setModel(ModelSlot::A, QStringLiteral("   "));
    QCOMPARE(settings.model(ModelSlot::A), QStringLiteral("gemini-2.5-flash"));
    QVERIFY(!m_ini->contains(QStringLiteral("models/a/model")));
}

void TstSettings::provider_unknownValueGivesTheDefault()
{
    m_ini->setValue(QStringLiteral("models/a/provider"), QStringLiteral("anthropic"));
    m_ini->setValue(QStringLiteral("models/b/provider"), QStringLiteral("compatible"));
    AppSettings settings(m_ini.get());
    QCOMPARE(settings.provider(ModelSlot::A), QStringLiteral("gemini"));
    QCOMPARE(settings.provider(ModelSlot::B), QStringLiteral("compatible"));
    settings.setProvider(ModelSlot::B, QStringLiteral("bogus"));
    QCOMPARE(settings.provider(ModelSlot::B), QStringLiteral("openai"));
}

void TstSettings::clamping_onRead_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<int>("expected");
    QTest::newRow("concurrency zero") << QStringLiteral("grading/concurrency") << QVariant(0) << 1;
    QTest::newRow("concurrency huge") << QStringLiteral("grading/concurrency") << QVariant(1000) << 32;
    QTest::newRow("concurrency ok") << QStringLiteral("grading/concurrency") << QVariant(12) << 12;
    QTest::newRow("concurrency text") << QStringLiteral("grading/concurrency") << QVariant(QStringLiteral("many"))
                                      << 4;
    QTest::newRow("attempts negative") << QStringLiteral("grading/maxAttempts") << QVariant(-3) << 1;
    QTest::newRow("attempts huge") << QStringLiteral("grading/maxAttempts") << QVariant(11) << 10;
    QTest::newRow("attempts text") << QStringLiteral("grading/maxAttempts") << QVariant(QStringLiteral("x")) << 3;
    QTest::newRow("timeout tiny") << QStringLiteral("grading/timeoutSeconds") << QVariant(1) << 10;
    QTest::newRow("timeout huge") << QStringLiteral("grading/timeoutSeconds") << QVariant(99999) << 3600;
    QTest::newRow("timeout as text") << QStringLiteral("grading/timeoutSeconds") << QVariant(QStringLiteral("300"))
                                     << 300;
}

void TstSettings::clamping_onRead()
{
    QFETCH(QString, key);
    QFETCH(QVariant, stored);
    QFETCH(int, expected);
    m_ini->setValue(key, stored);
    m_ini->sync();
    QSettings reread(iniPath(), QSettings::IniFormat);
    const AppSettings settings(&reread);
    int actual = 0;
    if (key.endsWith(QLatin1String("concurrency")))
        actual = settings.concurrency();
    else if (key.endsWith(QLatin1String("maxAttempts")))
        actual = settings.maxAttempts();
    else
        actual = settings.timeoutSeconds();
    QCOMPARE(actual, expected);
}

void TstSettings::clamping_onWrite()
{
    AppSettings settings(m_ini.get());
    settings.setConcurrency(0);
    settings.setMaxAttempts(50);
    settings.setTimeoutSeconds(-1);
    QCOMPARE(m_ini->value(QStringLiteral("grading/concurrency")).toInt(), 1);
    QCOMPARE(m_ini->value(QStringLiteral("grading/maxAttempts")).toInt(), 10);
    QCOMPARE(m_ini->value(QStringLiteral("grading/timeoutSeconds")).toInt(), 10);
    settings.setConcurrency(32);
    QCOMPARE(settings.concurrency(), 32);
}

void TstSettings::tolerance_clampsAndIgnoresGarbage()
{
    AppSettings settings(m_ini.get());
    m_ini->setValue(QStringLiteral("grading/dualTolerancePoints"), -2.0);
    m_ini->setValue(QStringLiteral("grading/dualTolerancePercent"), 250.0);
    QCOMPARE(settings.dualTolerancePoints(), 0.0);
    QCOMPARE(settings.dualTolerancePercent(), 100.0);
    m_ini->setValue(QStringLiteral("grading/dualTolerancePoints"), QStringLiteral("half"));
    m_ini->setValue(QStringLiteral("grading/dualTolerancePercent"), QStringLiteral("nan"));
    QCOMPARE(settings.dualTolerancePoints(), 0.5);
    QCOMPARE(settings.dualTolerancePercent(), 10.0);
    settings.setDualTolerancePoints(1.25);
    settings.setDualTolerancePercent(std::numeric_limits<double>::quiet_NaN());
    QCOMPARE(settings.dualTolerancePoints(), 1.25);
    QCOMPARE(settings.dualTolerancePercent(), 10.0);
}

void TstSettings::mode_andLanguage_acceptOnlyKnownValues()
{
    AppSettings settings(m_ini.get());
    settings.setMode(QStringLiteral("dual"));
    QVERIFY(settings.isDualMode());
    settings.setMode(QStringLiteral("triple"));
    QCOMPARE(settings.mode(), QStringLiteral("single"));
    m_ini->setValue(QStringLiteral("grading/mode"), QStringLiteral("DUAL "));
    QCOMPARE(settings.mode(), QStringLiteral("single"));

    settings.setUiLanguage(QStringLiteral("fr"));
    QCOMPARE(settings.uiLanguage(), QStringLiteral("fr"));
    settings.setUiLanguage(QStringLiteral("en"));
    QCOMPARE(settings.uiLanguage(), QStringLiteral("en"));
    settings.setUiLanguage(QStringLiteral("de"));
    QCOMPARE(settings.uiLanguage(), QString());
    m_ini->setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
    QCOMPARE(settings.uiLanguage(), QString());
}

void TstSettings::anonymise_readsHandEditedValues()
{
    AppSettings settings(m_ini.get());
    settings.setAnonymiseByDefault(false);
    QVERIFY(!settings.anonymiseByDefault());
    m_ini->setValue(QStringLiteral("grading/anonymiseByDefault"), QStringLiteral("maybe"));
    QVERIFY(settings.anonymiseByDefault());
    m_ini->setValue(QStringLiteral("grading/anonymiseByDefault"), QStringLiteral("0"));
    QVERIFY(!settings.anonymiseByDefault());
}

void TstSettings::prices_roundTripAndDropInvalidRows()
{
    AppSettings settings(m_ini.get());
    AppSettings::PriceTable prices;
    prices.insert(QStringLiteral("gemini-2.5-flash"), qMakePair(0.30, 2.50));
    prices.insert(QStringLiteral("gpt-4.1-mini"), qMakePair(0.40, 1.60));
    prices.insert(QStringLiteral("negative"), qMakePair(-1.0, 1.0));
    prices.insert(QStringLiteral("  "), qMakePair(1.0, 1.0));
    settings.setPriceOverrides(prices);
    QVERIFY(settings.sync());

    QSettings reread(iniPath(), QSettings::IniFormat);
    const AppSettings::PriceTable back = AppSettings(&reread).priceOverrides();
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.value(QStringLiteral("gemini-2.5-flash")), qMakePair(0.30, 2.50));
    QCOMPARE(back.value(QStringLiteral("gpt-4.1-mini")), qMakePair(0.40, 1.60));

    // Replacing the table removes rows no longer there.
    settings.setPriceOverrides({{QStringLiteral("gpt-4.1-mini"), qMakePair(0.5, 2.0)}});
    QCOMPARE(settings.priceOverrides().size(), 1);
    QCOMPARE(settings.priceOverrides().value(QStringLiteral("gpt-4.1-mini")), qMakePair(0.5, 2.0));
    settings.setPriceOverrides({});
    QVERIFY(settings.priceOverrides().isEmpty());
}

void TstSettings::prices_modelNamesWithSlashesSurvive()
{
    AppSettings settings(m_ini.get());
    const QString model = QStringLiteral("meta-llama/Llama-3.2-11B-Vision-Instruct");
    settings.setPriceOverrides({{model, qMakePair(0.0, 0.0)}});
    QVERIFY(settings.sync());
    QSettings reread(iniPath(), QSettings::IniFormat);
    QCOMPARE(AppSettings(&reread).priceOverrides().keys(), QStringList{model});
}

void TstSettings::recent_mostRecentFirstWithoutDuplicates()
{
    const QString a = file(QStringLiteral("a.corrige"));
    const QString b = file(QStringLiteral("b.corrige"));
    const QString c = file(QStringLiteral("c.corrige"));
    for (const QString &path : {a, b, c})
        QVERIFY(touch(path));
    AppSettings settings(m_ini.get());
    settings.addRecentSession(a);
    settings.addRecentSession(b);
    settings.addRecentSession(c);
    QCOMPARE(settings.recentSessions(), (QStringList{c, b, a}));

    // Opening one again moves it to the top, also when written differently.
    settings.addRecentSession(m_dir->path() + QStringLiteral("/./sub/../a.corrige"));
    QCOMPARE(settings.recentSessions(), (QStringList{a, c, b}));
}

void TstSettings::recent_keepsAtMostTen()
{
    AppSettings settings(m_ini.get());
    QStringList added;
    for (int i = 0; i < 13; ++i) {
        const QString path = file(QStringLiteral("s%1.corrige").arg(i));
        QVERIFY(touch(path));
        settings.addRecentSession(path);
        added.prepend(path);
    }
    const QStringList recent = settings.recentSessions();
    QCOMPARE(recent.size(), 10);
    QCOMPARE(recent, added.mid(0, 10));
    QCOMPARE(m_ini->value(QStringLiteral("recent/sessions")).toStringList().size(), 10);
}

void TstSettings::recent_dropsMissingFilesOnRead()
{
    const QString kept = file(QStringLiteral("kept.corrige"));
    const QString gone = file(QStringLiteral("gone.corrige"));
    QVERIFY(touch(kept));
    QVERIFY(touch(gone));
    AppSettings settings(m_ini.get());
    settings.addRecentSession(kept);
    settings.addRecentSession(gone);
    settings.addRecentSession(m_dir->path()); // a folder is not a session
    QCOMPARE(settings.recentSessions(), (QStringList{gone, kept}));
    QVERIFY(QFile::remove(gone));
    QCOMPARE(settings.recentSessions(), QStringList{kept});
}

void TstSettings::recent_removeAndClear()
{
    const QString a = file(QStringLiteral("a.corrige"));
    const QString b = file(QStringLiteral("b.corrige"));
    QVERIFY(touch(a));
    QVERIFY(touch(b));
    AppSettings settings(m_ini.get());
    settings.addRecentSession(a);
    settings.addRecentSession(b);
    settings.removeRecentSession(a);
    QCOMPARE(settings.recentSessions(), QStringList{b});
    settings.addRecentSession(QString());
    QCOMPARE(settings.recentSessions(), QStringList{b});
    settings.clearRecentSessions();
    QVERIFY(settings.recentSessions().isEmpty());
}

void TstSettings::roundTrip_throughAnIniFile()
{
    const QString session = file(QStringLiteral("exam.corrige"));
    QVERIFY(touch(session));
    {
        AppSettings settings(m_ini.get());
        settings.setProvider(ModelSlot::A, QStringLiteral("compatible"));
        settings.setModel(ModelSlot::A, QStringLiteral("qwen2.5vl:7b"));
        settings.setBaseUrl(ModelSlot::A, QStringLiteral(" http://127.0.0.1:11434/v1 "));
        settings.setProvider(ModelSlot::B, QStringLiteral("gemini"));
        settings.setModel(ModelSlot::B, QStringLiteral("gemini-2.5-pro"));
        settings.setMode(QStringLiteral("dual"));
        settings.setConcurrency(9);
        settings.setMaxAttempts(5);
        settings.setTimeoutSeconds(300);
        settings.setPriceOverrides({{QStringLiteral("gemini-2.5-pro"), qMakePair(1.25, 10.0)}});
        settings.setUiLanguage(QStringLiteral("fr"));
        settings.setAnonymiseByDefault(false);
        settings.setDualTolerancePoints(1.0);
        settings.setDualTolerancePercent(15.0);
        settings.addRecentSession(session);
        QVERIFY(settings.sync());
    }
    m_ini.reset();

    QSettings reread(iniPath(), QSettings::IniFormat);
    const AppSettings settings(&reread);
    QCOMPARE(settings.provider(ModelSlot::A), QStringLiteral("compatible"));
    QCOMPARE(settings.model(ModelSlot::A), QStringLiteral("qwen2.5vl:7b"));
    QCOMPARE(settings.baseUrl(ModelSlot::A), QStringLiteral("http://127.0.0.1:11434/v1"));
    QCOMPARE(settings.provider(ModelSlot::B), QStringLiteral("gemini"));
    QCOMPARE(settings.model(ModelSlot::B), QStringLiteral("gemini-2.5-pro"));
    QVERIFY(settings.baseUrl(ModelSlot::B).isEmpty());
    QCOMPARE(settings.mode(), QStringLiteral("dual"));
    QCOMPARE(settings.concurrency(), 9);
    QCOMPARE(settings.maxAttempts(), 5);
    QCOMPARE(settings.timeoutSeconds(), 300);
    QCOMPARE(settings.priceOverrides().value(QStringLiteral("gemini-2.5-pro")), qMakePair(1.25, 10.0));
    QCOMPARE(settings.uiLanguage(), QStringLiteral("fr"));
    QVERIFY(!settings.anonymiseByDefault());
    QCOMPARE(settings.dualTolerancePoints(), 1.0);
    QCOMPARE(settings.dualTolerancePercent(), 15.0);
    QCOMPARE(settings.recentSessions(), QStringList{session});
}

void TstSettings::resetToDefaults_keepsRecentAndForeignKeys()
{
    const QString session = file(QStringLiteral("exam.corrige"));
    QVERIFY(touch(session));
    m_ini->setValue(QStringLiteral("mainWindow/geometry"), QByteArray("geometry"));
    AppSettings settings(m_ini.get());
    settings.setConcurrency(7);
    settings.setModel(ModelSlot::B, QStringLiteral("gpt-4.1"));
    settings.setUiLanguage(QStringLiteral("en"));
    settings.setPriceOverrides({{QStringLiteral("gpt-4.1"), qMakePair(2.0, 8.0)}});
    settings.addRecentSession(session);
    settings.resetToDefaults();
    QCOMPARE(settings.concurrency(), 4);
    QCOMPARE(settings.model(ModelSlot::B), QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(settings.uiLanguage(), QString());
    QVERIFY(settings.priceOverrides().isEmpty());
    QCOMPARE(settings.recentSessions(), QStringList{session});
    QCOMPARE(m_ini->value(QStringLiteral("mainWindow/geometry")).toByteArray(), QByteArray("geometry"));
}

void TstSettings::defaultConstructed_usesTheApplicationsSettings()
{
    // Test mode keeps the user's real configuration out of reach.
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path());
    {
        AppSettings settings;
        QCOMPARE(settings.store()->organizationName(), QStringLiteral("Corrige"));
        QCOMPARE(settings.store()->applicationName(), QStringLiteral("Corrige"));
        QVERIFY(settings.store()->fileName().startsWith(m_dir->path()));
        settings.setConcurrency(6);
        QVERIFY(settings.sync());
    }
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("Corrige/Corrige.ini"))));
    AppSettings again;
    QCOMPARE(again.concurrency(), 6);
}

QTEST_GUILESS_MAIN(TstSettings)
#include "tst_settings.moc"
