#pragma once

#include "core/grading/gradingorchestrator.h"
#include "core/grading/gradingplan.h"
#include "core/secrets/secretstore.h"
#include "core/session/sessiontypes.h"
#include "core/settings/appsettings.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QString>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace Corrige::Core {
class PriceTable;
}

namespace Corrige::Ui {

// The last step before "Grade all" starts: one model or two, which ones, how many copies will be graded and
// how many are skipped (a teacher or a model already graded them), what it should cost, and whether the API
// keys are there. Keys are read through the SecretStore, asynchronously; a missing key is said plainly, with
// a button to open Settings.
//
// The models chosen here become the defaults in the settings when grading starts. The dialog does no IO of
// its own besides the settings and the key store.
class GradeSetupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GradeSetupDialog)

public:
    // Neither settings nor secrets is owned; both must outlive the dialog.
    GradeSetupDialog(const Core::SessionSnapshot &snapshot, Core::AppSettings *settings, Core::SecretStore *secrets,
                     QWidget *parent = nullptr);
    ~GradeSetupDialog() override;

    // Everything the orchestrator needs, keys included (only in memory).
    Core::GradingOptions options() const;
    bool isDual() const;
    bool isRegrade() const;
    // Through the providers' Batch APIs (half price, results within 24 h) instead of live requests.
    bool isBatch() const;

    // What grading would do with the current choices.
    QList<Core::PlannedWork> plan() const { return m_plan; }
    int copiesToGrade() const { return int(m_plan.size()); }
    int questionsToGrade() const;
    int skippedByTeacher() const { return m_skippedByTeacher; }
    int skippedByModel() const { return m_skippedByModel; }

    // True while a key is being read.
    bool isReadingKeys() const { return !m_pendingKeys.isEmpty(); }
    // True when every model in use has what it needs to start.
    bool isReady() const;

    // Shows the settings (and the keys) again, discarding the choices made in the dialog.
    void reloadSettings();

    void accept() override;

Q_SIGNALS:
    // Settings were changed from this dialog ("Open Settings…"); the mode and models chosen here are kept.
    void settingsChanged();

private:
    struct ModelFields {
        Core::ModelSlot slot = Core::ModelSlot::A;
        QGroupBox *group = nullptr;
        QComboBox *provider = nullptr;
        QLineEdit *model = nullptr;
        QLabel *server = nullptr;
        QLabel *keyStatus = nullptr;
        QPushButton *openSettings = nullptr;
        QString shownProvider;
    };

    void buildUi();
    void buildModelFields(ModelFields &fields, const QString &title, const char *prefix);
    void loadModel(ModelFields &fields);
    void providerChanged(ModelFields &fields);
    QString providerOf(const ModelFields &fields) const;
    Core::ProviderConfig configOf(const ModelFields &fields) const;
    QString baseUrlOf(const ModelFields &fields) const;
    void readKey(const QString &provider);
    void keyRead(const QString &provider, const QString &key, Core::SecretLocation where);
    void keyFailed(const QString &provider, const QString &message);
    void openSettings();
    void replan();
    void refresh();
    void refreshKeyStatus(ModelFields &fields);
    void refreshEstimate();
    void fitHeight();
    Core::PriceTable prices() const;
    Core::TokenUsage estimate(const Core::ProviderConfig &config) const;
    bool needsKey(const QString &provider) const;
    void saveChoices();

    const Core::SessionSnapshot m_snapshot;
    Core::AppSettings *m_settings = nullptr; // not owned
    QPointer<Core::SecretStore> m_secrets;   // not owned
    QHash<QString, QString> m_keys;          // provider -> key read this time (memory only)
    QHash<QString, Core::SecretLocation> m_keyLocations;
    QHash<QString, QString> m_keyErrors;
    QSet<QString> m_pendingKeys;
    QList<Core::PlannedWork> m_plan;
    int m_skippedByTeacher = 0;
    int m_skippedByModel = 0;
    int m_failedBefore = 0;

    QLabel *m_introLabel = nullptr;
    QRadioButton *m_singleRadio = nullptr;
    QRadioButton *m_dualRadio = nullptr;
    QLabel *m_modeHint = nullptr;
    ModelFields m_modelA;
    ModelFields m_modelB;
    QLabel *m_copiesLabel = nullptr;
    QLabel *m_skippedLabel = nullptr;
    QCheckBox *m_regradeCheck = nullptr;
    QCheckBox *m_maskCheck = nullptr;
    QCheckBox *m_perQuestionCheck = nullptr;
    QCheckBox *m_batchCheck = nullptr;
    QLabel *m_tokensLabel = nullptr;
    QLabel *m_costLabel = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_startButton = nullptr;
};

} // namespace Corrige::Ui
