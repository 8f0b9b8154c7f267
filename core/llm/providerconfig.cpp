#include "core/llm/providerconfig.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace Corrige::Core {

QString providerKindToString(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Gemini:
        return QStringLiteral("gemini");
    case ProviderKind::OpenAi:
        return QStringLiteral("openai");
    case ProviderKind::Compatible:
        return QStringLiteral("compatible");
    }
    return QString();
}

ProviderKind providerKindFromString(const QString &text, bool *ok)
{
    const QString name = text.trimmed().toLower();
    bool found = true;
    ProviderKind kind = ProviderKind::Gemini;
    if (name == QLatin1String("gemini"))
        kind = ProviderKind::Gemini;
    else if (name == QLatin1String("openai"))
        kind = ProviderKind::OpenAi;
    else if (name == QLatin1String("compatible"))
        kind = ProviderKind::Compatible;
    else
        found = false;
    if (ok)
        *ok = found;
    return kind;
}

QString providerDisplayName(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Gemini:
        return QCoreApplication::translate("ProviderConfig", "Gemini");
    case ProviderKind::OpenAi:
        return QCoreApplication::translate("ProviderConfig", "OpenAI");
    case ProviderKind::Compatible:
        return QCoreApplication::translate("ProviderConfig", "the OpenAI-compatible server");
    }
    return QString();
}

QUrl defaultBaseUrl(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Gemini:
        return QUrl(QStringLiteral("https://generativelanguage.googleapis.com"));
    case ProviderKind::OpenAi:
        return QUrl(QStringLiteral("https://api.openai.com/v1"));
    case ProviderKind::Compatible:
        return QUrl(QStringLiteral("http://localhost:11434/v1"));
    }
    return QUrl();
}

bool isLoopbackHost(const QString &host)
{
    QString name = host.trimmed().toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name == QLatin1String("localhost"))
        return true;
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

Status validateBaseUrl(const QUrl &url)
{
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!url.isValid() || url.host().isEmpty()) {
        return Status::failure(ErrorCode::InvalidInput,
                               QCoreApplication::translate("ProviderConfig",
                                                           "The server address \"%1\" is not a valid URL. "
                                                           "Write it like https://example.org/v1.")
                                   .arg(shown));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        return Status::failure(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("ProviderConfig", "The server address \"%1\" must start with https://.")
                .arg(shown));
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        return Status::failure(ErrorCode::InvalidInput,
                               QCoreApplication::translate("ProviderConfig",
                                                           "The server address \"%1\" uses plain http, which is "
                                                           "only allowed for a server on this computer "
                                                           "(127.0.0.1, ::1 or localhost). Use https:// instead.")
                                   .arg(shown));
    }
    if (!url.userInfo().isEmpty()) {
        return Status::failure(ErrorCode::InvalidInput,
                               QCoreApplication::translate("ProviderConfig",
                                                           "The server address \"%1\" must not contain a user name "
                                                           "or password. Enter the key in the key field instead.")
                                   .arg(shown));
    }
    if (url.hasQuery() || url.hasFragment()) {
        return Status::failure(ErrorCode::InvalidInput,
                               QCoreApplication::translate("ProviderConfig",
                                                           "The server address \"%1\" must not contain \"?\" or "
                                                           "\"#\". Give only the scheme, host and path prefix.")
                                   .arg(shown));
    }
    return Status::ok();
}

QUrl ProviderConfig::effectiveBaseUrl() const
{
    return baseUrl.isEmpty() ? defaultBaseUrl(kind) : baseUrl;
}

Status ProviderConfig::validate() const
{
    if (model.trimmed().isEmpty()) {
        return Status::failure(ErrorCode::InvalidInput,
                               QCoreApplication::translate("ProviderConfig",
                                                           "No model is set for %1. Choose a model in the "
                                                           "provider settings or pass --model.")
                                   .arg(providerDisplayName(kind)));
    }
    if (const Status urlStatus = validateBaseUrl(effectiveBaseUrl()); !urlStatus)
        return urlStatus;
    if (kind != ProviderKind::Compatible && apiKey.trimmed().isEmpty()) {
        const QString variable
            = kind == ProviderKind::Gemini ? QStringLiteral("GEMINI_API_KEY") : QStringLiteral("OPENAI_API_KEY");
        return Status::failure(ErrorCode::MissingKey,
                               QCoreApplication::translate("ProviderConfig",
                                                           "No API key is set for %1. Enter it in the provider "
                                                           "settings or set the %2 environment variable.")
                                   .arg(providerDisplayName(kind), variable));
    }
    if (timeoutMs <= 0 || maxOutputTokens <= 0) {
        return Status::failure(ErrorCode::InvalidInput,
                               QCoreApplication::translate("ProviderConfig",
                                                           "The timeout and the maximum output length must be "
                                                           "positive."));
    }
    return Status::ok();
}

} // namespace Corrige::Core
