#include "app/core/permissions.h"

#include <QTest>

using namespace Toonbank::Core;

namespace {

const QList<Permission> allPermissions { Permission::Sell, Permission::ChangeSettings,
    Permission::RetrySync, Permission::ManualDiscount, Permission::ApproveManualDiscount,
    Permission::ChangePrice, Permission::EnrolCustomer, Permission::RefundWithoutReceipt,
    Permission::OpenDrawerNoSale };

} // namespace

Q_DECLARE_METATYPE(Role)
Q_DECLARE_METATYPE(Permission)

class tst_Permissions : public QObject
{
    Q_OBJECT

private slots:
    void allows_data();
    void allows();
    void needsApproval_data();
    void needsApproval();
    void names();
};

void tst_Permissions::allows_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<Permission>("permission");
    QTest::addColumn<bool>("allowed");

    // The whole table: cashier sells, discounts within limits and enrols; a supervisor also
    // changes settings and retries sync; a manager may do everything, approvals included.
    const QList<Permission> cashier { Permission::Sell, Permission::ManualDiscount,
        Permission::EnrolCustomer };
    const QList<Permission> supervisor
        = cashier + QList<Permission> { Permission::ChangeSettings, Permission::RetrySync };
    for (Permission permission : allPermissions) {
        const QString p = name(permission);
        QTest::newRow(qPrintable(QStringLiteral("cashier ") + p))
            << Role::Cashier << permission << cashier.contains(permission);
        QTest::newRow(qPrintable(QStringLiteral("supervisor ") + p))
            << Role::Supervisor << permission << supervisor.contains(permission);
        QTest::newRow(qPrintable(QStringLiteral("manager ") + p))
            << Role::Manager << permission << true;
    }
    // Click-and-collect (issue 11): every role hands over; releasing an overdue pickup back to
    // stock is for a supervisor or manager.
    QTest::newRow("cashier hand_over_pickup")
        << Role::Cashier << Permission::HandOverPickup << true;
    QTest::newRow("supervisor hand_over_pickup")
        << Role::Supervisor << Permission::HandOverPickup << true;
    QTest::newRow("cashier release_pickup") << Role::Cashier << Permission::ReleasePickup << false;
    QTest::newRow("supervisor release_pickup")
        << Role::Supervisor << Permission::ReleasePickup << true;
    QTest::newRow("manager release_pickup") << Role::Manager << Permission::ReleasePickup << true;
}

void tst_Permissions::allows()
{
    QFETCH(Role, role);
    QFETCH(Permission, permission);
    QFETCH(bool, allowed);
    QCOMPARE(Toonbank::Core::allows(role, permission), allowed);
}

void tst_Permissions::needsApproval_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<qint64>("base");
    QTest::addColumn<qint64>("discount");
    QTest::addColumn<bool>("needs");

    // Default limits: cashier 10 % and €20, supervisor 25 % and €100, manager none.
    // clang-format off
    QTest::newRow("cashier no discount") << Role::Cashier << qint64(1000) << qint64(0) << false;
    QTest::newRow("cashier 10% exactly") << Role::Cashier << qint64(1000) << qint64(100) << false;
    QTest::newRow("cashier a cent above 10%") << Role::Cashier << qint64(1000) << qint64(101) << true;
    QTest::newRow("cashier 20 euro exactly") << Role::Cashier << qint64(50000) << qint64(2000) << false;
    QTest::newRow("cashier above 20 euro within 10%") << Role::Cashier << qint64(50000) << qint64(2001) << true;
    QTest::newRow("cashier on a free line") << Role::Cashier << qint64(0) << qint64(1) << true;
    QTest::newRow("supervisor 25% exactly") << Role::Supervisor << qint64(1000) << qint64(250) << false;
    QTest::newRow("supervisor above 25%") << Role::Supervisor << qint64(1000) << qint64(251) << true;
    QTest::newRow("supervisor 100 euro exactly") << Role::Supervisor << qint64(100000) << qint64(10000) << false;
    QTest::newRow("supervisor above 100 euro") << Role::Supervisor << qint64(100000) << qint64(10001) << true;
    QTest::newRow("supervisor what a cashier may not") << Role::Supervisor << qint64(1000) << qint64(200) << false;
    QTest::newRow("manager the whole line") << Role::Manager << qint64(100000) << qint64(100000) << false;
    // clang-format on
}

void tst_Permissions::needsApproval()
{
    QFETCH(Role, role);
    QFETCH(qint64, base);
    QFETCH(qint64, discount);
    QFETCH(bool, needs);
    QCOMPARE(manualDiscountNeedsApproval(
                 role, Money::fromCents(base), Money::fromCents(discount), DiscountLimits {}),
        needs);
}

void tst_Permissions::names()
{
    for (Role role : { Role::Cashier, Role::Supervisor, Role::Manager })
        QCOMPARE(roleFromName(name(role)), role);
    QCOMPARE(name(Role::Supervisor), QStringLiteral("supervisor"));
    QVERIFY(!roleFromName(QStringLiteral("Manager")));
    QVERIFY(!roleFromName(QString()));
    QStringList seen;
    for (Permission permission : allPermissions) {
        QVERIFY(!name(permission).isEmpty());
        QVERIFY(!seen.contains(name(permission)));
        seen.append(name(permission));
        QCOMPARE(permissionFromName(name(permission)), permission);
    }
    QCOMPARE(name(Permission::ApproveManualDiscount), QStringLiteral("approve_manual_discount"));
    QCOMPARE(name(Permission::OpenDrawerNoSale), QStringLiteral("open_drawer_no_sale"));
    QVERIFY(!permissionFromName(QStringLiteral("fly")));

    DiscountLimits strict;
    strict.cashierMaxBasisPoints = 0;
    QVERIFY(manualDiscountNeedsApproval(
        Role::Cashier, Money::fromCents(1000), Money::fromCents(1), strict));
    QVERIFY(!manualDiscountNeedsApproval(
        Role::Supervisor, Money::fromCents(1000), Money::fromCents(1), strict));
}

QTEST_GUILESS_MAIN(tst_Permissions)

#include "tst_permissions.moc"
