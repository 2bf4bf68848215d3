#pragma once

#include <QWidget>

namespace Toonbank::Ui {

/// Digits 1–9, 0 and ⌫ as large keys (80 px), for PINs and amounts on a side sheet. Each key is
/// named `<prefix>Key<digit>` / `<prefix>Backspace`.
class Keypad final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Keypad)
public:
    Keypad(const QString &prefix, QWidget *parent = nullptr);

signals:
    void digitPressed(int digit);
    void backspacePressed();
};

} // namespace Toonbank::Ui
