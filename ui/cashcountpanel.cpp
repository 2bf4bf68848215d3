#include "cashcountpanel.h"

#include "uihelpers.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

#include <algorithm>

namespace Toonbank::Ui {

namespace {
constexpr int maxDigits = 5; // below 100,000 pieces (Core::parseCashCount)
constexpr int columnsPerSide = 5; // name, −, field, +, row total
} // namespace

QString denominationLabel(qint64 cents)
{
    const QLocale locale;
    if (cents % 100 == 0) {
        const QString euros = locale.toString(cents / 100);
        return locale.language() == QLocale::Dutch ? QStringLiteral("€ %1").arg(euros)
                                                   : QStringLiteral("€%1").arg(euros);
    }
    return Core::Money::fromCents(cents).toDisplayString(locale);
}

CashCountPanel::CashCountPanel(QWidget *parent)
    : QWidget(parent)
    , m_notesCaption(roleLabel(this, "caption"))
    , m_coinsCaption(roleLabel(this, "caption"))
{
    setObjectName(QStringLiteral("cashCount"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(6);
    grid->addWidget(m_notesCaption, 0, 0, 1, columnsPerSide);
    grid->addWidget(m_coinsCaption, 0, columnsPerSide + 1, 1, columnsPerSide);
    // A gap between the notes and the coins.
    grid->setColumnMinimumWidth(columnsPerSide, 20);

    QList<qint64> denominations = Core::euroDenominations();
    std::sort(denominations.begin(), denominations.end(), std::greater<>());
    int noteRow = 1;
    int coinRow = 1;
    for (const qint64 cents : std::as_const(denominations)) {
        Row row;
        row.cents = cents;
        row.name = roleLabel(this, "countName");
        row.minus = touchButton(this, "step");
        row.field = new QLineEdit(this);
        row.plus = touchButton(this, "step");
        row.total = roleLabel(this, "countTotal");
        const QString prefix = QStringLiteral("count%1").arg(cents);
        row.name->setObjectName(prefix + QStringLiteral("Name"));
        row.minus->setObjectName(prefix + QStringLiteral("Minus"));
        row.field->setObjectName(prefix + QStringLiteral("Field"));
        row.plus->setObjectName(prefix + QStringLiteral("Plus"));
        row.total->setObjectName(prefix + QStringLiteral("Total"));
        row.minus->setText(QStringLiteral("−"));
        row.plus->setText(QStringLiteral("+"));
        row.field->setProperty("role", QStringLiteral("countField"));
        row.field->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.field->setMaxLength(8);
        row.field->setPlaceholderText(QStringLiteral("0"));
        row.field->installEventFilter(this);
        row.name->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.total->setMinimumWidth(
            QFontMetrics(row.total->font())
                .horizontalAdvance(Core::Money::fromCents(999999).toDisplayString()));
        connect(row.minus, &QPushButton::clicked, this, [this, cents] { step(cents, -1); });
        connect(row.plus, &QPushButton::clicked, this, [this, cents] { step(cents, 1); });
        connect(row.field, &QLineEdit::textChanged, this, [this, cents] {
            for (Row &r : m_rows) {
                if (r.cents == cents)
                    refreshRow(r);
            }
            emit changed();
        });
        const bool coin = Core::isCoin(cents);
        const int gridRow = coin ? coinRow++ : noteRow++;
        const int column = coin ? columnsPerSide + 1 : 0;
        grid->addWidget(row.name, gridRow, column);
        grid->addWidget(row.minus, gridRow, column + 1);
        grid->addWidget(row.field, gridRow, column + 2);
        grid->addWidget(row.plus, gridRow, column + 3);
        grid->addWidget(row.total, gridRow, column + 4);
        m_rows.append(row);
    }
    grid->setRowStretch(std::max(noteRow, coinRow), 1);
    for (Row &row : m_rows)
        refreshRow(row);
    if (!m_rows.isEmpty())
        choose(m_rows.constFirst().cents);
    retranslate();
}

QMap<qint64, QString> CashCountPanel::typed() const
{
    QMap<qint64, QString> typed;
    for (const Row &row : m_rows)
        typed.insert(row.cents, row.field->text().trimmed());
    return typed;
}

Core::Money CashCountPanel::total() const
{
    Core::Money sum;
    for (const Row &row : m_rows) {
        const Core::Result<Core::CashCount> one
            = Core::parseCashCount({ { row.cents, row.field->text().trimmed() } });
        if (one)
            sum = sum + one.value().total();
    }
    return sum;
}

bool CashCountPanel::valid() const
{
    return bool(Core::parseCashCount(typed()));
}

void CashCountPanel::clear()
{
    for (Row &row : m_rows) {
        const QSignalBlocker blocker(row.field);
        row.field->clear();
        refreshRow(row);
    }
    if (!m_rows.isEmpty())
        choose(m_rows.constFirst().cents);
    emit changed();
}

void CashCountPanel::setCount(const Core::CashCount &count)
{
    for (Row &row : m_rows) {
        const QSignalBlocker blocker(row.field);
        const qint64 pieces = count.pieces.value(row.cents);
        row.field->setText(pieces > 0 ? QString::number(pieces) : QString());
        refreshRow(row);
    }
    emit changed();
}

void CashCountPanel::choose(qint64 denomination)
{
    m_chosen = denomination;
    for (Row &row : m_rows) {
        row.field->setProperty("chosen", row.cents == denomination);
        repolish(row.field);
    }
}

void CashCountPanel::typeDigit(int digit)
{
    if (m_locked)
        return;
    for (Row &row : m_rows) {
        if (row.cents != m_chosen)
            continue;
        QString text = row.field->text().trimmed();
        if (text == QLatin1String("0"))
            text.clear();
        if (text.size() < maxDigits)
            row.field->setText(text + QString::number(digit));
    }
}

void CashCountPanel::backspace()
{
    if (m_locked)
        return;
    for (Row &row : m_rows) {
        if (row.cents == m_chosen) {
            QString text = row.field->text();
            text.chop(1);
            row.field->setText(text);
        }
    }
}

void CashCountPanel::step(qint64 denomination, int by)
{
    if (m_locked)
        return;
    choose(denomination);
    for (Row &row : m_rows) {
        if (row.cents != denomination)
            continue;
        bool ok = false;
        const QString text = row.field->text().trimmed();
        qint64 pieces = text.isEmpty() ? 0 : text.toLongLong(&ok);
        if (!text.isEmpty() && !ok)
            pieces = 0; // a typing error: + and − start again from nothing
        pieces = std::clamp<qint64>(pieces + by, 0, 99999);
        row.field->setText(pieces > 0 ? QString::number(pieces) : QString());
    }
}

void CashCountPanel::refreshRow(Row &row)
{
    const QString text = row.field->text().trimmed();
    const Core::Result<Core::CashCount> one = Core::parseCashCount({ { row.cents, text } });
    const bool bad = !one;
    if (row.field->property("error").toBool() != bad) {
        row.field->setProperty("error", bad);
        repolish(row.field);
    }
    row.total->setText(bad                 ? QStringLiteral("—")
            : one.value().total().isZero() ? QString()
                                           : one.value().total().toDisplayString());
    row.minus->setEnabled(!m_locked && !text.isEmpty());
}

void CashCountPanel::setCompact(bool compact)
{
    m_forceCompact = compact;
    applyCompact();
}

int CashCountPanel::fullWidth() const
{
    // Both columns with their row totals: name, −, field, +, total and the gaps between.
    if (m_rows.isEmpty())
        return 0;
    const Row &row = m_rows.constFirst();
    const int spacing = 6;
    const int side = row.name->minimumWidth() + row.minus->minimumSizeHint().width()
        + row.field->minimumSizeHint().width() + row.plus->minimumSizeHint().width()
        + row.total->minimumWidth() + 4 * spacing;
    return 2 * side + 20 + 2 * spacing;
}

void CashCountPanel::applyCompact()
{
    // Narrow (portrait, or a wide pane beside): the row totals give way, never the rows.
    const bool compact = m_forceCompact || width() < fullWidth();
    if (compact == m_compact)
        return;
    m_compact = compact;
    for (Row &row : m_rows)
        row.total->setVisible(!compact);
}

void CashCountPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyCompact();
}

void CashCountPanel::setLocked(bool locked)
{
    m_locked = locked;
    for (Row &row : m_rows) {
        row.field->setReadOnly(locked);
        row.plus->setEnabled(!locked);
        refreshRow(row);
    }
}

bool CashCountPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Tapping a field chooses its row for the keypad.
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::MouseButtonPress) {
        for (const Row &row : std::as_const(m_rows)) {
            if (row.field == watched)
                choose(row.cents);
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CashCountPanel::retranslate()
{
    m_notesCaption->setText(tr("Notes"));
    m_coinsCaption->setText(tr("Coins"));
    for (Row &row : m_rows) {
        row.name->setText(denominationLabel(row.cents));
        refreshRow(row);
    }
    fitColumns();
}

void CashCountPanel::fitColumns()
{
    // Every denomination whole ("€ 0,50") and room for a row total of a few hundred euros, in
    // the font the stylesheet gives them (known once polished).
    int names = 0;
    int totals = 0;
    for (Row &row : m_rows) {
        row.name->ensurePolished();
        row.total->ensurePolished();
        names = std::max(names, row.name->fontMetrics().horizontalAdvance(row.name->text()));
        totals = std::max(totals,
            row.total->fontMetrics().horizontalAdvance(
                Core::Money::fromCents(100000).toDisplayString()));
    }
    for (Row &row : m_rows) {
        row.name->setMinimumWidth(names + 4);
        row.total->setMinimumWidth(totals + 4);
    }
}

void CashCountPanel::showEvent(QShowEvent *event)
{
    fitColumns();
    QWidget::showEvent(event);
}

void CashCountPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
