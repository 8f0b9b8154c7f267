#include "core/workflow/demosession.h"

#include "core/pdf/importplanner.h"
#include "core/pdf/pdfinspector.h"
#include "core/pdf/rostercsv.h"
#include "core/session/sessiondatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace Corrige::Core {

namespace {

constexpr int demoPagesPerCopy = 4;

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core", text);
}

Result<QByteArray> readResource(const QString &name)
{
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(ErrorCode::Internal,
                                           tr("The demo file %1 is missing from this build of Corrige.").arg(name));
    return file.readAll();
}

} // namespace

QString DemoSession::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("demo.corrige"));
}

Status DemoSession::create(const QString &path)
{
    const Result<QByteArray> examJson = readResource(QStringLiteral(":/demo/exam.json"));
    const Result<QByteArray> rosterCsv = readResource(QStringLiteral(":/demo/roster.csv"));
    const Result<QByteArray> scans = readResource(QStringLiteral(":/demo/scans.pdf"));
    for (const Error *error : {&examJson.error(), &rosterCsv.error(), &scans.error()}) {
        if (error->isError())
            return *error;
    }
    const Result<Exam> exam = Exam::fromJson(examJson.value(), QStringLiteral("exam.json"));
    if (!exam)
        return exam.error();
    const Result<QList<RosterEntry>> roster = RosterCsv::parse(rosterCsv.value(), QStringLiteral("roster.csv"));
    if (!roster)
        return roster.error();
    Result<ImportDocument> document = PdfInspector::loadData(scans.value(), QStringLiteral("scans.pdf"));
    if (!document)
        return document.error();
    const Result<ImportPlan> plan = ImportPlanner::plan({document.value()}, demoPagesPerCopy, roster.value());
    if (!plan)
        return plan.error();

    QDir().mkpath(QFileInfo(path).absolutePath());
    Result<std::unique_ptr<SessionDatabase>> session = SessionDatabase::create(path, exam.value());
    if (!session)
        return session.error();
    const Result<QList<qint64>> ids = session.value()->applyImport(plan.value());
    if (!ids) {
        session.value().reset();
        QFile::remove(path);
        return ids.error();
    }
    return Status::ok();
}

} // namespace Corrige::Core
