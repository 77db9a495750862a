#pragma once

// The Inventory page: the stock lines (available = stock − damaged beside both, low rows
// highlighted, sortable, "low only"), a count editor for the selected line whose refusals say
// what to do in a manager's words, and the menu's availability — an "on the menu" box per dish
// and weekday chips (none chosen = every day). Reads the models; writes go to InventoryClient.
#include <QWidget>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;

namespace hearth {

class InventoryClient;
class InventoryFilterProxy;
class InventoryModel;
class MenuAvailabilityModel;
struct InventoryItem;
struct InventoryWriteResult;

class InventoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryPage)

public:
    InventoryPage(InventoryModel *items, MenuAvailabilityModel *menu, InventoryClient *client,
                  QWidget *parent = nullptr);

    QTableView *stockView() const { return m_stockView; }
    QTableView *menuView() const { return m_menuView; }
    InventoryFilterProxy *stockProxy() const { return m_proxy; }
    // The message under the count editor: a refusal, a conflict, or "Saved".
    QString editorMessage() const;
    // Selects the line `itemId` (the low-stock notice opens the page on it).
    void showItem(const QString &itemId);

private:
    void buildStock(QWidget *pane);
    void buildMenu(QWidget *pane);
    void onStockSelection();
    void loadEditor();
    void updatePreview();
    void saveCount();
    void onWriteFinished(const QString &entityId, const InventoryWriteResult &result);
    void onMenuSelection();
    void loadChips();
    void onChipToggled();
    void onMenuClicked(const QModelIndex &index);
    void updateLowCount();
    void updatePermissions();
    void setEditorMessage(const QString &text, bool problem);
    std::optional<InventoryItem> selectedItem() const;
    QString selectedMenuItemId() const;

    InventoryModel *m_items;
    MenuAvailabilityModel *m_menu;
    InventoryClient *m_client;
    InventoryFilterProxy *m_proxy;
    QTableView *m_stockView = nullptr;
    QTableView *m_menuView = nullptr;
    QCheckBox *m_lowOnly = nullptr;
    QLabel *m_lowCount = nullptr;
    QLabel *m_editorTitle = nullptr;
    QSpinBox *m_stock = nullptr;
    QSpinBox *m_damaged = nullptr;
    QSpinBox *m_threshold = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_chipsTitle = nullptr;
    QButtonGroup *m_chips = nullptr;
    QLabel *m_chipsNote = nullptr;
    QString m_editingId;  // the line in the editor
    qint64 m_editingVersion = 0;
    QString m_pendingId;  // a count sent and not yet answered
};

// What a refused count means, in words a manager can act on (translated).
QString stockProblemText(int problem, const QString &unit, qint64 stock);

} // namespace hearth
