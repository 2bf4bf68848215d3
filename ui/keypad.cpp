#include "keypad.h"

#include "uihelpers.h"

#include <QGridLayout>
#include <QPushButton>

namespace Toonbank::Ui {

Keypad::Keypad(const QString &prefix, QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(10);
    for (int digit = 0; digit <= 9; ++digit) {
        QPushButton *key = touchButton(this, "key");
        key->setObjectName(QStringLiteral("%1Key%2").arg(prefix).arg(digit));
        key->setText(QString::number(digit));
        connect(key, &QPushButton::clicked, this, [this, digit] { emit digitPressed(digit); });
        if (digit == 0)
            grid->addWidget(key, 3, 1);
        else
            grid->addWidget(key, (digit - 1) / 3, (digit - 1) % 3);
    }
    QPushButton *backspace = touchButton(this, "key");
    backspace->setObjectName(prefix + QStringLiteral("Backspace"));
    backspace->setText(QStringLiteral("⌫"));
    connect(backspace, &QPushButton::clicked, this, &Keypad::backspacePressed);
    grid->addWidget(backspace, 3, 2);
}

} // namespace Toonbank::Ui
