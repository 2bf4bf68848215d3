#pragma once

#include "app/services/saleservice.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Toonbank::Ui {

/// The parked sales of this device, oldest first; tap one to resume it.
class ParkedScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParkedScreen)
public:
    explicit ParkedScreen(Services::SaleService &sale, QWidget *parent = nullptr);

    void reload();

signals:
    void closed();
    void resumed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void resume(int row);

    Services::SaleService &m_sale;
    QList<Services::ParkedSummary> m_parked;
    QLabel *m_title;
    QLabel *m_message;
    QTableWidget *m_table;
    QPushButton *m_back;
};

} // namespace Toonbank::Ui
