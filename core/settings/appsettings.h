#pragma once

#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace Corrige::Core {

// The two models of dual mode; single mode uses model A only.
enum class ModelSlot { A, B };

// One typed facade over QSettings: every preference of Corrige is declared here once, with its default and
// its valid range. Values read back are validated (unknown strings give the default, numbers are clamped),
// so a hand-edited or old settings file cannot feed nonsense to the rest of the program.
//
// API keys are never stored here: they belong to SecretStore.
class AppSettings
{
public:
    // Prices in US dollars per million tokens.
    using PriceTable = QMap<QString, QPair<double, double>>; // model name -> (input, output) per million tokens

    // The user's settings: organisation "Corrige", application "Corrige", in QSettings::defaultFormat().
    AppSettings();
    // Settings kept in the given store (not owned; it must outlive this object), e.g. a temporary INI file.
    explicit AppSettings(QSettings *settings);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    QSettings *store() const { return m_settings; }
    // Writes pending changes to permanent storage; false when the file cannot be written.
    bool sync();

    // Providers and their defaults.
    static QStringList providerKinds(); // "gemini", "openai", "compatible"
    static bool isProviderKind(const QString &provider);
    static QString defaultProvider(ModelSlot slot);          // A: gemini, B: openai
    static QString defaultModel(const QString &provider);    // gemini-2.5-flash, gpt-4.1-mini, "" for compatible
    static QString defaultBaseUrl(const QString &provider);  // the official endpoint; "" for compatible

    QString provider(ModelSlot slot) const;
    void setProvider(ModelSlot slot, const QString &provider);
    // The model name; when none was chosen, the default model of the slot's provider. Setting an empty name
    // goes back to that default.
    QString model(ModelSlot slot) const;
    void setModel(ModelSlot slot, const QString &model);
    // Empty means the provider's default endpoint.
    QString baseUrl(ModelSlot slot) const;
    void setBaseUrl(ModelSlot slot, const QString &url);

    // "single" or "dual".
    static QStringList modes();
    QString mode() const;
    void setMode(const QString &mode);
    bool isDualMode() const { return mode() == QLatin1String("dual"); }

    // Requests in flight at most (1..32, default 4).
    static constexpr int defaultConcurrency = 4;
    static constexpr int minConcurrency = 1;
    static constexpr int maxConcurrency = 32;
    int concurrency() const;
    void setConcurrency(int value);

    // Attempts per request, the first included (1..10, default 3).
    static constexpr int defaultMaxAttempts = 3;
    static constexpr int minMaxAttempts = 1;
    static constexpr int maxMaxAttempts = 10;
    int maxAttempts() const;
    void setMaxAttempts(int value);

    // Time allowed for one request, in seconds (10..3600, default 120).
    static constexpr int defaultTimeoutSeconds = 120;
    static constexpr int minTimeoutSeconds = 10;
    static constexpr int maxTimeoutSeconds = 3600;
    int timeoutSeconds() const;
    void setTimeoutSeconds(int value);

    // Prices the user set for some models, replacing the built-in price list. Negative prices are dropped.
    PriceTable priceOverrides() const;
    void setPriceOverrides(const PriceTable &prices);

    // "" follows the system, otherwise "fr" or "en".
    static QStringList uiLanguages();
    QString uiLanguage() const;
    void setUiLanguage(const QString &language);

    // Whether new sessions hide the student's name from the models (default true).
    bool anonymiseByDefault() const;
    void setAnonymiseByDefault(bool anonymise);

    // Dual mode: two grades agree when they differ by at most the larger of these (0.5 point, 10 % of the
    // question's maximum). Points 0..100, percent 0..100.
    static constexpr double defaultTolerancePoints = 0.5;
    static constexpr double defaultTolerancePercent = 10.0;
    double dualTolerancePoints() const;
    void setDualTolerancePoints(double points);
    double dualTolerancePercent() const;
    void setDualTolerancePercent(double percent);

    // Session files opened lately, most recent first, at most 10, without files that no longer exist.
    static constexpr int maxRecentSessions = 10;
    QStringList recentSessions() const;
    void addRecentSession(const QString &path);
    void removeRecentSession(const QString &path);
    void clearRecentSessions();

    // Puts every preference back to its default (recent sessions are kept).
    void resetToDefaults();

private:
    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings = nullptr; // not owned when given to the constructor
};

} // namespace Corrige::Core
