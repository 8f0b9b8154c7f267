#pragma once

#include "core/domain/result.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QPdfDocument;
class QPdfView;
class QSortFilterProxyModel;
class QTableView;
class QThreadPool;
class QBuffer;

namespace Corrige::Core {
class SessionStore;
struct SessionSnapshot;
}

namespace Corrige::Ui {

class CopyListModel;

// The teacher's main window: the copies of the open session and the scan of the selected copy.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QThreadPool *workPool, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openSession(const QString &path);
    void openDemo();

    QString sessionPath() const { return m_sessionPath; }
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void sessionOpened(const QString &path);
    void sessionFailed(const QString &message);

private:
    void createActions();
    void showSnapshot(const Core::SessionSnapshot &snapshot);
    void showError(const QString &title, const Core::Error &error);
    void showSelectedCopy();
    void showDocument(qint64 documentId, const QByteArray &data);
    void setBusy(bool busy, const QString &message = {});
    void chooseSessionToOpen();

    QThreadPool *m_workPool; // not owned
    std::unique_ptr<Core::SessionStore> m_store;
    QString m_sessionPath;
    bool m_busy = false;

    CopyListModel *m_copyModel = nullptr;
    QSortFilterProxyModel *m_copyProxy = nullptr;
    QTableView *m_copyView = nullptr;
    QPdfDocument *m_pdfDocument = nullptr;
    QPdfView *m_pdfView = nullptr;
    QBuffer *m_pdfBuffer = nullptr;
    QLabel *m_emptyLabel = nullptr;
    qint64 m_shownDocumentId = 0;
    quint64 m_documentRequest = 0;
    QList<int> m_pendingPages;
};

} // namespace Corrige::Ui
