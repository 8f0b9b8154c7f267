#include "core/pdf/importplanner.h"
#include "core/pdf/pdfinspector.h"
#include "core/pdf/rostercsv.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace Corrige::Core;

Q_DECLARE_METATYPE(Corrige::Core::ErrorCode)

namespace {

const QString dataDir = QStringLiteral(CORRIGE_TEST_DATA_DIR);

ImportDocument document(const QString &name, int pages)
{
    ImportDocument doc;
    doc.fileName = name;
    doc.pageCount = pages;
    doc.data = name.toUtf8();
    doc.sha256 = QByteArray(64, 'a');
    return doc;
}

QList<RosterEntry> roster(int size)
{
    QList<RosterEntry> entries;
    for (int i = 1; i <= size; ++i)
        entries.append(RosterEntry{QStringLiteral("Student %1").arg(i), QString::number(1000 + i),
                                   QStringLiteral("s%1@school.example").arg(i)});
    return entries;
}

QList<int> range(int first, int count)
{
    QList<int> pages;
    for (int i = 0; i < count; ++i)
        pages.append(first + i);
    return pages;
}

} // namespace

class TstPdfImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roster_parses_data();
    void roster_parses();
    void roster_rejects_data();
    void roster_rejects();
    void roster_readsTheCommittedRosters();

    void plan_oneCopyPerDocument();
    void plan_splitsEveryNPages();
    void plan_labelsCountFromFirstPosition();
    void plan_badSplitNamesFileAndFittingSizes();
    void plan_assignsRosterInOrder();
    void plan_rosterCountMustMatch();
    void plan_rejectsNoDocumentsAndNegativeSplit();
    void plan_realScanWithRealRoster();
};

void TstPdfImport::roster_parses_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("emails");

    QTest::newRow("comma") << QByteArray("name,id,email\nAda Lovelace,17,ada@x.org\nAlan Turing,18,alan@x.org\n")
                           << QStringList{QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing")}
                           << QStringList{QStringLiteral("17"), QStringLiteral("18")}
                           << QStringList{QStringLiteral("ada@x.org"), QStringLiteral("alan@x.org")};
    QTest::newRow("semicolon, French header, CRLF")
        << QByteArray("Nom;Num\xC3\xA9ro;Mail\r\nZo\xC3\xA9 Durand;42;zoe@lycee.fr\r\nL\xC3\xA9o Martin;43;\r\n")
        << QStringList{QString::fromUtf8("Zoé Durand"), QString::fromUtf8("Léo Martin")}
        << QStringList{QStringLiteral("42"), QStringLiteral("43")}
        << QStringList{QStringLiteral("zoe@lycee.fr"), QString()};
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFname,email\nAda,ada@x.org\n") << QStringList{QStringLiteral("Ada")}
                         << QStringList{QString()} << QStringList{QStringLiteral("ada@x.org")};
    QTest::newRow("quotes with separators, escaped quotes and a newline")
        << QByteArray("\"Name\",\"Student_ID\"\n\"Smith, John\",\"7\"\n\"O\"\"Brien \"\"Ace\"\"\",8\n\"Two\nLines\",9")
        << QStringList{QStringLiteral("Smith, John"), QStringLiteral("O\"Brien \"Ace\""), QStringLiteral("Two\nLines")}
        << QStringList{QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9")}
        << QStringList{QString(), QString(), QString()};
    QTest::newRow("semicolon file with commas in names")
        << QByteArray("name;number\nDoe, Jane;1\nRoe, Rick;2\n")
        << QStringList{QStringLiteral("Doe, Jane"), QStringLiteral("Roe, Rick")}
        << QStringList{QStringLiteral("1"), QStringLiteral("2")} << QStringList{QString(), QString()};
    QTest::newRow("blank lines, spaces, short rows, column order")
        << QByteArray("\n  EMAIL , NAME \n\nb@x.org,  Bea  \n\n,Cy\n   \n")
        << QStringList{QStringLiteral("Bea"), QStringLiteral("Cy")} << QStringList{QString(), QString()}
        << QStringList{QStringLiteral("b@x.org"), QString()};
    QTest::newRow("first and last name columns")
        << QByteArray("OrgDefinedId,First Name,Last Name,Email\n#1,Bob,the Builder,bob@b.me\n")
        << QStringList{QStringLiteral("Bob the Builder")} << QStringList{QStringLiteral("#1")}
        << QStringList{QStringLiteral("bob@b.me")};
    QTest::newRow("nom and prénom")
        << QByteArray("Nom;Pr\xC3\xA9nom\nDurand;Zo\xC3\xA9\n") << QStringList{QString::fromUtf8("Zoé Durand")}
        << QStringList{QString()} << QStringList{QString()};
    QTest::newRow("tab separated") << QByteArray("name\tid\nAda\t1\n") << QStringList{QStringLiteral("Ada")}
                                   << QStringList{QStringLiteral("1")} << QStringList{QString()};
    QTest::newRow("Latin-1 export") << QByteArray("nom;mail\nZo\xE9;z@x.fr\n") << QStringList{QString::fromUtf8("Zoé")}
                                    << QStringList{QString()} << QStringList{QStringLiteral("z@x.fr")};
    QTest::newRow("UTF-16 with its mark") << QByteArray("\xFF\xFEn\0a\0m\0e\0\n\0Z\0o\0\xE9\0\n\0", 20)
                                          << QStringList{QString::fromUtf8("Zoé")} << QStringList{QString()}
                                          << QStringList{QString()};
    QTest::newRow("no final newline") << QByteArray("name\nAda") << QStringList{QStringLiteral("Ada")}
                                      << QStringList{QString()} << QStringList{QString()};
}

void TstPdfImport::roster_parses()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, names);
    QFETCH(QStringList, ids);
    QFETCH(QStringList, emails);

    const Result<QList<RosterEntry>> parsed = RosterCsv::parse(csv, QStringLiteral("class.csv"));
    QVERIFY2(parsed.isOk(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed->size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
        QCOMPARE(parsed->at(i).name, names.at(i));
        QCOMPARE(parsed->at(i).id, ids.at(i));
        QCOMPARE(parsed->at(i).email, emails.at(i));
    }
}

