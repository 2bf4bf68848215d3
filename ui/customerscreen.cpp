#include "customerscreen.h"

#include "customerformsheet.h"
#include "uihelpers.h"

#include "app/services/saleservice.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>

namespace Toonbank::Ui {

namespace {

enum class FindBy { Card, Phone, Email, Name };

/// What staff typed, read the way they mean it: "@" is an e-mail; a 13-digit number from the
/// in-store range (2…) is a card; other digits (with +, spaces, dashes) a phone; else a name.
FindBy findByFor(const QString &text)
{
    if (text.contains(QLatin1Char('@')))
        return FindBy::Email;
    QString digits;
    bool phoneLike = true;
    for (QChar c : text) {
        if (c.isDigit())
            digits.append(c);
        else if (c != QLatin1Char('+') && c != QLatin1Char(' ') && c != QLatin1Char('-'))
            phoneLike = false;
    }
    if (!phoneLike || digits.isEmpty())
        return FindBy::Name;
    if (digits == text && digits.size() == 13 && digits.startsWith(QLatin1Char('2')))
        return FindBy::Card;
    return FindBy::Phone;
}

QString section(const QString &heading, const QStringList &rows, const QString &none)
{
    QString html = QStringLiteral("<p style='margin:0'><b>%1</b></p>").arg(heading.toHtmlEscaped());
    if (rows.isEmpty())
        html += QStringLiteral("<p style='margin:0; color:#3b4250'>%1</p>")
                    .arg(none.toHtmlEscaped());
    for (const QString &row : rows)
        html += QStringLiteral("<p style='margin:0'>%1</p>").arg(row);
    return html;
}

QString when(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString day(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat);
}

QString points(qint64 value)
{
    return QLocale().toString(value);
}

QLabel *sectionLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setProperty("role", QStringLiteral("section"));
    return label;
}

} // namespace

