#include "core/secrets/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QTimer>

#include <algorithm>

#ifdef CORRIGE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace Corrige::Core {

namespace {

Q_LOGGING_CATEGORY(lcSecrets, "corrige.secrets", QtWarningMsg)

const QString defaultService = QStringLiteral("Corrige");

QString providerName(const QString &provider)
{
    if (provider == QLatin1String("gemini"))
        return SecretStore::tr("Google Gemini");
    if (provider == QLatin1String("openai"))
        return SecretStore::tr("OpenAI");
    if (provider == QLatin1String("compatible"))
        return SecretStore::tr("the OpenAI-compatible server");
    return provider;
}

QString environmentKey(const QString &provider)
{
    const QString variable = SecretStore::environmentVariable(provider);
    if (variable.isEmpty())
        return {};
    return qEnvironmentVariable(variable.toLatin1().constData()).trimmed();
}

#ifdef CORRIGE_HAVE_KEYCHAIN
// Only a refusal is worth telling the user about when reading: "nothing there" and "no keychain here" (which
// QtKeychain reports as an unknown error when no secret service runs) just mean the next source is tried.
bool isAccessDenied(QKeychain::Error error)
{
    return error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser;
}

QString keychainReason(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStore::tr("no keychain service is available");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStore::tr("access to the keychain was denied");
    default:
        break;
    }
    const QString detail = job.errorString().trimmed();
    if (detail.isEmpty() || detail == QLatin1String("Unknown error"))
        return SecretStore::tr("no keychain service answered");
    return detail;
}
#endif

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
    , m_keychainEnabled(isKeychainAvailable())
    , m_service(defaultService)
{
    qRegisterMetaType<Corrige::Core::SecretLocation>();
}

SecretStore::~SecretStore() = default;

QString SecretStore::environmentVariable(const QString &provider)
{
    if (provider == QLatin1String("gemini"))
        return QStringLiteral("GEMINI_API_KEY");
    if (provider == QLatin1String("openai"))
        return QStringLiteral("OPENAI_API_KEY");
    if (provider == QLatin1String("compatible"))
        return QStringLiteral("CORRIGE_API_KEY");
    return {};
}

bool SecretStore::isKeychainAvailable()
{
#ifdef CORRIGE_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

void SecretStore::setKeychainEnabled(bool enabled)
{
    m_keychainEnabled = enabled && isKeychainAvailable();
}

void SecretStore::setKeychainService(const QString &service)
{
    m_service = service.isEmpty() ? defaultService : service;
}

QString SecretStore::keychainEntryName(const QString &provider) const
{
    return QStringLiteral("api-key/%1").arg(provider);
}

void SecretStore::deliver(std::function<void()> emitter)
{
    QMetaObject::invokeMethod(this, std::move(emitter), Qt::QueuedConnection);
}

void SecretStore::read(const QString &provider)
{
    if (m_memory.contains(provider) || !m_keychainEnabled) {
        deliver([this, provider] { finishRead(provider, QString()); });
        return;
    }
#ifdef CORRIGE_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keychainEntryName(provider));
    connect(job, &QKeychain::Job::finished, this, [this, provider, job] {
        if (job->error() == QKeychain::NoError) {
            const QString key = job->textData().trimmed();
            if (!key.isEmpty() && !m_memory.contains(provider)) {
                m_cache.insert(provider, Entry{key, SecretLocation::Keychain});
                Q_EMIT keyRead(provider, key, SecretLocation::Keychain);
                return;
            }
        }
        QString reason;
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            qCInfo(lcSecrets) << "keychain read failed for provider" << provider << ":" << keychainReason(*job);
            if (isAccessDenied(job->error()))
                reason = keychainReason(*job);
        }
        finishRead(provider, reason);
    });
    job->start();
#endif
}

void SecretStore::finishRead(const QString &provider, const QString &keychainError)
{
    Entry entry;
    if (const auto memory = m_memory.constFind(provider); memory != m_memory.constEnd()) {
        entry = Entry{*memory, SecretLocation::Memory};
    } else if (const QString key = environmentKey(provider); !key.isEmpty()) {
        entry = Entry{key, SecretLocation::Environment};
    }
    m_cache.insert(provider, entry);

    if (entry.location == SecretLocation::None && !keychainError.isEmpty()) {
        Q_EMIT failed(provider, tr("The system keychain did not give the key for %1 (%2). Allow Corrige to use "
                                   "the keychain, or enter the key again in Settings.")
                                    .arg(providerName(provider), keychainError));
        return;
    }
    Q_EMIT keyRead(provider, entry.key, entry.location);
}

void SecretStore::write(const QString &provider, const QString &key, bool persist)
{
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty()) {
        deliver([this, provider] {
            Q_EMIT failed(provider, tr("The key for %1 is empty. Paste the key from your account page.")
                                        .arg(providerName(provider)));
        });
        return;
    }

    if (!persist) {
        deliver([this, provider, trimmed] { storeInMemory(provider, trimmed, QString()); });
        return;
    }

    if (!m_keychainEnabled) {
        deliver([this, provider, trimmed] {
            storeInMemory(provider, trimmed,
                          tr("No system keychain is available, so the key for %1 is kept in memory only until "
                             "Corrige closes. Enter it again next time, or set the environment variable %2.")
                              .arg(providerName(provider), environmentVariable(provider)));
        });
        return;
    }

