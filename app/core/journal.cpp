#include "journal.h"

#include "tr.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>

#include <limits>
#include <optional>

namespace Toonbank::Core {

namespace {

const QString kSeq = QStringLiteral("seq");
const QString kRecordedAt = QStringLiteral("recordedAt");
const QString kKind = QStringLiteral("kind");
const QString kReference = QStringLiteral("reference");
const QString kAmount = QStringLiteral("amountCents");
const QString kGrandTotal = QStringLiteral("grandTotalCents");
const QString kEvent = QStringLiteral("event");
const QString kBody = QStringLiteral("body");
const QString kPrevHash = QStringLiteral("prevHash");
const QString kHash = QStringLiteral("hash");

Error protocolError(const QString &code, const QString &detail)
{
    return Error::make(code, Tr::tr("The data received is not valid: %1").arg(detail),
        QStringLiteral("journal entry: ") + detail);
}

Error brokenAt(const QString &code, qint64 seq, const QString &message, const QString &detail)
{
    return Error::make(code, message, QStringLiteral("entry %1: %2").arg(seq).arg(detail));
}

// Strict field reading for JournalEntry::fromJson (the core has no JsonReader).
struct EntryReader
{
    const QJsonObject &json;
    std::optional<Error> error;

    QJsonValue value(const QString &key)
    {
        if (error)
            return {};
        const QJsonValue v = json.value(key);
        if (v.isUndefined() || v.isNull())
            error = protocolError(
                QStringLiteral("protocol.missing_field"), QStringLiteral("%1 is missing").arg(key));
        return v;
    }
    QString string(const QString &key)
    {
        const QJsonValue v = value(key);
        if (error)
            return {};
        if (!v.isString()) {
            error = protocolError(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("%1 must be a string").arg(key));
            return {};
        }
        return v.toString();
    }
    qint64 integer(const QString &key, qint64 min)
    {
        const QJsonValue v = value(key);
        if (error)
            return 0;
        constexpr qint64 notWhole = std::numeric_limits<qint64>::min();
        const qint64 whole = v.isDouble() ? v.toInteger(notWhole) : notWhole;
        if (whole == notWhole) {
            error = protocolError(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("%1 must be a whole number").arg(key));
            return 0;
        }
        if (whole < min) {
            error = protocolError(QStringLiteral("protocol.out_of_range"),
                QStringLiteral("%1 is out of range").arg(key));
            return 0;
        }
        return whole;
    }
};

} // namespace

QString journalGenesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QJsonObject JournalEntry::toJson() const
{
    return {
        { kSeq, seq },
        { kRecordedAt, recordedAt },
        { kKind, kind },
        { kReference, reference },
        { kAmount, amountCents },
        { kGrandTotal, grandTotalCents },
        { kBody, QString::fromUtf8(body) },
        { kPrevHash, prevHash },
        { kHash, hash },
    };
}

Result<JournalEntry> JournalEntry::fromJson(const QJsonObject &json)
{
    static const QSet<QString> known { kSeq, kRecordedAt, kKind, kReference, kAmount, kGrandTotal,
        kBody, kPrevHash, kHash };
    EntryReader r { json, std::nullopt };
    JournalEntry entry;
    entry.seq = r.integer(kSeq, 1);
    entry.recordedAt = r.string(kRecordedAt);
    entry.kind = r.string(kKind);
    entry.reference = r.string(kReference);
    entry.amountCents = r.integer(kAmount, std::numeric_limits<qint64>::min() + 1);
    entry.grandTotalCents = r.integer(kGrandTotal, std::numeric_limits<qint64>::min() + 1);
    entry.body = r.string(kBody).toUtf8();
    entry.prevHash = r.string(kPrevHash);
    entry.hash = r.string(kHash);
    if (r.error)
        return *r.error;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return protocolError(QStringLiteral("protocol.unknown_field"),
                QStringLiteral("%1 is not a known field").arg(it.key().left(64)));
    }
    return entry;
}