CustomerScreen::CustomerScreen(Services::CustomerService &customers, Services::SaleService &sale,
    CustomerFormSheet &form, QWidget *parent)
    : QWidget(parent)
    , m_customers(customers)
    , m_sale(sale)
    , m_form(form)
    , m_panes(new QBoxLayout(QBoxLayout::LeftToRight))
    , m_findTitle(roleLabel(this, "title"))
    , m_findHint(roleLabel(this, "subtle"))
    , m_search(new QLineEdit(this))
    , m_find(touchButton(this, "primary"))
    , m_message(roleLabel(this, "error"))
    , m_resultList(new QListWidget(this))
    , m_enrol(touchButton(this))
    , m_back(touchButton(this))
    , m_empty(roleLabel(this, "subtle"))
    , m_profilePane(new QWidget)
    , m_profileScroll(nullptr)
    , m_name(roleLabel(m_profilePane, "title"))
    , m_tier(new QLabel(m_profilePane))
    , m_points(roleLabel(m_profilePane, "points"))
    , m_pointsDetail(new QLabel(m_profilePane))
    , m_offers(sectionLabel(m_profilePane, "profileOffers"))
    , m_ledger(sectionLabel(m_profilePane, "profileLedger"))
    , m_purchases(sectionLabel(m_profilePane, "profilePurchases"))
    , m_purchaseRows(new QWidget(m_profilePane))
    , m_purchaseNotes(sectionLabel(m_profilePane, "profilePurchaseNotes"))
    , m_purchaseMessage(roleLabel(m_profilePane, "subtle"))
    , m_wishlist(sectionLabel(m_profilePane, "profileWishlist"))
    , m_consent(sectionLabel(m_profilePane, "profileConsent"))
    , m_editConsent(touchButton(this))
    , m_attach(touchButton(this, "primary"))
{
    setObjectName(QStringLiteral("customerScreen"));
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setClearButtonEnabled(true);
    m_find->setObjectName(QStringLiteral("customerFind"));
    m_message->setObjectName(QStringLiteral("customerMessage"));
    m_resultList->setObjectName(QStringLiteral("customerResults"));
    m_enrol->setObjectName(QStringLiteral("customerEnrol"));
    m_back->setObjectName(QStringLiteral("customerBack"));
    m_empty->setObjectName(QStringLiteral("profileEmpty"));
    m_name->setObjectName(QStringLiteral("profileName"));
    m_tier->setObjectName(QStringLiteral("profileTier"));
    m_points->setObjectName(QStringLiteral("profilePoints"));
    m_pointsDetail->setObjectName(QStringLiteral("profilePointsDetail"));
    m_pointsDetail->setWordWrap(true);
    m_profilePane->setObjectName(QStringLiteral("profilePane"));
    m_purchaseRows->setObjectName(QStringLiteral("profilePurchaseRows"));
    m_purchaseMessage->setObjectName(QStringLiteral("profilePurchaseMessage"));
    m_purchaseMessage->setWordWrap(true);
    m_purchaseMessage->hide();
    auto *rowsLayout = new QVBoxLayout(m_purchaseRows);
    rowsLayout->setContentsMargins(0, 0, 0, 0);
    rowsLayout->setSpacing(6);
    m_editConsent->setObjectName(QStringLiteral("customerEditConsent"));
    m_attach->setObjectName(QStringLiteral("customerAttach"));
    for (QLabel *label : { m_findTitle, m_findHint, m_message, m_empty, m_name, m_tier, m_points })
        label->setWordWrap(true);
    m_resultList->setFocusPolicy(Qt::NoFocus);
    m_resultList->setWordWrap(true);
    m_resultList->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_resultList->setSpacing(2);
    QScroller::grabGesture(m_resultList->viewport(), QScroller::LeftMouseButtonGesture);

    connect(m_find, &QPushButton::clicked, this, &CustomerScreen::find);
    connect(m_search, &QLineEdit::returnPressed, this, &CustomerScreen::find);
    connect(m_resultList, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int row = m_resultList->row(item);
        if (row >= 0 && row < m_results.size())
            showProfile(m_results.at(row).cardNumber);
    });
    connect(m_enrol, &QPushButton::clicked, this, [this] { m_form.startEnrolment(); });
    connect(m_back, &QPushButton::clicked, this, &CustomerScreen::closed);
    connect(m_attach, &QPushButton::clicked, this, &CustomerScreen::attach);
    connect(m_editConsent, &QPushButton::clicked, this, &CustomerScreen::editConsent);
    connect(&m_form, &CustomerFormSheet::enrolled, this, [this](const QString &card) {
        showProfile(card);
        showInfo(tr("Customer enrolled. Card number %1.").arg(card));
    });
    connect(&m_form, &CustomerFormSheet::consentChanged, this, [this](const QString &card) {
        showProfile(card);
        showInfo(tr("Consent saved."));
    });

    auto *left = new QFrame(this);
    left->setProperty("role", QStringLiteral("pane"));
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(m_findTitle);
    leftLayout->addWidget(m_findHint);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_find);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_message);
    leftLayout->addWidget(m_resultList, 1);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(m_back);
    leftButtons->addWidget(m_enrol, 1);
    leftLayout->addLayout(leftButtons);

    auto *profileLayout = new QVBoxLayout(m_profilePane);
    profileLayout->setContentsMargins(4, 4, 12, 4);
    profileLayout->setSpacing(14);
    profileLayout->addWidget(m_name);
    profileLayout->addWidget(m_tier);
    profileLayout->addWidget(m_points);
    profileLayout->addWidget(m_pointsDetail);
    profileLayout->addWidget(m_offers);
    profileLayout->addWidget(m_ledger);
    auto *purchasesBlock = new QVBoxLayout;
    purchasesBlock->setSpacing(6);
    purchasesBlock->addWidget(m_purchases);
    purchasesBlock->addWidget(m_purchaseRows);
    purchasesBlock->addWidget(m_purchaseMessage);
    purchasesBlock->addWidget(m_purchaseNotes);
    profileLayout->addLayout(purchasesBlock);
    profileLayout->addWidget(m_wishlist);
    profileLayout->addWidget(m_consent);
    profileLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    m_profileScroll = scroll;
    scroll->setObjectName(QStringLiteral("profileScroll"));
    scroll->setWidget(m_profilePane);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QScroller::grabGesture(scroll->viewport(), QScroller::LeftMouseButtonGesture);

    auto *right = new QFrame(this);
    right->setProperty("role", QStringLiteral("pane"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_empty);
    rightLayout->addWidget(scroll, 1);
    auto *rightButtons = new QHBoxLayout;
    rightButtons->addWidget(m_editConsent);
    rightButtons->addWidget(m_attach, 1);
    rightLayout->addLayout(rightButtons);

    m_panes->addWidget(left, 2);
    m_panes->addWidget(right, 3);
    m_panes->setContentsMargins(12, 12, 12, 12);
    m_panes->setSpacing(12);
    setLayout(m_panes);
    retranslate();
}

