#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QList>
#include <QRectF>

namespace Corrige::Core {

// Hides the areas of a page where students write their names before the page is sent to a model.
// Rectangles are in page fractions (0..1) of the upright page, so one mask fits every copy of an exam.
class Anonymizer
{
public:
    // The area hidden when the teacher has not drawn one: the top quarter of the first page,
    // where exam headers put the name and student-number boxes.
    static QList<QRectF> defaultMask();

    // Paints the rectangles opaque white on the JPEG and re-encodes it.
    static Result<QByteArray> maskJpeg(const QByteArray &jpeg, const QList<QRectF> &rects, int quality = 85);

    static QByteArray maskToJson(const QList<QRectF> &rects);
    static QList<QRectF> maskFromJson(const QByteArray &json);
};

} // namespace Corrige::Core
