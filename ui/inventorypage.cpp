#include "ui/inventorypage.h"

#include "core/inventoryrules.h"
#include "core/logging.h"
#include "models/inventoryfilterproxy.h"
#include "models/inventorymodel.h"
#include "models/menuavailabilitymodel.h"
#include "sync/inventoryclient.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace hearth {

namespace {

using Problem = InventoryRules::StockProblem;

constexpr int maxSpin = 1'000'000'000;

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->setAlternatingRowColors(false); // the low rows' colour must stand out
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

QString stockProblemText(int problem, const QString &unit, qint64 stock)
{
    switch (Problem(problem)) {
    case Problem::None: break;
    case Problem::NegativeStock: return InventoryPage::tr("Stock cannot be below zero. Count what is on the shelf.");
    case Problem::NegativeDamaged: return InventoryPage::tr("Damaged cannot be below zero.");
    case Problem::DamagedAboveStock:
        //: %1 is the stock with its unit ("12 kg")
        return InventoryPage::tr("Damaged cannot be more than the stock (%1): damaged units are part of the stock. "
                                 "Lower damaged, or count the stock again.")
            .arg(unitCount(stock, unit));
    case Problem::NegativeThreshold: return InventoryPage::tr("The low-stock alert cannot be below zero.");
    case Problem::TooLarge: return InventoryPage::tr("That number is too large to be a real count.");
    }
    return {};
}

InventoryPage::InventoryPage(InventoryModel *items, MenuAvailabilityModel *menu, InventoryClient *client,
                             QWidget *parent)
    : QWidget(parent), m_items(items), m_menu(menu), m_client(client), m_proxy(new InventoryFilterProxy(this))
{
    setObjectName(QStringLiteral("inventoryPage"));
    m_proxy->setSourceModel(m_items);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("inventorySplitter"));
    auto *stockPane = new QWidget(splitter);
    auto *menuPane = new QWidget(splitter);
    buildStock(stockPane);
    buildMenu(menuPane);
    splitter->addWidget(stockPane);
    splitter->addWidget(menuPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);
    setFocusProxy(m_stockView);

    connect(m_client, &InventoryClient::writeFinished, this, &InventoryPage::onWriteFinished);
    connect(m_items, &QAbstractItemModel::dataChanged, this, [this] {
        updateLowCount();
        // The line in the editor changed on the server (another PC, a delivery): show the new
        // numbers unless the user is typing over them.
        if (const std::optional<InventoryItem> item = selectedItem();
            item && item->id == m_editingId && item->version != m_editingVersion && !m_save->isEnabled()) {
            loadEditor();
        }
    });
    connect(m_items, &QAbstractItemModel::rowsInserted, this, &InventoryPage::updateLowCount);
    connect(m_items, &QAbstractItemModel::rowsRemoved, this, &InventoryPage::updateLowCount);
    connect(m_items, &QAbstractItemModel::modelReset, this, &InventoryPage::updateLowCount);
    connect(m_menu, &MenuAvailabilityModel::availabilityChanged, this, &InventoryPage::loadChips);
    updateLowCount();
    updatePermissions();
    loadEditor();
    loadChips();
}

