#include "promotionengine.h"

#include "wallclock_p.h"

#include <QHash>

#include <algorithm>
#include <utility>
#include <vector>

namespace Toonbank::Core {

namespace {

// Savings are compared per unit in 1/10000 of a cent, so "20 % off 2.99" (59.8 cents) and
// "0.60 off" are weighed exactly, without rounding either.
constexpr qint64 scoreScale = 10000;

qint64 percentOf(qint64 cents, int basisPoints)
{
    // Half away from zero; cents is never negative here.
    return (cents * basisPoints + 5000) / 10000;
}

bool isGroupKind(PromotionKind kind)
{
    return kind == PromotionKind::BuyNPayM || kind == PromotionKind::NthAtPercentOff
        || kind == PromotionKind::CheapestFree || kind == PromotionKind::BundlePrice;
}

// Target lists are short: a plain scan beats QStringList::removeDuplicates()'s hash.
void removeDuplicates(QStringList &keys)
{
    for (qsizetype i = 1; i < keys.size();) {
        bool seen = false;
        for (qsizetype k = 0; k < i && !seen; ++k)
            seen = keys.at(k) == keys.at(i);
        if (seen)
            keys.removeAt(i);
        else
            ++i;
    }
}

AdjustmentKind adjustmentKindOf(const Promotion &promotion)
{
    if (!promotion.couponCode.isEmpty())
        return AdjustmentKind::Coupon;
    if (promotion.customerId != 0)
        return AdjustmentKind::PersonalOffer;
    if (!promotion.tier.isEmpty())
        return AdjustmentKind::Tier;
    return AdjustmentKind::Promotion;
}

} // namespace

struct PromotionEngine::Index
{
    /// One valid promotion, ready for apply(): its position in `prepared` is its rank.
    struct Entry
    {
        const Promotion *promotion = nullptr;
        bool hasFrom = false;
        bool hasUntil = false;
        qint64 from = 0;
        qint64 until = 0;
        bool basketLevel = false; // Basket target or spend threshold: stacks on what lines left
        bool group = false; // multi-buy, cheapest free, bundle: claims units across lines
        AdjustmentKind adjustmentKind = AdjustmentKind::Promotion;
        QString sourceId;
        QStringList bundleSkus; // BundlePrice: the distinct SKUs of one bundle
    };
    std::vector<Entry> prepared; // by rank: priority descending, then id ascending
    // Ranks in ascending order per key. Categories and brands are matched case-insensitively.
    QHash<QString, std::vector<int>> bySku;
    QHash<QString, std::vector<int>> byCategory;
    QHash<QString, std::vector<int>> byBrand;
    std::vector<int> basketWide;
};

namespace {

using Index = PromotionEngine::Index;
using Prepared = PromotionEngine::Index::Entry;

struct LineInfo
{
    QString sku;
    qint64 unit = 0; // unit price in cents
    int quantity = 0; // 0 for lines no promotion looks at (returns, free items)
    std::vector<int> candidates; // eligible ranks whose target matches, ascending
};

bool matches(const LineInfo &line, int rank)
{
    return std::binary_search(line.candidates.begin(), line.candidates.end(), rank);
}

// A unit claimed by a multi-buy, cheapest-free or bundle promotion.
struct UnitSaving
{
    int line = 0;
    qint64 cents = 0;
};

struct GroupPlan
{
    qint64 gain = 0; // in score units: what it saves beyond the per-unit promotions it displaces
    std::vector<UnitSaving> units;
    std::vector<int> lines; // the lines it looks at
    bool dirty = true;
};

struct Evaluation
{
    QList<QList<Adjustment>> adjustments;
    qint64 saving = 0;
};

class Evaluator
{
public:
    Evaluator(const Index &index, const std::vector<LineInfo> &lines,
        const std::vector<int> &basketCandidates)
        : m_index(index)
        , m_lines(lines)
        , m_basketCandidates(basketCandidates)
    { }

