#include "core/workflow/appinfo.h"
#include "core/secrets/secretstore.h"

#include <QTest>

using namespace Corrige::Core;

class TestAppInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version_isTheProjectVersion()
    {
        QCOMPARE(AppInfo::version(), QStringLiteral(CORRIGE_PROJECT_VERSION));
        QCOMPARE(AppInfo::versionLine(),
                 QStringLiteral("Corrige %1 (Qt %2)").arg(QStringLiteral(CORRIGE_PROJECT_VERSION),
                                                          QString::fromLatin1(qVersion())));
    }

    void notices_nameWhatIsUsed()
    {
        QStringList names;
        for (const AppInfo::Notice &notice : AppInfo::thirdPartyNotices()) {
            QVERIFY(!notice.licence.isEmpty());
            QVERIFY(!notice.copyright.isEmpty());
            QVERIFY(notice.url.startsWith(QStringLiteral("https://")));
            names.append(notice.name);
        }
        for (const char *name : {"Qt", "qpdf", "PDFium", "SQLite"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QCOMPARE(names.contains(QStringLiteral("QtKeychain")), SecretStore::isKeychainAvailable());
    }
};

QTEST_GUILESS_MAIN(TestAppInfo)
#include "tst_appinfo.moc"
