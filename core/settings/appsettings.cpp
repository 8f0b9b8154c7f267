#include "core/settings/appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace Corrige::Core {

namespace {

// Every key of the settings file, declared once.
const QString keyMode = QStringLiteral("grading/mode");
const QString keyConcurrency = QStringLiteral("grading/concurrency");
const QString keyMaxAttempts = QStringLiteral("grading/maxAttempts");
const QString keyTimeout = QStringLiteral("grading/timeoutSeconds");
const QString keyAnonymise = QStringLiteral("grading/anonymiseByDefault");
const QString keyTolerancePoints = QStringLiteral("grading/dualTolerancePoints");
const QString keyTolerancePercent = QStringLiteral("grading/dualTolerancePercent");
const QString keyPrices = QStringLiteral("prices");
const QString keyPriceModel = QStringLiteral("model");
const QString keyPriceInput = QStringLiteral("input");
const QString keyPriceOutput = QStringLiteral("output");
const QString keyLanguage = QStringLiteral("ui/language");
const QString keyRecent = QStringLiteral("recent/sessions");

const QString gemini = QStringLiteral("gemini");
const QString openai = QStringLiteral("openai");
const QString compatible = QStringLiteral("compatible");
const QString single = QStringLiteral("single");
const QString dual = QStringLiteral("dual");

constexpr double maxTolerancePoints = 100.0;
constexpr double maxTolerancePercent = 100.0;

QString slotKey(ModelSlot slot, const char *name)
{
    return QStringLiteral("models/%1/%2")
        .arg(slot == ModelSlot::A ? QLatin1String("a") : QLatin1String("b"), QLatin1String(name));
}

int readInt(const QSettings &settings, const QString &key, int fallback, int low, int high)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok ? std::clamp(value, low, high) : fallback;
}

double readDouble(const QSettings &settings, const QString &key, double fallback, double low, double high)
{
    bool ok = false;
    const double value = settings.value(key).toDouble(&ok);
    return ok && std::isfinite(value) ? std::clamp(value, low, high) : fallback;
}

bool readBool(const QSettings &settings, const QString &key, bool fallback)
{
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return fallback;
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return fallback;
}

QString readChoice(const QSettings &settings, const QString &key, const QStringList &choices, const QString &fallback)
{
    const QString value = settings.value(key).toString().trimmed();
    return choices.contains(value) ? value : fallback;
}

QString normalisedPath(const QString &path)
{
    return path.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

bool samePath(const QString &a, const QString &b)
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    return a.compare(b, Qt::CaseInsensitive) == 0;
#else
    return a == b;
#endif
}

} // namespace

AppSettings::AppSettings()
    : m_owned(std::make_unique<QSettings>(QSettings::defaultFormat(), QSettings::UserScope, QStringLiteral("Corrige"),
                                           QStringLiteral("Corrige")))
    , m_settings(m_owned.get())
{
}

AppSettings::AppSettings(QSettings *settings)
    : m_settings(settings)
{
    Q_ASSERT(settings);
}

AppSettings::~AppSettings() = default;

