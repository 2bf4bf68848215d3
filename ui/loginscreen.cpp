#include "loginscreen.h"

#include "language.h"
#include "uihelpers.h"

#include "app/services/checkoutservice.h"
#include "app/services/session.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QBoxLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {
constexpr int maxPinLength = 8;
} // namespace

LoginScreen::LoginScreen(Services::Session &session, Services::CheckoutService &checkout, Language &language,
                         QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_checkout(checkout)
    , m_language(language)
    , m_title(roleLabel(this, "title"))
    , m_hint(roleLabel(this, "subtle"))
    , m_tiles(new QWidget(this))
    , m_tileLayout(new QGridLayout(m_tiles))
    , m_tileGroup(new QButtonGroup(this))
    , m_pinDisplay(roleLabel(this, "pin"))
    , m_error(roleLabel(this, "error"))
    , m_backspace(touchButton(this, "key"))
    , m_ok(touchButton(this, "key"))
    , m_languageLabel(roleLabel(this, "subtle"))
    , m_dutch(touchButton(this))
    , m_english(touchButton(this))
    , m_sync(roleLabel(this, "subtle"))
{
    setObjectName(QStringLiteral("loginScreen"));
    setFocusPolicy(Qt::StrongFocus); // takes digits typed on a keyboard, too
    m_tileGroup->setExclusive(true);
    m_pinDisplay->setObjectName(QStringLiteral("pinDisplay"));
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_hint->setWordWrap(true);
    m_title->setWordWrap(true);
    m_ok->setObjectName(QStringLiteral("pinOk"));
    m_backspace->setObjectName(QStringLiteral("pinBackspace"));
    m_backspace->setText(QStringLiteral("⌫"));
    m_dutch->setObjectName(QStringLiteral("languageNl"));
    m_english->setObjectName(QStringLiteral("languageEn"));
    m_dutch->setText(QStringLiteral("NL"));
    m_english->setText(QStringLiteral("EN"));
    m_dutch->setCheckable(true);
    m_english->setCheckable(true);
    m_pinDisplay->setAlignment(Qt::AlignCenter);

    auto *pad = new QGridLayout;
    pad->setSpacing(12);
    for (int digit = 0; digit <= 9; ++digit) {
        QPushButton *key = touchButton(this, "key");
        key->setObjectName(QStringLiteral("pinKey%1").arg(digit));
        key->setText(QString::number(digit));
        connect(key, &QPushButton::clicked, this, [this, digit] { pressDigit(digit); });
        if (digit == 0)
            pad->addWidget(key, 3, 1);
        else
            pad->addWidget(key, (digit - 1) / 3, (digit - 1) % 3);
    }
    pad->addWidget(m_backspace, 3, 0);
    pad->addWidget(m_ok, 3, 2);
    setRole(m_ok, "key");
    connect(m_backspace, &QPushButton::clicked, this, &LoginScreen::backspace);
    connect(m_ok, &QPushButton::clicked, this, &LoginScreen::submit);
    connect(m_dutch, &QPushButton::clicked, this, [this] { m_language.setLanguage(QStringLiteral("nl")); });
    connect(m_english, &QPushButton::clicked, this, [this] { m_language.setLanguage(QStringLiteral("en")); });

    m_tileLayout->setSpacing(12);
    auto *left = new QVBoxLayout;
    left->addWidget(m_title);
    left->addWidget(m_hint);
    left->addWidget(m_tiles);
    left->addStretch(1);

    auto *middle = new QVBoxLayout;
    middle->addWidget(m_pinDisplay);
    middle->addLayout(pad);
    middle->addWidget(m_error);
    middle->addStretch(1);

    auto *right = new QVBoxLayout;
    right->addWidget(m_languageLabel);
    auto *languages = new QHBoxLayout;
    languages->addWidget(m_dutch);
    languages->addWidget(m_english);
    right->addLayout(languages);
    right->addStretch(1);
    right->addWidget(m_sync);

    auto *layout = new QBoxLayout(QBoxLayout::LeftToRight, this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(40);
    layout->addLayout(left, 3);
    layout->addLayout(middle, 3);
    layout->addLayout(right, 1);
    retranslate();
}

void LoginScreen::reset(bool idleLocked)
{
    m_idleLocked = idleLocked;
    m_pin.clear();
    m_selectedStaff = 0;
    m_error->clear();
    for (QAbstractButton *button : m_tileGroup->buttons())
        m_tileGroup->removeButton(button);
    while (QLayoutItem *item = m_tileLayout->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            widget->setObjectName(QString());
            widget->hide();
            widget->deleteLater(); // may be the button whose click is being handled
        }
        delete item;
    }
    Core::Result<QList<Store::StaffMember>> staff = m_session.staffHere();
    m_staff = staff ? staff.value() : QList<Store::StaffMember>();
    if (!staff)
        m_error->setText(staff.error().message);
    int index = 0;
    for (const Store::StaffMember &member : std::as_const(m_staff)) {
        QPushButton *tile = touchButton(m_tiles, "tile");
        tile->setObjectName(QStringLiteral("staffTile%1").arg(member.id));
        tile->setCheckable(true);
        tile->setText(QStringLiteral("%1\n%2").arg(member.displayName, Services::Session::roleDisplayName(member.role)));
        m_tileGroup->addButton(tile);
        const qint64 id = member.id;
        connect(tile, &QPushButton::clicked, this, [this, id] { selectStaff(id); });
        m_tileLayout->addWidget(tile, index / 2, index % 2);
        ++index;
    }
    if (m_staff.size() == 1)
        selectStaff(m_staff.first().id);
    retranslate();
    setFocus();
}

void LoginScreen::selectStaff(qint64 staffId)
{
    m_selectedStaff = staffId;
    m_pin.clear();
    m_error->clear();
    for (QAbstractButton *button : m_tileGroup->buttons())
        button->setChecked(button->objectName() == QStringLiteral("staffTile%1").arg(staffId));
    updatePinDisplay();
}

void LoginScreen::pressDigit(int digit)
{
    if (m_pin.size() >= maxPinLength)
        return;
    m_pin.append(QChar(u'0' + digit));
    m_error->clear();
    updatePinDisplay();
}

void LoginScreen::backspace()
{
    m_pin.chop(1);
    updatePinDisplay();
}

void LoginScreen::submit()
{
    if (m_selectedStaff == 0) {
        m_error->setText(tr("Tap your name first."));
        return;
    }
    const QString pin = m_pin;
    m_pin.clear();
    updatePinDisplay();
    Core::Result<Store::StaffMember> member = m_session.logIn(m_selectedStaff, pin);
    if (!member)
        m_error->setText(member.error().message);
}

void LoginScreen::updatePinDisplay()
{
    m_pinDisplay->setText(m_pin.isEmpty() ? QStringLiteral(" ") : QString(m_pin.size(), QChar(u'●')));
}

void LoginScreen::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_0 && key <= Qt::Key_9)
        pressDigit(key - Qt::Key_0);
    else if (key == Qt::Key_Backspace)
        backspace();
    else if (key == Qt::Key_Return || key == Qt::Key_Enter)
        submit();
    else
        QWidget::keyPressEvent(event);
}

