#pragma once

#include <QDir>
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
