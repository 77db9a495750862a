#include "ui/conflictchooser.h"

#include "ui/settingtext.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hearth {

namespace {

constexpr int mineId = 1;
constexpr int theirsId = 2;

} // namespace

ConflictChooser::ConflictChooser(const QList<Item> &items, const QString &theirsBy, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("conflictChooser"));
    setWindowTitle(tr("Choose between the changes"));

    auto *intro = new QLabel(theirsBy.isEmpty()
                                 ? tr("These settings were changed here and on another PC at the same time. "
                                      "Choose which value each one keeps; then it is saved.")
                                 : tr("These settings were changed here and by %1 at the same time. "
                                      "Choose which value each one keeps; then it is saved.").arg(theirsBy),
                             this);
    intro->setWordWrap(true);

    auto *grid = new QGridLayout;
    const auto header = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        return label;
    };
    grid->addWidget(header(tr("Setting")), 0, 0);
    grid->addWidget(header(tr("Mine\n(this PC)")), 0, 1);
    grid->addWidget(header(theirsBy.isEmpty() ? tr("Theirs") : tr("Theirs\n(%1)", "who made the other change").arg(theirsBy)), 0, 2);
    int row = 1;
    for (const Item &item : items) {
        const QString label = SettingText::label(item.key);
        grid->addWidget(new QLabel(label, this), row, 0, Qt::AlignTop);
        // Long values (a greeting) are cut to a glance; the whole text is in the tooltip.
        const auto glance = [](const QString &value) {
            constexpr int longest = 90;
            return value.size() > longest ? value.left(longest - 1) + u'…' : value;
        };
        auto *mine = new QRadioButton(glance(item.mine), this);
        mine->setToolTip(item.mine);
        mine->setObjectName(QStringLiteral("mine_%1").arg(item.key));
        mine->setAccessibleName(tr("Keep my %1: %2").arg(label, item.mine));
        auto *theirs = new QRadioButton(glance(item.theirs), this);
        theirs->setToolTip(item.theirs);
        theirs->setObjectName(QStringLiteral("theirs_%1").arg(item.key));
        theirs->setAccessibleName(tr("Take their %1: %2").arg(label, item.theirs));
        auto *group = new QButtonGroup(this);
        group->addButton(mine, mineId);
        group->addButton(theirs, theirsId);
        connect(group, &QButtonGroup::idClicked, this, &ConflictChooser::updateButtons);
        m_groups.insert(item.key, group);
        grid->addWidget(mine, row, 1, Qt::AlignTop);
        grid->addWidget(theirs, row, 2, Qt::AlignTop);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(10);
    // A conflict is a few settings at most; they are shown whole, side by side.
    setMinimumWidth(520);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *allMine = buttons->addButton(tr("Keep all mine"), QDialogButtonBox::ActionRole);
    allMine->setObjectName(QStringLiteral("keepAllMine"));
    QPushButton *allTheirs = buttons->addButton(tr("Take all theirs"), QDialogButtonBox::ActionRole);
    allTheirs->setObjectName(QStringLiteral("takeAllTheirs"));
    m_saveButton = buttons->addButton(tr("Save these choices"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveChoices"));
    QPushButton *later = buttons->addButton(tr("Decide later"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("decideLater"));
    connect(allMine, &QPushButton::clicked, this, [this] { chooseAll(true); });
    connect(allTheirs, &QPushButton::clicked, this, [this] { chooseAll(false); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid, 1);
    layout->addWidget(buttons);
    updateButtons();

}

QHash<QString, bool> ConflictChooser::keepMine() const
{
    QHash<QString, bool> choices;
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        if (it.value()->checkedId() != -1)
            choices.insert(it.key(), it.value()->checkedId() == mineId);
    }
    return choices;
}

void ConflictChooser::choose(const QString &key, bool keepMine)
{
    if (QButtonGroup *group = m_groups.value(key))
        group->button(keepMine ? mineId : theirsId)->setChecked(true);
    updateButtons();
}

void ConflictChooser::chooseAll(bool keepMine)
{
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
        it.value()->button(keepMine ? mineId : theirsId)->setChecked(true);
    updateButtons();
}

void ConflictChooser::updateButtons()
{
    m_saveButton->setEnabled(keepMine().size() == m_groups.size());
}

} // namespace hearth
