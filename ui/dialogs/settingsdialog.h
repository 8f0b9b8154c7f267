#pragma once

#include "core/secrets/secretstore.h"
#include "core/settings/appsettings.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QString>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QWidget;

namespace Corrige::Ui {

// The preferences of Corrige: models, API keys, grading, prices and language.
//
// OK writes the settings at once, then the typed keys through the SecretStore, which answers asynchronously;
// the dialog closes when every key is stored. When a key could not go where it was asked to (no keychain, a
// refusal), the dialog stays open with the reason next to that key. Cancel discards what was not saved yet.
// Keys are never shown: the edits start empty and only say where the current key lives.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    enum class Page { Models, Keys, Grading, Prices, Language };

    // Neither settings nor secrets is owned; settings must outlive the dialog.
    SettingsDialog(Core::AppSettings *settings, Core::SecretStore *secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void setCurrentPage(Page page);
    Page currentPage() const;

    // True while keys are being written after OK.
    bool isSaving() const { return !m_pendingWrites.isEmpty(); }

    void accept() override;
    void reject() override;

Q_SIGNALS:
    // The settings were written (before the dialog closes, or stays open for a key that needs attention).
    void settingsSaved();
    // The interface language was changed; it applies the next time Corrige starts.
    void languageChanged(const QString &language);

private:
    struct ModelFields {
        QGroupBox *group = nullptr;
        QComboBox *provider = nullptr;
        QLineEdit *model = nullptr;
        QLineEdit *baseUrl = nullptr;
        QString shownProvider; // to tell whether the model field still holds that provider's default
    };
    struct KeyFields {
        QLineEdit *key = nullptr;
        QCheckBox *keychain = nullptr;
        QPushButton *forget = nullptr;
        QLabel *status = nullptr;
        QLabel *problem = nullptr;
    };

    QWidget *buildModelsPage();
    QWidget *buildKeysPage();
    QWidget *buildGradingPage();
    QWidget *buildPricesPage();
    QWidget *buildLanguagePage();
    void buildModelFields(ModelFields &fields, Core::ModelSlot slot, QGroupBox *group);

    void load();
    void providerChanged(ModelFields &fields);
    void refreshModeState();
    void addPriceRow(const QString &model = {}, double input = 0.0, double output = 0.0);
    void removeSelectedPriceRows();

    bool validate();
    void showProblem(Page page, QWidget *field, const QString &message);
    void clearProblems();
    bool save();
    void writeKeys();
    void forgetKey(const QString &provider);
    void refreshKeyStatus(const QString &provider);
    void setKeyProblem(const QString &provider, const QString &message);
    void keyOperationFinished(const QString &provider);
    void setBusy(bool busy);

    void keyRead(const QString &provider, const QString &key, Core::SecretLocation where);
    void keyWritten(const QString &provider, Core::SecretLocation where, const QString &warning);
    void keyFailed(const QString &provider, const QString &message);

    Core::AppSettings *m_settings = nullptr; // not owned
    QPointer<Core::SecretStore> m_secrets;   // not owned
    QHash<QString, KeyFields> m_keys;
    QSet<QString> m_pendingWrites;  // providers whose key is being written after OK
    QSet<QString> m_pendingForgets; // providers whose key is being deleted
    QSet<QString> m_keyProblems;    // providers whose last write needs the user's attention
    bool m_closeWhenWritten = false;

    QTabWidget *m_tabs = nullptr;
    ModelFields m_modelA;
    ModelFields m_modelB;
    QComboBox *m_modeCombo = nullptr;
    QSpinBox *m_concurrencySpin = nullptr;
    QSpinBox *m_attemptsSpin = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QDoubleSpinBox *m_tolerancePointsSpin = nullptr;
    QDoubleSpinBox *m_tolerancePercentSpin = nullptr;
    QCheckBox *m_anonymiseCheck = nullptr;
    QTableWidget *m_priceTable = nullptr;
    QPushButton *m_addPriceButton = nullptr;
    QPushButton *m_removePriceButton = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_messageLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Corrige::Ui
