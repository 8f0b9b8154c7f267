#pragma once

#include <QColor>
#include <QIcon>

namespace Corrige::Ui {

// Colours shared by the status dots and tags, chosen to stay readable on light and dark palettes.
namespace StatusColor {
inline const QColor ok{0x2e, 0x7d, 0x32};
inline const QColor attention{0xc7, 0x7c, 0x02};
inline const QColor problem{0xc6, 0x28, 0x28};
inline const QColor busy{0x15, 0x65, 0xc0};
inline const QColor neutral{0x75, 0x75, 0x75};
} // namespace StatusColor

// A filled dot in `color`, drawn for 1x and 2x screens; the text next to it carries the meaning.
QIcon statusDotIcon(const QColor &color);

} // namespace Corrige::Ui
