#pragma once

#include <QString>

class QWidget;
class QPushButton;
class QLabel;

namespace Toonbank::Ui {

/// Sets the stylesheet role of a widget ("primary", "key", "total", …) and re-applies the style.
void setRole(QWidget *widget, const char *role);
/// Re-applies the stylesheet after a dynamic property changed.
void repolish(QWidget *widget);
/// A touch button: no keyboard focus, so the scanner's keys never land on it.
QPushButton *touchButton(QWidget *parent, const char *role = nullptr);
QLabel *roleLabel(QWidget *parent, const char *role);
/// "Gold", "Zilver", … for a loyalty tier name ("basic", "silver", "gold").
QString tierDisplayName(const QString &tier);
/// "Card", "Cash", "Gift card", … for a tender method's name ("card", "cash", "gift_card", …).
QString tenderDisplayName(const QString &method);
/// The stylesheet from resources/toonbank.qss.
QString styleSheet();

} // namespace Toonbank::Ui
