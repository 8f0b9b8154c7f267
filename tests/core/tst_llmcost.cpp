#include <QtTest>

#include "core/llm/pricetable.h"
#include "core/llm/tokenestimator.h"

using namespace Corrige::Core;

class TstLlmCost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatUsd_readsAsDollarsAndNeverZeroForSmallRuns();
    void imageTokens_followProviderRules_data();
    void imageTokens_followProviderRules();
    void estimateRun_addsPromptImagesAndOutput();
    void price_matchesExactThenDatedSnapshots_data();
    void price_matchesExactThenDatedSnapshots();
    void cost_isPerMillionTokens();
    void prices_areEditableAndRoundTrip();
};

void TstLlmCost::imageTokens_followProviderRules_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qlonglong>("tokens");
    const int gemini = int(ProviderKind::Gemini);
    const int openai = int(ProviderKind::OpenAi);
    const int compatible = int(ProviderKind::Compatible);
    // Gemini 2.x: 258 per image up to 384 px, else 258 per 768-px tile.
    QTest::newRow("gemini small") << gemini << "gemini-2.5-flash" << QSize(384, 384) << 258LL;
    QTest::newRow("gemini thumbnail") << gemini << "gemini-2.0-flash" << QSize(100, 50) << 258LL;
    QTest::newRow("gemini just over") << gemini << "gemini-2.5-flash" << QSize(385, 200) << 258LL;
    QTest::newRow("gemini 768") << gemini << "gemini-2.5-flash" << QSize(768, 768) << 258LL;
    QTest::newRow("gemini 769") << gemini << "gemini-2.5-flash" << QSize(769, 768) << 516LL;
    QTest::newRow("gemini A4 150 dpi") << gemini << "models/gemini-2.5-pro" << QSize(1240, 1754) << 1548LL;
    QTest::newRow("gemini 3 default high") << gemini << "gemini-3-pro-preview" << QSize(1240, 1754) << 1120LL;
    // OpenAI tile models (vision guide: 1024² → 765, 2048×4096 → 1105).
    QTest::newRow("gpt-4o 1024") << openai << "gpt-4o" << QSize(1024, 1024) << 765LL;
    QTest::newRow("gpt-4o 2048x4096") << openai << "gpt-4o-2024-08-06" << QSize(2048, 4096) << 1105LL;
    QTest::newRow("gpt-4o 512") << openai << "gpt-4o" << QSize(512, 512) << 255LL;
    QTest::newRow("gpt-4o small") << openai << "gpt-4o" << QSize(200, 100) << 255LL;
    QTest::newRow("gpt-4o-mini") << openai << "gpt-4o-mini" << QSize(1024, 1024) << 25501LL;
    QTest::newRow("gpt-4.1") << openai << "gpt-4.1" << QSize(1024, 1024) << 765LL;
    QTest::newRow("o3") << openai << "o3" << QSize(1024, 1024) << 675LL;
    QTest::newRow("gpt-5") << openai << "gpt-5" << QSize(1024, 1024) << 630LL;
    // OpenAI patch models (vision guide: 1024² → 1024 patches; 1800×2400 → 1452 patches).
    QTest::newRow("gpt-4.1-mini 1024") << openai << "gpt-4.1-mini" << QSize(1024, 1024) << 1659LL;
    QTest::newRow("gpt-4.1-mini 1800x2400") << openai << "gpt-4.1-mini" << QSize(1800, 2400) << 2353LL;
    QTest::newRow("gpt-4.1-nano 1800x2400") << openai << "gpt-4.1-nano" << QSize(1800, 2400) << 3572LL;
    QTest::newRow("gpt-5-mini small") << openai << "gpt-5-mini" << QSize(64, 64) << 5LL;
    // Unknown and compatible: counted like gpt-4o.
    QTest::newRow("unknown openai") << openai << "my-finetune" << QSize(1024, 1024) << 765LL;
    QTest::newRow("compatible") << compatible << "qwen2.5vl" << QSize(1024, 1024) << 765LL;
    QTest::newRow("empty image") << gemini << "gemini-2.5-flash" << QSize(0, 0) << 0LL;
}

void TstLlmCost::imageTokens_followProviderRules()
{
    QFETCH(int, kind);
    QFETCH(QString, model);
    QFETCH(QSize, size);
    QFETCH(qlonglong, tokens);
    QCOMPARE(TokenEstimator::imageTokens(ProviderKind(kind), model, size), tokens);
}

void TstLlmCost::estimateRun_addsPromptImagesAndOutput()
{
    QCOMPARE(TokenEstimator::textTokens(0), 0);
    QCOMPARE(TokenEstimator::textTokens(1), 1);
    QCOMPARE(TokenEstimator::textTokens(4000), 1000);

    // 30 copies × 4 A4 pages on gemini-2.5-flash, 6000 characters of prompt, ~800 tokens of answer.
    const TokenUsage usage = TokenEstimator::estimateRun(ProviderKind::Gemini, QStringLiteral("gemini-2.5-flash"), 30,
                                                         4, QSize(1240, 1754), 6000, 800);
    QCOMPARE(usage.input, 30 * (1500 + 4 * 1548));
    QCOMPARE(usage.output, 30 * 800);
    QCOMPARE(usage.total, usage.input + usage.output);
    QCOMPARE(TokenEstimator::estimateRun(ProviderKind::OpenAi, QStringLiteral("gpt-4o"), 0, 4, QSize(100, 100), 10, 10),
             TokenUsage());

    // Estimated cost of that run.
    const double cost = PriceTable::defaults().cost(QStringLiteral("gemini-2.5-flash"), usage);
    QCOMPARE(qRound(cost * 10000), qRound((230760 * 0.30 + 24000 * 2.50) / 1e6 * 10000));
}

