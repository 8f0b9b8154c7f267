#pragma once

#include <QString>

class QWidget;

namespace Corrige::Ui {

// QFileDialog with a seam for tests: setNextFileName() makes the next call return that name at once.
class FileDialog
{
public:
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter);
    static void setNextFileName(const QString &fileName);

private:
    static bool takeNext(QString *fileName);
    static QString s_nextFileName;
    static bool s_hasNext;
};

} // namespace Corrige::Ui