void InventoryPage::buildStock(QWidget *pane)
{
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 4, 0);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Stock</b>"), pane);
    m_lowOnly = new QCheckBox(tr("&Low only"), pane);
    m_lowOnly->setObjectName(QStringLiteral("lowOnly"));
    m_lowOnly->setToolTip(tr("Show only the items at or below their low-stock alert"));
    m_lowCount = new QLabel(pane);
    m_lowCount->setObjectName(QStringLiteral("lowCount"));
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(m_lowCount);
    top->addSpacing(12);
    top->addWidget(m_lowOnly);
    layout->addLayout(top);
    connect(m_lowOnly, &QCheckBox::toggled, m_proxy, &InventoryFilterProxy::setLowOnly);

    m_stockView = makeTable(pane, QStringLiteral("stockView"));
    m_stockView->setAccessibleName(tr("Stock"));
    m_stockView->setModel(m_proxy);
    m_stockView->setSortingEnabled(true);
    m_stockView->sortByColumn(InventoryModel::NameColumn, Qt::AscendingOrder);
    QHeaderView *header = m_stockView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(InventoryModel::NameColumn, QHeaderView::Stretch);
    layout->addWidget(m_stockView, 1);
    connect(m_stockView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &InventoryPage::onStockSelection);

    auto *editor = new QGroupBox(tr("Count"), pane);
    editor->setObjectName(QStringLiteral("countEditor"));
    auto *form = new QFormLayout(editor);
    m_editorTitle = new QLabel(editor);
    m_editorTitle->setObjectName(QStringLiteral("countTitle"));
    form->addRow(m_editorTitle);
    const auto spin = [editor](const QString &name) {
        auto *box = new QSpinBox(editor);
        box->setObjectName(name);
        box->setRange(0, maxSpin);
        box->setAccelerated(true);
        return box;
    };
    m_stock = spin(QStringLiteral("stockSpin"));
    m_damaged = spin(QStringLiteral("damagedSpin"));
    m_threshold = spin(QStringLiteral("thresholdSpin"));
    m_stock->setToolTip(tr("Everything on the shelf, damaged units included"));
    m_damaged->setToolTip(tr("Units on the shelf that cannot be sold"));
    form->addRow(tr("&Stock:"), m_stock);
    form->addRow(tr("&Damaged:"), m_damaged);
    form->addRow(tr("Alert at or &below:"), m_threshold);
    m_preview = new QLabel(editor);
    m_preview->setObjectName(QStringLiteral("countPreview"));
    form->addRow(m_preview);
    m_message = new QLabel(editor);
    m_message->setObjectName(QStringLiteral("countMessage"));
    m_message->setWordWrap(true);
    form->addRow(m_message);
    m_save = new QPushButton(tr("Save count"), editor);
    m_save->setObjectName(QStringLiteral("saveCount"));
    m_save->setDefault(true);
    form->addRow(m_save);
    layout->addWidget(editor);
    for (QSpinBox *box : {m_stock, m_damaged, m_threshold})
        connect(box, &QSpinBox::valueChanged, this, &InventoryPage::updatePreview);
    connect(m_save, &QPushButton::clicked, this, &InventoryPage::saveCount);
}

void InventoryPage::buildMenu(QWidget *pane)
{
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Menu availability</b>"), pane));
    m_menuView = makeTable(pane, QStringLiteral("menuView"));
    m_menuView->setAccessibleName(tr("Menu availability"));
    m_menuView->setModel(m_menu);
    QHeaderView *header = m_menuView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MenuAvailabilityModel::NameColumn, QHeaderView::Stretch);
    layout->addWidget(m_menuView, 1);
    connect(m_menuView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &InventoryPage::onMenuSelection);
    connect(m_menuView, &QTableView::clicked, this, &InventoryPage::onMenuClicked);

    auto *days = new QGroupBox(tr("Served on"), pane);
    days->setObjectName(QStringLiteral("dayChips"));
    auto *daysLayout = new QVBoxLayout(days);
    m_chipsTitle = new QLabel(days);
    daysLayout->addWidget(m_chipsTitle);
    auto *row = new QHBoxLayout;
    row->setSpacing(4);
    m_chips = new QButtonGroup(this);
    m_chips->setExclusive(false);
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *chip = new QToolButton(days);
        chip->setObjectName(QStringLiteral("dayChip%1").arg(day));
        chip->setText(locale.dayName(day, QLocale::ShortFormat));
        chip->setCheckable(true);
        chip->setAutoRaise(false);
        chip->setStyleSheet(QStringLiteral(
            "QToolButton { border: 1px solid palette(mid); border-radius: 10px; padding: 2px 8px; }"
            "QToolButton:checked { background: #2f6f4f; color: white; border-color: #2f6f4f; }"));
        m_chips->addButton(chip, day);
        row->addWidget(chip);
    }
    row->addStretch(1);
    daysLayout->addLayout(row);
    m_chipsNote = new QLabel(tr("No day chosen: served every day."), days);
    m_chipsNote->setObjectName(QStringLiteral("chipsNote"));
    daysLayout->addWidget(m_chipsNote);
    layout->addWidget(days);
    connect(m_chips, &QButtonGroup::idToggled, this, [this] { onChipToggled(); });
}

