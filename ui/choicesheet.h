#pragma once

#include "sidesheet.h"

#include <QFrame>
#include <QStringList>

#include <functional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Toonbank::Ui {

/// Picks one of a few choices (a return's reason, its condition): the question as the title,
/// one large button per choice, the current one marked, and "Go back".
class ChoiceSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChoiceSheet)
public:
    explicit ChoiceSheet(QWidget *host);

    /// `onChosen` gets the index of the tapped choice; the sheet closes first.
    void start(const QString &question, const QStringList &choices, int current,
        std::function<void(int)> onChosen);

private:
    QVBoxLayout *m_choices;
    QList<QPushButton *> m_buttons;
    QPushButton *m_back;
    std::function<void(int)> m_onChosen;
};

} // namespace Toonbank::Ui