QByteArray journalBody(qint64 seq, const QString &recordedAt, const QString &kind,
    const QString &reference, qint64 amountCents, qint64 grandTotalCents, const QJsonObject &event)
{
    // QJsonDocument writes object keys sorted, so the compact form is canonical. Byte-identical
    // to the tablet journal since issue 6: never change it (old entries would stop verifying).
    const QJsonObject body {
        { kSeq, seq },
        { kRecordedAt, recordedAt },
        { kKind, kind },
        { kReference, reference },
        { kAmount, amountCents },
        { kGrandTotal, grandTotalCents },
        { kEvent, event },
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString journalHash(const QString &prevHash, const QByteArray &body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prevHash.toLatin1());
    hash.addData(body);
    return QString::fromLatin1(hash.result().toHex());
}

JournalEntry nextJournalEntry(const JournalEntry *previous, const QString &recordedAt,
    const QString &kind, const QString &reference, qint64 amountCents, const QJsonObject &event)
{
    JournalEntry entry;
    entry.seq = previous ? previous->seq + 1 : 1;
    entry.recordedAt = recordedAt;
    entry.kind = kind;
    entry.reference = reference;
    entry.amountCents = amountCents;
    entry.grandTotalCents = (previous ? previous->grandTotalCents : 0) + amountCents;
    entry.body = journalBody(
        entry.seq, recordedAt, kind, reference, amountCents, entry.grandTotalCents, event);
    entry.prevHash = previous ? previous->hash : journalGenesisHash();
    entry.hash = journalHash(entry.prevHash, entry.body);
    return entry;
}

Status checkJournalEntry(const JournalEntry *previous, const JournalEntry &entry)
{
    const qint64 seq = entry.seq;
    const qint64 expectedSeq = previous ? previous->seq + 1 : 1;
    if (seq != expectedSeq)
        return brokenAt(QStringLiteral("journal.gap"), seq,
            Tr::tr("The journal has a gap at entry %1: an entry is missing or out of order.")
                .arg(seq),
            QStringLiteral("expected seq %1").arg(expectedSeq));
    const QString expectedPrev = previous ? previous->hash : journalGenesisHash();
    if (entry.prevHash != expectedPrev)
        return brokenAt(QStringLiteral("journal.prev_hash"), seq,
            Tr::tr("Entry %1 of the journal does not follow the entry before it.").arg(seq),
            QStringLiteral("prevHash %1, expected %2").arg(entry.prevHash.left(80), expectedPrev));
    const QString expectedHash = journalHash(entry.prevHash, entry.body);
    if (entry.hash != expectedHash)
        return brokenAt(QStringLiteral("journal.hash"), seq,
            Tr::tr("Entry %1 of the journal has been altered.").arg(seq),
            QStringLiteral("hash %1, computed %2").arg(entry.hash.left(80), expectedHash));
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(entry.body, &parseError);
    const QJsonValue event = parsed.object().value(kEvent);
    const bool bodyOk = parseError.error == QJsonParseError::NoError && parsed.isObject()
        && event.isObject()
        && entry.body
            == journalBody(seq, entry.recordedAt, entry.kind, entry.reference, entry.amountCents,
                entry.grandTotalCents, event.toObject());
    if (!bodyOk)
        return brokenAt(QStringLiteral("journal.body"), seq,
            Tr::tr("Entry %1 of the journal does not match its recorded content.").arg(seq),
            QStringLiteral("columns disagree with the body or the body is not canonical"));
    const qint64 expectedTotal = (previous ? previous->grandTotalCents : 0) + entry.amountCents;
    if (entry.grandTotalCents != expectedTotal)
        return brokenAt(QStringLiteral("journal.grand_total"), seq,
            Tr::tr("The grand total of the journal is wrong at entry %1.").arg(seq),
            QStringLiteral("grand total %1, expected %2")
                .arg(entry.grandTotalCents)
                .arg(expectedTotal));
    return success();
}

Status verifyJournalChain(const QList<JournalEntry> &entries)
{
    const JournalEntry *previous = nullptr;
    for (const JournalEntry &entry : entries) {
        const Status status = checkJournalEntry(previous, entry);
        if (!status) {
            Error error = status.error();
            error.detail = QString::number(entry.seq);
            return error;
        }
        previous = &entry;
    }
    return success();
}

} // namespace Toonbank::Core
