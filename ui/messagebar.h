#pragma once

// A band above the orders that keeps what went wrong (a refused or unsent action) on screen until
// someone dismisses it — not a status-bar message that disappears after a few seconds, and not a
// modal dialog thrown up from a network callback.
#include <QFrame>
#include <QStringList>

class QLabel;
class QToolButton;

namespace hearth {

class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    explicit MessageBar(QWidget *parent = nullptr);

    void addMessage(const QString &message);
    QStringList messages() const { return m_messages; }
    void dismiss();

signals:
    void dismissed();

private:
    void updateText();

    QLabel *m_text;
    QToolButton *m_dismiss;
    QStringList m_messages; // newest last; bounded, the count of older ones is shown
    int m_dropped = 0;
};

} // namespace hearth