void LoginScreen::retranslate()
{
    m_title->setText(m_checkout.location().name.isEmpty() ? tr("Toonbank") : m_checkout.location().name);
    m_hint->setText(m_idleLocked ? tr("Locked after a period without use. Tap your name and enter your PIN.")
                                 : tr("Tap your name and enter your PIN."));
    m_ok->setText(tr("OK"));
    m_languageLabel->setText(tr("Language"));
    m_dutch->setChecked(m_language.current() == QLatin1String("nl"));
    m_english->setChecked(m_language.current() == QLatin1String("en"));
    for (QAbstractButton *button : m_tileGroup->buttons()) {
        const qint64 id = button->objectName().mid(9).toLongLong();
        for (const Store::StaffMember &member : std::as_const(m_staff)) {
            if (member.id == id)
                button->setText(QStringLiteral("%1\n%2").arg(member.displayName,
                                                             Services::Session::roleDisplayName(member.role)));
        }
    }
    const int waiting = m_checkout.waitingEventCount();
    m_sync->setText(waiting > 0 ? tr("offline — %n waiting", nullptr, waiting) : tr("offline"));
    updatePinDisplay();
}

void LoginScreen::resizeEvent(QResizeEvent *event)
{
    // Portrait stacks the columns.
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->setDirection(width() < height() ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    QWidget::resizeEvent(event);
}

void LoginScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
