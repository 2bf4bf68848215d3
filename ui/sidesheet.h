#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;
class QFrame;
class QScrollArea;

namespace Toonbank::Ui {

/// A full-height side sheet over the whole window (never a small dialog): a dimmed scrim over
/// what is behind and a panel on the right with a title, the content and its buttons. It
/// follows the window's size; in portrait the panel takes nearly the whole width.
class SideSheet : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SideSheet)
public:
    /// `host`: the window the sheet covers (its parent).
    explicit SideSheet(QWidget *host);

    void open();
    void close();
    bool isOpen() const { return isVisible(); }

signals:
    void closed();

protected:
    QVBoxLayout *content() const { return m_content; }
    void setTitle(const QString &title);
    QFrame *panel() const { return m_panel; }
    /// `form` in a scroll area of the panel ("sheetScroll"): it scrolls up and down only, without
    /// a frame, and follows a swipe; the sheet's buttons stay below it.
    QScrollArea *scrollingForm(QWidget *form);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void fitToHost();

    QFrame *m_panel;
    QLabel *m_title;
    QVBoxLayout *m_content;
};

} // namespace Toonbank::Ui