void TstPdfImport::roster_rejects_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("only blank lines") << QByteArray("\n\r\n  \n") << QStringLiteral("empty");
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << QStringLiteral("empty");
    QTest::newRow("no name column") << QByteArray("id,email\n1,a@x.org\n") << QStringLiteral("id, email");
    QTest::newRow("header only") << QByteArray("name,id\n") << QStringLiteral("no students");
    QTest::newRow("row without a name") << QByteArray("name,id\nAda,1\n\n,2\n") << QStringLiteral("Row 4");
    // Found by fuzzing: the header row quoted in the message held a newline.
    QTest::newRow("newline in a header") << QByteArray("\"id\nx\",email\n1,a@x.org\n") << QStringLiteral("name");
    QTest::newRow("NUL inside a name") << QByteArray("name\nAda\0Lovelace\n", 18) << QStringLiteral("NUL");
    QTest::newRow("UTF-16 without its mark") << QByteArray("n\0a\0m\0e\0\n\0A\0d\0a\0\n\0", 18)
                                             << QStringLiteral("CSV UTF-8");
    QTest::newRow("unclosed quote") << QByteArray("name\nAda\n\"Bob\nCy\n") << QStringLiteral("line 3");
}

void TstPdfImport::roster_rejects()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, mentions);

    const Result<QList<RosterEntry>> parsed = RosterCsv::parse(csv, QStringLiteral("class_3B.csv"));
    QVERIFY(!parsed.isOk());
    QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
    QVERIFY2(parsed.errorString().contains(QStringLiteral("class_3B.csv")), qPrintable(parsed.errorString()));
    QVERIFY2(parsed.errorString().contains(mentions), qPrintable(parsed.errorString()));
    QVERIFY(!parsed.errorString().contains(QChar(0)));
    QVERIFY(!parsed.errorString().contains(QLatin1Char('\n')));
}

