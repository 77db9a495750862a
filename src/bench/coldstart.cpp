#include "bench/coldstart.h"

#include "bench/burstfeeder.h"
#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"
#include "store/orderscache.h"

#include <QCoreApplication>
#include <QEvent>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace hearth::bench {

ColdStartResult measureColdStart(int orders, const QString &executable)
{
    ColdStartResult result;
    result.orders = orders;
    QTemporaryDir dir;
    if (!dir.isValid())
        return result;
    const QString path = dir.filePath(QStringLiteral("orders.sqlite"));
    {
        QList<Order> cached;
        cached.reserve(orders);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int number = 1; number <= orders; ++number) {
            Order order;
            order.id = QStringLiteral("cold-%1").arg(number);
            order.number = number;
            order.status = OrderStatus(number % 4); // open ones: kept by the cache's pruning
            order.customerName = QStringLiteral("Guest %1").arg(number);
            order.items = {OrderItem{QStringLiteral("Margherita"), 2, 1150}, OrderItem{QStringLiteral("Lemonade"), 1, 350}};
            order.totalCents = 2650;
            order.createdAt = now.addSecs(-number);
            order.updatedAt = order.createdAt;
            cached.append(std::move(order));
        }
        OrdersCache cache(path);
        cache.replaceAll(cached, SyncPosition{QStringLiteral("bench-epoch"), orders});
        cache.flush();
    }
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const qint64 startNs = nowNs();
    child.start(executable, {QStringLiteral("--cold-start-child"), path});
    if (!child.waitForFinished(60000) || child.exitCode() != 0)
        return result;
    const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
    if (fields.size() != 2)
        return result;
    result.milliseconds = double(fields.at(0).toLongLong() - startNs) / 1e6;
    result.rowsShown = fields.at(1).toInt();
    return result;
}

int runColdStartChild(const QString &cachePath)
{
    OrdersCache cache(cachePath);
    OrdersModel model;
    OrdersFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(OrdersModel::StatusColumn);
    model.replaceAll(cache.load().orders);
    QTableView view;
    view.setModel(&proxy);
    view.resize(1280, 800);

    // Reports once the first paint of the table's rows has been done, not when it is asked for.
    struct FirstPaint final : QObject
    {
        const OrdersModel *model = nullptr;
        bool seen = false;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint && !seen && model->rowCount() > 0) {
                seen = true;
                QTimer::singleShot(0, this, [this] {
                    std::printf("%lld %d\n", static_cast<long long>(nowNs()), model->rowCount());
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                });
            }
            return false;
        }
    } firstPaint;
    firstPaint.model = &model;
    view.viewport()->installEventFilter(&firstPaint);
    view.show();
    QTimer::singleShot(30000, qApp, [] { QCoreApplication::exit(1); });
    return QCoreApplication::exec();
}

} // namespace hearth::bench
