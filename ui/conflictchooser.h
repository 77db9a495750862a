#pragma once

// "Conflict — choose": the settings both this PC and another changed, side by side (mine / theirs),
// one choice each. Accepting hands back the choices; the page resolves the merge and saves.
#include <QDialog>
#include <QHash>

class QButtonGroup;
class QPushButton;

namespace hearth {

class ConflictChooser final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictChooser)

public:
    struct Item
    {
        QString key;    // the setting key
        QString mine;   // the values in a manager's words
        QString theirs;
    };

    // `theirsBy`: who made the other change, e.g. "Maria Costa on Office PC".
    ConflictChooser(const QList<Item> &items, const QString &theirsBy, QWidget *parent = nullptr);

    // Per key: true to keep mine, false to take theirs. Only complete once every key is chosen.
    QHash<QString, bool> keepMine() const;
    void choose(const QString &key, bool keepMine);
    void chooseAll(bool keepMine);

private:
    void updateButtons();

    QHash<QString, QButtonGroup *> m_groups;
    QPushButton *m_saveButton = nullptr;
};

} // namespace hearth