void CustomerScreen::start(const QString &cardNumber)
{
    m_search->clear();
    m_message->clear();
    m_results.clear();
    m_resultList->clear();
    if (cardNumber.isEmpty()) {
        m_profile.reset();
        renderProfile();
    } else {
        showProfile(cardNumber);
    }
}

void CustomerScreen::handleScan(const QString &code)
{
    Core::Result<Services::CustomerSummary> found = m_customers.findByCard(code);
    if (!found) {
        showError(found.error().message);
        return;
    }
    showResults({ found.value() });
    showProfile(found.value().cardNumber);
}

void CustomerScreen::find()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        showError(tr("Scan the card, or type a phone number, e-mail address or name."));
        return;
    }
    Core::Result<QList<Services::CustomerSummary>> found = QList<Services::CustomerSummary>();
    switch (findByFor(text)) {
    case FindBy::Card: {
        Core::Result<Services::CustomerSummary> one = m_customers.findByCard(text);
        if (one)
            found = QList<Services::CustomerSummary> { one.value() };
        else
            found = one.error();
        break;
    }
    case FindBy::Phone:
        found = m_customers.findByPhone(text);
        break;
    case FindBy::Email:
        found = m_customers.findByEmail(text);
        break;
    case FindBy::Name:
        found = m_customers.findByName(text);
        break;
    }
    if (!found) {
        m_results.clear();
        m_resultList->clear();
        showError(found.error().message);
        return;
    }
    showResults(found.value());
    if (found.value().size() == 1)
        showProfile(found.value().constFirst().cardNumber);
}

void CustomerScreen::showResults(const QList<Services::CustomerSummary> &found)
{
    m_message->clear();
    m_results = found;
    m_resultList->clear();
    for (const Services::CustomerSummary &customer : found) {
        QString text = QStringLiteral("%1\n%2 · %3 · %4")
                           .arg(customer.name, customer.cardNumber, tierDisplayName(customer.tier),
                               tr("%1 points").arg(points(customer.points)));
        if (customer.fromServer)
            text += QLatin1Char('\n')
                + tr("Found online (home store %1)").arg(customer.homeStoreCode);
        auto *item = new QListWidgetItem(text, m_resultList);
        item->setSizeHint(QSize(0, customer.fromServer ? 104 : 76));
        if (customer.cardNumber == shownCard())
            m_resultList->setCurrentItem(item); // which result is open
    }
}

void CustomerScreen::showProfile(const QString &cardNumber)
{
    Core::Result<Services::CustomerProfile> profile = m_customers.profile(cardNumber);
    if (!profile) {
        showError(profile.error().message);
        return;
    }
    m_message->clear();
    m_profile = profile.value();
    for (int row = 0; row < m_results.size(); ++row) {
        if (m_results.at(row).cardNumber == cardNumber)
            m_resultList->setCurrentRow(row); // which result is open
    }
    renderProfile();
}

