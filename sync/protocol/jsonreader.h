#pragma once

#include "app/core/money.h"
#include "app/core/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace Toonbank::Sync::Protocol {

/// Strict reading of one JSON object: every field is read with its expected type, and at the
/// end any field nobody asked for is an error. The first problem wins; later reads are no-ops.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object, QString context);

    QString string(const QString &key, bool required = true);
    qint64 integer(const QString &key, bool required = true, qint64 min = 0,
        qint64 max = std::numeric_limits<qint64>::max());
    Core::Money money(const QString &key, bool allowNegative = false, bool required = true);
    double real(const QString &key,
        bool required = true); // coordinates (latitude/longitude) only, never money
    bool boolean(const QString &key, bool required = true);
    QDateTime timestamp(const QString &key);
    QJsonArray array(const QString &key, bool required = true);
    QJsonObject object(const QString &key, bool required = true);

    /// Fails when fields remain that were never read.
    void rejectUnknownFields();
    void fail(const QString &code, const QString &detail);

    bool ok() const { return m_error.code.isEmpty(); }
    const Core::Error &error() const { return m_error; }

private:
    const QJsonValue *take(const QString &key, bool required);

    QJsonObject m_object;
    QString m_context;
    QSet<QString> m_seen;
    Core::Error m_error;
    QJsonValue m_current;
};

} // namespace Toonbank::Sync::Protocol
