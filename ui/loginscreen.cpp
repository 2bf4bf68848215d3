#include "loginscreen.h"

#include "language.h"
#include "syncchip.h"
#include "uihelpers.h"

#include "app/services/saleservice.h"
#include "app/services/session.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QScroller>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {
constexpr int maxPinLength = 8;

// A button whose wrapped labels inside decide its height. A grid in a scroll area does not
// ask a button for height-for-width, so the tile raises its own minimum once it knows its
// width (the width never depends on the height: this settles in one pass).
class StaffTile final : public QPushButton
{
public:
    using QPushButton::QPushButton;

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPushButton::resizeEvent(event);
        const int needed
            = qMax(minimumTileHeight, layout() ? layout()->totalHeightForWidth(width()) : 0);
        if (needed != minimumHeight())
            setMinimumHeight(needed);
    }

private:
    static constexpr int minimumTileHeight = 96;
};

// A staff tile: the name in bold over the role, each a label that wraps, so a long name or
// role ("Kassamedewerker") is never cut by the tile's edge.
QPushButton *staffTile(QWidget *parent, const Store::StaffMember &member)
{
    auto *tile = new StaffTile(parent);
    tile->setFocusPolicy(Qt::NoFocus); // as touchButton(): the scanner's keys never land on it
    tile->setProperty("role", QStringLiteral("tile"));
    tile->setObjectName(QStringLiteral("staffTile%1").arg(member.id));
    tile->setCheckable(true);
    tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    auto *layout = new QVBoxLayout(tile);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    for (const char *role : { "tileName", "tileRole" }) {
        QLabel *label = roleLabel(tile, role);
        label->setObjectName(QString::fromLatin1(role));
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setAttribute(Qt::WA_TransparentForMouseEvents); // the tile takes the tap
        layout->addWidget(label);
    }
    return tile;
}

} // namespace

LoginScreen::LoginScreen(Services::Session &session, Services::SaleService &sale,
    Services::SyncStatus &syncStatus, Language &language, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_sale(sale)
    , m_language(language)
    , m_title(roleLabel(this, "title"))
    , m_hint(roleLabel(this, "subtle"))
    , m_tileScroll(new QScrollArea(this))
    , m_tiles(new QWidget(m_tileScroll))
    , m_tileLayout(new QGridLayout(m_tiles))
    , m_tileGroup(new QButtonGroup(this))
    , m_pinDisplay(roleLabel(this, "pin"))
    , m_error(roleLabel(this, "error"))
    , m_backspace(touchButton(this, "key"))
    , m_ok(touchButton(this, "key"))
    , m_languageLabel(roleLabel(this, "subtle"))
    , m_dutch(touchButton(this))
    , m_english(touchButton(this))
    , m_sync(new SyncChip(syncStatus, this))
    , m_catalogLoad(new CatalogLoadBar(syncStatus, this))
{
    setObjectName(QStringLiteral("loginScreen"));
    setFocusPolicy(Qt::StrongFocus); // takes digits typed on a keyboard, too
    m_tileGroup->setExclusive(true);
    // The same state as the top bar's chip; the details need a login, so no tap here.
    m_sync->setObjectName(QStringLiteral("loginSyncChip"));
    m_sync->setAttribute(Qt::WA_TransparentForMouseEvents);
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
    connect(m_dutch, &QPushButton::clicked, this, [this] { chooseLanguage(QStringLiteral("nl")); });
    connect(
        m_english, &QPushButton::clicked, this, [this] { chooseLanguage(QStringLiteral("en")); });

    m_tileLayout->setSpacing(12);
    m_tileLayout->setContentsMargins(0, 0, 8, 0);
    m_tileLayout->setAlignment(Qt::AlignTop);
    m_tileScroll->setObjectName(QStringLiteral("staffTiles"));
    m_tileScroll->setWidget(m_tiles);
    m_tileScroll->setWidgetResizable(true);
    m_tileScroll->setFrameShape(QFrame::NoFrame);
    m_tileScroll->setFocusPolicy(Qt::NoFocus);
    m_tileScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tileScroll->viewport()->setAutoFillBackground(false);
    m_tiles->setAutoFillBackground(false);
    // Touch: a finger drags the list with kinetic scrolling; a tap still selects a tile.
    QScroller::grabGesture(m_tileScroll->viewport(), QScroller::TouchGesture);
    auto *left = new QVBoxLayout;
    left->addWidget(m_title);
    left->addWidget(m_hint);
    left->addWidget(m_tileScroll, 1);

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
    right->addWidget(m_catalogLoad);
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
        QPushButton *tile = staffTile(m_tiles, member);
        m_tileGroup->addButton(tile);
        const qint64 id = member.id;
        connect(tile, &QPushButton::clicked, this, [this, id] { selectStaff(id); });
        m_tileLayout->addWidget(tile, index / 2, index % 2);
        ++index;
    }
    m_tileScroll->verticalScrollBar()->setValue(0);
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
    const QString tileName = QStringLiteral("staffTile%1").arg(staffId);
    for (QAbstractButton *button : m_tileGroup->buttons()) {
        const bool selected = button->objectName() == tileName;
        button->setChecked(selected);
        // The labels inside follow the tile's colours (a stylesheet cannot see the parent's state).
        for (QLabel *label : button->findChildren<QLabel *>()) {
            label->setProperty("selected", selected);
            repolish(label);
        }
        if (selected)
            m_tileScroll->ensureWidgetVisible(button);
    }
    updatePinDisplay();
}

void LoginScreen::chooseLanguage(const QString &code)
{
    m_language.setLanguage(code);
    // Kept on the device: the next start comes back in it (see MainWindow).
    if (const Core::Status stored = m_session.setPreferredLanguage(m_language.current()); !stored)
        m_error->setText(stored.error().message);
}

void LoginScreen::updateTileTexts()
{
    for (QAbstractButton *button : m_tileGroup->buttons()) {
        const qint64 id = button->objectName().mid(9).toLongLong();
        for (const Store::StaffMember &member : std::as_const(m_staff)) {
            if (member.id != id)
                continue;
            if (auto *name = button->findChild<QLabel *>(QStringLiteral("tileName")))
                name->setText(member.displayName);
            if (auto *role = button->findChild<QLabel *>(QStringLiteral("tileRole")))
                role->setText(Services::Session::roleDisplayName(member.role));
            button->setAccessibleName(member.displayName);
        }
    }
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
    m_pinDisplay->setText(
        m_pin.isEmpty() ? QStringLiteral(" ") : QString(m_pin.size(), QChar(u'●')));
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
    m_title->setText(m_sale.location().name.isEmpty() ? tr("Toonbank") : m_sale.location().name);
    m_hint->setText(m_idleLocked
            ? tr("Locked after a period without use. Tap your name and enter your PIN.")
            : tr("Tap your name and enter your PIN."));
    m_ok->setText(tr("OK"));
    m_languageLabel->setText(tr("Language"));
    m_dutch->setChecked(m_language.current() == QLatin1String("nl"));
    m_english->setChecked(m_language.current() == QLatin1String("en"));
    updateTileTexts();
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