std::optional<InventoryItem> InventoryPage::selectedItem() const
{
    const QModelIndexList rows = m_stockView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const InventoryItem *item = m_items->rowById(rows.first().data(InventoryModel::ItemIdRole).toString());
    return item ? std::optional<InventoryItem>(*item) : std::nullopt;
}

QString InventoryPage::selectedMenuItemId() const
{
    const QModelIndexList rows = m_menuView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(MenuAvailabilityModel::MenuItemIdRole).toString();
}

void InventoryPage::showItem(const QString &itemId)
{
    m_lowOnly->setChecked(false);
    const int row = m_items->rowOf(itemId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_items->index(row, 0));
    m_stockView->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_stockView->setCurrentIndex(index);
    m_stockView->scrollTo(index);
}

void InventoryPage::onStockSelection()
{
    setEditorMessage({}, false);
    loadEditor();
}

void InventoryPage::loadEditor()
{
    const std::optional<InventoryItem> item = selectedItem();
    m_editingId = item ? item->id : QString();
    m_editingVersion = item ? item->version : 0;
    for (QSpinBox *box : {m_stock, m_damaged, m_threshold}) {
        const QSignalBlocker block(box);
        box->setEnabled(item.has_value());
    }
    if (!item) {
        m_editorTitle->setText(tr("Choose an item to count it."));
        m_preview->clear();
        m_save->setEnabled(false);
        return;
    }
    m_editorTitle->setText(QStringLiteral("<b>%1</b>").arg(item->name.toHtmlEscaped()));
    for (QSpinBox *box : {m_stock, m_damaged, m_threshold}) {
        const QSignalBlocker block(box);
        box->setSuffix(item->unit.isEmpty() ? QString() : u' ' + item->unit);
    }
    {
        const QSignalBlocker a(m_stock), b(m_damaged), c(m_threshold);
        m_stock->setValue(int(std::min<qint64>(item->stock, maxSpin)));
        m_damaged->setValue(int(std::min<qint64>(item->damaged, maxSpin)));
        m_threshold->setValue(int(std::min<qint64>(item->threshold, maxSpin)));
    }
    updatePermissions();
    updatePreview();
}

void InventoryPage::updatePreview()
{
    const std::optional<InventoryItem> item = selectedItem();
    if (!item) {
        m_save->setEnabled(false);
        return;
    }
    const qint64 stock = m_stock->value();
    const qint64 damaged = m_damaged->value();
    const qint64 threshold = m_threshold->value();
    const bool changed = stock != item->stock || damaged != item->damaged || threshold != item->threshold;
    const Problem problem = InventoryRules::check(stock, damaged, threshold);
    if (problem != Problem::None) {
        setEditorMessage(stockProblemText(int(problem), item->unit, stock), true);
        m_preview->clear();
    } else {
        if (m_message->property("problem").toBool())
            setEditorMessage({}, false);
        const qint64 available = stock - damaged;
        //: %1 the units that can be sold after this count ("7 kg")
        QString preview = tr("Available after saving: %1").arg(unitCount(available, item->unit));
        if (available <= threshold)
            preview += u' ' + tr("(low)");
        m_preview->setText(preview);
    }
    m_save->setEnabled(changed && problem == Problem::None && m_pendingId.isEmpty() && m_client->canAdjustStock());
}

void InventoryPage::saveCount()
{
    const std::optional<InventoryItem> item = selectedItem();
    if (!item)
        return;
    std::optional<qint64> threshold;
    if (m_threshold->value() != item->threshold)
        threshold = m_threshold->value();
    const InventoryWriteResult result = m_client->adjust(item->id, qint64(m_stock->value()),
                                                         qint64(m_damaged->value()), threshold);
    if (!result.ok) {
        setEditorMessage(result.problem != Problem::None
                             ? stockProblemText(int(result.problem), item->unit, m_stock->value())
                             : result.error.message,
                         true);
        return;
    }
    m_pendingId = item->id;
    m_save->setEnabled(false);
    setEditorMessage(tr("Saving…"), false);
}