void TstPdfImport::roster_readsTheCommittedRosters()
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("scans/zesje_demo_students.csv")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Result<QList<RosterEntry>> parsed = RosterCsv::parse(file.readAll(), QStringLiteral("students.csv"));
    QVERIFY2(parsed.isOk(), qPrintable(parsed.errorString()));
    QVERIFY(parsed->size() >= 5);
    QCOMPARE(parsed->first().name, QStringLiteral("Bob the Builder"));
    QCOMPARE(parsed->first().id, QStringLiteral("#7655555"));
    QCOMPARE(parsed->first().email, QStringLiteral("bob@builder.me"));
}

void TstPdfImport::plan_oneCopyPerDocument()
{
    const Result<ImportPlan> plan = ImportPlanner::plan({document(QStringLiteral("a.pdf"), 3),
                                                         document(QStringLiteral("b.pdf"), 5)},
                                                        0);
    QVERIFY2(plan.isOk(), qPrintable(plan.errorString()));
    QCOMPARE(plan->documents.size(), 2);
    QCOMPARE(plan->documents.at(1).fileName, QStringLiteral("b.pdf"));
    QCOMPARE(plan->copies.size(), 2);
    QCOMPARE(plan->copies.at(0).documentIndex, 0);
    QCOMPARE(plan->copies.at(0).pageIndexes, range(0, 3));
    QCOMPARE(plan->copies.at(1).documentIndex, 1);
    QCOMPARE(plan->copies.at(1).pageIndexes, range(0, 5));
    QCOMPARE(plan->copies.at(0).label, QStringLiteral("Copy 1"));
    QCOMPARE(plan->copies.at(1).label, QStringLiteral("Copy 2"));
    QVERIFY(plan->copies.at(0).studentName.isEmpty());
}

void TstPdfImport::plan_splitsEveryNPages()
{
    const Result<ImportPlan> plan = ImportPlanner::plan({document(QStringLiteral("class.pdf"), 20),
                                                         document(QStringLiteral("late.pdf"), 4)},
                                                        4);
    QVERIFY2(plan.isOk(), qPrintable(plan.errorString()));
    QCOMPARE(plan->copies.size(), 6);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(plan->copies.at(i).documentIndex, 0);
        QCOMPARE(plan->copies.at(i).pageIndexes, range(4 * i, 4));
    }
    QCOMPARE(plan->copies.at(5).documentIndex, 1);
    QCOMPARE(plan->copies.at(5).pageIndexes, range(0, 4));
    QCOMPARE(plan->copies.at(5).label, QStringLiteral("Copy 6"));
}

void TstPdfImport::plan_labelsCountFromFirstPosition()
{
    const Result<ImportPlan> plan = ImportPlanner::plan({document(QStringLiteral("more.pdf"), 6)}, 2, {}, 11);
    QVERIFY(plan.isOk());
    QCOMPARE(plan->copies.size(), 3);
    QCOMPARE(plan->copies.at(0).label, QStringLiteral("Copy 11"));
    QCOMPARE(plan->copies.at(2).label, QStringLiteral("Copy 13"));
}

void TstPdfImport::plan_badSplitNamesFileAndFittingSizes()
{
    const Result<ImportPlan> plan = ImportPlanner::plan({document(QStringLiteral("ok.pdf"), 6),
                                                         document(QStringLiteral("scans_3B.pdf"), 20)},
                                                        3);
    QVERIFY(!plan.isOk());
    QCOMPARE(plan.error().code, ErrorCode::BadPageSplit);
    QCOMPARE(plan.errorString(),
             QStringLiteral("scans_3B.pdf has 20 pages, which cannot be split into copies of 3 pages. Check "
                            "--pages-per-copy (for example 2, 4, 5, 10 or 20 would fit)."));

    const Result<ImportPlan> prime = ImportPlanner::plan({document(QStringLiteral("odd.pdf"), 7)}, 2);
    QCOMPARE(prime.error().code, ErrorCode::BadPageSplit);
    QVERIFY2(prime.errorString().contains(QStringLiteral("(for example 7 would fit)")), qPrintable(prime.errorString()));
}

