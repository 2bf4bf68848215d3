#include "scaninterceptor.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>

namespace Toonbank::Ui {

ScanInterceptor::ScanInterceptor(QObject *parent)
    : QObject(parent)
{
    m_activityClock.start();
}

bool ScanInterceptor::burstInProgress() const
{
    return !m_buffer.isEmpty() && m_sinceLastKey.isValid()
        && m_sinceLastKey.elapsed() < maximumGapMs;
}

void ScanInterceptor::reset()
{
    m_buffer.clear();
    m_burstValid = false;
    m_lineEdit.clear();
}

bool ScanInterceptor::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type == QEvent::MouseButtonPress || type == QEvent::TouchBegin
        || type == QEvent::KeyPress) {
        // Throttled: one notice per 200 ms is plenty for an idle lock measured in minutes.
        const qint64 now = m_activityClock.elapsed();
        if (m_lastActivityNotice < 0 || now - m_lastActivityNotice > 200) {
            m_lastActivityNotice = now;
            emit userActivity();
        }
    }
    if (type == QEvent::KeyRelease) {
        m_lastPress = nullptr;
        return false;
    }
    if (type != QEvent::KeyPress || !m_enabled || !watched->isWidgetType())
        return false;
    // An ignored key event travels up the parent chain and reaches this filter once per
    // widget; only its first delivery counts. Every press has its release in between.
    if (event == m_lastPress)
        return false;
    m_lastPress = event;

    auto *key = static_cast<QKeyEvent *>(event);
    if (key->isAutoRepeat())
        return false;
    const qint64 gap = m_sinceLastKey.isValid() ? m_sinceLastKey.elapsed() : maximumGapMs + 1;
    const bool isEnter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;

    if (isEnter) {
        const QString code = m_buffer;
        const bool isScan = m_burstValid && code.size() >= minimumLength && gap <= maximumGapMs;
        QPointer<QLineEdit> edit = m_lineEdit;
        const QString before = m_lineEditTextBefore;
        reset();
        m_sinceLastKey.invalidate();
        if (!isScan)
            return false;
        if (edit && edit->text().endsWith(code))
            edit->setText(before);
        emit scanned(code);
        return true; // the Enter belongs to the scanner, not to the focused widget
    }

    const QString text = key->text();
    if (text.size() != 1 || !text.at(0).isPrint()
        || (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        reset();
        return false;
    }
    if (m_buffer.isEmpty() || gap > maximumGapMs) {
        // A new burst starts with this key.
        m_buffer.clear();
        m_burstValid = true;
        m_lineEdit = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        m_lineEditTextBefore = m_lineEdit ? m_lineEdit->text() : QString();
        if (m_lineEdit && m_lineEdit->hasSelectedText()) {
            // Typing replaces a selection; restoring "before" must not bring it back wrongly.
            m_lineEditTextBefore = m_lineEdit->text();
        }
    }
    m_buffer.append(text);
    m_sinceLastKey.start();
    return false;
}

} // namespace Toonbank::Ui
