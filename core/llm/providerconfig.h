#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

#include "core/domain/result.h"

namespace Corrige::Core {

// Which wire protocol a model speaks.
enum class ProviderKind {
    Gemini, // Google Gemini Developer API, generateContent
    OpenAi, // OpenAI Chat Completions
    Compatible, // an OpenAI-compatible server: Ollama, vLLM, llama.cpp…
};

QString providerKindToString(ProviderKind kind); // "gemini", "openai", "compatible"
ProviderKind providerKindFromString(const QString &text, bool *ok = nullptr);
QString providerDisplayName(ProviderKind kind); // translated, for messages

// Everything needed to reach one model. The key is held only in memory and never written anywhere.
struct ProviderConfig {
    ProviderKind kind = ProviderKind::Gemini;
    QString model;
    QUrl baseUrl; // empty = the provider's default (see defaultBaseUrl)
    QString apiKey; // may be empty only for Compatible servers
    int timeoutMs = 120000;
    int maxOutputTokens = 8192;

    // baseUrl, or the provider's default when it is empty.
    QUrl effectiveBaseUrl() const;
    // Checks everything that can be checked before sending: model, key, base URL.
    Status validate() const;
};

// https://generativelanguage.googleapis.com, https://api.openai.com/v1, and for compatible servers
// Ollama's local endpoint http://localhost:11434/v1.
QUrl defaultBaseUrl(ProviderKind kind);

// A base URL must be https, or plain http to this machine only (127.0.0.1, ::1, localhost), so that
// keys and students' pages never cross a network unencrypted. User names, passwords, queries and
// fragments are refused.
Status validateBaseUrl(const QUrl &url);

// True for 127.0.0.0/8, ::1 and localhost.
bool isLoopbackHost(const QString &host);

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::ProviderConfig)