void CustomerScreen::showError(const QString &message)
{
    setRole(m_message, "error");
    m_message->setText(message);
}

void CustomerScreen::showInfo(const QString &message)
{
    setRole(m_message, "subtle");
    m_message->setText(message);
}

void CustomerScreen::renderProfile()
{
    const bool shown = m_profile.has_value();
    m_empty->setVisible(!shown);
    m_profileScroll->setVisible(shown);
    m_editConsent->setEnabled(shown);
    m_attach->setEnabled(shown);
    const auto &attachedChip = m_sale.view().customer;
    const bool attachedHere
        = shown && attachedChip && attachedChip->cardNumber == m_profile->customer.cardNumber;
    m_attach->setText(attachedHere ? tr("Detach from sale") : tr("Attach to sale"));
    renderPurchases();
    if (!shown)
        return;
    const Services::CustomerProfile &p = *m_profile;
    const Services::CustomerSummary &c = p.customer;
    m_name->setText(c.name);
    QStringList facts
        = { tr("%1 member").arg(tierDisplayName(c.tier)), tr("card %1").arg(c.cardNumber) };
    if (!c.email.isEmpty())
        facts.append(c.email);
    if (!c.phone.isEmpty())
        facts.append(c.phone);
    QString tierLine = facts.join(QStringLiteral(" · "));
    // Enrolled offline, then merged by the server into an existing customer: staff must know
    // that the card they handed out now belongs to this profile.
    if (!p.mergedNotice.isEmpty())
        tierLine += QLatin1Char('\n') + p.mergedNotice
            + (p.mergedFromCard.isEmpty()
                    ? QString()
                    : QLatin1Char(' ') + tr("Card handed out: %1.").arg(p.mergedFromCard));
    m_tier->setText(tierLine);
    m_points->setText(tr("%1 points").arg(points(p.serverPoints + p.pendingPoints)));
    // The pending part is this tablet's, not yet confirmed by the server: said so.
    m_pointsDetail->setText(p.pendingPoints == 0
            ? tr("All confirmed.")
            : tr("%1 confirmed + %2 pending").arg(points(p.serverPoints), points(p.pendingPoints)));

    QStringList offers;
    for (const Services::OfferView &offer : p.personalOffers) {
        QString row = offer.label.toHtmlEscaped();
        if (offer.validUntil.isValid())
            row += QStringLiteral(" · ")
                + tr("until %1").arg(day(offer.validUntil)).toHtmlEscaped();
        offers.append(row);
    }
    m_offers->setText(section(tr("Personal offers"), offers, tr("No personal offers now.")));

    QStringList ledger;
    for (const Services::LedgerEntryView &entry : p.recentLedger) {
        QString row
            = QStringLiteral("%1 · %2 · <b>%3%4</b>")
                  .arg(when(entry.at).toHtmlEscaped(), entry.reference.toHtmlEscaped(),
                      entry.points > 0 ? QStringLiteral("+") : QString(), points(entry.points));
        if (entry.pending)
            row += QStringLiteral(" <i>(%1)</i>").arg(tr("pending").toHtmlEscaped());
        ledger.append(row);
    }
    m_ledger->setText(section(tr("Points history"), ledger, tr("No points yet.")));

    QStringList wishes;
    for (const Services::WishView &wish : p.wishlist) {
        wishes.append(QStringLiteral("%1 · %2").arg(
            (wish.name.isEmpty() ? tr("%1 (no longer sold)").arg(wish.sku) : wish.name)
                .toHtmlEscaped(),
            wish.price.toDisplayString().toHtmlEscaped()));
    }
    m_wishlist->setText(section(tr("Wish list"), wishes, tr("The wish list is empty.")));

    auto yesNo = [](bool yes) { return yes ? tr("yes") : tr("no"); };
    QStringList consent
        = { tr("E-mail: %1 · SMS: %2 · Personal offers: %3")
                  .arg(yesNo(p.consent.email), yesNo(p.consent.sms), yesNo(p.consent.personalised))
                  .toHtmlEscaped() };
    for (const Services::ConsentView &change : p.consentHistory) {
        QString who
            = change.changedBy.isEmpty() ? QString() : QStringLiteral(" · ") + change.changedBy;
        QString source = change.source == QLatin1String("enrolment") ? tr("enrolment")
            : change.source == QLatin1String("server")               ? tr("from the server")
                                                                     : tr("changed");
        consent.append(
            QStringLiteral("<span style='color:#3b4250'>%1 · %2%3: %4</span>")
                .arg(when(change.changedAt).toHtmlEscaped(), source.toHtmlEscaped(),
                    who.toHtmlEscaped(),
                    tr("e-mail %1, SMS %2, personal %3")
                        .arg(yesNo(change.email), yesNo(change.sms), yesNo(change.personalised))
                        .toHtmlEscaped()));
    }
    if (p.consentHistory.isEmpty())
        consent.append(QStringLiteral("<span style='color:#3b4250'>%1</span>")
                           .arg(tr("No changes recorded on this tablet.").toHtmlEscaped()));
    m_consent->setText(section(tr("Consent"), consent, QString()));
}

