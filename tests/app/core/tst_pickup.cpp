#include "app/core/pickup.h"

#include <QTest>

using namespace Toonbank::Core;

class TestPickup : public QObject
{
    Q_OBJECT

private slots:
    void holdRequest_data()
    {
        QTest::addColumn<int>("quantity");
        QTest::addColumn<qint64>("available");
        QTest::addColumn<QString>("code");
        QTest::newRow("one of one") << 1 << qint64(1) << QString();
        QTest::newRow("three of five") << 3 << qint64(5) << QString();
        QTest::newRow("two of one") << 2 << qint64(1) << QStringLiteral("hold.unavailable");
        QTest::newRow("one of none") << 1 << qint64(0) << QStringLiteral("hold.unavailable");
        QTest::newRow("zero") << 0 << qint64(5) << QStringLiteral("hold.quantity");
        QTest::newRow("negative") << -1 << qint64(5) << QStringLiteral("hold.quantity");
        QTest::newRow("above max")
            << maxHoldQuantity + 1 << qint64(1000) << QStringLiteral("hold.quantity");
        QTest::newRow("max") << maxHoldQuantity << qint64(1000) << QString();
    }
    void holdRequest()
    {
        QFETCH(int, quantity);
        QFETCH(qint64, available);
        QFETCH(QString, code);
        const Status status = checkHoldRequest(quantity, available);
        QCOMPARE(status.ok() ? QString() : status.error().code, code);
        if (!status.ok())
            QVERIFY(!status.error().message.isEmpty());
    }

    void unavailableSaysHowMany()
    {
        const Status status = checkHoldRequest(3, 1);
        QVERIFY(!status.ok());
        QVERIFY2(
            status.error().message.contains(QLatin1Char('1')), qPrintable(status.error().message));
    }

    void available()
    {
        QCOMPARE(availableQuantity(5, 2), 3);
        QCOMPARE(availableQuantity(2, 2), 0);
        QCOMPARE(availableQuantity(1, 3), 0); // holds never make it negative
        QCOMPARE(availableQuantity(-5, 0), -5); // an oversold store shows what it has
        QCOMPARE(availableQuantity(-5, 2), -5);
    }

    void holdOpen()
    {
        const QDateTime now(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);
        QVERIFY(checkHoldOpen(HoldStatus::Held, now.addSecs(60), now).ok());
        QCOMPARE(
            checkHoldOpen(HoldStatus::Held, now, now).error().code, QStringLiteral("hold.expired"));
        QCOMPARE(checkHoldOpen(HoldStatus::Expired, now.addSecs(60), now).error().code,
            QStringLiteral("hold.expired"));
        for (HoldStatus s : { HoldStatus::Collected, HoldStatus::Released, HoldStatus::Cancelled,
                 HoldStatus::Ordered })
            QCOMPARE(
                checkHoldOpen(s, now.addSecs(60), now).error().code, QStringLiteral("hold.closed"));
    }

    void namesRoundTrip()
    {
        for (HoldStatus s : { HoldStatus::Held, HoldStatus::Collected, HoldStatus::Released,
                 HoldStatus::Expired, HoldStatus::Cancelled, HoldStatus::Ordered })
            QCOMPARE(holdStatusFromName(name(s)), s);
        for (PickupStatus s :
            { PickupStatus::Ready, PickupStatus::PartlyCollected, PickupStatus::Collected,
                PickupStatus::NotCollected, PickupStatus::Expired, PickupStatus::Cancelled })
            QCOMPARE(pickupStatusFromName(name(s)), s);
        QCOMPARE(pickupKindFromName(QStringLiteral("web_order")), PickupKind::WebOrder);
        QCOMPARE(holdPurposeFromName(QStringLiteral("order")), HoldPurpose::Order);
        QCOMPARE(pickupVerificationFromName(QStringLiteral("id")), PickupVerification::IdDocument);
        QVERIFY(!pickupStatusFromName(QStringLiteral("ready ")));
    }

    void pickupCode()
    {
        for (int i = 0; i < 50; ++i) {
            const QString code = newPickupCode();
            QCOMPARE(code.size(), 6);
            bool ok = false;
            code.toInt(&ok);
            QVERIFY(ok);
        }
        const QString hash = pickupCodeHash(QStringLiteral("WS00001234"), QStringLiteral("042917"));
        QCOMPARE(hash.size(), 64);
        QVERIFY(pickupCodeMatches(QStringLiteral("WS00001234"), QStringLiteral("042917"), hash));
        QVERIFY(pickupCodeMatches(QStringLiteral("WS00001234"), QStringLiteral(" 042 917 "), hash));
        QVERIFY(!pickupCodeMatches(QStringLiteral("WS00001234"), QStringLiteral("042918"), hash));
        // The reference salts the hash: the same code for another order does not match.
        QVERIFY(!pickupCodeMatches(QStringLiteral("WS00001235"), QStringLiteral("042917"), hash));
        QVERIFY(!pickupCodeMatches(QStringLiteral("WS00001234"), QStringLiteral("042917"), {}));
    }

