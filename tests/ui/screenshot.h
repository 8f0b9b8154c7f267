#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QTranslator>
#include <QWidget>

// Saves a picture of a window when CORRIGE_SCREENSHOT_DIR is set (used to refresh resources/screenshots/);
// normal test runs write nothing.
inline void saveScreenshotIfAsked(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CORRIGE_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// Installs the English catalogue (its plural forms: "1 copy", "2 copies") as the application does at start-up,
// so that screenshots show what a teacher sees. Needs the corrige_translations library.
inline void installEnglishCatalogue(QObject *owner)
{
    auto *translator = new QTranslator(owner);
    if (translator->load(QStringLiteral(":/i18n/corrige_en.qm")))
        QCoreApplication::installTranslator(translator);
}
