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

signals:
    void changed(const QString &code);

private:
    QTranslator m_translator;
    QString m_current;
};

} // namespace Toonbank::Ui
