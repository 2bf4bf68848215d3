#include "trainingsheet.h"

#include "uihelpers.h"

#include "app/services/session.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Toonbank::Ui {

TrainingSheet::TrainingSheet(Services::Session &session, QWidget *host)
    : SideSheet(host)
    , m_session(session)
    , m_what(new QLabel(panel()))
    , m_rows(new QVBoxLayout)
    , m_list(new QWidget(panel()))
    , m_error(roleLabel(panel(), "error"))
    , m_done(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("trainingSheet"));
    m_what->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("trainingError"));
    m_error->setWordWrap(true);
    m_done->setObjectName(QStringLiteral("trainingDone"));
    m_list->setObjectName(QStringLiteral("sheetForm"));
    auto *listLayout = new QVBoxLayout(m_list);
    listLayout->setContentsMargins(0, 0, 8, 0);
    listLayout->addLayout(m_rows);
    listLayout->addStretch(1);
    m_rows->setSpacing(10);
    auto *scroll = new QScrollArea(panel());
    scroll->setObjectName(QStringLiteral("sheetScroll"));
    scroll->setWidget(m_list);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFocusPolicy(Qt::NoFocus);
    connect(m_done, &QPushButton::clicked, this, &SideSheet::close);
    content()->addWidget(m_what);
    content()->addWidget(scroll, 1);
    content()->addWidget(m_error);
    content()->addWidget(m_done);
    retranslate();
}

void TrainingSheet::start()
{
    m_error->clear();
    reload();
    retranslate();
    open();
}

void TrainingSheet::reload()
{
    // Not called from a switch's own click: the old rows can go at once.
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        if (QLayout *row = item->layout()) {
            while (QLayoutItem *inner = row->takeAt(0)) {
                delete inner->widget();
                delete inner;
            }
        }
        delete item->widget();
        delete item;
    }
    m_switches.clear();
    const Core::Result<QList<Store::StaffMember>> staff = m_session.staffHere();
    if (!staff) {
        m_error->setText(staff.error().message);
        return;
    }
    for (const Store::StaffMember &member : staff.value()) {
        auto *row = new QHBoxLayout;
        auto *name = new QLabel(QStringLiteral("%1\n%2").arg(member.displayName,
                                    Services::Session::roleDisplayName(member.role)),
            m_list);
        name->setWordWrap(true);
        QPushButton *button = touchButton(m_list);
        button->setObjectName(QStringLiteral("trainingSwitch%1").arg(member.id));
        button->setCheckable(true);
        button->setMinimumWidth(220); // "on" and "off" the same size
        const qint64 id = member.id;
        connect(button, &QPushButton::clicked, this, [this, id](bool on) { toggle(id, on); });
        refreshSwitch(button, m_session.isTraining(member.id));
        row->addWidget(name, 1);
        row->addWidget(button);
        m_rows->addLayout(row);
        m_switches.insert(member.id, button);
    }
}

void TrainingSheet::toggle(qint64 staffId, bool on)
{
    QPushButton *button = m_switches.value(staffId);
    const Core::Status switched = m_session.setTraining(staffId, on);
    if (!switched) {
        m_error->setText(switched.error().message);
        if (button)
            refreshSwitch(button, m_session.isTraining(staffId));
        return;
    }
    m_error->clear();
    if (button)
        refreshSwitch(button, m_session.isTraining(staffId));
}

void TrainingSheet::refreshSwitch(QPushButton *button, bool on)
{
    button->setChecked(on);
    button->setProperty("training", on);
    button->setText(on ? tr("Training on") : tr("Off"));
    repolish(button);
}

void TrainingSheet::retranslate()
{
    setTitle(tr("Training mode"));
    m_what->setText(tr("Who is practising? Their sales and returns are marked TRAINING: no stock, "
                       "money, points or cash in the drawer move, and they are left out of every "
                       "report."));
    m_done->setText(tr("Done"));
    for (auto it = m_switches.constBegin(); it != m_switches.constEnd(); ++it)
        refreshSwitch(it.value(), m_session.isTraining(it.key()));
}

void TrainingSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (isOpen())
            reload(); // the roles under the names, in the new language
        retranslate();
    }
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
