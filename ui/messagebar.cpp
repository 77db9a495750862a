#include "ui/messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace hearth {

namespace {

constexpr int maxMessagesShown = 4;

} // namespace

MessageBar::MessageBar(QWidget *parent) : QFrame(parent), m_text(new QLabel(this)), m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setAccessibleName(tr("Problems"));
    setStyleSheet(QStringLiteral("QFrame#messageBar { background: #fde2e1; border-bottom: 1px solid #b00020; }"
                                 "QFrame#messageBar QLabel { color: #5f0010; }"));
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismiss->setObjectName(QStringLiteral("dismissMessages"));
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Hide these messages; the orders' marks go with them"));
    m_dismiss->setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    connect(m_dismiss, &QToolButton::clicked, this, &MessageBar::dismiss);
    hide();
}

void MessageBar::addMessage(const QString &message)
{
    m_messages.append(message);
    while (m_messages.size() > maxMessagesShown) {
        m_messages.removeFirst();
        ++m_dropped;
    }
    updateText();
    show();
}

void MessageBar::dismiss()
{
    m_messages.clear();
    m_dropped = 0;
    hide();
    emit dismissed();
}

void MessageBar::updateText()
{
    QStringList lines = m_messages;
    if (m_dropped > 0)
        lines.prepend(tr("(%1 earlier messages not shown)").arg(m_dropped));
    m_text->setText(lines.join(u'\n'));
}

} // namespace hearth