void InventoryPage::onWriteFinished(const QString &entityId, const InventoryWriteResult &result)
{
    if (entityId != m_pendingId) {
        // A menu change: its refusal goes under the chips, and the list shows the dish as it is.
        if (!result.ok && m_menu->rowById(entityId)) {
            loadChips();
            m_chipsNote->setText(result.conflict ? tr("Someone changed this dish on another PC; it is shown as it "
                                                      "is now. Try again.")
                                                 : result.error.message);
        }
        return;
    }
    m_pendingId.clear();
    const std::optional<InventoryItem> item = m_client->item(entityId);
    const QString name = item ? item->name : entityId;
    if (result.ok) {
        loadEditor();
        //: %1 the item's name
        setEditorMessage(tr("Saved: %1.").arg(name), false);
        return;
    }
    if (result.conflict) {
        loadEditor(); // the current numbers, as the server has them now
        //: %1 the item's name
        setEditorMessage(tr("Someone changed %1 on another PC while you were counting. The numbers above are the "
                            "current ones: check them and save again.")
                             .arg(name),
                         true);
        return;
    }
    if (result.error.kind == ApiError::Kind::Forbidden) {
        setEditorMessage(tr("Only a manager can change the low-stock alert. Your count was not saved; "
                            "save it again without changing the alert."),
                         true);
        return;
    }
    // The server's own words per field when it refused the numbers; else the general message.
    QStringList reasons;
    for (auto it = result.error.fieldErrors.cbegin(); it != result.error.fieldErrors.cend(); ++it)
        reasons.append(it.value());
    setEditorMessage(reasons.isEmpty() ? result.error.message : reasons.join(u"; "), true);
    updatePreview();
}

void InventoryPage::setEditorMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #a32d1e;") : QString());
}

QString InventoryPage::editorMessage() const
{
    return m_message->text();
}

void InventoryPage::onMenuSelection()
{
    loadChips();
}

void InventoryPage::loadChips()
{
    const MenuItem *item = m_menu->rowById(selectedMenuItemId());
    const bool editable = item && m_client->canManage();
    const QSignalBlocker block(m_chips);
    for (int day = 1; day <= 7; ++day) {
        QAbstractButton *chip = m_chips->button(day);
        chip->setChecked(item && item->days.contains(day));
        chip->setEnabled(editable);
    }
    if (!item)
        m_chipsTitle->setText(tr("Choose a dish to set its days."));
    else
        m_chipsTitle->setText(QStringLiteral("<b>%1</b> — %2").arg(item->name.toHtmlEscaped(), daysText(item->days)));
    if (item && !m_client->canManage())
        m_chipsNote->setText(tr("Only a manager can change the menu."));
    else if (item && !item->days.isEmpty())
        m_chipsNote->setText(tr("With no day chosen, a dish is served every day."));
    else
        m_chipsNote->setText(tr("No day chosen: served every day."));
}

void InventoryPage::onChipToggled()
{
    const QString id = selectedMenuItemId();
    if (id.isEmpty() || !m_client->canManage())
        return;
    QList<int> days;
    for (int day = 1; day <= 7; ++day) {
        if (m_chips->button(day)->isChecked())
            days.append(day);
    }
    if (days.size() == 7)
        days.clear(); // all seven is every day
    m_client->setMenuItem(id, std::nullopt, days);
}

void InventoryPage::onMenuClicked(const QModelIndex &index)
{
    if (index.column() != MenuAvailabilityModel::OfferedColumn || !m_client->canManage())
        return;
    const MenuItem *item = m_menu->rowAt(index.row());
    if (item)
        m_client->setMenuItem(item->id, !item->available, std::nullopt);
}

void InventoryPage::updateLowCount()
{
    const int low = m_items->lowCount();
    //: shown above the stock table; %1 a count of items
    m_lowCount->setText(low == 0 ? tr("Nothing is low") : low == 1 ? tr("1 item low") : tr("%1 items low").arg(low));
}

void InventoryPage::updatePermissions()
{
    const bool manager = m_client->canManage();
    m_threshold->setEnabled(m_threshold->isEnabled() && manager);
    m_threshold->setToolTip(manager ? tr("The line is low when available units fall to this number")
                                    : tr("Only a manager can change the low-stock alert"));
}

} // namespace hearth
