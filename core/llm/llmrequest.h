#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Corrige::Core {

// One request to a vision model: instructions, text, page images, and the JSON shape wanted back.
struct LlmRequest {
    QString systemInstruction;
    QString userText;
    QList<QByteArray> jpegImages; // raw JPEG bytes, sent in this order
    QList<QString> imageLabels; // optional text placed just before the image of the same index ("Page 2")
    QJsonObject responseSchema; // JSON Schema of the reply; empty = plain text reply
    QString schemaName; // OpenAI json_schema.name; [A-Za-z0-9_-], at most 64 characters
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::LlmRequest)