    template <typename InSet> Evaluation evaluate(const InSet &inSet) const;

private:
    const Prepared &prepared(int rank) const { return m_index.prepared[std::size_t(rank)]; }
    qint64 unitScore(int rank, qint64 unit) const;
    qint64 simpleAmount(int rank, qint64 unit, int count) const;
    void plan(int rank, GroupPlan &plan, const std::vector<int> &claimed,
        const std::vector<qint64> &simpleScore, const std::vector<int> &simpleRank) const;
    Adjustment adjustment(int rank, qint64 cents) const
    {
        const Prepared &p = prepared(rank);
        return Adjustment { p.adjustmentKind, p.sourceId, p.promotion->label,
            Money::fromCents(cents), 0 };
    }

    const Index &m_index;
    const std::vector<LineInfo> &m_lines;
    const std::vector<int> &m_basketCandidates;
};

qint64 Evaluator::unitScore(int rank, qint64 unit) const
{
    const Promotion &promotion = *prepared(rank).promotion;
    switch (promotion.kind) {
    case PromotionKind::PercentOff:
        return unit * promotion.percentBasisPoints;
    case PromotionKind::AmountOff:
        return std::min(promotion.amount.cents(), unit) * scoreScale;
    case PromotionKind::FixedPrice:
        return std::max<qint64>(0, unit - promotion.amount.cents()) * scoreScale;
    default:
        return 0;
    }
}

qint64 Evaluator::simpleAmount(int rank, qint64 unit, int count) const
{
    const Promotion &promotion = *prepared(rank).promotion;
    switch (promotion.kind) {
    case PromotionKind::PercentOff:
        return percentOf(unit * count, promotion.percentBasisPoints);
    case PromotionKind::AmountOff:
        return std::min(promotion.amount.cents(), unit) * count;
    case PromotionKind::FixedPrice:
        return std::max<qint64>(0, unit - promotion.amount.cents()) * count;
    default:
        return 0;
    }
}

void Evaluator::plan(int rank, GroupPlan &result, const std::vector<int> &claimed,
    const std::vector<qint64> &simpleScore, const std::vector<int> &simpleRank) const
{
    const Promotion &promotion = *prepared(rank).promotion;
    result.gain = 0;
    result.units.clear();
    result.dirty = false;

    // A group of units is worth taking when it saves more than the per-unit promotions of its
    // units would; on a tie, when it ranks before every promotion it displaces.
    auto consider = [&](const UnitSaving *first, const UnitSaving *last) {
        qint64 score = 0;
        qint64 displaced = 0;
        int firstDisplaced = -1; // the best-ranked per-unit promotion it displaces
        for (const UnitSaving *unit = first; unit != last; ++unit) {
            score += unit->cents * scoreScale;
            displaced += simpleScore[std::size_t(unit->line)];
            const int displacedRank = simpleRank[std::size_t(unit->line)];
            if (displacedRank >= 0 && (firstDisplaced < 0 || displacedRank < firstDisplaced))
                firstDisplaced = displacedRank;
        }
        if (score <= 0)
            return;
        const qint64 gain = score - displaced;
        if (gain > 0 || (gain == 0 && firstDisplaced >= 0 && rank < firstDisplaced)) {
            result.gain += gain;
            result.units.insert(result.units.end(), first, last);
        }
    };

    if (promotion.kind == PromotionKind::BundlePrice) {
        const QStringList &skus = prepared(rank).bundleSkus;
        std::vector<std::vector<UnitSaving>> perSku(std::size_t(skus.size()));
        std::size_t bundles = std::size_t(-1);
        for (qsizetype k = 0; k < skus.size(); ++k) {
            std::vector<UnitSaving> &units = perSku[std::size_t(k)];
            for (int line : result.lines) {
                const LineInfo &info = m_lines[std::size_t(line)];
                if (info.sku != skus.at(k))
                    continue;
                for (int n = claimed[std::size_t(line)]; n < info.quantity; ++n)
                    units.push_back(UnitSaving { line, info.unit });
            }
            std::stable_sort(units.begin(), units.end(),
                [](const UnitSaving &a, const UnitSaving &b) { return a.cents > b.cents; });
            bundles = std::min(bundles, units.size());
        }
        std::vector<UnitSaving> bundle(std::size_t(skus.size()));
        QList<Money> prices(skus.size(), Money());
        for (std::size_t b = 0; b < bundles; ++b) {
            qint64 sum = 0;
            for (std::size_t k = 0; k < perSku.size(); ++k) {
                bundle[k] = perSku[k][b];
                prices[qsizetype(k)] = Money::fromCents(bundle[k].cents);
                sum += bundle[k].cents;
            }
            const qint64 saving = sum - promotion.amount.cents();
            if (saving <= 0)
                break; // later bundles are made of cheaper units
            const QList<Money> parts = spreadProRata(Money::fromCents(saving), prices);
            for (std::size_t k = 0; k < bundle.size(); ++k)
                bundle[k].cents = parts.at(qsizetype(k)).cents();
            consider(bundle.data(), bundle.data() + bundle.size());
        }
        return;
    }

    // Multi-buy kinds: the qualifying units, dearest first, in groups of `buyQuantity`; in each
    // full group the cheapest get the discount, so no unit ever saves more than its own price.
    std::vector<UnitSaving> units;
    for (int line : result.lines) {
        const LineInfo &info = m_lines[std::size_t(line)];
        for (int n = claimed[std::size_t(line)]; n < info.quantity; ++n)
            units.push_back(UnitSaving { line, info.unit });
    }
    std::stable_sort(units.begin(), units.end(),
        [](const UnitSaving &a, const UnitSaving &b) { return a.cents > b.cents; });
    const std::size_t size = std::size_t(promotion.buyQuantity);
    std::size_t discounted = 1;
    if (promotion.kind == PromotionKind::BuyNPayM)
        discounted = std::size_t(promotion.buyQuantity - promotion.payQuantity);
    for (std::size_t start = 0; start + size <= units.size(); start += size) {
        UnitSaving *group = units.data() + start;
        for (std::size_t k = 0; k < size; ++k) {
            UnitSaving &unit = group[k];
            if (k < size - discounted)
                unit.cents = 0;
            else if (promotion.kind == PromotionKind::NthAtPercentOff)
                unit.cents = percentOf(unit.cents, promotion.percentBasisPoints);
            // BuyNPayM and CheapestFree: the unit is free, its saving is its own price.
        }
        // The whole group is claimed: a unit paid in full for a multi-buy takes no other
        // line promotion and counts in no other group.
        consider(group, group + size);
    }
}

template <typename InSet> Evaluation Evaluator::evaluate(const InSet &inSet) const
{
    const std::size_t lineCount = m_lines.size();
    Evaluation evaluation;
    evaluation.adjustments.resize(qsizetype(lineCount));

    // 1. The best per-unit promotion of each line (percent, amount off, fixed price).
    std::vector<qint64> simpleScore(lineCount, 0);
    std::vector<int> simpleRank(lineCount, -1);
    std::vector<int> groupRanks;
    for (std::size_t i = 0; i < lineCount; ++i) {
        for (int rank : m_lines[i].candidates) {
            if (!inSet(rank))
                continue;
            const Prepared &p = prepared(rank);
            if (p.basketLevel)
                continue;
            if (p.group) {
                groupRanks.push_back(rank);
                continue;
            }
            const qint64 score = unitScore(rank, m_lines[i].unit);
            if (score > simpleScore[i]) { // ranks ascend: on a tie the earlier rank stays
                simpleScore[i] = score;
                simpleRank[i] = rank;
            }
        }
    }

    // 2. Group promotions claim units, the one gaining most first (ties: the earlier rank).
    std::vector<int> claimed(lineCount, 0);
    std::vector<std::vector<std::pair<int, qint64>>> groupSavings(lineCount);
    if (!groupRanks.empty()) {
        std::sort(groupRanks.begin(), groupRanks.end());
        groupRanks.erase(std::unique(groupRanks.begin(), groupRanks.end()), groupRanks.end());
        std::vector<GroupPlan> plans(groupRanks.size());
        for (std::size_t i = 0; i < lineCount; ++i) {
            for (int rank : m_lines[i].candidates) {
                if (!prepared(rank).group || !inSet(rank))
                    continue;
                const auto found = std::lower_bound(groupRanks.begin(), groupRanks.end(), rank);
                plans[std::size_t(found - groupRanks.begin())].lines.push_back(int(i));
            }
        }
        std::vector<char> used(groupRanks.size(), 0);
        for (;;) {
            std::size_t best = groupRanks.size();
            for (std::size_t g = 0; g < groupRanks.size(); ++g) {
                if (used[g])
                    continue;
                if (plans[g].dirty)
                    plan(groupRanks[g], plans[g], claimed, simpleScore, simpleRank);
                if (plans[g].units.empty())
                    continue;
                if (best == groupRanks.size() || plans[g].gain > plans[best].gain)
                    best = g;
            }
            if (best == groupRanks.size())
                break;
            used[best] = 1;
            std::vector<char> touched(lineCount, 0);
            for (const UnitSaving &unit : plans[best].units) {
                const std::size_t line = std::size_t(unit.line);
                ++claimed[line];
                touched[line] = 1;
                auto &savings = groupSavings[line];
                auto found = std::find_if(savings.begin(), savings.end(),
                    [&](const auto &entry) { return entry.first == groupRanks[best]; });
                if (found == savings.end())
                    savings.emplace_back(groupRanks[best], unit.cents);
                else
                    found->second += unit.cents;
            }
            for (std::size_t g = 0; g < groupRanks.size(); ++g) {
                if (used[g] || plans[g].dirty)
                    continue;
                for (int line : plans[g].lines) {
                    if (touched[std::size_t(line)]) {
                        plans[g].dirty = true;
                        break;
                    }
                }
            }
        }
    }

    // 3. Line adjustments in stacking order: the group promotions, then the per-unit one on
    // the units no group took.
    std::vector<qint64> remaining(lineCount, 0);
    for (std::size_t i = 0; i < lineCount; ++i) {
        const LineInfo &info = m_lines[i];
        if (info.quantity <= 0)
            continue;
        std::vector<std::pair<int, qint64>> savings = groupSavings[i];
        const int left = info.quantity - claimed[i];
        if (simpleRank[i] >= 0 && left > 0)
            savings.emplace_back(simpleRank[i], simpleAmount(simpleRank[i], info.unit, left));
        std::sort(savings.begin(), savings.end());
        qint64 total = 0;
        QList<Adjustment> &adjustments = evaluation.adjustments[qsizetype(i)];
        for (const auto &[rank, cents] : savings) {
            if (cents <= 0)
                continue;
            adjustments.append(adjustment(rank, cents));
            total += cents;
        }
        remaining[i] = info.unit * info.quantity - total;
        evaluation.saving += total;
    }

    // 4. Basket-level promotions stack on what is left, in rank order, spread pro rata.
    std::vector<int> basketRanks;
    for (int rank : m_basketCandidates) {
        if (inSet(rank))
            basketRanks.push_back(rank);
    }
    for (std::size_t i = 0; i < lineCount; ++i) {
        for (int rank : m_lines[i].candidates) {
            if (inSet(rank) && prepared(rank).basketLevel)
                basketRanks.push_back(rank);
        }
    }
    std::sort(basketRanks.begin(), basketRanks.end());
    basketRanks.erase(std::unique(basketRanks.begin(), basketRanks.end()), basketRanks.end());
    QList<Money> weights;
    weights.resize(qsizetype(lineCount));
    if (!basketRanks.empty()) {
        for (QList<Adjustment> &adjustments : evaluation.adjustments)
            adjustments.reserve(adjustments.size() + qsizetype(basketRanks.size()));
    }
    for (int rank : basketRanks) {
        const Promotion &promotion = *prepared(rank).promotion;
        const bool wholeBasket = promotion.target == PromotionTarget::Basket;
        qint64 base = 0;
        for (std::size_t i = 0; i < lineCount; ++i) {
            const bool qualifies = m_lines[i].quantity > 0
                && (wholeBasket || matches(m_lines[i], rank)) && remaining[i] > 0;
            weights[qsizetype(i)] = Money::fromCents(qualifies ? remaining[i] : 0);
            if (qualifies)
                base += remaining[i];
        }
        qint64 discount = 0;
        switch (promotion.kind) {
        case PromotionKind::PercentOff:
            discount = percentOf(base, promotion.percentBasisPoints);
            break;
        case PromotionKind::AmountOff:
            discount = std::min(promotion.amount.cents(), base);
            break;
        case PromotionKind::SpendThreshold:
            if (base >= promotion.threshold.cents())
                discount = std::min(promotion.amount.cents(), base);
            break;
        default:
            break;
        }
        if (discount <= 0)
            continue;
        const QList<Money> parts = spreadProRata(Money::fromCents(discount), weights);
        for (std::size_t i = 0; i < lineCount; ++i) {
            const qint64 part = parts.at(qsizetype(i)).cents();
            if (part <= 0)
                continue;
            evaluation.adjustments[qsizetype(i)].append(adjustment(rank, part));
            remaining[i] -= part;
        }
        evaluation.saving += discount;
    }
    return evaluation;
}

} // namespace

PromotionEngine::PromotionEngine(QList<Promotion> promotions)
    : m_promotions(std::move(promotions))
{
    auto index = std::make_shared<Index>();
    std::vector<const Promotion *> valid;
    valid.reserve(std::size_t(m_promotions.size()));
    for (const Promotion &promotion : std::as_const(m_promotions)) {
        if (promotion.validate().ok())
            valid.push_back(&promotion);
    }
    std::sort(valid.begin(), valid.end(), [](const Promotion *a, const Promotion *b) {
        if (a->priority != b->priority)
            return a->priority > b->priority;
        return a->id < b->id;
    });
    index->prepared.reserve(valid.size());
    for (const Promotion *promotion : valid) {
        const int rank = int(index->prepared.size());
        Prepared p;
        p.promotion = promotion;
        p.hasFrom = promotion->validFrom.isValid();
        p.hasUntil = promotion->validUntil.isValid();
        if (p.hasFrom)
            p.from = Detail::wallClockMsecs(promotion->validFrom);
        if (p.hasUntil)
            p.until = Detail::wallClockMsecs(promotion->validUntil);
        p.basketLevel = promotion->target == PromotionTarget::Basket
            || promotion->kind == PromotionKind::SpendThreshold;
        p.group = isGroupKind(promotion->kind);
        p.adjustmentKind = adjustmentKindOf(*promotion);
        p.sourceId
            = p.adjustmentKind == AdjustmentKind::Coupon ? promotion->couponCode : promotion->id;
        if (promotion->kind == PromotionKind::BundlePrice) {
            p.bundleSkus = promotion->targetKeys;
            removeDuplicates(p.bundleSkus);
        }
        index->prepared.push_back(std::move(p));

        QStringList keys = promotion->targetKeys;
        removeDuplicates(keys);
        switch (promotion->target) {
        case PromotionTarget::Item:
            for (const QString &key : std::as_const(keys))
                index->bySku[key].push_back(rank);
            break;
        case PromotionTarget::Category:
            keys = QStringList();
            for (const QString &key : promotion->targetKeys)
                keys.append(key.toLower());
            removeDuplicates(keys);
            for (const QString &key : std::as_const(keys))
                index->byCategory[key].push_back(rank);
            break;
        case PromotionTarget::Brand:
            keys = QStringList();
            for (const QString &key : promotion->targetKeys)
                keys.append(key.toLower());
            removeDuplicates(keys);
            for (const QString &key : std::as_const(keys))
                index->byBrand[key].push_back(rank);
            break;
        case PromotionTarget::Basket:
            index->basketWide.push_back(rank);
            break;
        }
    }
    m_index = std::move(index);
}

QList<QList<Adjustment>> PromotionEngine::apply(
    const QList<SaleLine> &lines, const PromotionContext &context) const
{
    const Index &index = *m_index;
    const std::size_t promotionCount = index.prepared.size();
    const bool timeKnown = context.localTime.isValid();
    const qint64 now = timeKnown ? Detail::wallClockMsecs(context.localTime) : 0;

    // Rule 1: active here and now, and its condition holds. Judged once per promotion.
    std::vector<signed char> eligible(promotionCount, -1);
    auto isEligible = [&](int rank) {
        signed char &state = eligible[std::size_t(rank)];
        if (state >= 0)
            return state == 1;
        const Prepared &p = index.prepared[std::size_t(rank)];
        const Promotion &promotion = *p.promotion;
        bool ok = true;
        if (!promotion.storeCodes.isEmpty() && !promotion.storeCodes.contains(context.storeCode))
            ok = false;
        else if ((p.hasFrom || p.hasUntil) && !timeKnown)
            ok = false;
        else if ((p.hasFrom && now < p.from) || (p.hasUntil && now > p.until))
            ok = false;
        else if (promotion.customerId != 0 && promotion.customerId != context.customerId)
            ok = false;
        else if (!promotion.tier.isEmpty()
            && promotion.tier.compare(context.customerTier, Qt::CaseInsensitive) != 0)
            ok = false;
        else if (!promotion.couponCode.isEmpty()) {
            ok = std::any_of(
                context.couponCodes.begin(), context.couponCodes.end(), [&](const QString &code) {
                    return code.trimmed().compare(promotion.couponCode, Qt::CaseInsensitive) == 0;
                });
        }
        state = ok ? 1 : 0;
        return ok;
    };

    std::vector<LineInfo> infos(std::size_t(lines.size()));
    std::vector<char> involved(promotionCount, 0);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const SaleLine &line = lines.at(i);
        LineInfo &info = infos[std::size_t(i)];
        info.sku = line.sku;
        if (line.quantity <= 0 || line.unitPrice.cents() <= 0)
            continue; // returns and free lines take no promotion
        if (!line.giftCardNumber.isEmpty())
            continue; // a gift card is money, not goods: no promotion touches it
        info.unit = line.unitPrice.cents();
        info.quantity = line.quantity;
        auto collect = [&](const QHash<QString, std::vector<int>> &map, const QString &key) {
            if (key.isEmpty())
                return;
            const auto found = map.constFind(key);
            if (found == map.constEnd())
                return;
            for (int rank : *found) {
                if (isEligible(rank))
                    info.candidates.push_back(rank);
            }
        };
        collect(index.bySku, line.sku);
        if (!index.byCategory.isEmpty())
            collect(index.byCategory, line.category.toLower());
        if (!index.byBrand.isEmpty())
            collect(index.byBrand, line.brand.toLower());
        std::sort(info.candidates.begin(), info.candidates.end());
        info.candidates.erase(
            std::unique(info.candidates.begin(), info.candidates.end()), info.candidates.end());
        for (int rank : info.candidates)
            involved[std::size_t(rank)] = 1;
    }
    std::vector<int> basketCandidates;
    const bool anyLine = std::any_of(
        infos.begin(), infos.end(), [](const LineInfo &info) { return info.quantity > 0; });
    if (anyLine) {
        for (int rank : index.basketWide) {
            if (isEligible(rank))
                basketCandidates.push_back(rank);
        }
    }
    for (int rank : basketCandidates)
        involved[std::size_t(rank)] = 1;

