#pragma once

#include "sidesheet.h"

#include <QHash>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Toonbank::Services {
class Session;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Training mode per staff member (supervisor or manager; Session::setTraining checks it): the
/// store's staff, each with an on/off switch (`trainingSwitch<staffId>`). While on, that person's
/// sales and returns are practice: nothing real moves, every screen shows the orange band.
class TrainingSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingSheet)
public:
    TrainingSheet(Services::Session &session, QWidget *host);

    void start();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reload();
    void toggle(qint64 staffId, bool on);
    void refreshSwitch(QPushButton *button, bool on);

    Services::Session &m_session;
    QLabel *m_what;
    QVBoxLayout *m_rows;
    QWidget *m_list;
    QHash<qint64, QPushButton *> m_switches;
    QLabel *m_error;
    QPushButton *m_done;
};

} // namespace Toonbank::Ui
