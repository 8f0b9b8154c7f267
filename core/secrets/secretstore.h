#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace Corrige::Core {

// Where the key of a provider was found or put.
enum class SecretLocation {
    Keychain,    // the operating system's keychain, through QtKeychain
    Environment, // GEMINI_API_KEY, OPENAI_API_KEY or CORRIGE_API_KEY
    Memory,      // typed in this session, forgotten when the process ends
    None,        // no key anywhere
};

// The API keys of the providers ("gemini", "openai", "compatible").
//
// Keys live in the system keychain when there is one. Without a keychain backend (headless Linux, no secret
// service) a key the user types is kept in memory for the session only, and the user is told so. Keys are
// never written to settings, logs, error messages or files.
//
// Keychain jobs are asynchronous, so every operation answers with a signal, always after the call returns
// (never from inside it): read() with keyRead() or failed(), write() and remove() with keyWritten() or
// failed(). The object must live in a thread with a running event loop.
//
// Lookup order in read(): a key typed in this session and kept in memory (the most recent explicit choice),
// then the keychain (if enabled and a backend answers), then the environment variable.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // "gemini" -> GEMINI_API_KEY, "openai" -> OPENAI_API_KEY, "compatible" -> CORRIGE_API_KEY; empty for an
    // unknown provider.
    static QString environmentVariable(const QString &provider);

    // Whether this build can use the system keychain at all.
    static bool isKeychainAvailable();

    // On by default when built with QtKeychain. Tests turn it off: there is no secret service offscreen.
    void setKeychainEnabled(bool enabled);
    bool isKeychainEnabled() const { return m_keychainEnabled; }

    // The keychain service name entries are filed under ("Corrige" by default).
    void setKeychainService(const QString &service);
    QString keychainService() const { return m_service; }

    // Answers with keyRead() (with SecretLocation::None and an empty key when there is none), or failed() when
    // the keychain refused access and no other source has a key.
    void read(const QString &provider);

    // persist = true: into the keychain; if the keychain is disabled or fails, the key is kept in memory and
    // keyWritten() carries a warning saying so. persist = false: in memory for this session only (an entry
    // already in the keychain is left there and used again next time).
    // The key is trimmed; an empty key answers with failed().
    void write(const QString &provider, const QString &key, bool persist);

    // Forgets the key in memory and deletes it from the keychain. keyWritten() then reports where a key still
    // comes from (the environment variable, which this program cannot unset) with a warning, or None.
    void remove(const QString &provider);

    // What the last read(), write() or remove() of this provider found or did.
    QString cachedKey(const QString &provider) const;
    SecretLocation cachedLocation(const QString &provider) const;

    // A translated sentence for the user: "Stored in the system keychain." etc.
    static QString describe(SecretLocation location);
    // The same, naming the environment variable of the provider.
    static QString describe(SecretLocation location, const QString &provider);

    // For the command-line tool only: reads the key of a provider by running a local event loop until the
    // keychain answers or timeoutMs passes (then the environment variable is still consulted). Returns
    // nothing when no key is found. Never call this on the GUI thread: the nested event loop would freeze
    // and re-enter the interface. Use read() there.
    static std::optional<std::pair<QString, SecretLocation>> readBlocking(const QString &provider, int timeoutMs,
                                                                          bool useKeychain = true);

Q_SIGNALS:
    void keyRead(const QString &provider, const QString &key, Corrige::Core::SecretLocation where);
    void keyWritten(const QString &provider, Corrige::Core::SecretLocation where, const QString &warning);
    void failed(const QString &provider, const QString &message);

private:
    struct Entry {
        QString key;
        SecretLocation location = SecretLocation::None;
    };

    void finishRead(const QString &provider, const QString &keychainError);
    void storeInMemory(const QString &provider, const QString &key, const QString &warning);
    void finishRemove(const QString &provider, const QString &keychainError);
    void deliver(std::function<void()> emitter);
    QString keychainEntryName(const QString &provider) const;

    bool m_keychainEnabled = false;
    QString m_service;
    QHash<QString, QString> m_memory; // keys typed in this session and not persisted
    QHash<QString, Entry> m_cache;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::SecretLocation)