void CustomerScreen::renderPurchases()
{
    m_purchaseMessage->hide();
    QLayout *rows = m_purchaseRows->layout();
    while (QLayoutItem *item = rows->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->setParent(nullptr); // out of findChild() at once
            widget->deleteLater();
        }
        delete item;
    }
    if (!m_profile)
        return;
    const Services::CustomerProfile &p = *m_profile;
    for (qsizetype i = 0; i < p.purchases.size(); ++i) {
        const Services::PurchaseView &purchase = p.purchases.at(i);
        // When and where it was bought: a web order says so (the server gives no date), a
        // store sale its time and store.
        const bool web = purchase.channel == QLatin1String("web");
        QStringList parts;
        if (web) {
            parts.append(tr("Web order"));
        } else {
            if (purchase.soldAt.isValid())
                parts.append(when(purchase.soldAt));
            parts.append(purchase.storeCode.isEmpty() ? tr("store") : purchase.storeCode);
        }
        parts.append(purchase.receiptNumber);
        if (purchase.itemCount > 0)
            parts.append(tr("%n item(s)", nullptr, purchase.itemCount));
        parts.append(purchase.total.toDisplayString());
        const QString n = QString::number(i);
        auto *row = new QWidget(m_purchaseRows);
        row->setObjectName(QStringLiteral("profilePurchase") + n);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto *text = new QLabel(parts.join(QStringLiteral(" · ")), row);
        text->setObjectName(QStringLiteral("profilePurchaseText") + n);
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        rowLayout->addWidget(text, 1);
        if (m_returnsAvailable && !purchase.receiptNumber.isEmpty()) {
            auto *action = touchButton(row);
            action->setObjectName(QStringLiteral("profilePurchaseReturn") + n);
            action->setText(tr("Return…"));
            action->setAccessibleName(tr("Return %1").arg(purchase.receiptNumber));
            const QString number = purchase.receiptNumber;
            // Offline history is this tablet's own (historyFromServer false); online history
            // names other stores' sales and web orders, which need the network to come back.
            const bool ownSale
                = !p.historyFromServer || (m_offline && !web && m_isOwnSale && m_isOwnSale(number));
            connect(action, &QPushButton::clicked, this,
                [this, number, ownSale] { requestReturn(number, ownSale); });
            rowLayout->addWidget(action, 0, Qt::AlignTop);
        }
        rows->addWidget(row);
        row->show(); // at once, not on the next pass of the event loop
    }
    QString html = section(tr("Purchases"), {},
        p.purchases.isEmpty() ? (
            p.historyFromServer ? tr("No purchases yet.") : tr("No purchases on this tablet yet."))
                              : QString());
    if (!p.purchases.isEmpty())
        html = QStringLiteral("<p style='margin:0'><b>%1</b></p>")
                   .arg(tr("Purchases").toHtmlEscaped());
    m_purchases->setText(html);

    QStringList notes;
    // Offline (or the server did not answer): other stores and the web shop are missing.
    if (!p.historyFromServer)
        notes.append(tr("Offline: showing this tablet's purchases only."));
    else if (m_offline && m_returnsAvailable && !p.purchases.isEmpty())
        notes.append(tr("Offline: only this tablet's own sales can be returned now."));
    if (p.lastSeenAt.isValid())
        notes.append(tr("Last seen in a store or the web shop: %1").arg(day(p.lastSeenAt)));
    QString notesHtml;
    for (const QString &note : std::as_const(notes))
        notesHtml += QStringLiteral("<p style='margin:0; color:#3b4250'>%1</p>")
                         .arg(note.toHtmlEscaped());
    m_purchaseNotes->setText(notesHtml);
    m_purchaseNotes->setVisible(!notes.isEmpty());
}

