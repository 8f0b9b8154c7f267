#pragma once

#include <QList>
#include <QString>

namespace Corrige::Core {

// What Corrige says about itself: its version (from the CMake project version), the Qt it runs on, its licence,
// and the notices of the third-party software it uses or bundles.
class AppInfo
{
public:
    struct Notice {
        QString name;
        QString use;     // what Corrige uses it for, translated
        QString licence; // SPDX identifier
        QString copyright;
        QString url;
    };

    static QString version();
    // "Qt 6.4.2" (and the version built against when it differs).
    static QString qtVersion();
    // The line printed by --version: "Corrige 0.1.0 (Qt 6.4.2)".
    static QString versionLine();
    static QString licence();     // SPDX identifier of Corrige's own licence
    static QString licenceName(); // translated
    static QList<Notice> thirdPartyNotices();
};

} // namespace Corrige::Core
