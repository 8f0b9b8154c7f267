#pragma once

#include <QFileDialog>
#include <QString>
#include <QStringList>

class QWidget;

namespace Corrige::Ui {

// QFileDialog with a seam for tests: setNextFileName() / setNextFileNames() make the next call return those
// names at once, without showing anything. An empty name answers as if the user cancelled.
class FileDialog
{
public:
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter);
    static QStringList getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir,
                                        const QString &filter);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter, QFileDialog::Options options = {});
    static QString getExistingDirectory(QWidget *parent, const QString &caption, const QString &dir);
    static void setNextFileName(const QString &fileName);
    static void setNextFileNames(const QStringList &fileNames);

private:
    static bool takeNext(QStringList *fileNames);
    static QStringList s_nextFileNames;
    static bool s_hasNext;
};

} // namespace Corrige::Ui
