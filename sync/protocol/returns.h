#pragma once

#include "app/core/result.h"
#include "app/core/returns.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// The wire forms of issue "Returns" (docs/RETURNS.md has the HTTP contract). Reading is
// strict: unknown fields, wrong types, negative amounts or quantities are "protocol.*" errors.

namespace Toonbank::Sync::Protocol {

/// GET /v1/returns/lookup answer and the tablet's cached copy:
/// `{"order": ReturnableOrder, "policy": ReturnPolicy}`.
QJsonObject toJson(const Core::ReturnableOrder &order);
Core::Result<Core::ReturnableOrder> returnableOrderFromJson(const QJsonObject &json);
QJsonObject toJson(const Core::ReturnPolicy &policy);
Core::Result<Core::ReturnPolicy> returnPolicyFromJson(const QJsonObject &json);

/// POST /v1/returns: claim lines of an order or another store's (or this store's, online)
/// sale, before any money goes back. Idempotent by claimId.
struct ReturnClaimRequest
{
    QString claimId; // UUID made by the tablet, written durably before the request
    QString returnId; // the return that will use it
    Core::ReturnOrigin origin = Core::ReturnOrigin::StoreSale;
    QString number; // receipt / order number
    QString storeCode; // the returning store
    struct Line
    {
        QString lineId;
        int quantity = 0;
    };
    QList<Line> lines;

    QJsonObject toJson() const;
    static Core::Result<ReturnClaimRequest> fromJson(const QJsonObject &json);
};

/// A granted claim (201), or what the server knows of one (GET /v1/returns/{claimId}).
struct ReturnClaim
{
    enum class State { Claimed, Used, Released };
    QString claimId;
    QString returnId;
    QString number;
    State state = State::Claimed;
    QList<ReturnClaimRequest::Line> lines;
    Core::ReturnableOrder order; // the order as it stands after the claim

    QJsonObject toJson() const;
    static Core::Result<ReturnClaim> fromJson(const QJsonObject &json);
};
QString name(ReturnClaim::State state); // "claimed", "used", "released"

/// 409 "return.quantity" body: what is still returnable per line.
struct ReturnableLeft
{
    QString lineId;
    int returnable = 0;
};
QJsonObject returnConflictToJson(
    const QString &code, const QString &message, const QList<ReturnableLeft> &left);
QList<ReturnableLeft> returnableLeftFromJson(const QJsonObject &json);

/// The "return" event payload: a finished Core::Return. `returnToJson` is the one mapping
/// (the outbox, the journal body, the server). Strict reading checks that it adds up on its
/// own (line refunds = goods, goods + delivery = total, VAT = returnVat(lines)).
QJsonObject returnToJson(const Core::Return &ret);
Core::Result<Core::Return> returnFromJson(const QJsonObject &json);

} // namespace Toonbank::Sync::Protocol
