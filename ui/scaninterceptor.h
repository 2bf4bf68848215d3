#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

class QLineEdit;

namespace Toonbank::Ui {

/// Recognises a hand scanner acting as a keyboard ("keyboard wedge") anywhere in the app: a
/// burst of at least minimumLength characters, each within maximumGapMs of the previous one,
/// ended by Enter. Keys pass through as typed (a person's typing is never delayed); when the
/// burst turns out to be a scan, the Enter is swallowed, a line edit that received the burst
/// gets its text back, and scanned() is emitted.
class ScanInterceptor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScanInterceptor)
public:
    static constexpr int minimumLength = 6;
    static constexpr int maximumGapMs = 50;

    explicit ScanInterceptor(QObject *parent = nullptr);

    /// True while keys arrive faster than a person types: the search box waits for the
    /// burst to end instead of searching for every digit of a barcode.
    bool burstInProgress() const;
    void setEnabled(bool enabled) { m_enabled = enabled; }

signals:
    void scanned(const QString &code);
    /// Any key or touch: the session's idle lock listens.
    void userActivity();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reset();

    bool m_enabled = true;
    QString m_buffer;
    QElapsedTimer m_sinceLastKey;
    bool m_burstValid = false;
    const QEvent *m_lastPress = nullptr; // identity only, never dereferenced
    QPointer<QLineEdit> m_lineEdit;
    QString m_lineEditTextBefore;
    qint64 m_lastActivityNotice = -1;
    QElapsedTimer m_activityClock;
};

} // namespace Toonbank::Ui