void TstPdfImport::plan_assignsRosterInOrder()
{
    const Result<ImportPlan> plan = ImportPlanner::plan({document(QStringLiteral("a.pdf"), 4),
                                                         document(QStringLiteral("b.pdf"), 2)},
                                                        2, roster(3), 5);
    QVERIFY2(plan.isOk(), qPrintable(plan.errorString()));
    QCOMPARE(plan->copies.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(plan->copies.at(i).studentName, QStringLiteral("Student %1").arg(i + 1));
        QCOMPARE(plan->copies.at(i).studentId, QString::number(1001 + i));
        QCOMPARE(plan->copies.at(i).studentEmail, QStringLiteral("s%1@school.example").arg(i + 1));
        QCOMPARE(plan->copies.at(i).label, QStringLiteral("Copy %1").arg(5 + i));
    }
}

void TstPdfImport::plan_rosterCountMustMatch()
{
    const Result<ImportPlan> tooFew = ImportPlanner::plan({document(QStringLiteral("a.pdf"), 20)}, 2, roster(5));
    QVERIFY(!tooFew.isOk());
    QCOMPARE(tooFew.error().code, ErrorCode::InvalidInput);
    QVERIFY2(tooFew.errorString().startsWith(QStringLiteral("The roster has 5 names but the scans make 10 copies.")),
             qPrintable(tooFew.errorString()));

    const Result<ImportPlan> tooMany = ImportPlanner::plan({document(QStringLiteral("a.pdf"), 4)}, 0, roster(2));
    QCOMPARE(tooMany.error().code, ErrorCode::InvalidInput);
    QVERIFY(tooMany.errorString().contains(QStringLiteral("2 names")));
    QVERIFY(tooMany.errorString().contains(QStringLiteral("1 copies")));
}

void TstPdfImport::plan_rejectsNoDocumentsAndNegativeSplit()
{
    QCOMPARE(ImportPlanner::plan({}, 0).error().code, ErrorCode::InvalidInput);
    const Result<ImportPlan> negative = ImportPlanner::plan({document(QStringLiteral("a.pdf"), 4)}, -2);
    QCOMPARE(negative.error().code, ErrorCode::InvalidInput);
    QVERIFY(negative.errorString().contains(QStringLiteral("-2")));
    QCOMPARE(ImportPlanner::plan({document(QStringLiteral("blank.pdf"), 0)}, 0).error().code, ErrorCode::EmptyPdf);
}

void TstPdfImport::plan_realScanWithRealRoster()
{
    const Result<ImportDocument> scans = PdfInspector::load(
        QDir(dataDir).filePath(QStringLiteral("scans/zesje_demo_submissions_5students_20pages.pdf")));
    QVERIFY2(scans.isOk(), qPrintable(scans.errorString()));
    QFile file(QDir(dataDir).filePath(QStringLiteral("scans/zesje_demo_students.csv")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Result<QList<RosterEntry>> students = RosterCsv::parse(file.readAll(), QStringLiteral("students.csv"));
    QVERIFY(students.isOk());
    const QList<RosterEntry> five = students->mid(0, 5);

    const Result<ImportPlan> plan = ImportPlanner::plan({scans.value()}, 4, five);
    QVERIFY2(plan.isOk(), qPrintable(plan.errorString()));
    QCOMPARE(plan->copies.size(), 5);
    QCOMPARE(plan->copies.at(4).pageIndexes, range(16, 4));
    QCOMPARE(plan->copies.at(0).studentName, QStringLiteral("Bob the Builder"));
    QCOMPARE(plan->documents.first().sha256, scans->sha256);
}

QTEST_GUILESS_MAIN(TstPdfImport)
#include "tst_pdfimport.moc"
