#pragma once

#include <QLocale>
#include <QObject>
#include <QTranslator>

namespace Toonbank::Ui {

/// Switches the UI language at run time: installs the shipped translation and makes the
/// matching locale the default, so euro amounts read "€ 12,50" in Dutch. Qt then sends every
/// widget a LanguageChange event and the screens retranslate themselves.
class Language final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Language)
public:
    explicit Language(QObject *parent = nullptr);

    /// "nl" or "en"; anything else falls back to "nl".
    bool setLanguage(const QString &code);
    const QString &current() const { return m_current; }
    static QLocale localeFor(const QString &code);
    /// True when the language was asked for explicitly for this run (main()'s --lang): it then
    /// wins over the one saved on the device, which MainWindow otherwise restores.
    bool isExplicit() const { return m_explicit; }
    void setExplicit(bool isExplicit) { m_explicit = isExplicit; }

signals:
    void changed(const QString &code);

private:
    QTranslator m_translator;
    QString m_current;
    bool m_explicit = false;
};

} // namespace Toonbank::Ui
