#include "core/workflow/appinfo.h"

#include "core/secrets/secretstore.h"

#include <corrigeversion.h>

#include <QCoreApplication>
#include <QtGlobal>

namespace Corrige::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core::AppInfo", text);
}

} // namespace

QString AppInfo::version()
{
    return QStringLiteral(CORRIGE_VERSION);
}

QString AppInfo::qtVersion()
{
    const QString running = QString::fromLatin1(qVersion());
    const QString built = QStringLiteral(QT_VERSION_STR);
    if (running == built)
        return QStringLiteral("Qt %1").arg(running);
    //: %1 Qt version in use, %2 Qt version Corrige was built with
    return tr("Qt %1, built with %2").arg(running, built);
}

QString AppInfo::versionLine()
{
    return QStringLiteral("Corrige %1 (%2)").arg(version(), qtVersion());
}

QString AppInfo::licence()
{
    return QStringLiteral("AGPL-3.0-only");
}

QString AppInfo::licenceName()
{
    return tr("GNU Affero General Public License, version 3");
}

QList<AppInfo::Notice> AppInfo::thirdPartyNotices()
{
    QList<Notice> notices{
        {QStringLiteral("Qt"), tr("windows, PDF display, network, SQLite access"), QStringLiteral("LGPL-3.0-only"),
         QStringLiteral("© The Qt Company Ltd. and other contributors"), QStringLiteral("https://www.qt.io/licensing")},
        {QStringLiteral("PDFium"), tr("PDF rendering, inside Qt PDF"), QStringLiteral("BSD-3-Clause"),
         QStringLiteral("© The PDFium Authors"), QStringLiteral("https://pdfium.googlesource.com/pdfium/")},
        {QStringLiteral("SQLite"), tr("the session file, through Qt SQL"), QStringLiteral("blessing"),
         tr("public domain"), QStringLiteral("https://www.sqlite.org/copyright.html")},
        {QStringLiteral("qpdf"), tr("reading scanned pages without re-encoding them"), QStringLiteral("Apache-2.0"),
         QStringLiteral("© Jay Berkenbilt and qpdf contributors"), QStringLiteral("https://qpdf.sourceforge.io")},
        {QStringLiteral("zlib"), tr("compression, used by qpdf"), QStringLiteral("Zlib"),
         QStringLiteral("© Jean-loup Gailly and Mark Adler"), QStringLiteral("https://zlib.net")},
        {QStringLiteral("libjpeg-turbo"), tr("JPEG images, used by qpdf"),
         QStringLiteral("IJG AND BSD-3-Clause AND Zlib"), QStringLiteral("© libjpeg-turbo contributors, the IJG"),
         QStringLiteral("https://libjpeg-turbo.org")},
    };
    if (SecretStore::isKeychainAvailable())
        notices.append({QStringLiteral("QtKeychain"), tr("API keys in the system keychain"),
                        QStringLiteral("BSD-3-Clause"), QStringLiteral("© Frank Osterfeld and QtKeychain contributors"),
                        QStringLiteral("https://github.com/frankosterfeld/qtkeychain")});
    notices.append({tr("Demo scans"), tr("the bundled demo session (from the Zesje project, TU Delft)"),
                    QStringLiteral("AGPL-3.0-only"), QStringLiteral("© The Zesje authors"),
                    QStringLiteral("https://github.com/zesje/zesje")});
    return notices;
}

} // namespace Corrige::Core
