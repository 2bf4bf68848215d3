#include "couponsheet.h"

#include "uihelpers.h"

#include "app/services/saleservice.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Toonbank::Ui {

CouponSheet::CouponSheet(Services::SaleService &sale, QWidget *host)
    : SideSheet(host)
    , m_sale(sale)
    , m_hint(roleLabel(panel(), "subtle"))
    , m_code(new QLineEdit(panel()))
    , m_error(roleLabel(panel(), "error"))
    , m_listCaption(roleLabel(panel(), "caption"))
    , m_list(new QVBoxLayout)
    , m_close(touchButton(panel()))
    , m_apply(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("couponSheet"));
    m_code->setObjectName(QStringLiteral("couponField"));
    m_error->setObjectName(QStringLiteral("couponError"));
    m_error->setWordWrap(true);
    m_close->setObjectName(QStringLiteral("couponClose"));
    m_apply->setObjectName(QStringLiteral("couponApply"));
    connect(m_apply, &QPushButton::clicked, this, &CouponSheet::apply);
    connect(m_code, &QLineEdit::returnPressed, this, &CouponSheet::apply);
    connect(m_close, &QPushButton::clicked, this, &SideSheet::close);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_close, 1);
    buttons->addWidget(m_apply, 2);
    m_hint->setWordWrap(true);
    content()->addWidget(m_hint);
    content()->addWidget(m_code);
    content()->addWidget(m_error);
    content()->addWidget(m_listCaption);
    content()->addLayout(m_list);
    content()->addStretch(1);
    content()->addLayout(buttons);
    retranslate();
}

void CouponSheet::start()
{
    m_code->clear();
    m_error->clear();
    refreshList();
    open();
    m_code->setFocus();
}

void CouponSheet::takeScannedCode(const QString &code)
{
    m_code->setText(code);
    apply();
}

void CouponSheet::apply()
{
    const QString code = m_code->text().trimmed();
    if (code.isEmpty()) {
        m_error->setText(tr("Type the code printed on the coupon."));
        return;
    }
    const Core::Status added = m_sale.addCoupon(code);
    if (!added) {
        m_error->setText(added.error().message);
        return;
    }
    m_code->clear();
    m_error->clear();
    close();
    emit accepted(code);
}

void CouponSheet::refreshList()
{
    while (QLayoutItem *item = m_list->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            // May hold the Remove button being clicked: hidden and unnamed now, deleted later.
            widget->hide();
            for (QObject *child : widget->children())
                child->setObjectName(QString());
            widget->deleteLater();
        }
        delete item;
    }
    const QStringList codes = m_sale.view().couponCodes;
    m_listCaption->setVisible(!codes.isEmpty());
    for (const QString &code : codes) {
        auto *row = new QWidget(panel());
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(code, row);
        QPushButton *remove = touchButton(row, "danger");
        remove->setObjectName(QStringLiteral("couponRemove_%1").arg(code));
        remove->setText(tr("Remove"));
        connect(remove, &QPushButton::clicked, this, [this, code] {
            if (const Core::Status removed = m_sale.removeCoupon(code); !removed)
                m_error->setText(removed.error().message);
            refreshList();
        });
        layout->addWidget(label, 1);
        layout->addWidget(remove);
        m_list->addWidget(row);
    }
}

void CouponSheet::retranslate()
{
    setTitle(tr("Coupon"));
    m_hint->setText(tr("Type the code on the coupon, or scan its barcode."));
    m_code->setPlaceholderText(tr("Coupon code"));
    m_listCaption->setText(tr("On this sale"));
    m_close->setText(tr("Close"));
    m_apply->setText(tr("Add coupon"));
    if (isOpen())
        refreshList();
}

void CouponSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
