#include "core/grading/anonymizer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>

namespace Corrige::Core {

QList<QRectF> Anonymizer::defaultMask()
{
    return {QRectF(0.0, 0.0, 1.0, 0.25)};
}

Result<QByteArray> Anonymizer::maskJpeg(const QByteArray &jpeg, const QList<QRectF> &rects, int quality)
{
    QImage image;
    if (!image.loadFromData(jpeg, "JPEG"))
        return Result<QByteArray>::failure(
            ErrorCode::BadResponse,
            QCoreApplication::translate("Corrige::Core::Anonymizer", "A page image could not be decoded to hide the name area."));
    if (rects.isEmpty())
        return jpeg;
    image = image.convertToFormat(QImage::Format_RGB32);
    {
        QPainter painter(&image);
        const QRectF bounds(0, 0, image.width(), image.height());
        for (const QRectF &rect : rects) {
            const QRectF pixels(rect.x() * image.width(), rect.y() * image.height(), rect.width() * image.width(),
                                rect.height() * image.height());
            painter.fillRect(pixels.intersected(bounds), Qt::white);
        }
    }
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "JPEG");
    writer.setQuality(quality);
    if (!writer.write(image))
        return Result<QByteArray>::failure(ErrorCode::Internal, writer.errorString());
    return out;
}

QByteArray Anonymizer::maskToJson(const QList<QRectF> &rects)
{
    QJsonArray array;
    for (const QRectF &rect : rects)
        array.append(QJsonArray{rect.x(), rect.y(), rect.width(), rect.height()});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<QRectF> Anonymizer::maskFromJson(const QByteArray &json)
{
    QList<QRectF> rects;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &value : array) {
        const QJsonArray r = value.toArray();
        if (r.size() != 4)
            continue;
        const QRectF rect = QRectF(r.at(0).toDouble(), r.at(1).toDouble(), r.at(2).toDouble(), r.at(3).toDouble())
                                .intersected(QRectF(0, 0, 1, 1));
        if (!rect.isEmpty())
            rects.append(rect);
    }
    return rects;
}

} // namespace Corrige::Core
