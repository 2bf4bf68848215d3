#include "uihelpers.h"

#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace Toonbank::Ui {

void setRole(QWidget *widget, const char *role)
{
    widget->setProperty("role", QString::fromLatin1(role));
    repolish(widget);
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

QPushButton *touchButton(QWidget *parent, const char *role)
{
    auto *button = new QPushButton(parent);
    button->setFocusPolicy(Qt::NoFocus);
    if (role)
        button->setProperty("role", QString::fromLatin1(role));
    return button;
}

QLabel *roleLabel(QWidget *parent, const char *role)
{
    auto *label = new QLabel(parent);
    label->setProperty("role", QString::fromLatin1(role));
    return label;
}

QString tierDisplayName(const QString &tier)
{
    if (tier == QLatin1String("gold"))
        return QCoreApplication::translate("Toonbank::Ui", "Gold");
    if (tier == QLatin1String("silver"))
        return QCoreApplication::translate("Toonbank::Ui", "Silver");
    if (tier == QLatin1String("basic") || tier.isEmpty())
        return QCoreApplication::translate("Toonbank::Ui", "Basic");
    return tier;
}

QString tenderDisplayName(const QString &method)
{
    if (method == QLatin1String("cash"))
        return QCoreApplication::translate("Toonbank::Ui", "Cash");
    if (method == QLatin1String("card"))
        return QCoreApplication::translate("Toonbank::Ui", "Card");
    if (method == QLatin1String("gift_card"))
        return QCoreApplication::translate("Toonbank::Ui", "Gift card");
    if (method == QLatin1String("store_credit"))
        return QCoreApplication::translate("Toonbank::Ui", "Store credit");
    if (method == QLatin1String("loyalty_points"))
        return QCoreApplication::translate("Toonbank::Ui", "Loyalty points");
    if (method == QLatin1String("return_credit"))
        return QCoreApplication::translate("Toonbank::Ui", "Exchange credit");
    return method;
}

QString styleSheet()
{
    QFile file(QStringLiteral(":/toonbank.qss"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace Toonbank::Ui
