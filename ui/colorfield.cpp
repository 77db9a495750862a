#include "ui/colorfield.h"

#include <QColor>
#include <QColorDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

namespace hearth {

ColorField::ColorField(QWidget *parent) : QWidget(parent), m_button(new QToolButton(this)), m_edit(new QLineEdit(this))
{
    m_button->setObjectName(QStringLiteral("colorButton"));
    m_button->setAccessibleName(tr("Choose the primary colour"));
    m_button->setToolTip(tr("Choose a colour…"));
    m_button->setIconSize(QSize(28, 16));
    m_edit->setObjectName(QStringLiteral("colorHex"));
    m_edit->setAccessibleName(tr("Primary colour as hex"));
    m_edit->setPlaceholderText(QStringLiteral("#b5432f"));
    m_edit->setMaxLength(7);
    m_edit->setMaximumWidth(m_edit->fontMetrics().horizontalAdvance(QStringLiteral("#MMMMMMM")) + 16);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_edit);
    layout->addStretch(1);
    setFocusProxy(m_edit);

    connect(m_button, &QToolButton::clicked, this, &ColorField::chooseColor);
    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
        updateSwatch();
        emit textEdited(text);
    });
    updateSwatch();
}

QString ColorField::text() const
{
    return m_edit->text();
}

void ColorField::setText(const QString &hex)
{
    if (m_edit->text() == hex)
        return;
    m_edit->setText(hex);
    updateSwatch();
}

void ColorField::chooseColor()
{
    const QColor chosen = QColorDialog::getColor(QColor::fromString(m_edit->text()), this, tr("Primary colour"));
    if (!chosen.isValid())
        return;
    m_edit->setText(chosen.name());
    updateSwatch();
    emit textEdited(m_edit->text());
}

void ColorField::updateSwatch()
{
    QPixmap swatch(m_button->iconSize());
    swatch.fill(Qt::transparent);
    QPainter painter(&swatch);
    const QColor color = QColor::fromString(m_edit->text());
    painter.setPen(palette().color(QPalette::Mid));
    if (color.isValid()) {
        painter.setBrush(color);
    } else {
        painter.setBrush(Qt::NoBrush);
    }
    painter.drawRoundedRect(QRectF(swatch.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    if (!color.isValid())
        painter.drawLine(swatch.rect().bottomLeft(), swatch.rect().topRight());
    painter.end();
    m_button->setIcon(swatch);
}

} // namespace hearth
