// A bounded randomized soak (fixed seed): 20,000 actions among delete, scale, update, partition,
// node down/up and readiness flaps, with the StatefulSet invariants checked after every one.

#include "soak.h"

#include <QTest>

class tst_Soak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invariantsHold_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("seed-1") << quint64(1);
        QTest::newRow("seed-20261127") << quint64(20261127);
    }

    void invariantsHold()
    {
        QFETCH(quint64, seed);
        const ordinal::test::SoakResult result = ordinal::test::runSoak(seed, 20000);
        QVERIFY2(result.violations.isEmpty(),
                 qPrintable(result.violations.mid(0, 5).join(QLatin1Char('\n'))));
        QCOMPARE(result.actions, qint64(20000));
        QVERIFY(result.virtualTime > 0);
    }

    // The checker itself must be able to fail: feed it a state that breaks an invariant.
    void checkerCatchesSharedIP()
    {
        ordinal::core::Simulation sim;
        ordinal::test::InvariantChecker checker(sim);
        for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")}) {
            ordinal::core::Pod pod;
            pod.metadata.name = name;
            pod.metadata.namespaceName = QStringLiteral("default");
            pod.status.podIP = QStringLiteral("10.244.1.9");
            sim.write(pod);
        }
        checker.checkState();
        QCOMPARE(checker.violations().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Soak)
#include "tst_soak.moc"
