#pragma once

// The selected order in full beside the table: who it is for (the phone copies on a click), where
// it goes (address or table), when it was promised (and how late it is), the note (an allergy in
// red), the items with the fees, tip, tax and discount adding up to the total with its currency,
// and each status change with its time and who made it. Follows the order as new versions
// arrive and the clock moves on; says so when nothing is selected.
#include <QDateTime>
#include <QString>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace hearth {

class OrdersModel;
struct Order;

class OrderDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderDetailPane)

public:
    using Clock = std::function<QDateTime()>; // UTC; the server's clock where the window knows it

    explicit OrderDetailPane(OrdersModel *orders, QWidget *parent = nullptr);

    void setClock(Clock clock);
    void showOrder(const QString &orderId); // empty: nothing selected
    QString orderId() const { return m_orderId; }
    QString text() const; // as shown, for tests and screen readers

    static QString lateText(const Order &order, const QDateTime &now); // empty when not late

signals:
    void phoneCopied(const QString &phone);

private:
    void refresh();
    void copyPhone();
    QString html(const Order &order) const;

    OrdersModel *m_orders;
    QLabel *m_title;
    QLabel *m_customer;
    QPushButton *m_phone;
    QTextBrowser *m_browser;
    QTimer *m_ticker; // "late by N min" moves on while an open order with a promise is shown
    Clock m_clock;
    QString m_orderId;
    QString m_shownHtml;
    QString m_shownPhone;
};

} // namespace hearth
