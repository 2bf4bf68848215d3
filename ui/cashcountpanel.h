#pragma once

#include "app/core/money.h"
#include "app/core/shift.h"

#include <QMap>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Toonbank::Ui {

/// Cash counted per euro denomination (a shift's float, the closing count): the notes in one
/// column and the coins in the other, each row with the denomination, −, the number of pieces
/// and +, and what the row adds up to. One row is the chosen one: the screen's keypad types into
/// it. A field that is not a whole number of pieces turns red and counts for nothing until it
/// is put right. Named `count<cents>Field`, `count<cents>Minus`, `count<cents>Plus`.
class CashCountPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CashCountPanel)
public:
    explicit CashCountPanel(QWidget *parent = nullptr);

    /// What staff typed, per denomination (for Core::parseCashCount).
    QMap<qint64, QString> typed() const;
    /// The sum of the rows that are whole numbers of pieces.
    Core::Money total() const;
    /// Whether every row is a whole number of pieces (empty counts as 0).
    bool valid() const;
    /// Empties every row and chooses the largest note.
    void clear();
    void setCount(const Core::CashCount &count);
    /// The keypad: a digit or ⌫ for the chosen row.
    void typeDigit(int digit);
    void backspace();
    qint64 chosenDenomination() const { return m_chosen; }
    void choose(qint64 denomination);
    /// Narrow (portrait): the row totals give way so both columns keep their full size.
    void setCompact(bool compact);
    /// Marks the rows as read only (the close is being confirmed) or editable again.
    void setLocked(bool locked);

signals:
    void changed();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Row
    {
        qint64 cents = 0;
        QLabel *name = nullptr;
        QPushButton *minus = nullptr;
        QLineEdit *field = nullptr;
        QPushButton *plus = nullptr;
        QLabel *total = nullptr;
    };
    void retranslate();
    void fitColumns();
    void applyCompact();
    int fullWidth() const;
    void step(qint64 denomination, int by);
    void refreshRow(Row &row);

    QList<Row> m_rows; // largest first
    QLabel *m_notesCaption;
    QLabel *m_coinsCaption;
    qint64 m_chosen = 0;
    bool m_compact = false;
    bool m_forceCompact = false;
    bool m_locked = false;
};

/// "€ 500", "€ 0,50": how a denomination is written on the count.
QString denominationLabel(qint64 cents);

} // namespace Toonbank::Ui
