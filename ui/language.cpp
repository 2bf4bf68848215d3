#include "language.h"

#include <QCoreApplication>
#include <QEvent>

namespace Toonbank::Ui {

Language::Language(QObject *parent)
    : QObject(parent)
{ }

QLocale Language::localeFor(const QString &code)
{
    if (code == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::Ireland); // euro area, English words
    return QLocale(QLocale::Dutch, QLocale::Netherlands);
}

bool Language::setLanguage(const QString &code)
{
    const QString chosen = code == QLatin1String("en") ? code : QStringLiteral("nl");
    QCoreApplication::removeTranslator(&m_translator);
    const bool loaded = m_translator.load(QStringLiteral(":/i18n/toonbank_%1.qm").arg(chosen));
    QLocale::setDefault(localeFor(chosen));
    m_current = chosen;
    if (loaded)
        QCoreApplication::installTranslator(&m_translator); // posts LanguageChange to every widget
    else
        QCoreApplication::postEvent(
            QCoreApplication::instance(), new QEvent(QEvent::LanguageChange)); // the locale changed
    emit changed(chosen);
    return loaded;
}

} // namespace Toonbank::Ui