void CustomerScreen::requestReturn(const QString &number, bool ownSale)
{
    if (m_offline && !ownSale) {
        // Another store's sale or a web order: only the server knows what is still returnable.
        m_purchaseMessage->setText(
            tr("%1 was not sold on this tablet: returning it needs the network. Try again once "
               "the tablet is back online.")
                .arg(number));
        m_purchaseMessage->show();
        if (auto *scroll = qobject_cast<QScrollArea *>(m_profileScroll))
            scroll->ensureWidgetVisible(m_purchaseMessage);
        return;
    }
    emit returnRequested(number);
}

void CustomerScreen::setReturnsAvailable(bool available)
{
    if (m_returnsAvailable == available)
        return;
    m_returnsAvailable = available;
    renderProfile();
}

void CustomerScreen::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    renderProfile();
}

void CustomerScreen::setOwnSaleCheck(std::function<bool(const QString &)> isOwnSale)
{
    m_isOwnSale = std::move(isOwnSale);
    renderProfile();
}

void CustomerScreen::attach()
{
    if (!m_profile)
        return;
    const auto &attachedChip = m_sale.view().customer;
    if (attachedChip && attachedChip->cardNumber == m_profile->customer.cardNumber) {
        m_sale.detachCustomer();
        renderProfile();
        showInfo(tr("Customer detached from the sale."));
        return;
    }
    const Core::Status attached = m_sale.attachCustomer(m_profile->customer.cardNumber);
    if (!attached) {
        showError(attached.error().message);
        return;
    }
    emit this->attached();
}

void CustomerScreen::editConsent()
{
    if (!m_profile)
        return;
    m_form.startConsent(m_profile->customer.cardNumber, m_profile->customer.name,
        m_profile->consent.email, m_profile->consent.sms, m_profile->consent.personalised);
}

void CustomerScreen::retranslate()
{
    m_findTitle->setText(tr("Find a customer"));
    m_findHint->setText(
        tr("Scan the loyalty card or the app's QR code, or type a phone number, e-mail "
           "address or name."));
    m_search->setPlaceholderText(tr("Phone, e-mail, name or card number"));
    m_find->setText(tr("Find"));
    m_enrol->setText(tr("New customer"));
    m_back->setText(tr("Back"));
    m_empty->setText(tr("Find a customer or enrol a new one. Their profile appears here."));
    m_editConsent->setText(tr("Edit consent"));
    if (!m_results.isEmpty())
        showResults(m_results);
    renderProfile();
}

void CustomerScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CustomerScreen::resizeEvent(QResizeEvent *event)
{
    m_panes->setDirection(width() < height() ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    QWidget::resizeEvent(event);
}

} // namespace Toonbank::Ui