    const Evaluator evaluator(index, infos, basketCandidates);
    auto isExclusive
        = [&](int rank) { return index.prepared[std::size_t(rank)].promotion->exclusive; };

    // Rule 4: the best non-exclusive combination, then each exclusive promotion alone; only a
    // strictly larger saving replaces what was found first.
    Evaluation best = evaluator.evaluate([&](int rank) { return !isExclusive(rank); });
    qint64 basketGross = 0;
    for (const LineInfo &info : infos)
        basketGross += info.unit * info.quantity;
    for (int rank = 0; rank < int(promotionCount); ++rank) {
        if (!involved[std::size_t(rank)] || !isExclusive(rank))
            continue;
        // A promotion never saves more than the lines it looks at: skip what cannot win.
        qint64 bound = basketGross;
        if (index.prepared[std::size_t(rank)].promotion->target != PromotionTarget::Basket) {
            bound = 0;
            for (const LineInfo &info : infos) {
                if (matches(info, rank))
                    bound += info.unit * info.quantity;
            }
        }
        if (bound <= best.saving)
            continue;
        Evaluation alone = evaluator.evaluate([rank](int candidate) { return candidate == rank; });
        if (alone.saving > best.saving)
            best = std::move(alone);
    }
    return best.adjustments;
}

} // namespace Toonbank::Core
