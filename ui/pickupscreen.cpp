#include "pickupscreen.h"

#include "keypad.h"
#include "uihelpers.h"

#include "app/services/pickupservice.h"
#include "app/services/session.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>

namespace Toonbank::Ui {

namespace {

constexpr int codeLength = 6;

QString linesSummary(const Store::StoredPickup &p)
{
    QStringList parts;
    for (const Store::PickupLine &line : p.lines) {
        if (line.remaining() > 0)
            parts.append(QStringLiteral("%1 × %2").arg(line.remaining()).arg(line.name));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

PickupScreen::PickupScreen(
    Services::PickupService &pickups, Services::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_pickups(pickups)
    , m_session(session)
    , m_panes(new QBoxLayout(QBoxLayout::LeftToRight))
    , m_releaseRow(new QHBoxLayout)
    , m_buttonRow(new QHBoxLayout)
    , m_title(roleLabel(this, "title"))
    , m_listEmpty(roleLabel(this, "subtle"))
    , m_listScroll(new QScrollArea(this))
    , m_listBox(new QWidget)
    , m_listLayout(new QVBoxLayout(m_listBox))
    , m_detail(new QWidget(this))
    , m_detailEmpty(roleLabel(m_detail, "subtle"))
    , m_detailBody(new QWidget(m_detail))
    , m_header(roleLabel(m_detailBody, "section"))
    , m_customer(new QLabel(m_detailBody))
    , m_facts(roleLabel(m_detailBody, "subtle"))
    , m_linesCaption(roleLabel(m_detailBody, "caption"))
    , m_linesBox(new QWidget(m_detailBody))
    , m_linesLayout(new QVBoxLayout(m_linesBox))
    , m_checkCaption(roleLabel(m_detailBody, "caption"))
    , m_codeField(roleLabel(m_detailBody, "total"))
    , m_keypad(new Keypad(QStringLiteral("pickup"), m_detailBody))
    , m_checkCode(touchButton(m_detailBody))
    , m_idChecked(touchButton(m_detailBody))
    , m_verified(roleLabel(m_detailBody, "section"))
    , m_message(roleLabel(this, "error"))
    , m_back(touchButton(this))
    , m_notCollected(touchButton(this, "danger"))
    , m_handOver(touchButton(this, "primary"))
{
    setObjectName(QStringLiteral("pickupScreen"));
    m_title->setObjectName(QStringLiteral("pickupTitle"));
    m_listEmpty->setObjectName(QStringLiteral("pickupListEmpty"));
    m_listEmpty->setWordWrap(true);
    m_detailEmpty->setObjectName(QStringLiteral("pickupDetailEmpty"));
    m_detailEmpty->setWordWrap(true);
    m_detailEmpty->setAlignment(Qt::AlignCenter);
    m_header->setObjectName(QStringLiteral("pickupHeader"));
    m_header->setWordWrap(true);
    m_customer->setObjectName(QStringLiteral("pickupCustomer"));
    m_customer->setWordWrap(true);
    m_facts->setObjectName(QStringLiteral("pickupFacts"));
    m_facts->setWordWrap(true);
    m_linesCaption->setWordWrap(true);
    m_checkCaption->setWordWrap(true);
    m_codeField->setObjectName(QStringLiteral("pickupCode"));
    m_codeField->setAlignment(Qt::AlignCenter);
    m_codeField->setMinimumHeight(56);
    m_checkCode->setObjectName(QStringLiteral("pickupCheckCode"));
    m_idChecked->setObjectName(QStringLiteral("pickupIdChecked"));
    m_verified->setObjectName(QStringLiteral("pickupVerified"));
    m_verified->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("pickupMessage"));
    m_message->setWordWrap(true);
    m_back->setObjectName(QStringLiteral("pickupBack"));
    m_notCollected->setObjectName(QStringLiteral("pickupNotCollected"));
    m_handOver->setObjectName(QStringLiteral("pickupHandOver"));

    m_listScroll->setObjectName(QStringLiteral("pickupList"));
    m_listScroll->setWidgetResizable(true);
    m_listScroll->setFrameShape(QFrame::NoFrame);
    m_listScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_listScroll->setWidget(m_listBox);
    m_listLayout->setContentsMargins(0, 0, 8, 0);
    m_listLayout->setSpacing(8);
    m_linesLayout->setContentsMargins(0, 0, 0, 0);
    m_linesLayout->setSpacing(8);

    // The detail: header, customer, facts, lines, the check, then the answer.
    // The check, one column (fits a portrait half too): the code and its keypad, then the
    // two ways to verify, then what was verified.
    // The keypad beside the code and the two ways to verify, so both fit the landscape
    // detail pane without scrolling; the keys are a little smaller than the login's.
    m_keypad->setObjectName(QStringLiteral("pickupKeypad"));
    // As wide as its three columns of keys need (the style sheet sets the key size).
    m_keypad->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    auto *codeColumn = new QVBoxLayout;
    codeColumn->setSpacing(12);
    codeColumn->addWidget(m_codeField);
    codeColumn->addWidget(m_checkCode);
    codeColumn->addWidget(m_idChecked);
    codeColumn->addWidget(m_verified);
    codeColumn->addStretch(1);
    auto *check = new QHBoxLayout;
    check->setSpacing(16);
    check->addWidget(m_keypad, 0, Qt::AlignTop);
    check->addLayout(codeColumn, 1);
    auto *body = new QVBoxLayout(m_detailBody);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(8);
    body->addWidget(m_header);
    body->addWidget(m_customer);
    body->addWidget(m_facts);
    // First the customer's check, then what they take: the order staff work in.
    body->addWidget(m_checkCaption);
    body->addLayout(check);
    body->addWidget(m_linesCaption);
    body->addWidget(m_linesBox);
    body->addStretch(1);
    auto *detailScroll = new QScrollArea(m_detail);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *detailInner = new QWidget;
    auto *inner = new QVBoxLayout(detailInner);
    inner->setContentsMargins(0, 0, 8, 0);
    inner->addWidget(m_detailEmpty, 1);
    inner->addWidget(m_detailBody);
    detailScroll->setWidget(detailInner);
    auto *detailLayout = new QVBoxLayout(m_detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(detailScroll, 1);

    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_listEmpty);
    listColumn->addWidget(m_listScroll, 1);
    m_panes->setSpacing(24);
    m_panes->addLayout(listColumn, 2);
    m_panes->addWidget(m_detail, 3);

    // "Not collected" (a supervisor's, for an overdue order): in landscape in the row, apart
    // from Hand over; in portrait on a row of its own above (resizeEvent), as the three labels
    // do not fit one portrait row.
    auto *release = m_releaseRow;
    release->addStretch(1);
    auto *buttons = m_buttonRow;
    buttons->setSpacing(24);
    buttons->addWidget(m_back, 1);
    buttons->addStretch(1);
    buttons->addWidget(m_notCollected);
    buttons->addWidget(m_handOver, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addLayout(m_panes, 1);
    layout->addWidget(m_message);
    layout->addLayout(release);
    layout->addLayout(buttons);

    connect(m_keypad, &Keypad::digitPressed, this, [this](int digit) {
        if (m_code.size() < codeLength)
            m_code.append(QString::number(digit));
        m_message->clear();
        refreshVerification();
        if (m_code.size() == codeLength)
            checkCode();
    });
    connect(m_keypad, &Keypad::backspacePressed, this, [this] {
        m_code.chop(1);
        refreshVerification();
    });
    connect(m_checkCode, &QPushButton::clicked, this, &PickupScreen::checkCode);
    connect(m_idChecked, &QPushButton::clicked, this, [this] {
        m_message->clear();
        if (const Core::Status ok = m_pickups.confirmId(m_selected); !ok)
            return showError(ok.error().message);
        refreshVerification();
    });
    connect(m_back, &QPushButton::clicked, this, &PickupScreen::closed);
    connect(m_handOver, &QPushButton::clicked, this, &PickupScreen::handOver);
    connect(m_notCollected, &QPushButton::clicked, this, &PickupScreen::notCollected);
    retranslate();
}

QString PickupScreen::ageText(const QDateTime &since, const QDateTime &now)
{
    const qint64 seconds = std::max<qint64>(0, since.secsTo(now));
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(std::max<qint64>(1, seconds / 60)));
    if (seconds < 48 * 3600)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    return tr("%n days ago", nullptr, int(seconds / 86400));
}

void PickupScreen::refresh()
{
    Core::Result<QList<Store::StoredPickup>> list = m_pickups.list();
    if (!list) {
        m_list.clear();
        showError(list.error().message);
    } else {
        m_list = list.value();
    }
    const bool stillThere = std::any_of(m_list.cbegin(), m_list.cend(),
        [this](const Store::StoredPickup &p) { return p.reference == m_selected; });
    if (!stillThere) {
        m_selected.clear();
        m_chosen.clear();
        m_code.clear();
    }
    rebuildList();
    rebuildDetail();
}

void PickupScreen::select(const QString &reference)
{
    if (reference != m_selected) {
        m_selected = reference;
        m_chosen.clear();
        m_code.clear();
    }
    m_message->clear();
    rebuildList();
    rebuildDetail();
}

QString PickupScreen::codeErrorText() const
{
    // The message of the last code check, from the same core rule, in today's language.
    const auto found = m_pickups.pickup(m_selected);
    if (!found)
        return {};
    Core::PickupCodeAttempt attempt;
    attempt.wrongCodes = found->wrongCodes;
    if (m_codeError == QLatin1String("pickup.code_format"))
        attempt.verdict = Core::PickupCodeVerdict::Malformed;
    else if (m_codeError == QLatin1String("pickup.code_locked"))
        attempt.verdict = Core::PickupCodeVerdict::Locked;
    else if (m_codeError == QLatin1String("pickup.code"))
        attempt.verdict = Core::PickupCodeVerdict::Wrong;
    else
        return {};
    const Core::Status status = Core::pickupCodeStatus(attempt, m_selected);
    return status ? QString() : status.error().message;
}

void PickupScreen::showError(const QString &message)
{
    m_codeError.clear();
    setRole(m_message, "error");
    m_message->setText(message);
}

void PickupScreen::showNotice(const QString &message)
{
    m_codeError.clear();
    setRole(m_message, "section");
    m_message->setText(message);
}

void PickupScreen::rebuildList()
{
    while (QLayoutItem *item = m_listLayout->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            // Gone at once for name look-ups too (deleted on the next event loop pass).
            widget->hide();
            widget->setParent(nullptr);
            widget->deleteLater();
        }
        delete item;
    }
    const QDateTime now = m_pickups.clock().nowUtc();
    for (const Store::StoredPickup &p : std::as_const(m_list)) {
        QPushButton *row = touchButton(m_listBox, "tile");
        row->setObjectName(QStringLiteral("pickupRow_%1").arg(p.reference));
        row->setCheckable(true);
        row->setChecked(p.reference == m_selected);
        const QString kind
            = p.kind == Core::PickupKind::Reservation ? tr("Reservation") : tr("Web order");
        QString overdue;
        if (m_pickups.isOverdue(p))
            overdue = QStringLiteral(" · ") + tr("overdue");
        auto *text = new QLabel(row);
        text->setWordWrap(true);
        text->setTextFormat(Qt::RichText);
        text->setAttribute(Qt::WA_TransparentForMouseEvents);
        text->setText(
            QStringLiteral("<b>%1</b> · %2<br>%3 · %4%5<br>%6")
                .arg(p.customerName.toHtmlEscaped(), ageText(p.readyAt, now).toHtmlEscaped(),
                    kind.toHtmlEscaped(), p.reference.left(13).toHtmlEscaped(),
                    overdue.toHtmlEscaped(), linesSummary(p).toHtmlEscaped()));
        auto *rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(12, 8, 12, 8);
        rowLayout->addWidget(text);
        row->setMinimumHeight(text->sizeHint().height() + 16);
        row->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
        const QString reference = p.reference;
        connect(row, &QPushButton::clicked, this, [this, reference] { select(reference); });
        m_listLayout->addWidget(row);
        row->show();
    }
    m_listLayout->addStretch(1);
    m_listEmpty->setVisible(m_list.isEmpty());
    m_listScroll->setVisible(!m_list.isEmpty());
}

void PickupScreen::rebuildDetail()
{
    while (QLayoutItem *item = m_linesLayout->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            // Gone at once for name look-ups too (deleted on the next event loop pass).
            widget->hide();
            widget->setParent(nullptr);
            widget->deleteLater();
        }
        delete item;
    }
    const auto found = std::find_if(m_list.cbegin(), m_list.cend(),
        [this](const Store::StoredPickup &p) { return p.reference == m_selected; });
    const bool has = found != m_list.cend();
    m_detailEmpty->setVisible(!has);
    m_detailBody->setVisible(has);
    if (!has) {
        m_codeLocked = false;
        m_handOver->setEnabled(false);
        m_notCollected->hide();
        return;
    }
    const Store::StoredPickup &p = *found;
    const QLocale locale;
    const QDateTime now = m_pickups.clock().nowUtc();
    const bool reservation = p.kind == Core::PickupKind::Reservation;
    m_header->setText(
        (reservation ? tr("Reservation %1") : tr("Web order %1")).arg(p.reference.left(13)));
    m_customer->setText(p.customerPhone.isEmpty()
            ? p.customerName
            : QStringLiteral("%1 · %2").arg(p.customerName, p.customerPhone));
    QStringList facts;
    facts.append(tr("Ready since %1 (%2)")
                     .arg(locale.toString(p.readyAt.toLocalTime(), QLocale::ShortFormat),
                         ageText(p.readyAt, now)));
    if (reservation && p.expiresAt.isValid())
        facts.append(tr("held until %1")
                         .arg(locale.toString(p.expiresAt.toLocalTime(), QLocale::ShortFormat)));
    facts.append(p.paid ? tr("Paid online") : tr("To be paid now: it goes into the basket"));
    if (p.status == Core::PickupStatus::PartlyCollected)
        facts.append(tr("partly collected before"));
    if (m_pickups.isOverdue(p))
        facts.append(tr("overdue (waiting more than %n day(s))", nullptr, m_pickups.releaseDays()));
    m_facts->setText(facts.join(QStringLiteral(" · ")));

    for (const Store::PickupLine &line : p.lines) {
        if (line.remaining() <= 0)
            continue;
        if (!m_chosen.contains(line.lineId))
            m_chosen.insert(line.lineId, line.remaining());
        auto *frame = new QFrame(m_linesBox);
        setRole(frame, "pane");
        frame->setObjectName(QStringLiteral("pickupLine_%1").arg(line.lineId));
        auto *name = new QLabel(frame);
        name->setWordWrap(true);
        name->setText(QStringLiteral("%1\n%2").arg(line.name,
            line.collected > 0 ? tr("%1 of %2 left (SKU %3)")
                                     .arg(line.remaining())
                                     .arg(line.quantity)
                                     .arg(line.sku)
                               : tr("%1 ordered (SKU %2)").arg(line.quantity).arg(line.sku)));
        QPushButton *minus = touchButton(frame, "step");
        QPushButton *plus = touchButton(frame, "step");
        minus->setObjectName(QStringLiteral("pickupMinus_%1").arg(line.lineId));
        plus->setObjectName(QStringLiteral("pickupPlus_%1").arg(line.lineId));
        minus->setText(QStringLiteral("−"));
        plus->setText(QStringLiteral("+"));
        minus->setAccessibleName(tr("One less"));
        plus->setAccessibleName(tr("One more"));
        auto *count = roleLabel(frame, "section");
        count->setObjectName(QStringLiteral("pickupCount_%1").arg(line.lineId));
        count->setAlignment(Qt::AlignCenter);
        count->setMinimumWidth(48);
        count->setText(QString::number(m_chosen.value(line.lineId)));
        const QString lineId = line.lineId;
        const int remaining = line.remaining();
        auto step = [this, lineId, remaining, count](int delta) {
            const int value = std::clamp(m_chosen.value(lineId) + delta, 0, remaining);
            m_chosen.insert(lineId, value);
            count->setText(QString::number(value));
            m_message->clear();
            refreshVerification();
        };
        connect(minus, &QPushButton::clicked, this, [step] { step(-1); });
        connect(plus, &QPushButton::clicked, this, [step] { step(+1); });
        auto *row = new QHBoxLayout(frame);
        row->setContentsMargins(12, 8, 12, 8);
        row->addWidget(name, 1);
        row->addWidget(minus);
        row->addWidget(count);
        row->addWidget(plus);
        m_linesLayout->addWidget(frame);
        frame->show();
    }
    m_notCollected->setVisible(m_pickups.isOverdue(p));
    m_codeLocked = m_pickups.codeLocked(p.reference);
    refreshVerification();
}

void PickupScreen::refreshVerification()
{
    QString shown;
    for (int i = 0; i < codeLength; ++i)
        shown += i < m_code.size() ? m_code.at(i) : QChar(u'·');
    m_codeField->setText(shown.split(QString(), Qt::SkipEmptyParts).join(QLatin1Char(' ')));
    m_checkCode->setEnabled(m_code.size() == codeLength);
    const auto verified = m_selected.isEmpty() ? std::nullopt : m_pickups.verification(m_selected);
    const bool locked = !verified && m_codeLocked;
    if (locked)
        m_verified->setText(tr("Too many wrong codes. Check the customer's ID instead."));
    else if (!verified)
        m_verified->setText(tr("Not checked yet."));
    else if (*verified == Core::PickupVerification::Code)
        m_verified->setText(tr("✓ Code correct — choose what to hand over."));
    else
        m_verified->setText(tr("✓ ID checked — choose what to hand over."));
    setRole(m_verified, verified ? "saving" : (locked ? "error" : "subtle"));
    m_checkCaption->setText(locked
            ? tr("The code can no longer be used for this order. Check the customer's ID "
                 "against the name.")
            : tr("Check the customer: type the 6-digit pickup code from their message, or "
                 "check their ID against the name."));
    // Checked: the keypad has done its work; the lines and Hand over are what is next.
    // Locked: only the ID check is left.
    m_codeField->setVisible(!verified && !locked);
    m_keypad->setVisible(!verified && !locked);
    m_checkCode->setVisible(!verified && !locked);
    m_idChecked->setVisible(!verified);
    m_checkCaption->setVisible(!verified);
    int units = 0;
    for (const int value : std::as_const(m_chosen))
        units += value;
    m_handOver->setEnabled(verified.has_value() && units > 0);
    m_handOver->setText(units > 0 ? tr("Hand over %n item(s)", nullptr, units) : tr("Hand over"));
    m_handOver->setMinimumWidth(m_handOver->sizeHint().width()); // "1 artikel meegeven" whole
}

QList<Core::HandoverLine> PickupScreen::chosenLines() const
{
    QList<Core::HandoverLine> lines;
    for (auto it = m_chosen.cbegin(); it != m_chosen.cend(); ++it) {
        if (it.value() > 0)
            lines.append({ it.key(), it.value() });
    }
    std::sort(
        lines.begin(), lines.end(), [](const Core::HandoverLine &a, const Core::HandoverLine &b) {
            return a.lineId < b.lineId;
        });
    return lines;
}

void PickupScreen::checkCode()
{
    if (m_selected.isEmpty())
        return;
    const Core::Status ok = m_pickups.verifyCode(m_selected, m_code);
    m_code.clear();
    m_codeLocked = m_pickups.codeLocked(m_selected);
    if (!ok) {
        refreshVerification();
        // Locked: the pane says so in red where the keypad was; not twice on the screen.
        if (m_codeLocked && ok.error().code == QLatin1String("pickup.code_locked"))
            return m_message->clear();
        showError(ok.error().message);
        m_codeError = ok.error().code; // said again in the new language after a switch
        return;
    }
    m_message->clear();
    refreshVerification();
}

void PickupScreen::handOver()
{
    const QString reference = m_selected;
    const auto found = std::find_if(m_list.cbegin(), m_list.cend(),
        [&](const Store::StoredPickup &p) { return p.reference == reference; });
    const bool reservation = found != m_list.cend() && found->kind == Core::PickupKind::Reservation;
    Core::Result<Services::HandoverOutcome> done = m_pickups.handOver(reference, chosenLines());
    if (!done)
        return showError(done.error().message);
    m_chosen.clear();
    m_code.clear();
    refresh();
    if (done->status == Core::PickupStatus::Collected)
        showNotice(tr("%1 handed over — the order is complete.").arg(reference.left(13)));
    else
        showNotice(
            tr("%n item(s) handed over; the rest stays ready for pickup.", nullptr, done->units));
    if (reservation && done->unitsInBasket > 0) {
        showNotice(tr("Handed over. The reserved items are in the basket: take the payment."));
        emit reservationToPay();
    }
}

void PickupScreen::notCollected()
{
    // Taken before the call: the service's change signal refreshes this screen at once.
    const QString reference = m_selected;
    const Core::Status done = m_pickups.markNotCollected(reference);
    if (!done)
        return showError(done.error().message);
    refresh();
    showNotice(tr("%1 marked not collected: the items go back to stock.").arg(reference.left(13)));
}

void PickupScreen::retranslate()
{
    m_title->setText(tr("Pickup"));
    m_listEmpty->setText(tr("Nothing is waiting for pickup at this store."));
    m_detailEmpty->setText(tr("Choose an order on the left to hand it over."));
    m_linesCaption->setText(tr("What the customer takes now"));
    m_checkCode->setText(tr("Check code"));
    m_idChecked->setText(tr("ID checked"));
    m_back->setText(tr("Back to sale"));
    m_back->setMinimumWidth(m_back->sizeHint().width()); // whole label in a portrait row
    m_notCollected->setText(tr("Not collected"));
    m_notCollected->setMinimumWidth(m_notCollected->sizeHint().width());
    if (!m_selected.isEmpty())
        rebuildDetail();
    refreshVerification();
}

void PickupScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // A message from before the switch would stay in the old language: the code check's
        // is said again, any other goes.
        const QString again
            = m_codeError.isEmpty() || m_message->text().isEmpty() ? QString() : codeErrorText();
        const QString code = m_codeError;
        retranslate();
        rebuildList();
        if (again.isEmpty()) {
            m_message->clear();
        } else {
            showError(again);
            m_codeError = code;
        }
    }
    QWidget::changeEvent(event);
}

void PickupScreen::resizeEvent(QResizeEvent *event)
{
    const bool portrait = width() < height();
    m_panes->setDirection(portrait ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    // Portrait: the list a strip on top, the detail (keypad, lines) gets the height.
    m_panes->setStretch(0, portrait ? 1 : 2);
    m_panes->setStretch(1, portrait ? 3 : 3);
    const bool inRow = m_buttonRow->indexOf(m_notCollected) >= 0;
    if (portrait && inRow) {
        m_buttonRow->removeWidget(m_notCollected);
        m_releaseRow->addWidget(m_notCollected);
    } else if (!portrait && !inRow) {
        m_releaseRow->removeWidget(m_notCollected);
        m_buttonRow->insertWidget(m_buttonRow->indexOf(m_handOver), m_notCollected);
    }
    if (portrait)
        m_detailEmpty->setText(tr("Choose an order above to hand it over."));
    else
        m_detailEmpty->setText(tr("Choose an order on the left to hand it over."));
    QWidget::resizeEvent(event);
}

} // namespace Toonbank::Ui
