#pragma once

#include "app/store/catalogtypes.h"

#include <QWidget>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace Toonbank::Services {
class SaleService;
class Session;
class SyncStatus;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class Language;
class CatalogLoadBar;
class SyncChip;

/// Tap your name, then your PIN on a big pad. Per-staff salted hashes make PIN-only
/// identification impossible, so the name comes first. Language switch NL/EN on the side;
/// the choice is kept on the device.
class LoginScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginScreen)
public:
    LoginScreen(Services::Session &session, Services::SaleService &sale,
        Services::SyncStatus &syncStatus, Language &language, QWidget *parent = nullptr);

    /// Reloads the staff tiles and clears the PIN; `idleLocked` shows why the screen is back.
    void reset(bool idleLocked = false);
    /// The staff tiles scroll (finger or scroll bar) when a store has more than fit.
    QScrollArea *staffTileArea() const { return m_tileScroll; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void retranslate();
    void pressDigit(int digit);
    void backspace();
    void submit();
    void updatePinDisplay();
    void selectStaff(qint64 staffId);
    void chooseLanguage(const QString &code);
    void updateTileTexts();

    Services::Session &m_session;
    Services::SaleService &m_sale;
    Language &m_language;
    QList<Store::StaffMember> m_staff;
    qint64 m_selectedStaff = 0;
    QString m_pin;
    bool m_idleLocked = false;

    QLabel *m_title;
    QLabel *m_hint;
    QScrollArea *m_tileScroll;
    QWidget *m_tiles;
    QGridLayout *m_tileLayout;
    QButtonGroup *m_tileGroup;
    QLabel *m_pinDisplay;
    QLabel *m_error;
    QPushButton *m_backspace;
    QPushButton *m_ok;
    QLabel *m_languageLabel;
    QPushButton *m_dutch;
    QPushButton *m_english;
    SyncChip *m_sync;
    CatalogLoadBar *m_catalogLoad;
};

} // namespace Toonbank::Ui