bool AppSettings::sync()
{
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

QStringList AppSettings::providerKinds()
{
    return {gemini, openai, compatible};
}

bool AppSettings::isProviderKind(const QString &provider)
{
    return providerKinds().contains(provider);
}

QString AppSettings::defaultProvider(ModelSlot slot)
{
    return slot == ModelSlot::A ? gemini : openai;
}

QString AppSettings::defaultModel(const QString &provider)
{
    if (provider == gemini)
        return QStringLiteral("gemini-2.5-flash");
    if (provider == openai)
        return QStringLiteral("gpt-4.1-mini");
    return {};
}

QString AppSettings::defaultBaseUrl(const QString &provider)
{
    if (provider == gemini)
        return QStringLiteral("https://generativelanguage.googleapis.com");
    if (provider == openai)
        return QStringLiteral("https://api.openai.com/v1");
    return {};
}

QString AppSettings::provider(ModelSlot slot) const
{
    return readChoice(*m_settings, slotKey(slot, "provider"), providerKinds(), defaultProvider(slot));
}

void AppSettings::setProvider(ModelSlot slot, const QString &provider)
{
    if (isProviderKind(provider))
        m_settings->setValue(slotKey(slot, "provider"), provider);
    else
        m_settings->remove(slotKey(slot, "provider"));
}

QString AppSettings::model(ModelSlot slot) const
{
    const QString value = m_settings->value(slotKey(slot, "model")).toString().trimmed();
    return value.isEmpty() ? defaultModel(provider(slot)) : value;
}

void AppSettings::setModel(ModelSlot slot, const QString &model)
{
    const QString value = model.trimmed();
    if (value.isEmpty())
        m_settings->remove(slotKey(slot, "model"));
    else
        m_settings->setValue(slotKey(slot, "model"), value);
}

QString AppSettings::baseUrl(ModelSlot slot) const
{
    return m_settings->value(slotKey(slot, "baseUrl")).toString().trimmed();
}

void AppSettings::setBaseUrl(ModelSlot slot, const QString &url)
{
    const QString value = url.trimmed();
    if (value.isEmpty())
        m_settings->remove(slotKey(slot, "baseUrl"));
    else
        m_settings->setValue(slotKey(slot, "baseUrl"), value);
}

QStringList AppSettings::modes()
{
    return {single, dual};
}

QString AppSettings::mode() const
{
    return readChoice(*m_settings, keyMode, modes(), single);
}

void AppSettings::setMode(const QString &mode)
{
    m_settings->setValue(keyMode, modes().contains(mode) ? mode : single);
}

int AppSettings::concurrency() const
{
    return readInt(*m_settings, keyConcurrency, defaultConcurrency, minConcurrency, maxConcurrency);
}

void AppSettings::setConcurrency(int value)
{
    m_settings->setValue(keyConcurrency, std::clamp(value, minConcurrency, maxConcurrency));
}

int AppSettings::maxAttempts() const
{
    return readInt(*m_settings, keyMaxAttempts, defaultMaxAttempts, minMaxAttempts, maxMaxAttempts);
}

void AppSettings::setMaxAttempts(int value)
{
    m_settings->setValue(keyMaxAttempts, std::clamp(value, minMaxAttempts, maxMaxAttempts));
}

int AppSettings::timeoutSeconds() const
{
    return readInt(*m_settings, keyTimeout, defaultTimeoutSeconds, minTimeoutSeconds, maxTimeoutSeconds);
}

void AppSettings::setTimeoutSeconds(int value)
{
    m_settings->setValue(keyTimeout, std::clamp(value, minTimeoutSeconds, maxTimeoutSeconds));
}

AppSettings::PriceTable AppSettings::priceOverrides() const
{
    PriceTable prices;
    const int count = m_settings->beginReadArray(keyPrices);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        const QString model = m_settings->value(keyPriceModel).toString().trimmed();
        bool inputOk = false;
        bool outputOk = false;
        const double input = m_settings->value(keyPriceInput).toDouble(&inputOk);
        const double output = m_settings->value(keyPriceOutput).toDouble(&outputOk);
        if (model.isEmpty() || !inputOk || !outputOk || !std::isfinite(input) || !std::isfinite(output)
            || input < 0 || output < 0)
            continue;
        prices.insert(model, qMakePair(input, output));
    }
    m_settings->endArray();
    return prices;
}

void AppSettings::setPriceOverrides(const PriceTable &prices)
{
    m_settings->remove(keyPrices);
    m_settings->beginWriteArray(keyPrices);
    int index = 0;
    for (auto it = prices.cbegin(); it != prices.cend(); ++it) {
        const QString model = it.key().trimmed();
        const auto [input, output] = it.value();
        if (model.isEmpty() || !std::isfinite(input) || !std::isfinite(output) || input < 0 || output < 0)
            continue;
        m_settings->setArrayIndex(index++);
        m_settings->setValue(keyPriceModel, model);
        m_settings->setValue(keyPriceInput, input);
        m_settings->setValue(keyPriceOutput, output);
    }
    m_settings->endArray();
}

