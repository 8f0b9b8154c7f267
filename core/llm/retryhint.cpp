#include "core/llm/retryhint.h"

#include <cmath>

#include <QLocale>
#include <QRegularExpression>

namespace Corrige::Core {

QByteArray RetryHint::header(const HttpHeaders &headers, const QByteArray &name)
{
    const auto exact = headers.constFind(name);
    if (exact != headers.constEnd())
        return exact.value();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QByteArray();
}

namespace {

// A wait in milliseconds from a parsed number: a day at most (any longer hint means "not today" just the same),
// and never a double outside what qint64 holds.
qint64 boundedMs(double ms)
{
    constexpr double oneDay = 24.0 * 3600.0 * 1000.0;
    return qint64(std::ceil(std::min(ms, oneDay)));
}

} // namespace

qint64 RetryHint::fromHeaders(const HttpHeaders &headers, const QDateTime &now)
{
    const QByteArray ms = header(headers, "retry-after-ms").trimmed();
    if (!ms.isEmpty()) {
        bool ok = false;
        const double value = ms.toDouble(&ok);
        if (ok && std::isfinite(value) && value >= 0)
            return boundedMs(value);
    }
    const QByteArray after = header(headers, "retry-after").trimmed();
    if (after.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = after.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || seconds < 0)
            return -1;
        return boundedMs(seconds * 1000.0);
    }
    // HTTP date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QString date = QString::fromLatin1(after);
    date.remove(QLatin1String(" GMT"));
    const QDateTime when = QLocale::c().toDateTime(date, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!when.isValid())
        return -1;
    const QDateTime utc(when.date(), when.time(), Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(utc));
}

qint64 RetryHint::parseDuration(const QString &text)
{
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|h|m|s)"));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return -1;
    double total = 0;
    qsizetype position = 0;
    auto it = part.globalMatch(trimmed);
    bool any = false;
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedStart() != position)
            return -1;
        position = match.capturedEnd();
        any = true;
        const double value = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        if (unit == QLatin1String("ms"))
            total += value;
        else if (unit == QLatin1String("s"))
            total += value * 1000.0;
        else if (unit == QLatin1String("m"))
            total += value * 60000.0;
        else
            total += value * 3600000.0;
    }
    if (!any || position != trimmed.size())
        return -1;
    return boundedMs(total);
}

qint64 RetryHint::fromMessage(const QString &message)
{
    static const QRegularExpression sentence(
        QStringLiteral("(?:retry|try again) in ((?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = sentence.match(message);
    if (!match.hasMatch())
        return -1;
    return parseDuration(match.captured(1));
}

std::optional<bool> RetryHint::shouldRetryHeader(const HttpHeaders &headers)
{
    const QByteArray value = header(headers, "x-should-retry").trimmed().toLower();
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    return std::nullopt;
}

} // namespace Corrige::Core
