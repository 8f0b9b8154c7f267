#pragma once

#include "core/domain/copy.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Corrige::Core {

// A validated PDF ready to be stored in a session.
struct ImportDocument {
    QString fileName;     // base name shown to the teacher
    QByteArray sha256;    // hex digest of `data`; the session stores each digest once
    QByteArray data;      // the original file, byte for byte
    int pageCount = 0;
};

// A copy to create: its pages point into `ImportPlan::documents` by index.
struct PlannedCopy {
    QString label;
    QString studentName;
    QString studentId;
    QString studentEmail;
    int documentIndex = 0; // index into ImportPlan::documents
    QList<int> pageIndexes; // 0-based pages of that document
    QString studentUsername; // the school platform's login (Moodle's "username")
};

// Everything one import command stores, applied in one transaction or not at all.
struct ImportPlan {
    QList<ImportDocument> documents;
    QList<PlannedCopy> copies;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::ImportPlan)