QStringList AppSettings::uiLanguages()
{
    return {QString(), QStringLiteral("fr"), QStringLiteral("en")};
}

QString AppSettings::uiLanguage() const
{
    return readChoice(*m_settings, keyLanguage, uiLanguages(), QString());
}

void AppSettings::setUiLanguage(const QString &language)
{
    if (language.isEmpty() || !uiLanguages().contains(language))
        m_settings->remove(keyLanguage);
    else
        m_settings->setValue(keyLanguage, language);
}

bool AppSettings::anonymiseByDefault() const
{
    return readBool(*m_settings, keyAnonymise, true);
}

void AppSettings::setAnonymiseByDefault(bool anonymise)
{
    m_settings->setValue(keyAnonymise, anonymise);
}

double AppSettings::dualTolerancePoints() const
{
    return readDouble(*m_settings, keyTolerancePoints, defaultTolerancePoints, 0.0, maxTolerancePoints);
}

void AppSettings::setDualTolerancePoints(double points)
{
    m_settings->setValue(keyTolerancePoints,
                         std::isfinite(points) ? std::clamp(points, 0.0, maxTolerancePoints) : defaultTolerancePoints);
}

double AppSettings::dualTolerancePercent() const
{
    return readDouble(*m_settings, keyTolerancePercent, defaultTolerancePercent, 0.0, maxTolerancePercent);
}

void AppSettings::setDualTolerancePercent(double percent)
{
    m_settings->setValue(keyTolerancePercent, std::isfinite(percent) ? std::clamp(percent, 0.0, maxTolerancePercent)
                                                                      : defaultTolerancePercent);
}

QStringList AppSettings::recentSessions() const
{
    QStringList result;
    const QStringList stored = m_settings->value(keyRecent).toStringList();
    for (const QString &entry : stored) {
        const QString path = normalisedPath(entry);
        if (path.isEmpty() || !QFileInfo(path).isFile())
            continue;
        const bool seen = std::any_of(result.cbegin(), result.cend(),
                                      [&path](const QString &other) { return samePath(path, other); });
        if (!seen)
            result.append(path);
        if (result.size() == maxRecentSessions)
            break;
    }
    return result;
}

void AppSettings::addRecentSession(const QString &path)
{
    const QString added = normalisedPath(path);
    if (added.isEmpty())
        return;
    QStringList list{added};
    const QStringList stored = m_settings->value(keyRecent).toStringList();
    for (const QString &entry : stored) {
        const QString other = normalisedPath(entry);
        if (other.isEmpty())
            continue;
        const bool seen = std::any_of(list.cbegin(), list.cend(),
                                      [&other](const QString &kept) { return samePath(other, kept); });
        if (!seen)
            list.append(other);
    }
    while (list.size() > maxRecentSessions)
        list.removeLast();
    m_settings->setValue(keyRecent, list);
}

void AppSettings::removeRecentSession(const QString &path)
{
    const QString removed = normalisedPath(path);
    QStringList list = m_settings->value(keyRecent).toStringList();
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&removed](const QString &entry) { return samePath(normalisedPath(entry), removed); }),
               list.end());
    m_settings->setValue(keyRecent, list);
}

void AppSettings::clearRecentSessions()
{
    m_settings->remove(keyRecent);
}

void AppSettings::resetToDefaults()
{
    // Only our own keys: the same store may hold other things (window geometry).
    for (const QString &group : {QStringLiteral("models"), QStringLiteral("grading"), keyPrices, keyLanguage})
        m_settings->remove(group);
}

} // namespace Corrige::Core
