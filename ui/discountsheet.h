#pragma once

#include "sidesheet.h"

#include "app/core/money.h"

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Toonbank::Ui {

/// A manual discount (an amount or a percentage) or a new price for one basket line, with the
/// reason. It only collects the entry; the caller applies it and shows the outcome.
class DiscountSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscountSheet)
public:
    enum class Mode { Amount, Percent, Price };

    explicit DiscountSheet(QWidget *host);

    /// Opens the sheet for a line ("501 Original Jeans", what it costs now).
    void start(const QString &lineId, const QString &lineName, Core::Money lineTotal);
    void showError(const QString &message);
    QString lineId() const { return m_lineId; }

signals:
    /// Amount/Price: `value` in cents; Percent: basis points (1250 = 12,5 %).
    void submitted(const QString &lineId, Mode mode, qint64 value, const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshValue();
    void submit();
    Mode mode() const;
    QString reason() const;

    QString m_lineId;
    QString m_lineName;
    Core::Money m_lineTotal;
    QString m_digits;

    QLabel *m_line;
    QButtonGroup *m_modes;
    QPushButton *m_amountMode;
    QPushButton *m_percentMode;
    QPushButton *m_priceMode;
    QLabel *m_value;
    QLabel *m_reasonCaption;
    QButtonGroup *m_reasons;
    QList<QPushButton *> m_reasonButtons;
    QLineEdit *m_reasonText;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_apply;
};

} // namespace Toonbank::Ui
