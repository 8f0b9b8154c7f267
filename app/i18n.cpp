#include "app/i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Corrige {

QString installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    const QString used = locale.language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en");

    auto *ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/corrige_%1.qm").arg(used)))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;

    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(used), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return used;
}

} // namespace Corrige
