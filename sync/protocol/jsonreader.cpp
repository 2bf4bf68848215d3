#include "jsonreader.h"

#include "app/core/tr.h"

#include <cmath>

namespace Toonbank::Sync::Protocol {

using Core::Tr;

JsonReader::JsonReader(const QJsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{ }

void JsonReader::fail(const QString &code, const QString &detail)
{
    if (!ok())
        return;
    m_error = Core::Error::make(code, Tr::tr("The data received is not valid: %1").arg(detail),
        m_context + QStringLiteral(": ") + detail);
}

const QJsonValue *JsonReader::take(const QString &key, bool required)
{
    if (!ok())
        return nullptr;
    m_seen.insert(key);
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd() || it->isNull()) {
        if (required)
            fail(QStringLiteral("protocol.missing_field"),
                QStringLiteral("%1.%2 is missing").arg(m_context, key));
        return nullptr;
    }
    m_current = *it;
    return &m_current;
}

QString JsonReader::string(const QString &key, bool required)
{
    const QJsonValue *value = take(key, required);
    if (!value)
        return {};
    if (!value->isString()) {
        fail(QStringLiteral("protocol.wrong_type"),
            QStringLiteral("%1.%2 must be a string").arg(m_context, key));
        return {};
    }
    const QString text = value->toString();
    if (text.size() > 4096) {
        fail(QStringLiteral("protocol.too_long"),
            QStringLiteral("%1.%2 is too long").arg(m_context, key));
        return {};
    }
    return text;
}

qint64 JsonReader::integer(const QString &key, bool required, qint64 min, qint64 max)
{
    const QJsonValue *value = take(key, required);
    if (!value)
        return 0;
    // Qt 6 keeps integral JSON numbers as qint64; a fraction or a value beyond qint64 has no
    // integer form, and toInteger() then answers the sentinel, which no field accepts.
    constexpr qint64 notWhole = std::numeric_limits<qint64>::min();
    const qint64 whole = value->isDouble() ? value->toInteger(notWhole) : notWhole;
    if (whole == notWhole) {
        fail(QStringLiteral("protocol.wrong_type"),
            QStringLiteral("%1.%2 must be a whole number").arg(m_context, key));
        return 0;
    }
    if (whole < min || whole > max) {
        fail(QStringLiteral("protocol.out_of_range"),
            QStringLiteral("%1.%2 is out of range").arg(m_context, key));
        return 0;
    }
    return whole;
}

Core::Money JsonReader::money(const QString &key, bool allowNegative, bool required)
{
    constexpr qint64 limit = 100'000'000'00; // €100 million: no single sale comes near it
    return Core::Money::fromCents(integer(key, required, allowNegative ? -limit : 0, limit));
}

double JsonReader::real(const QString &key, bool required) // for latitude/longitude
{
    const QJsonValue *value = take(key, required);
    if (!value)
        return 0;
    if (!value->isDouble() || !std::isfinite(value->toDouble())) {
        fail(QStringLiteral("protocol.wrong_type"),
            QStringLiteral("%1.%2 must be a number").arg(m_context, key));
        return 0;
    }
    return value->toDouble();
}

bool JsonReader::boolean(const QString &key, bool required)
{
    const QJsonValue *value = take(key, required);
    if (!value)
        return false;
    if (!value->isBool()) {
        fail(QStringLiteral("protocol.wrong_type"),
            QStringLiteral("%1.%2 must be true or false").arg(m_context, key));
        return false;
    }
    return value->toBool();
}

QDateTime JsonReader::timestamp(const QString &key)
{
    const QString text = string(key);
    if (!ok())
        return {};
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid()) {
        fail(QStringLiteral("protocol.bad_time"),
            QStringLiteral("%1.%2 is not an ISO-8601 time").arg(m_context, key));
        return {};
    }
    return when.toUTC();
}

QJsonArray JsonReader::array(const QString &key, bool required)
{
    const QJsonValue *value = take(key, required);
    if (!value)
        return {};
    if (!value->isArray()) {
        fail(QStringLiteral("protocol.wrong_type"),
            QStringLiteral("%1.%2 must be a list").arg(m_context, key));
        return {};
    }
    return value->toArray();
}

QJsonObject JsonReader::object(const QString &key, bool required)
{
    const QJsonValue *value = take(key, required);
    if (!value)
        return {};
    if (!value->isObject()) {
        fail(QStringLiteral("protocol.wrong_type"),
            QStringLiteral("%1.%2 must be an object").arg(m_context, key));
        return {};
    }
    return value->toObject();
}

void JsonReader::rejectUnknownFields()
{
    if (!ok())
        return;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_seen.contains(it.key())) {
            fail(QStringLiteral("protocol.unknown_field"),
                QStringLiteral("%1.%2 is not a known field").arg(m_context, it.key().left(64)));
            return;
        }
    }
}

} // namespace Toonbank::Sync::Protocol