void TstLlmCost::price_matchesExactThenDatedSnapshots_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("known");
    QTest::addColumn<double>("input");
    QTest::addColumn<double>("output");
    QTest::newRow("exact") << "gpt-4o" << true << 2.50 << 10.00;
    QTest::newRow("dated snapshot") << "gpt-4o-2024-08-06" << true << 2.50 << 10.00;
    QTest::newRow("longest prefix") << "gpt-4o-mini-2024-07-18" << true << 0.15 << 0.60;
    QTest::newRow("gemini preview") << "gemini-2.5-flash-preview-05-20" << true << 0.30 << 2.50;
    QTest::newRow("gemini lite") << "gemini-2.5-flash-lite" << true << 0.10 << 0.40;
    QTest::newRow("models/ prefix and case") << " models/Gemini-2.5-Pro " << true << 1.25 << 10.00;
    QTest::newRow("not a snapshot of gpt-5") << "gpt-5.1-mini" << false << 0.0 << 0.0;
    QTest::newRow("local model") << "qwen2.5vl:7b" << false << 0.0 << 0.0;
    QTest::newRow("empty") << "" << false << 0.0 << 0.0;
}

void TstLlmCost::price_matchesExactThenDatedSnapshots()
{
    QFETCH(QString, model);
    QFETCH(bool, known);
    QFETCH(double, input);
    QFETCH(double, output);
    const PriceTable table = PriceTable::defaults();
    QCOMPARE(table.hasPrice(model), known);
    if (known)
        QCOMPARE(*table.price(model), (ModelPrice { input, output }));
    else
        QCOMPARE(table.cost(model, TokenUsage { 1000000, 1000000, 2000000 }), 0.0);
}

void TstLlmCost::cost_isPerMillionTokens()
{
    const PriceTable table = PriceTable::defaults();
    QCOMPARE(table.cost(QStringLiteral("gpt-4o"), TokenUsage { 1000000, 1000000, 2000000 }), 12.5);
    QCOMPARE(table.cost(QStringLiteral("gpt-4o"), TokenUsage { 2000, 500, 2500 }), (2000 * 2.5 + 500 * 10.0) / 1e6);
    QCOMPARE(table.cost(QStringLiteral("gemini-2.5-flash"), TokenUsage()), 0.0);
    QVERIFY(PriceTable().models().isEmpty());
    QCOMPARE(PriceTable().cost(QStringLiteral("gpt-4o"), TokenUsage { 1000, 1000, 2000 }), 0.0);
}

void TstLlmCost::prices_areEditableAndRoundTrip()
{
    PriceTable table = PriceTable::defaults();
    table.setPrice(QStringLiteral("gpt-4o"), ModelPrice { 2.0, 8.0 });
    table.setPrice(QStringLiteral("llava:13b"), ModelPrice { 0.0, 0.0 });
    QCOMPARE(*table.price(QStringLiteral("gpt-4o-2024-11-20")), (ModelPrice { 2.0, 8.0 }));
    QVERIFY(table.hasPrice(QStringLiteral("llava:13b")));
    table.removePrice(QStringLiteral("o3"));
    QVERIFY(!table.hasPrice(QStringLiteral("o3")));

    const PriceTable copy = PriceTable::fromJson(table.toJson());
    QCOMPARE(copy.models(), table.models());
    for (const QString &model : table.models())
        QCOMPARE(*copy.price(model), *table.price(model));

    // Entries without both prices are ignored.
    const PriceTable partial = PriceTable::fromJson(QJsonObject {
        { QStringLiteral("a"), QJsonObject { { QStringLiteral("input"), 1.0 } } },
        { QStringLiteral("b"), QJsonObject { { QStringLiteral("input"), 1.0 }, { QStringLiteral("output"), 2.0 } } } });
    QCOMPARE(partial.models(), QStringList { QStringLiteral("b") });
}

void TstLlmCost::formatUsd_readsAsDollarsAndNeverZeroForSmallRuns()
{
    QLocale::setDefault(QLocale::c());
    QCOMPARE(PriceTable::formatUsd(1.5), QStringLiteral("$1.50"));
    QCOMPARE(PriceTable::formatUsd(0.05), QStringLiteral("$0.050"));
    QCOMPARE(PriceTable::formatUsd(0.0084), QStringLiteral("$0.0084"));
    QCOMPARE(PriceTable::formatUsd(0), QStringLiteral("$0.00"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(PriceTable::formatUsd(12.345), QStringLiteral("$12.35"));
}

QTEST_GUILESS_MAIN(TstLlmCost)
#include "tst_llmcost.moc"
