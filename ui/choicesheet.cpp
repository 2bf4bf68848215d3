#include "choicesheet.h"

#include "uihelpers.h"

#include <QPushButton>
#include <QVBoxLayout>

namespace Toonbank::Ui {

ChoiceSheet::ChoiceSheet(QWidget *host)
    : SideSheet(host)
    , m_choices(new QVBoxLayout)
    , m_back(touchButton(panel()))
{
    setObjectName(QStringLiteral("choiceSheet"));
    m_back->setObjectName(QStringLiteral("choiceBack"));
    m_choices->setSpacing(12);
    content()->addLayout(m_choices);
    content()->addStretch(1);
    content()->addWidget(m_back);
    connect(m_back, &QPushButton::clicked, this, &SideSheet::close);
}

void ChoiceSheet::start(const QString &question, const QStringList &choices, int current,
    std::function<void(int)> onChosen)
{
    setTitle(question);
    m_back->setText(tr("Go back"));
    m_onChosen = std::move(onChosen);
    // The buttons are reused: one sheet serves every question.
    while (m_buttons.size() < choices.size()) {
        auto *button = touchButton(panel());
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("choice%1").arg(m_buttons.size()));
        const int index = int(m_buttons.size());
        connect(button, &QPushButton::clicked, this, [this, index] {
            const std::function<void(int)> chosen = std::move(m_onChosen);
            m_onChosen = nullptr;
            close();
            if (chosen)
                chosen(index);
        });
        m_choices->addWidget(button);
        m_buttons.append(button);
    }
    for (int i = 0; i < m_buttons.size(); ++i) {
        QPushButton *button = m_buttons.at(i);
        button->setVisible(i < choices.size());
        if (i < choices.size())
            button->setText(choices.at(i));
        button->setChecked(i == current);
    }
    open();
}

} // namespace Toonbank::Ui
