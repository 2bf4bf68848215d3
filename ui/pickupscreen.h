#pragma once

#include "app/store/pickupstore.h"

#include <QHash>
#include <QWidget>

class QBoxLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace Toonbank::Services {
class PickupService;
class Session;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class Keypad;

/// Click-and-collect at the counter (SCREENS.md "Pickup", docs/STOCK.md §6). Left: the orders
/// and reservations ready at this store, oldest first, each with its age, customer, reference
/// and lines. Right: the chosen one — its lines with a stepper each (all remaining units by
/// default), the customer's check (the pickup code on a keypad, or "ID checked"), then Hand
/// over; "Not collected" for an overdue one (supervisor or manager). Each step says what comes
/// next; refusals show in plain words on the pane. After five wrong codes for a pickup its
/// code check is locked (kept across restarts): the keypad goes, the pane says "Too many wrong
/// codes. Check the customer's ID instead." and only "ID checked" remains. Portrait stacks the
/// list over the detail.
class PickupScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PickupScreen)
public:
    PickupScreen(
        Services::PickupService &pickups, Services::Session &session, QWidget *parent = nullptr);

    /// Reloads the list from the cache; keeps the chosen pickup when it is still open.
    void refresh();
    /// Chooses a pickup by reference (as a tap on its row does).
    void select(const QString &reference);
    QString selected() const { return m_selected; }
    QString codeErrorText() const;
    void showError(const QString &message);
    void showNotice(const QString &message);
    /// "12 min ago", "3 h ago", "2 days ago".
    static QString ageText(const QDateTime &since, const QDateTime &now);

signals:
    /// Back to selling.
    void closed();
    /// A reservation was handed over: its products are in the basket, to be paid.
    void reservationToPay();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void rebuildList();
    void rebuildDetail();
    void refreshVerification();
    void checkCode();
    void handOver();
    void notCollected();
    QList<Core::HandoverLine> chosenLines() const;

    Services::PickupService &m_pickups;
    Services::Session &m_session;
    QList<Store::StoredPickup> m_list;
    QString m_selected;
    QHash<QString, int> m_chosen; // line id → units to hand over now
    QString m_code;
    QString m_codeError; // code of the code check's message on screen (re-said on a switch)
    bool m_codeLocked = false; // the chosen pickup's code check is locked (too many wrong codes)

    QBoxLayout *m_panes;
    QHBoxLayout *m_releaseRow; // portrait: "Not collected" alone above the buttons
    QHBoxLayout *m_buttonRow;
    QLabel *m_title;
    QLabel *m_listEmpty;
    QScrollArea *m_listScroll;
    QWidget *m_listBox;
    QVBoxLayout *m_listLayout;
    QWidget *m_detail;
    QLabel *m_detailEmpty;
    QWidget *m_detailBody;
    QLabel *m_header;
    QLabel *m_customer;
    QLabel *m_facts;
    QLabel *m_linesCaption;
    QWidget *m_linesBox;
    QVBoxLayout *m_linesLayout;
    QLabel *m_checkCaption;
    QLabel *m_codeField;
    Keypad *m_keypad;
    QPushButton *m_checkCode;
    QPushButton *m_idChecked;
    QLabel *m_verified;
    QLabel *m_message;
    QPushButton *m_back;
    QPushButton *m_notCollected;
    QPushButton *m_handOver;
};

} // namespace Toonbank::Ui
