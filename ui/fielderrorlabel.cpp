#include "ui/fielderrorlabel.h"

#include <QLabel>

namespace hearth {

QLabel *makeFieldErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setAccessibleName(QLabel::tr("Problem"));
    label->hide();
    return label;
}

void setFieldError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

} // namespace hearth
