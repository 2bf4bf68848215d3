#pragma once

#include "changefeed.h"

#include "app/core/promotion.h"
#include "app/core/result.h"

#include <QJsonObject>

namespace Toonbank::Sync::Protocol {

/// The one wire form of a Core::Promotion: rows of the "promotions" feed kind and items of
/// `toonbank-admin import promotions` (JSON). Times are store local time without zone
/// ("2026-03-01T00:00:00"), empty for no bound.
QJsonObject promotionToJson(const Core::Promotion &promotion);
/// Strict for imports (unknown fields are errors), tolerant for the tablet's feed. Does not
/// call Promotion::validate(); the importer does. Errors: "protocol.*".
Core::Result<Core::Promotion> promotionFromJson(
    const QJsonObject &json, Reading reading = Reading::Strict);

/// Store-local time as promotions carry it, and back (invalid ↔ empty).
QString promotionTimeText(const QDateTime &local);
QDateTime promotionTimeFromText(const QString &text);

} // namespace Toonbank::Sync::Protocol
