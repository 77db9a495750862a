#pragma once

// The diagnostics panel behind the connection-status bar: the link's figures, live, and a button
// that copies them for support.
#include <QDialog>

namespace hearth {

class DiagnosticsModel;

class DiagnosticsPanel final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsPanel)

public:
    explicit DiagnosticsPanel(DiagnosticsModel *model, QWidget *parent = nullptr);
};

} // namespace hearth
