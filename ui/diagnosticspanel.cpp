#include "ui/diagnosticspanel.h"

#include "models/diagnosticsmodel.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hearth {

DiagnosticsPanel::DiagnosticsPanel(DiagnosticsModel *model, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("diagnosticsPanel"));
    setWindowTitle(tr("Connection diagnostics"));
    resize(560, 560);

    auto *view = new QTableView(this);
    view->setObjectName(QStringLiteral("diagnosticsView"));
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(DiagnosticsModel::NameColumn, QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(DiagnosticsModel::ValueColumn, QHeaderView::Stretch);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy for support"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [model] {
        QGuiApplication::clipboard()->setText(model->supportReport());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(view);
    layout->addWidget(buttons);
}

} // namespace hearth
