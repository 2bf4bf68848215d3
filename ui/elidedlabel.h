#pragma once

#include <QLabel>

namespace Toonbank::Ui {

/// A one-line label that ends with "…" when the layout gives it less room than its text needs
/// (a long store name in the portrait top bar), instead of cutting letters off.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace Toonbank::Ui
