#include "demochain.h"

#include "catalogwriter.h"
#include "localdatabase.h"

#include "app/core/barcode.h"
#include "app/core/loyalty.h"
#include "app/core/pin.h"
#include "app/core/tr.h"

#include <QSqlError>
#include <QSqlQuery>

#include <QHash>

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace Toonbank::Store {

namespace {

/// splitmix64: tiny, fast and the same on every platform and library version, which
/// std::uniform_*_distribution is not. Every model gets its own stream from (seed, index).
class Rng final
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    { }
    Rng(quint64 seed, quint64 stream)
        : m_state(seed ^ (stream * 0xD1B54A32D192ED03ull))
    {
        next();
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// 0 … n-1 (n > 0). The modulo bias is far below anything a demo can show.
    int below(int n) { return int(next() % quint64(n)); }
    int between(int low, int high) { return low + below(high - low + 1); }
    bool percent(int chance) { return below(100) < chance; }
    template <typename List> const auto &pick(const List &list)
    {
        return list.at(below(int(list.size())));
    }

private:
    quint64 m_state;
};

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    list.reserve(int(items.size()));
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

enum class Variation { None, Colour, ColourSize, ColourWaist, ColourShoe, Amount };

struct BrandLine
{
    QString brand;
    QStringList models;
};

struct Category
{
    QString name;
    QString vatClass;
    int weight = 1;
    Variation variation = Variation::None;
    QString noun; // appended to the model: "Jeans"; empty when the model says it
    QList<BrandLine> brands;
    QStringList colours;
    QStringList sizes;
    QStringList editions; // "", "Stretch", … — varies names a little
    int minEuros = 1;
    int maxEuros = 10;
    QString blurb;
    QList<QPair<QString, QStringList>> extraAttributes; // key, values to pick from
    bool books = false;
};

BrandLine line(const char *brand, std::initializer_list<const char *> models)
{
    return { QString::fromUtf8(brand), strings(models) };
}

struct Pools
{
    QList<Category> categories;
    int totalWeight = 0;
    QStringList firstNames;
    QStringList lastNames;
    QStringList titleStarts;
    QStringList titleNouns;

    Pools()
    {
        Category jeans;
        jeans.name = QStringLiteral("Jeans");
        jeans.vatClass = QStringLiteral("standard");
        jeans.weight = 12;
        jeans.variation = Variation::ColourWaist;
        jeans.noun = QStringLiteral("Jeans");
        jeans.brands = {
            line("Levi's",
                { "501 Original", "511 Slim", "502 Taper", "512 Slim Taper", "505 Regular" }),
            line("Wrangler", { "Texas Regular", "Greensboro", "Larston Slim" }),
            line("Lee", { "Rider Slim", "Brooklyn Straight", "Daren Zip Fly" }),
            line("G-Star RAW", { "3301 Slim", "Revend Skinny", "Lenney Tapered", "Mosa Straight" }),
            line("Pepe Jeans", { "Finsbury Skinny", "Hatch Slim", "Cash Regular" }),
            line("Jack & Jones", { "Glenn Original", "Mike Comfort", "Chris Loose" }),
            line("Scotch & Soda", { "Ralston Regular Slim", "Skim Skinny", "Dean Loose Tapered" }),
            line("Mud Jeans", { "Regular Dunn", "Slim Lassen", "Relax Rose" }),
        };
        jeans.colours = strings(
            { "Indigo", "Rinse", "Stonewash", "Black", "Dark Blue", "Light Blue", "Grey" });
        jeans.sizes = strings({ "29/32", "30/32", "31/32", "32/32", "32/34", "33/32", "33/34",
            "34/32", "34/34", "36/32", "36/34", "38/34" });
        jeans.editions = strings({ "", "", "", "Stretch", "Selvedge", "Organic", "Premium" });
        jeans.minEuros = 49;
        jeans.maxEuros = 139;
        jeans.blurb = QStringLiteral("Five-pocket jeans in sturdy denim.");
        jeans.extraAttributes = { { QStringLiteral("Material"),
            strings({ "100% cotton", "98% cotton, 2% elastane",
                "99% organic cotton, 1% elastane" }) } };

        Category clothing;
        clothing.name = QStringLiteral("Clothing");
        clothing.vatClass = QStringLiteral("standard");
        clothing.weight = 18;
        clothing.variation = Variation::ColourSize;
        clothing.brands = {
            line("Tommy Hilfiger",
                { "Essential Crew Neck T-shirt", "Slim Fit Polo", "Logo Hoodie" }),
            line("Scotch & Soda", { "Organic Cotton T-shirt", "Knitted Cardigan", "Linen Shirt" }),
            line("Only", { "Emma Blouse", "Ribbed Longsleeve", "Poptrash Trousers" }),
            line("Vero Moda", { "Wrap Dress", "Oversized Blazer", "Knit Pullover" }),
            line("WE Fashion", { "Chino Shorts", "Oxford Shirt", "Merino Crew Neck" }),
            line("America Today", { "Sweatshirt Sammy", "Basic Tee", "Puffer Jacket" }),
            line("Calvin Klein", { "Monogram T-shirt", "Modal Boxer 3-pack", "Logo Tape Hoodie" }),
            line("Superdry", { "Vintage Logo Hoodie", "Everest Parka", "Studios Polo" }),
            line("Mango", { "Linen Blend Trousers", "Trench Coat", "Satin Skirt" }),
        };
        clothing.colours = strings(
            { "Navy", "White", "Black", "Olive", "Sand", "Burgundy", "Heather Grey", "Sky Blue" });
        clothing.sizes = strings({ "XS", "S", "M", "L", "XL", "XXL" });
        clothing.editions
            = strings({ "", "", "Organic", "Recycled", "Relaxed", "Slim", "Heavyweight" });
        clothing.minEuros = 14;
        clothing.maxEuros = 149;
        clothing.blurb = QStringLiteral("Everyday wardrobe essential.");
        clothing.extraAttributes = { { QStringLiteral("Material"),
            strings({ "100% cotton", "Organic cotton", "Linen", "Merino wool",
                "Polyester (recycled)", "Viscose" }) } };

        Category shoes;
        shoes.name = QStringLiteral("Shoes");
        shoes.vatClass = QStringLiteral("standard");
        shoes.weight = 12;
        shoes.variation = Variation::ColourShoe;
        shoes.brands = {
            line("Nike", { "Air Max 90", "Air Force 1 '07", "Revolution 6", "Pegasus 40" }),
            line("Adidas", { "Stan Smith", "Superstar", "Ultraboost Light", "Gazelle" }),
            line("Puma", { "Suede Classic XXI", "Carina 2.0", "RS-X" }),
            line("ASICS", { "Gel-Kayano 30", "Gel-Nimbus 25", "Gel-Lyte III" }),
            line("New Balance", { "574 Core", "327", "Fresh Foam 1080v13" }),
            line("Vans", { "Old Skool", "Authentic", "Sk8-Hi" }),
            line("Converse", { "Chuck Taylor All Star Hi", "Run Star Hike", "Chuck 70 Low" }),
            line("Timberland", { "6-Inch Premium Boot", "Euro Sprint Hiker" }),
            line("Dr. Martens", { "1460 Smooth Boot", "1461 Shoe" }),
        };
        shoes.colours
            = strings({ "White", "Black", "Triple White", "Grey/Navy", "Beige", "Red", "Wheat" });
        shoes.sizes = strings({ "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46" });
        shoes.editions = strings({ "", "", "", "Leather", "Suede", "Premium" });
        shoes.minEuros = 59;
        shoes.maxEuros = 199;
        shoes.blurb = QStringLiteral("Comfortable shoe for every day.");
        shoes.extraAttributes = { { QStringLiteral("Upper"),
            strings({ "Leather", "Mesh", "Suede", "Canvas", "Synthetic" }) } };

        Category electronics;
        electronics.name = QStringLiteral("Electronics");
        electronics.vatClass = QStringLiteral("standard");
        electronics.weight = 10;
        electronics.variation = Variation::Colour;
        electronics.brands = {
            line("Philips",
                { "Sonicare ProtectiveClean 4300", "Hue White Ambiance GU10 2-pack",
                    "Airfryer XXL HD9650", "OneBlade QP2724", "Senseo Original HD6554" }),
            line("Samsung", { "Galaxy Buds2 Pro", "Galaxy Tab A9+ 64 GB", "T7 Portable SSD 1 TB" }),
            line("Sony", { "WH-1000XM5 Headphones", "WF-C700N Earbuds", "SRS-XB100 Speaker" }),
            line("JBL", { "Flip 6 Speaker", "Tune 520BT Headphones", "Charge 5 Speaker" }),
            line("Logitech",
                { "MX Master 3S Mouse", "K380 Bluetooth Keyboard", "C920 HD Pro Webcam" }),
            line("Bose", { "QuietComfort 45", "SoundLink Flex" }),
            line("Fairphone", { "Fairphone 5 256 GB", "Fairbuds XL" }),
            line("Bang & Olufsen", { "Beosound A1 2nd Gen", "Beoplay EX" }),
        };
        electronics.colours
            = strings({ "Black", "White", "Blue", "Graphite", "Silver", "Sage Green" });
        electronics.editions = strings({ "", "", "", "", "2024 Edition", "Bundle" });
        electronics.minEuros = 19;
        electronics.maxEuros = 899;
        electronics.blurb = QStringLiteral("Two years' warranty, sold with a Dutch/Belgian plug.");
        electronics.extraAttributes
            = { { QStringLiteral("Warranty"), strings({ "2 years", "3 years" }) } };

        Category food;
        food.name = QStringLiteral("Food & Drink");
        food.vatClass = QStringLiteral("reduced");
        food.weight = 14;
        food.brands = {
            line("Tony's Chocolonely",
                { "Melkchocolade 180 g", "Puur 70% 180 g", "Karamel Zeezout 180 g",
                    "Wit Framboos Knettersuiker 180 g" }),
            line("Douwe Egberts",
                { "Aroma Rood Filterkoffie 500 g", "Koffiebonen Intens 1 kg",
                    "Pads Classic 36 st" }),
            line("Lotus", { "Biscoff Speculoos 250 g", "Biscoff Spread 400 g" }),
            line("Verkade", { "Melkchocolade Reep 111 g", "Café Noir 250 g" }),
            line("Côte d'Or", { "Noir de Noir 200 g", "Bouchée Lait 8 st" }),
            line("Calvé", { "Pindakaas 350 g", "Fritessaus 500 ml" }),
            line("Hak", { "Bruine Bonen 720 ml", "Rode Kool met Appel 720 ml" }),
            line("Neuhaus", { "Pralines Assortiment 250 g", "Caprices 200 g" }),
            line("Leonidas", { "Manons Assortiment 12 st" }),
            line("De Ruijter", { "Hagelslag Puur 400 g", "Vlokken Melk 300 g" }),
            line("Jules Destrooper", { "Amandelbrood 100 g", "Boterwafels 100 g" }),
            line("Chaudfontaine", { "Bruisend Water 6 x 1 l" }),
        };
        food.minEuros = 0;
        food.maxEuros = 24;
        food.blurb = QStringLiteral("From the Low Countries' favourite brands.");
        food.extraAttributes = { { QStringLiteral("Allergens"),
            strings({ "Milk", "Milk, soy", "Gluten, milk", "Peanuts", "None" }) } };

        Category books;
        books.name = QStringLiteral("Books");
        books.vatClass = QStringLiteral("reduced");
        books.weight = 6;
        books.books = true;
        books.brands = { line("Das Mag", {}), line("Lannoo", {}), line("De Bezige Bij", {}),
            line("Querido", {}), line("Prometheus", {}), line("Penguin", {}) };
        books.minEuros = 9;
        books.maxEuros = 34;
        books.blurb = QStringLiteral("Paperback.");

        Category home;
        home.name = QStringLiteral("Home & Kitchen");
        home.vatClass = QStringLiteral("standard");
        home.weight = 10;
        home.variation = Variation::Colour;
        home.brands = {
            line("Brabantia",
                { "Pedaalemmer NewIcon 30 L", "Strijkplank C 124x45", "Broodtrommel 2-in-1" }),
            line("Le Creuset", { "Braadpan Signature 24 cm", "Mok 350 ml" }),
            line("Tefal", { "Koekenpan Ingenio 28 cm", "Waterkoker Express 1,7 l" }),
            line("WMF", { "Messenset Grand Gourmet 5-delig", "Fusiontec Kookpan 20 cm" }),
            line("Bodum", { "Chambord Cafetière 1 l", "Bistro Waterkoker" }),
            line("Villeroy & Boch", { "NewWave Dinerbord 27 cm", "Artesano Mok 380 ml" }),
            line("Dyson", { "V8 Absolute Steelstofzuiger", "Purifier Cool TP07" }),
            line("Rituals", { "The Ritual of Sakura Geurstokjes 250 ml" }),
        };
        home.colours
            = strings({ "Matt Black", "White", "Platinum", "Volcanic", "Sage", "Stainless Steel" });
        home.editions = strings({ "", "", "", "Limited Edition" });
        home.minEuros = 9;
        home.maxEuros = 499;
        home.blurb = QStringLiteral("For the kitchen and the home.");

        Category beauty;
        beauty.name = QStringLiteral("Beauty");
        beauty.vatClass = QStringLiteral("standard");
        beauty.weight = 8;
        beauty.brands = {
            line("Nivea", { "Soft Crème 200 ml", "Men Sensitive Scheergel 200 ml" }),
            line("Dove", { "Douchegel Deeply Nourishing 250 ml", "Deodorant Original 150 ml" }),
            line("L'Oréal Paris",
                { "Elvive Color-Vive Shampoo 250 ml", "Revitalift Dagcrème 50 ml" }),
            line("Rituals", { "The Ritual of Karma Foaming Shower Gel 200 ml" }),
            line("Garnier", { "Micellair Reinigingswater 400 ml" }),
            line("Weleda", { "Skin Food 75 ml", "Calendula Babycrème 75 ml" }),
            line("Andrélon", { "Shampoo Zilver 300 ml" }),
        };
        beauty.minEuros = 2;
        beauty.maxEuros = 49;
        beauty.blurb = QStringLiteral("Care for every day.");

        Category toys;
        toys.name = QStringLiteral("Toys & Games");
        toys.vatClass = QStringLiteral("standard");
        toys.weight = 8;
        toys.brands = {
            line("LEGO",
                { "City Politiebureau 60316", "Technic Porsche 911 GT3 RS 42056",
                    "Friends Heartlake Ziekenhuis 42621", "Star Wars Millennium Falcon 75257",
                    "Creator 3-in-1 Dinosaurus 31058" }),
            line("Playmobil",
                { "City Life Kinderziekenhuis 70190", "Action Heroes Brandweerwagen 71233" }),
            line("Ravensburger",
                { "Puzzel Amsterdam 1000 stukjes", "Puzzel Gent bij Nacht 1000 stukjes" }),
            line("Hasbro", { "Monopoly Nederland", "Twister" }),
            line("Jumbo", { "Rummikub Original", "Wie is het?" }),
            line("Smoby", { "Keukentje Tefal Studio" }),
        };
        toys.minEuros = 9;
        toys.maxEuros = 169;
        toys.blurb = QStringLiteral("Fun for the whole family.");
        toys.extraAttributes
            = { { QStringLiteral("Age"), strings({ "3+", "6+", "8+", "10+", "12+" }) } };

        Category giftCards;
        giftCards.name = QStringLiteral("Gift cards");
        giftCards.vatClass
            = QStringLiteral("zero"); // a multi-purpose voucher carries no VAT at sale
        giftCards.weight = 1;
        giftCards.variation = Variation::Amount;
        giftCards.brands = { line("Toonbank", { "Cadeaukaart" }) };
        giftCards.blurb = QStringLiteral("Valid in every store and in the web shop.");

        categories
            = { jeans, clothing, shoes, electronics, food, books, home, beauty, toys, giftCards };
        for (const auto &category : std::as_const(categories))
            totalWeight += category.weight;

        firstNames = strings({ "Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Lotte", "Milan",
            "Eva", "Levi", "Fleur", "Noah", "Anouk", "Thijs", "Femke", "Jesse", "Lieke", "Bram",
            "Marieke", "Joost", "Elif", "Mohamed", "Yara", "Sofie", "Wout", "Lore", "Arne", "Jana",
            "Ruben", "Nora", "Camille", "Amélie" });
        lastNames = strings({ "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit",
            "Meijer", "de Boer", "Mulder", "Peeters", "Janssens", "Maes", "Jacobs", "Mertens",
            "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Yılmaz", "El Amrani",
            "Vermeulen", "Hendriks" });
        titleStarts = strings({ "De stille", "De laatste", "Een kleine", "De verloren", "De grote",
            "De lange", "Een zomer aan de", "Het geheim van de", "Terug naar de", "Licht over de",
            "De kinderen van de", "Brieven uit de" });
        titleNouns
            = strings({ "haven", "rivier", "zomer", "stad", "polder", "vuurtoren", "brug", "kust",
                "zee", "winter", "molen", "dijk", "schelde", "boerderij", "grens", "kathedraal" });
    }

    const Category &pickCategory(Rng &rng) const
    {
        int roll = rng.below(totalWeight);
        for (const auto &category : categories) {
            if (roll < category.weight)
                return category;
            roll -= category.weight;
        }
        return categories.constFirst();
    }
};

const Pools &pools()
{
    static const Pools instance;
    return instance;
}

/// Retail prices end the way shops price them: x.95 / x.99 above ten euros, x.49/x.79/x.99 below.
qint64 believableCents(Rng &rng, int euros)
{
    static const int highEndings[] = { 95, 99, 95, 99, 0 };
    static const int lowEndings[] = { 49, 79, 99, 29, 95 };
    if (euros >= 10)
        return qint64(euros) * 100 + highEndings[rng.below(5)];
    return qint64(euros) * 100 + lowEndings[rng.below(5)];
}

QString withCheckDigit(const QString &digits)
{
    return digits + QChar(u'0' + Core::Barcode::checkDigit(digits));
}

QString zeroPadded(quint64 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

/// Barcodes unique by construction: each number is an affine map of the product id, with a
/// multiplier coprime to 10 (so it is a bijection modulo 10^k), under a prefix per kind.
QStringList barcodesFor(qint64 id, Rng &rng)
{
    static const char *const gs1Prefixes[]
        = { "871", "872", "873", "540", "541", "400", "500", "560" };
    const auto n = quint64(id);
    QStringList codes;
    const int kind = rng.below(100);
    if (kind < 78) {
        const QString prefix = QString::fromLatin1(gs1Prefixes[rng.below(8)]);
        codes.append(withCheckDigit(
            prefix + zeroPadded((n * 738219377ull + 123456789ull) % 1000000000ull, 9)));
    } else if (kind < 85) {
        codes.append(withCheckDigit(zeroPadded((n * 7919ull + 1234567ull) % 10000000ull, 7)));
    } else if (kind < 95) {
        // UPC-A is stored under its EAN-13 lookup key ("0" + 12 digits).
        codes.append(QLatin1Char('0')
            + withCheckDigit(zeroPadded((n * 97531ull + 12345678901ull) % 100000000000ull, 11)));
    } else {
        codes.append(withCheckDigit(
            QStringLiteral("22") + zeroPadded((n * 3119ull + 42ull) % 10000000000ull, 10)));
    }
    // A quarter of the products also carry the chain's own in-store label.
    if (rng.percent(25))
        codes.append(withCheckDigit(
            QStringLiteral("21") + zeroPadded((n * 7777ull + 99ull) % 10000000000ull, 10)));
    return codes;
}

struct Model
{
    const Category *category = nullptr;
    QString brand;
    QString title; // brand-free model name, with the edition
    QString colour;
    QStringList variantLabels; // sizes, colours or amounts; one product each
    QStringList variantColours;
    qint64 priceCents = 0;
    std::optional<qint64> promoCents;
    QDate promoFrom;
    QDate promoUntil;
    int ratingTenths = -1;
    int reviewCount = 0;
    int webDeliveryDays = -1;
    QList<QPair<QString, QString>> attributes;
};

Model makeModel(Rng &rng, QDate reference)
{
    const Pools &p = pools();
    Model model;
    const Category &category = p.pickCategory(rng);
    model.category = &category;
    const BrandLine &brandLine = rng.pick(category.brands);
    model.brand = brandLine.brand;

    if (category.books) {
        const QString author = rng.pick(p.firstNames) + QLatin1Char(' ') + rng.pick(p.lastNames);
        model.title = rng.pick(p.titleStarts) + QLatin1Char(' ') + rng.pick(p.titleNouns)
            + QStringLiteral(" – ") + author;
        model.attributes = { { QStringLiteral("Author"), author },
            { QStringLiteral("Pages"), QString::number(rng.between(120, 640)) },
            { QStringLiteral("Language"),
                rng.percent(75) ? QStringLiteral("Nederlands") : QStringLiteral("English") } };
    } else {
        model.title = rng.pick(brandLine.models);
        if (!category.editions.isEmpty()) {
            const QString &edition = rng.pick(category.editions);
            if (!edition.isEmpty())
                model.title = edition + QLatin1Char(' ') + model.title;
        }
        if (!category.noun.isEmpty())
            model.title += QLatin1Char(' ') + category.noun;
    }
    for (const auto &[key, values] : category.extraAttributes)
        model.attributes.append({ key, rng.pick(values) });

    auto contiguousRun = [&](const QStringList &all, int minimum) {
        const int count = rng.between(qMin(minimum, int(all.size())), int(all.size()));
        const int start = rng.below(int(all.size()) - count + 1);
        return all.mid(start, count);
    };
    switch (category.variation) {
    case Variation::None:
        model.variantLabels = QStringList { QString() };
        break;
    case Variation::Colour:
        model.variantColours = contiguousRun(category.colours, 1);
        model.variantLabels = model.variantColours;
        break;
    case Variation::ColourSize:
    case Variation::ColourWaist:
    case Variation::ColourShoe:
        model.colour = rng.pick(category.colours);
        model.variantLabels = contiguousRun(category.sizes, 3);
        break;
    case Variation::Amount:
        model.variantLabels = strings({ "€ 10", "€ 25", "€ 50", "€ 100" });
        break;
    }

    if (category.variation != Variation::Amount) {
        model.priceCents = believableCents(rng, rng.between(category.minEuros, category.maxEuros));
        // One model in seven is on promotion: running now, open-ended, expired or coming up.
        if (rng.percent(14)) {
            const qint64 promo = (model.priceCents * rng.between(70, 85) / 100) / 100 * 100
                + (model.priceCents >= 1000 ? 95 : 49);
            if (promo < model.priceCents && promo > 0) {
                model.promoCents = promo;
                switch (rng.below(4)) {
                case 0:
                    model.promoFrom = reference.addDays(-rng.between(0, 7));
                    model.promoUntil = reference.addDays(rng.between(3, 21));
                    break;
                case 1:
                    model.promoFrom = reference.addDays(-rng.between(1, 30));
                    break;
                case 2:
                    model.promoFrom = reference.addDays(-rng.between(30, 60));
                    model.promoUntil = reference.addDays(-rng.between(1, 20));
                    break;
                default:
                    model.promoFrom = reference.addDays(rng.between(3, 14));
                    model.promoUntil = model.promoFrom.addDays(rng.between(7, 21));
                    break;
                }
            }
        }
    }
    if (rng.percent(85)) {
        model.ratingTenths = rng.between(30, 50);
        // Few products have many reviews: square a uniform draw to skew it.
        const int draw = rng.below(60);
        model.reviewCount = draw * draw / 2 + rng.below(5);
    }
    model.webDeliveryDays = rng.percent(10) ? -1 : rng.between(1, 4);
    return model;
}

// "dark-blue" for "Dark Blue", "grey-navy" for "Grey/Navy".
QString colourSlug(const QString &colour)
{
    QString slug;
    for (const QChar ch : colour.toLower()) {
        if ((ch >= u'a' && ch <= u'z') || (ch >= u'0' && ch <= u'9'))
            slug.append(ch);
        else if (!slug.isEmpty() && !slug.endsWith(QLatin1Char('-')))
            slug.append(QLatin1Char('-'));
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("natural") : slug;
}

// The photo ref the server draws for a demo product: "demo/<type>/<colour>" (docs/STOCK.md §3),
// the type read from the category and the model's words.
QString demoImageRef(const Category &category, const QString &title, const QString &colour)
{
    const auto has = [&title](const char *word) {
        return title.contains(QLatin1String(word), Qt::CaseInsensitive);
    };
    QString type;
    QString tint = colour;
    const QString &name = category.name;
    if (name == QLatin1String("Jeans")) {
        type = QStringLiteral("jeans");
    } else if (name == QLatin1String("Clothing")) {
        if (has("T-shirt") || has("Tee") || has("Longsleeve") || has("Polo"))
            type = QStringLiteral("tshirt");
        else if (has("Hoodie") || has("Sweatshirt"))
            type = QStringLiteral("hoodie");
        else if (has("Shirt") || has("Blouse"))
            type = QStringLiteral("shirt");
        else if (has("Dress"))
            type = QStringLiteral("dress");
        else if (has("Blazer") || has("Jacket") || has("Parka") || has("Coat"))
            type = QStringLiteral("jacket");
        else if (has("Cardigan") || has("Pullover") || has("Crew Neck"))
            type = QStringLiteral("sweater");
        else if (has("Shorts") || has("Boxer"))
            type = QStringLiteral("shorts");
        else if (has("Skirt"))
            type = QStringLiteral("skirt");
        else if (has("Trousers"))
            type = QStringLiteral("trousers");
        else
            type = QStringLiteral("tshirt");
    } else if (name == QLatin1String("Shoes")) {
        if (has("Boot"))
            type = QStringLiteral("boots");
        else if (has("1461"))
            type = QStringLiteral("shoes");
        else
            type = QStringLiteral("sneakers");
    } else if (name == QLatin1String("Electronics")) {
        if (has("Headphones") || has("QuietComfort"))
            type = QStringLiteral("headphones");
        else if (has("Buds") || has("Earbuds") || has("Beoplay"))
            type = QStringLiteral("earbuds");
        else if (has("Speaker") || has("Beosound") || has("SoundLink"))
            type = QStringLiteral("speaker");
        else if (has("Galaxy Tab") || has("Fairphone"))
            type = QStringLiteral("device");
        else
            type = QStringLiteral("box");
    } else if (name == QLatin1String("Food & Drink")) {
        if (has("choco") || has("Reep") || has("Noir") || has("Puur"))
            type = QStringLiteral("bar");
        else
            type = QStringLiteral("box");
        if (tint.isEmpty())
            tint = has("Puur") || has("Noir") ? QStringLiteral("brown") : QStringLiteral("red");
    } else if (name == QLatin1String("Books")) {
        type = QStringLiteral("book");
        if (tint.isEmpty())
            tint = QStringLiteral("navy");
    } else if (name == QLatin1String("Home & Kitchen")) {
        if (has("pan") || has("Braadpan"))
            type = QStringLiteral("pot");
        else if (has("Mok") || has("Cafeti"))
            type = QStringLiteral("mug");
        else
            type = QStringLiteral("box");
    } else if (name == QLatin1String("Beauty")) {
        type = QStringLiteral("bottle");
        if (tint.isEmpty())
            tint = QStringLiteral("sky-blue");
    } else if (name == QLatin1String("Toys & Games")) {
        type = QStringLiteral("toy");
        if (tint.isEmpty())
            tint = QStringLiteral("yellow");
    } else if (name == QLatin1String("Gift cards")) {
        type = QStringLiteral("card");
        if (tint.isEmpty())
            tint = QStringLiteral("green");
    } else {
        type = QStringLiteral("box");
    }
    return QStringLiteral("demo/") + type + QLatin1Char('/') + colourSlug(tint);
}

ProductRecord productFor(const Model &model, int variantIndex, qint64 id, Rng &rng)
{
    const Category &category = *model.category;
    ProductRecord product;
    product.id = id;
    product.sku = QStringLiteral("TB") + zeroPadded(quint64(id), 7);
    product.brand = model.brand;
    product.category = category.name;
    product.vatClass = category.vatClass;
    product.attributes = model.attributes;
    const QString &label = model.variantLabels.at(variantIndex);

    QString name = model.brand + QLatin1Char(' ') + model.title;
    switch (category.variation) {
    case Variation::None:
        break;
    case Variation::Colour:
        name += QLatin1Char(' ') + label;
        product.attributes.prepend({ QStringLiteral("Colour"), label });
        product.variantLabel = label;
        break;
    case Variation::ColourSize:
    case Variation::ColourWaist:
    case Variation::ColourShoe:
        name += QLatin1Char(' ') + model.colour + QLatin1Char(' ') + label;
        product.attributes.prepend(
            { category.variation == Variation::ColourWaist ? QStringLiteral("Size (W/L)")
                                                           : QStringLiteral("Size"),
                label });
        product.attributes.prepend({ QStringLiteral("Colour"), model.colour });
        product.variantLabel = model.colour + QStringLiteral(" / ") + label;
        break;
    case Variation::Amount:
        name += QLatin1Char(' ') + label;
        product.variantLabel = label;
        break;
    }
    product.name = name;
    product.description
        = model.brand + QLatin1Char(' ') + model.title + QStringLiteral(". ") + category.blurb;

    if (category.variation == Variation::Amount) {
        static const int amounts[] = { 10, 25, 50, 100 };
        product.price = Core::Money::fromCents(amounts[variantIndex % 4] * 100);
    } else {
        // Bigger sizes of the same model sometimes cost a little more.
        const qint64 surcharge = variantIndex >= 4 && rng.percent(30) ? 500 : 0;
        product.price = Core::Money::fromCents(model.priceCents + surcharge);
        if (model.promoCents)
            product.promoPrice = Core::Money::fromCents(*model.promoCents + surcharge);
        product.promoFrom = model.promoFrom;
        product.promoUntil = model.promoUntil;
    }
    product.ratingTenths = model.ratingTenths;
    product.reviewCount = model.reviewCount;
    product.webDeliveryDays = model.webDeliveryDays;
    product.imageRef = demoImageRef(
        category, model.title, category.variation == Variation::Colour ? label : model.colour);
    product.barcodes = barcodesFor(id, rng);
    return product;
}

Location makeLocation(qint64 id, const char *code, const char *name, const char *address,
    const char *city, const char *country, double latitude, double longitude,
    LocationKind kind = LocationKind::Store)
{
    Location location;
    location.id = id;
    location.code = QString::fromUtf8(code);
    location.name = QString::fromUtf8(name);
    location.kind = kind;
    location.address = QString::fromUtf8(address);
    location.city = QString::fromUtf8(city);
    location.country = QString::fromUtf8(country);
    location.latitude = latitude;
    location.longitude = longitude;
    location.cashRounding = true; // on by default in both countries (mandatory in BE)
    return location;
}

} // namespace

QString DemoChain::demoPin(StaffRole role)
{
    switch (role) {
    case StaffRole::Cashier:
        return QStringLiteral("1111");
    case StaffRole::Supervisor:
        return QStringLiteral("2222");
    case StaffRole::Manager:
        return QStringLiteral("3333");
    }
    Q_UNREACHABLE();
    return {};
}

QList<Location> DemoChain::locations()
{
    // Real shopping streets and their coordinates (WGS84).
    return {
        makeLocation(1, "AMS01", "Toonbank Amsterdam Kalverstraat", "Kalverstraat 92, 1012 PH",
            "Amsterdam", "NL", 52.3702, 4.8910),
        makeLocation(2, "RTD01", "Toonbank Rotterdam Lijnbaan", "Lijnbaan 75, 3012 EM", "Rotterdam",
            "NL", 51.9206, 4.4740),
        makeLocation(3, "UTR01", "Toonbank Utrecht Oudegracht", "Oudegracht 150, 3511 AZ",
            "Utrecht", "NL", 52.0907, 5.1214),
        makeLocation(4, "DHG01", "Toonbank Den Haag Grote Marktstraat",
            "Grote Marktstraat 40, 2511 BJ", "Den Haag", "NL", 52.0766, 4.3113),
        makeLocation(5, "EHV01", "Toonbank Eindhoven Demer", "Demer 21, 5611 AR", "Eindhoven", "NL",
            51.4392, 5.4781),
        makeLocation(6, "GRQ01", "Toonbank Groningen Herestraat", "Herestraat 60, 9711 LM",
            "Groningen", "NL", 53.2147, 6.5666),
        makeLocation(7, "ANR01", "Toonbank Antwerpen Meir", "Meir 78, 2000", "Antwerpen", "BE",
            51.2180, 4.4079),
        makeLocation(8, "GNE01", "Toonbank Gent Veldstraat", "Veldstraat 45, 9000", "Gent", "BE",
            51.0522, 3.7224),
        makeLocation(9, "BRU01", "Toonbank Brussel Nieuwstraat", "Nieuwstraat 111, 1000", "Brussel",
            "BE", 50.8523, 4.3560),
        makeLocation(10, "LEU01", "Toonbank Leuven Diestsestraat", "Diestsestraat 60, 3000",
            "Leuven", "BE", 50.8803, 4.7053),
        makeLocation(11, "BRG01", "Toonbank Brugge Steenstraat", "Steenstraat 38, 8000", "Brugge",
            "BE", 51.2073, 3.2220),
        makeLocation(12, "LGG01", "Toonbank Liège Pont d'Avroy", "Rue Pont d'Avroy 25, 4000",
            "Liège", "BE", 50.6410, 5.5700),
        makeLocation(13, "WEB", "Toonbank Webshop Warehouse", "Kraaivenstraat 9, 5048 AB",
            "Tilburg", "NL", 51.5880, 5.0740, LocationKind::WebWarehouse),
    };
}

Core::Result<DemoChain::Summary> DemoChain::generate(
    CatalogSink &writer, const Options &options, const Progress &progress)
{
    if (options.productCount < minProducts || options.productCount > maxProducts) {
        return Core::Error::make(QStringLiteral("demo.product_count"),
            Core::Tr::tr("The demo chain holds %1 to %2 products.")
                .arg(minProducts)
                .arg(maxProducts));
    }
    const QDate reference
        = options.referenceDate.isValid() ? options.referenceDate : QDate(2025, 6, 2);
    Summary summary;
    const QList<Location> chain = locations();
    for (const Location &location : chain) {
        if (auto status = writer.upsertLocation(location); !status)
            return status.error();
    }
    summary.locations = int(chain.size());
    summary.homeLocationId = chain.constFirst().id;

    // Staff: every member gets a salt of their own, so hashing is per member.
    const Pools &p = pools();
    Rng staffRng(options.seed, 0xC0FFEEull);
    qint64 staffId = 0;
    for (const Location &location : chain) {
        if (location.kind != LocationKind::Store)
            continue;
        for (int i = 0; i < staffPerStore; ++i) {
            StaffMember member;
            member.id = ++staffId;
            member.code = QStringLiteral("E%1").arg(1000 + staffId);
            member.displayName
                = staffRng.pick(p.firstNames) + QLatin1Char(' ') + staffRng.pick(p.lastNames);
            member.role = i < 3 ? StaffRole::Cashier
                                : (i == 3 ? StaffRole::Supervisor : StaffRole::Manager);
            member.homeLocationId = location.id;
            const auto hash = Core::Pin::hash(demoPin(member.role), options.pinIterations);
            if (!hash)
                return hash.error();
            if (auto status = writer.upsertStaff(member, hash.value()); !status)
                return status.error();
            ++summary.staff;
        }
    }

    // Stock figures are a few hours old, as after a morning sync.
    const QDateTime syncedAt(reference, QTime(7, 0), Qt::UTC);
    const int total = options.productCount;
    qint64 nextId = 1;
    quint64 modelIndex = 0;
    while (nextId <= total) {
        Rng rng(options.seed, ++modelIndex);
        const Model model = makeModel(rng, reference);
        const QString group
            = model.variantLabels.size() > 1 ? QStringLiteral("VG%1").arg(modelIndex) : QString();
        for (int v = 0; v < model.variantLabels.size() && nextId <= total; ++v) {
            ProductRecord product = productFor(model, v, nextId, rng);
            product.variantGroup = group;
            if (auto status = writer.upsertProduct(product); !status)
                return status.error();
            summary.barcodes += product.barcodes.size();
            for (const Location &location : chain) {
                const bool web = location.kind == LocationKind::WebWarehouse;
                const int quantity = web ? (rng.percent(10) ? 0 : rng.between(5, 300))
                                         : (rng.percent(25) ? 0 : rng.between(1, 12));
                const QDateTime asOf = syncedAt.addSecs(-60 * rng.below(240));
                if (auto status = writer.setStock(product.id, location.id, quantity, asOf); !status)
                    return status.error();
                ++summary.stockRows;
            }
            ++summary.products;
            if (progress && nextId % 10000 == 0)
                progress(int(nextId), total);
            ++nextId;
        }
    }
    if (progress)
        progress(total, total);
    return summary;
}

Core::Result<DemoChain::Summary> DemoChain::generateInto(
    LocalDatabase &database, const Options &options, const Progress &progress)
{
    // Journal mode cannot change inside a transaction, and leaving WAL needs the file to
    // ourselves: both hold for a fresh file, which is the only case this is asked for.
    auto pragma = [&database](const QString &sql) -> Core::Status {
        QSqlQuery query(database.connection());
        if (!query.exec(sql))
            return Core::Error::make(QStringLiteral("demo.journal"),
                Core::Tr::tr("The demo cache could not be prepared."), query.lastError().text());
        return Core::success();
    };
    if (options.unjournaledFreshFile) {
        if (auto status = pragma(QStringLiteral("PRAGMA journal_mode=OFF")); !status)
            return status.error();
        if (auto status = pragma(QStringLiteral("PRAGMA synchronous=OFF")); !status)
            return status.error();
    }
    Core::Result<Summary> summary = Core::Error {};
    {
        CatalogWriter writer(database);
        if (auto status = writer.begin(); !status)
            return status.error();
        summary = generate(writer, options, progress);
        if (!summary)
            return summary.error(); // the writer rolls back
        if (auto status = database.setSetting(
                QStringLiteral("location_id"), QString::number(summary->homeLocationId));
            !status)
            return status.error();
        if (auto status = writer.commit(); !status)
            return status.error();
    }
    if (options.unjournaledFreshFile) {
        if (auto status = pragma(QStringLiteral("PRAGMA journal_mode=WAL")); !status)
            return status.error();
        if (auto status = pragma(QStringLiteral("PRAGMA synchronous=NORMAL")); !status)
            return status.error();
    }
    return summary;
}

namespace {

/// Letters only, lower-case, accents dropped: "van den Berg" → "vandenberg", "Yılmaz" → "ylmaz".
QString mailPart(const QString &name)
{
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_D)) {
        const char16_t u = c.toLower().unicode();
        if (u >= u'a' && u <= u'z')
            out.append(QChar(u));
    }
    return out;
}

QDateTime atUtc(QDate date, int minuteOfDay)
{
    return QDateTime(date, QTime(minuteOfDay / 60, minuteOfDay % 60), Qt::UTC);
}

struct CatalogModel
{
    QString category;
    QString brand;
    QString sku; // the model's first product
    qint64 priceCents = 0;
};

/// The models of the catalog generate() writes for these options, replayed without writing:
/// the first `wanted` of each category (enough to pick promotion targets from).
QList<CatalogModel> catalogModels(const DemoChain::Options &options, QDate reference, int wanted)
{
    QList<CatalogModel> found;
    QHash<QString, int> perCategory;
    const int categories = int(pools().categories.size());
    qint64 nextId = 1;
    quint64 modelIndex = 0;
    while (nextId <= options.productCount) {
        Rng rng(options.seed, ++modelIndex);
        const Model model = makeModel(rng, reference);
        int &count = perCategory[model.category->name];
        if (count < wanted) {
            ++count;
            found.append({ model.category->name, model.brand,
                QStringLiteral("TB") + zeroPadded(quint64(nextId), 7), model.priceCents });
        }
        nextId += std::max<qsizetype>(1, model.variantLabels.size());
        if (perCategory.size() == categories
            && std::all_of(
                perCategory.cbegin(), perCategory.cend(), [wanted](int n) { return n >= wanted; }))
            break;
    }
    return found;
}

/// A shop's price below `cents`: whole euros minus a cent (x.99), or the plain share when small.
qint64 pricedBelow(qint64 cents)
{
    const qint64 rounded = cents / 100 * 100 - 1;
    return rounded > 0 ? rounded : std::max<qint64>(1, cents);
}

} // namespace

QList<DemoChain::Customer> DemoChain::customers(const Options &options)
{
    static const QStringList beFirst = strings({ "Lise", "Arthur", "Noor", "Louis", "Olivia",
        "Jules", "Marie", "Victor", "Elena", "Finn", "Lucie", "Mathis", "Ella", "Warre", "Fien" });
    static const QStringList beLast = strings({ "Peeters", "Janssens", "Maes", "Jacobs", "Mertens",
        "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Dupont",
        "Van Damme", "Vandenbroucke", "De Backer" });
    static const char *const nlMail[] = { "gmail.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl",
        "outlook.com", "live.nl", "xs4all.nl" };
    static const char *const beMail[]
        = { "gmail.com", "telenet.be", "skynet.be", "proximus.be", "hotmail.be", "outlook.be" };
    const Pools &p = pools();
    const Core::LoyaltyRules rules = Core::LoyaltyRules::defaults();
    const QDate reference
        = options.referenceDate.isValid() ? options.referenceDate : QDate(2025, 6, 2);
    QList<Customer> list;
    qint64 id = 0;
    for (const Location &store : locations()) {
        if (store.kind != LocationKind::Store)
            continue;
        const bool be = store.country == QLatin1String("BE");
        for (int i = 0; i < std::max(0, options.customersPerStore); ++i) {
            Customer c;
            c.id = ++id;
            Rng rng(options.seed ^ 0xC057'0000ull, quint64(c.id));
            const QString first
                = be && rng.percent(60) ? rng.pick(beFirst) : rng.pick(p.firstNames);
            const QString last = be && rng.percent(60) ? rng.pick(beLast) : rng.pick(p.lastNames);
            c.name = first + QLatin1Char(' ') + last;
            // 299 + nine digits of the id + check digit: unique, and a LoyaltyCard scan.
            c.cardNumber = withCheckDigit(QStringLiteral("299") + zeroPadded(quint64(c.id), 9));
            // The mailbox carries the id so two Sanne de Vries never share an address.
            c.email = mailPart(first) + QLatin1Char('.') + mailPart(last) + QString::number(c.id)
                + QLatin1Char('@')
                + QLatin1String(be ? beMail[rng.below(6)] : nlMail[rng.below(7)]);
            // Mobile numbers: an affine map of the id (multiplier coprime to 10) keeps them
            // unique. NL 06 + 8 digits, BE 04x7… + 7 digits.
            const quint64 n = quint64(c.id) * 73'856'093ull + 12'345'678ull;
            c.phone = be ? QStringLiteral("+3247") + QString::number(rng.between(0, 9))
                    + zeroPadded(n % 1'000'000ull, 6)
                         : QStringLiteral("+316") + zeroPadded(n % 100'000'000ull, 8);
            c.homeStoreCode = store.code;
            c.consentEmail = rng.percent(55);
            c.consentSms = rng.percent(25);
            c.consentPersonalised = rng.percent(40);

            // Lifetime points: most are basic, a fifth silver, a few gold; the first three of
            // the first store are gold, silver and basic for the README.
            qint64 lifetime = 0;
            const int roll = rng.below(100);
            if (id <= 3)
                lifetime = id == 1 ? 7340 : (id == 2 ? 2210 : 460);
            else if (roll < 72)
                lifetime = rng.between(100, 990);
            else if (roll < 93)
                lifetime = rng.between(1000, 4900);
            else
                lifetime = rng.between(5000, 14000);
            const QDate enrolled = reference.addDays(-rng.between(30, 900));
            c.consentChangedAt = atUtc(enrolled, rng.between(9 * 60, 18 * 60));
            // Welcome bonus, then purchases up to the lifetime total, oldest first.
            const int span = std::max<int>(1, int(enrolled.daysTo(reference)) - 1);
            QList<LedgerEntry> entries;
            entries.append({ QStringLiteral("demo-%1-0").arg(c.id), 100, QStringLiteral("welcome"),
                store.id, c.consentChangedAt });
            qint64 left = lifetime - 100;
            const int purchases = rng.between(2, 9);
            QList<int> days;
            for (int k = 0; k < purchases; ++k)
                days.append(rng.between(1, span));
            std::sort(days.begin(), days.end());
            for (int k = 0; k < purchases && left > 0; ++k) {
                const qint64 points = k + 1 == purchases
                    ? left
                    : std::min<qint64>(
                        left, std::max<qint64>(1, left / (purchases - k) + rng.between(-20, 20)));
                left -= points;
                entries.append({ QStringLiteral("demo-%1-%2").arg(c.id).arg(k + 1), points,
                    QStringLiteral("sale"), store.id,
                    atUtc(enrolled.addDays(days.at(k)), rng.between(10 * 60, 17 * 60)) });
            }
            // Two purchases on one day keep their order by time.
            std::stable_sort(entries.begin(), entries.end(),
                [](const LedgerEntry &a, const LedgerEntry &b) { return a.at < b.at; });
            qint64 balance = 0;
            for (const LedgerEntry &e : entries)
                balance += e.points;
            // A third once paid with points: whole hundreds, never below zero.
            if (id > 3 && balance >= 500 && rng.percent(33)) {
                const qint64 redeemed = qint64(rng.between(1, int(balance / 200))) * 100;
                // After the last purchase (in the evening), before the reference day.
                const QDate last = entries.constLast().at.date();
                const int gap = std::max(0, int(last.daysTo(reference)) - 1);
                entries.append({ QStringLiteral("demo-%1-r").arg(c.id), -redeemed,
                    QStringLiteral("redeem"), store.id,
                    atUtc(last.addDays(rng.between(std::min(1, gap), gap)),
                        18 * 60 + 30 + rng.below(60)) });
                balance -= redeemed;
            }
            c.ledger = entries;
            c.lastSeenAt = entries.constLast().at;
            if (id <= 3 || rng.percent(80)) {
                const QDateTime visit
                    = atUtc(reference.addDays(-rng.between(1, 60)), rng.between(10 * 60, 17 * 60));
                c.lastSeenAt = std::max(c.lastSeenAt, visit);
            }
            c.points = balance;
            c.lifetimePoints = lifetime;
            c.tier = rules.tierFor(lifetime);
            list.append(c);
        }
    }
    return list;
}

QList<Core::Promotion> DemoChain::promotions(const Options &options)
{
    const QDate reference
        = options.referenceDate.isValid() ? options.referenceDate : QDate(2025, 6, 2);
    const QList<CatalogModel> models = catalogModels(options, reference, 3);
    auto first = [&models](const QString &category, int skip = 0) -> const CatalogModel * {
        for (const CatalogModel &m : models) {
            if (m.category == category && skip-- == 0)
                return &m;
        }
        return nullptr;
    };
    // Running promotions: from two weeks before the reference day to a month after it.
    const QDateTime from(reference.addDays(-14), QTime(0, 0));
    const QDateTime until(reference.addDays(30), QTime(23, 59, 59));
    QList<Core::Promotion> list;
    list.reserve(32); // add() hands out references into the list
    auto add = [&](const char *id, const QString &label, Core::PromotionKind kind,
                   Core::PromotionTarget target, QStringList keys) -> Core::Promotion & {
        Core::Promotion p;
        p.id = QLatin1String(id);
        p.label = label;
        p.kind = kind;
        p.target = target;
        p.targetKeys = std::move(keys);
        p.validFrom = from;
        p.validUntil = until;
        list.append(p);
        return list.last();
    };
    using K = Core::PromotionKind;
    using T = Core::PromotionTarget;
    const QString food = QStringLiteral("Food & Drink");

    auto &threeForTwo = add(
        "DEMO-3V2", QStringLiteral("3 voor 2 op Food & Drink"), K::BuyNPayM, T::Category, { food });
    threeForTwo.buyQuantity = 3;
    threeForTwo.payQuantity = 2;

    const CatalogModel *clothing = first(QStringLiteral("Clothing"));
    const QString brand = clothing ? clothing->brand : QStringLiteral("Tommy Hilfiger");
    auto &brandOff = add("DEMO-MERK20", QStringLiteral("20% korting op %1").arg(brand),
        K::PercentOff, T::Brand, { brand });
    brandOff.percentBasisPoints = 2000;

    auto &secondHalf = add("DEMO-2EHALF", QStringLiteral("2e paar schoenen halve prijs"),
        K::NthAtPercentOff, T::Category, { QStringLiteral("Shoes") });
    secondHalf.buyQuantity = 2;
    secondHalf.percentBasisPoints = 5000;

    auto &cheapestFree = add("DEMO-BOEK3", QStringLiteral("3 boeken: de goedkoopste gratis"),
        K::CheapestFree, T::Category, { QStringLiteral("Books") });
    cheapestFree.buyQuantity = 3;

    const CatalogModel *foodA = first(food, 0);
    const CatalogModel *foodB = first(food, 1);
    if (foodA && foodB && foodA->sku != foodB->sku) {
        auto &bundle
            = add("DEMO-BUNDEL", QStringLiteral("Bundel %1 + %2").arg(foodA->brand, foodB->brand),
                K::BundlePrice, T::Item, { foodA->sku, foodB->sku });
        bundle.amount
            = Core::Money::fromCents(pricedBelow((foodA->priceCents + foodB->priceCents) * 8 / 10));
    }
    if (const CatalogModel *foodC = first(food, 2)) {
        auto &fixed
            = add("DEMO-VASTEPRIJS", QStringLiteral("%1 nu voor een vaste prijs").arg(foodC->brand),
                K::FixedPrice, T::Item, { foodC->sku });
        fixed.amount = Core::Money::fromCents(pricedBelow(foodC->priceCents * 3 / 4));
    }
    if (const CatalogModel *beauty = first(QStringLiteral("Beauty"))) {
        auto &amountOff
            = add("DEMO-BEAUTY2", QStringLiteral("€ 2 korting per %1-artikel").arg(beauty->brand),
                K::AmountOff, T::Brand, { beauty->brand });
        amountOff.amount = Core::Money::fromCents(200);
    }

    auto &threshold = add(
        "DEMO-5VAN50", QStringLiteral("€ 5 korting vanaf € 50"), K::SpendThreshold, T::Basket, {});
    threshold.amount = Core::Money::fromCents(500);
    threshold.threshold = Core::Money::fromCents(5000);

    auto &welcome = add("DEMO-WELKOM10", QStringLiteral("Welkomstcode: 10% op je aankoop"),
        K::PercentOff, T::Basket, {});
    welcome.percentBasisPoints = 1000;
    welcome.couponCode = welcomeCoupon();

    // Single-use coupons (one claim each, online): codes from the seed.
    Rng couponRng(options.seed, 0xC0D3ull);
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int k = 0; k < 2; ++k) {
        QString code = QStringLiteral("TB");
        for (int c = 0; c < 6; ++c)
            code.append(QLatin1Char(alphabet[couponRng.below(32)]));
        auto &single = add(k == 0 ? "DEMO-CADEAU1" : "DEMO-CADEAU2",
            QStringLiteral("Cadeaucode: € 10 korting"), K::AmountOff, T::Basket, {});
        single.amount = Core::Money::fromCents(1000);
        single.couponCode = code;
        single.singleUse = true;
    }

    auto &gold
        = add("DEMO-GOUD5", QStringLiteral("Gold-klant: 5% korting"), K::PercentOff, T::Basket, {});
    gold.percentBasisPoints = 500;
    gold.tier = QStringLiteral("gold");

    // Personal offers for the README's three cards (customers 1-3 of the first store).
    if (options.customersPerStore >= 3) {
        auto &p1 = add("DEMO-PERSOONLIJK1", QStringLiteral("Persoonlijk: 15% op Jeans"),
            K::PercentOff, T::Category, { QStringLiteral("Jeans") });
        p1.percentBasisPoints = 1500;
        p1.customerId = 1;
        auto &p2 = add("DEMO-PERSOONLIJK2", QStringLiteral("Persoonlijk: € 7,50 korting"),
            K::AmountOff, T::Basket, {});
        p2.amount = Core::Money::fromCents(750);
        p2.customerId = 2;
        auto &p3 = add("DEMO-PERSOONLIJK3", QStringLiteral("Persoonlijk: 25% op Beauty"),
            K::PercentOff, T::Category, { QStringLiteral("Beauty") });
        p3.percentBasisPoints = 2500;
        p3.customerId = 3;
    }

    auto &exclusive = add("DEMO-TECH15", QStringLiteral("15% op Electronics (niet te combineren)"),
        K::PercentOff, T::Category, { QStringLiteral("Electronics") });
    exclusive.percentBasisPoints = 1500;
    exclusive.exclusive = true;
    exclusive.priority = 10;

    auto &expired = add("DEMO-VOORJAAR", QStringLiteral("Voorjaarsactie: 30% op Jeans (verlopen)"),
        K::PercentOff, T::Category, { QStringLiteral("Jeans") });
    expired.percentBasisPoints = 3000;
    expired.validFrom = QDateTime(reference.addDays(-45), QTime(0, 0));
    expired.validUntil = QDateTime(reference.addDays(-3), QTime(23, 59, 59));

    auto &future = add("DEMO-ZOMER", QStringLiteral("Zomeractie: 25% op Clothing (binnenkort)"),
        K::PercentOff, T::Category, { QStringLiteral("Clothing") });
    future.percentBasisPoints = 2500;
    future.validFrom = QDateTime(reference.addDays(7), QTime(0, 0));
    future.validUntil = QDateTime(reference.addDays(37), QTime(23, 59, 59));

    const QString homeStore = locations().constFirst().code;
    auto &oneStore = add("DEMO-KALVERSTRAAT",
        QStringLiteral("Alleen in %1: 10% op Home & Kitchen").arg(homeStore), K::PercentOff,
        T::Category, { QStringLiteral("Home & Kitchen") });
    oneStore.percentBasisPoints = 1000;
    oneStore.storeCodes = { homeStore };
    return list;
}

} // namespace Toonbank::Store