#ifdef CORRIGE_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keychainEntryName(provider));
    job->setTextData(trimmed);
    connect(job, &QKeychain::Job::finished, this, [this, provider, trimmed, job] {
        if (job->error() == QKeychain::NoError) {
            m_memory.remove(provider);
            m_cache.insert(provider, Entry{trimmed, SecretLocation::Keychain});
            Q_EMIT keyWritten(provider, SecretLocation::Keychain, QString());
            return;
        }
        const QString reason = keychainReason(*job);
        qCWarning(lcSecrets) << "keychain write failed for provider" << provider << ":" << reason;
        storeInMemory(provider, trimmed,
                      tr("The key for %1 could not be saved in the system keychain (%2). It is kept in memory "
                         "only until Corrige closes. Enter it again next time, or set the environment variable "
                         "%3.")
                          .arg(providerName(provider), reason, environmentVariable(provider)));
    });
    job->start();
#endif
}

void SecretStore::storeInMemory(const QString &provider, const QString &key, const QString &warning)
{
    m_memory.insert(provider, key);
    m_cache.insert(provider, Entry{key, SecretLocation::Memory});
    Q_EMIT keyWritten(provider, SecretLocation::Memory, warning);
}

void SecretStore::remove(const QString &provider)
{
    m_memory.remove(provider);
    if (!m_keychainEnabled) {
        deliver([this, provider] { finishRemove(provider, QString()); });
        return;
    }
#ifdef CORRIGE_HAVE_KEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keychainEntryName(provider));
    connect(job, &QKeychain::Job::finished, this, [this, provider, job] {
        // Nothing to delete where there is no entry or no keychain; a refusal leaves the key in place.
        QString reason;
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            qCInfo(lcSecrets) << "keychain delete failed for provider" << provider << ":" << keychainReason(*job);
            if (isAccessDenied(job->error()))
                reason = keychainReason(*job);
        }
        finishRemove(provider, reason);
    });
    job->start();
#endif
}

void SecretStore::finishRemove(const QString &provider, const QString &keychainError)
{
    if (!keychainError.isEmpty()) {
        m_cache.remove(provider);
        Q_EMIT failed(provider, tr("The key for %1 could not be deleted from the system keychain (%2). Remove "
                                   "the entry \"%3\" of the service \"%4\" with your keychain manager.")
                                    .arg(providerName(provider), keychainError, keychainEntryName(provider),
                                         m_service));
        return;
    }
    if (const QString key = environmentKey(provider); !key.isEmpty()) {
        m_cache.insert(provider, Entry{key, SecretLocation::Environment});
        Q_EMIT keyWritten(provider, SecretLocation::Environment,
                          tr("The environment variable %1 still holds a key for %2; Corrige uses it until the "
                             "variable is unset.")
                              .arg(environmentVariable(provider), providerName(provider)));
        return;
    }
    m_cache.insert(provider, Entry{});
    Q_EMIT keyWritten(provider, SecretLocation::None, QString());
}

QString SecretStore::cachedKey(const QString &provider) const
{
    return m_cache.value(provider).key;
}

SecretLocation SecretStore::cachedLocation(const QString &provider) const
{
    return m_cache.value(provider).location;
}

QString SecretStore::describe(SecretLocation location)
{
    switch (location) {
    case SecretLocation::Keychain:
        return tr("Stored in the system keychain.");
    case SecretLocation::Environment:
        return tr("Read from an environment variable.");
    case SecretLocation::Memory:
        return tr("Kept in memory until Corrige closes; you will need to enter it again next time.");
    case SecretLocation::None:
        break;
    }
    return tr("No key set.");
}

QString SecretStore::describe(SecretLocation location, const QString &provider)
{
    const QString variable = environmentVariable(provider);
    if (location == SecretLocation::Environment && !variable.isEmpty())
        return tr("Read from the environment variable %1.").arg(variable);
    return describe(location);
}

std::optional<std::pair<QString, SecretLocation>> SecretStore::readBlocking(const QString &provider, int timeoutMs,
                                                                            bool useKeychain)
{
    SecretStore store;
    store.setKeychainEnabled(useKeychain);

    std::optional<std::pair<QString, SecretLocation>> result;
    bool answered = false;
    QEventLoop loop;
    connect(&store, &SecretStore::keyRead, &loop,
            [&](const QString &, const QString &key, SecretLocation where) {
                if (where != SecretLocation::None)
                    result = std::make_pair(key, where);
                answered = true;
                loop.quit();
            });
    connect(&store, &SecretStore::failed, &loop, [&](const QString &, const QString &) {
        answered = true;
        loop.quit();
    });
    QTimer::singleShot(std::max(0, timeoutMs), &loop, &QEventLoop::quit);
    store.read(provider);
    loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (!answered) {
        qCWarning(lcSecrets) << "the keychain did not answer within" << timeoutMs << "ms for provider" << provider;
        if (const QString key = environmentKey(provider); !key.isEmpty())
            result = std::make_pair(key, SecretLocation::Environment);
    }
    return result;
}

} // namespace Corrige::Core
