#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace Corrige::Ui {

// What the window shows when no session is open: what Corrige does, how to start, and the recent sessions.
// It does no IO: each choice is reported by a signal and the owner acts on it.
class StartPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartPage)

public:
    explicit StartPage(QWidget *parent = nullptr);

    void setRecentSessions(const QStringList &paths);
    QStringList recentSessions() const { return m_recent; }

Q_SIGNALS:
    void newSessionRequested();
    void openSessionRequested();
    void demoRequested();
    void recentSessionChosen(const QString &path);

private:
    void chooseRecent(QListWidgetItem *item);

    QStringList m_recent;
    bool m_choicePending = false;
    QListWidget *m_recentList = nullptr;
    QLabel *m_noRecentLabel = nullptr;
};

} // namespace Corrige::Ui
