#pragma once

#include "core/domain/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace Corrige::Core {

class SessionDatabase;

struct ImportRequest {
    QStringList pdfPaths;
    int pagesPerCopy = 0;      // 0: one copy per PDF
    QString rosterPath;        // optional CSV with a `name` column
    QString password;          // for password-protected PDFs
};

struct ImportOutcome {
    int documents = 0;         // PDFs validated
    int newDocuments = 0;      // of those, not already stored in the session
    QList<qint64> copyIds;     // copies created
};

// Validates every PDF, plans the copies and stores them in one transaction: all or nothing.
// `progress(done, total, fileName)` is called after each PDF is validated.
class SessionImport
{
public:
    using Progress = std::function<void(int done, int total, const QString &fileName)>;
    static Result<ImportOutcome> run(SessionDatabase &session, const ImportRequest &request,
                                     const Progress &progress = {});
};

} // namespace Corrige::Core