    void codeAttempt_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("before"); // wrong codes so far
        QTest::addColumn<int>("verdict"); // PickupCodeVerdict
        QTest::addColumn<int>("after");
        QTest::addColumn<QString>("code"); // pickupCodeStatus's error code; empty: success
        const int matched = int(PickupCodeVerdict::Matched), wrong = int(PickupCodeVerdict::Wrong),
                  malformed = int(PickupCodeVerdict::Malformed),
                  locked = int(PickupCodeVerdict::Locked);
        const QString right = QStringLiteral("042917"), other = QStringLiteral("042918");
        QTest::newRow("right, first try") << right << 0 << matched << 0 << QString();
        QTest::newRow("right with spaces")
            << QStringLiteral(" 042 917 ") << 0 << matched << 0 << QString();
        QTest::newRow("right after four wrong resets") << right << 4 << matched << 0 << QString();
        QTest::newRow("wrong, first") << other << 0 << wrong << 1 << QStringLiteral("pickup.code");
        QTest::newRow("wrong, fourth") << other << 3 << wrong << 4 << QStringLiteral("pickup.code");
        QTest::newRow("wrong, fifth locks")
            << other << 4 << wrong << 5 << QStringLiteral("pickup.code_locked");
        QTest::newRow("right once locked")
            << right << 5 << locked << 5 << QStringLiteral("pickup.code_locked");
        QTest::newRow("wrong once locked: not counted")
            << other << 5 << locked << 5 << QStringLiteral("pickup.code_locked");
        QTest::newRow("empty does not count")
            << QString() << 2 << malformed << 2 << QStringLiteral("pickup.code_format");
        QTest::newRow("five digits do not count") << QStringLiteral("04291") << 2 << malformed << 2
                                                  << QStringLiteral("pickup.code_format");
        QTest::newRow("seven digits do not count") << QStringLiteral("0429170") << 0 << malformed
                                                   << 0 << QStringLiteral("pickup.code_format");
        QTest::newRow("letters do not count") << QStringLiteral("04291a") << 0 << malformed << 0
                                              << QStringLiteral("pickup.code_format");
        QTest::newRow("negative count is 0")
            << other << -3 << wrong << 1 << QStringLiteral("pickup.code");
    }
    void codeAttempt()
    {
        QFETCH(QString, typed);
        QFETCH(int, before);
        QFETCH(int, verdict);
        QFETCH(int, after);
        QFETCH(QString, code);
        const QString reference = QStringLiteral("WS00001234");
        const QString hash = pickupCodeHash(reference, QStringLiteral("042917"));
        const PickupCodeAttempt attempt = checkPickupCode(reference, typed, hash, before);
        QCOMPARE(int(attempt.verdict), verdict);
        QCOMPARE(attempt.wrongCodes, after);
        QCOMPARE(attempt.locked(), after >= maxWrongPickupCodes);
        const Status status = pickupCodeStatus(attempt, reference);
        QCOMPARE(status.ok() ? QString() : status.error().code, code);
        if (!status.ok()) {
            QVERIFY(!status.error().message.isEmpty());
            // The typed code is never in the message or the log detail.
            if (!typed.isEmpty()) {
                QVERIFY(!status.error().message.contains(normalizedPickupCode(typed)));
                QVERIFY(!status.error().detail.contains(normalizedPickupCode(typed)));
            }
        }
    }

    void codeLockOutRule()
    {
        QCOMPARE(maxWrongPickupCodes, 5);
        QVERIFY(!isPickupCodeLocked(4));
        QVERIFY(isPickupCodeLocked(5));
        QVERIFY(isPickupCodeLocked(6));
        // Five wrong codes in a row lock; the lock message is the plain one.
        const QString reference = QStringLiteral("0f5a3c1e-7d4b-4a6e-9c2d-1b8e5f0a9d33");
        const QString hash = pickupCodeHash(reference, QStringLiteral("111111"));
        int count = 0;
        for (int i = 0; i < maxWrongPickupCodes; ++i) {
            const PickupCodeAttempt attempt
                = checkPickupCode(reference, QStringLiteral("22222%1").arg(i), hash, count);
            QCOMPARE(attempt.verdict, PickupCodeVerdict::Wrong);
            QCOMPARE(attempt.triesLeft(), maxWrongPickupCodes - i - 1);
            count = attempt.wrongCodes;
        }
        QCOMPARE(count, maxWrongPickupCodes);
        const PickupCodeAttempt locked
            = checkPickupCode(reference, QStringLiteral("111111"), hash, count);
        QCOMPARE(locked.verdict, PickupCodeVerdict::Locked);
        QCOMPARE(pickupCodeStatus(locked, reference).error().message,
            QStringLiteral("Too many wrong codes. Check the customer's ID instead."));
        QVERIFY(isWellFormedPickupCode(QStringLiteral("123 456")));
        QCOMPARE(normalizedPickupCode(QStringLiteral(" 123 456 ")), QStringLiteral("123456"));
    }

    void handover_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QList<HandoverLine>>("handover");
        QTest::addColumn<QString>("code");
        const QString l1 = QStringLiteral("L1"), l2 = QStringLiteral("L2");
        const int ready = int(PickupStatus::Ready);
        QTest::newRow("all") << ready << QList<HandoverLine> { { l1, 2 }, { l2, 1 } } << QString();
        QTest::newRow("some") << ready << QList<HandoverLine> { { l1, 1 } } << QString();
        QTest::newRow("too many") << ready << QList<HandoverLine> { { l1, 3 } }
                                  << QStringLiteral("pickup.quantity");
        QTest::newRow("negative") << ready << QList<HandoverLine> { { l1, -1 } }
                                  << QStringLiteral("pickup.quantity");
        QTest::newRow("nothing") << ready << QList<HandoverLine> { { l1, 0 } }
                                 << QStringLiteral("pickup.empty");
        QTest::newRow("empty") << ready << QList<HandoverLine> {} << QStringLiteral("pickup.empty");
        QTest::newRow("unknown line")
            << ready << QList<HandoverLine> { { QStringLiteral("L9"), 1 } }
            << QStringLiteral("pickup.line_unknown");
        QTest::newRow("twice") << ready << QList<HandoverLine> { { l1, 1 }, { l1, 1 } }
                               << QStringLiteral("pickup.line_twice");
        QTest::newRow("collected")
            << int(PickupStatus::Collected) << QList<HandoverLine> { { l1, 1 } }
            << QStringLiteral("pickup.already_collected");
        QTest::newRow("released") << int(PickupStatus::NotCollected)
                                  << QList<HandoverLine> { { l1, 1 } }
                                  << QStringLiteral("pickup.closed");
        QTest::newRow("expired") << int(PickupStatus::Expired) << QList<HandoverLine> { { l1, 1 } }
                                 << QStringLiteral("pickup.closed");
        QTest::newRow("partly, rest")
            << int(PickupStatus::PartlyCollected) << QList<HandoverLine> { { l1, 2 } } << QString();
    }
    void handover()
    {
        QFETCH(int, status);
        QFETCH(QList<HandoverLine>, handover);
        QFETCH(QString, code);
        const QList<PickupLineState> lines { { QStringLiteral("L1"), 2, 0 },
            { QStringLiteral("L2"), 1, 0 } };
        const Status checked = checkHandover(PickupStatus(status), lines, handover);
        QCOMPARE(checked.ok() ? QString() : checked.error().code, code);
    }

    void statusAfterHandovers()
    {
        QList<PickupLineState> lines { { QStringLiteral("L1"), 2, 0 },
            { QStringLiteral("L2"), 1, 0 } };
        QCOMPARE(statusAfter(lines), PickupStatus::Ready);
        lines = applyHandover(lines, { { QStringLiteral("L1"), 1 } });
        QCOMPARE(lines[0].collected, 1);
        QCOMPARE(statusAfter(lines), PickupStatus::PartlyCollected);
        // The rest: one more than remaining is refused, the exact rest collects it all.
        QCOMPARE(
            checkHandover(PickupStatus::PartlyCollected, lines, { { QStringLiteral("L1"), 2 } })
                .error()
                .code,
            QStringLiteral("pickup.quantity"));
        lines = applyHandover(lines, { { QStringLiteral("L1"), 1 }, { QStringLiteral("L2"), 1 } });
        QCOMPARE(statusAfter(lines), PickupStatus::Collected);
        QCOMPARE(
            checkHandover(statusAfter(lines), lines, { { QStringLiteral("L2"), 1 } }).error().code,
            QStringLiteral("pickup.already_collected"));
    }

    void overdue()
    {
        const QDateTime ready(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
        QVERIFY(!isOverdue(ready, 7, ready.addDays(7).addSecs(-1)));
        QVERIFY(isOverdue(ready, 7, ready.addDays(7)));
        QVERIFY(!isOverdue(ready, 0, ready.addDays(100))); // 0: never released on its own
        QVERIFY(!isOverdue(QDateTime(), 7, ready));
    }
};

QTEST_APPLESS_MAIN(TestPickup)
#include "tst_pickup.moc"
