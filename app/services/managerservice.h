#pragma once

#include "app/core/clock.h"
#include "app/core/result.h"
#include "sync/protocol/storeops.h"

#include <QDate>
#include <QObject>

#include <functional>

namespace Toonbank::Store {
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class Session;

/// The manager's day (issue 12, Manager screen): today's sales per hour, per staff member and
/// per tender; refunds, overrides and voids with who approved; the open shifts. Needs
/// Permission::ViewManagerReport (supervisor or manager), checked here: "permission.denied".
/// Training sales and returns are left out of every figure.
class ManagerService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagerService)
public:
    /// Chain-wide figures for this store: GET /v1/reports/day (ServerLookups::dayReport).
    /// Returns an error ("report.needs_network") when offline.
    using ChainSource
        = std::function<Core::Result<Sync::Protocol::DayReport>(const QString &, const QDate &)>;

    ManagerService(Store::LocalDatabase &database, Session &session, const Core::Clock &clock,
        QObject *parent = nullptr);
    ~ManagerService() override;

    void setChainSource(ChainSource source) { m_chain = std::move(source); }

    /// From this tablet's own data (sales, returns, journal approvals, shifts) for `date`
    /// (store local date; invalid = today). Works offline.
    Core::Result<Sync::Protocol::DayReport> localDay(const QDate &date = {}) const;
    /// The store's whole day from the server when online; otherwise localDay() with
    /// `*fromServer` false.
    Core::Result<Sync::Protocol::DayReport> day(const QDate &date, bool *fromServer) const;

    /// The day as a PDF (A4) for printing or mailing.
    Core::Result<QByteArray> pdf(const Sync::Protocol::DayReport &report) const;

private:
    Store::LocalDatabase &m_db;
    Session &m_session;
    const Core::Clock &m_clock;
    ChainSource m_chain;
};

} // namespace Toonbank::Services
