#include "ui/widgets/statusicon.h"

#include <QPainter>
#include <QPixmap>

namespace Corrige::Ui {

QIcon statusDotIcon(const QColor &color)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color.darker(130), size / 16.0));
        painter.setBrush(color);
        const qreal margin = size * 0.22;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace Corrige::Ui
