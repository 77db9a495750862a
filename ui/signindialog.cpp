#include "ui/signindialog.h"

#include "ui_signindialog.h"

#include <QPushButton>

namespace hearth {

SignInDialog::SignInDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::SignInDialog>())
{
    m_ui->setupUi(this);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    m_ui->errorLabel->hide();
    // The dialog stays open until the server has answered; the owner closes it on success.
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SignInDialog::onAccepted);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setServer(const QString &server)
{
    m_ui->serverEdit->setText(server);
}

void SignInDialog::setUsername(const QString &username)
{
    m_ui->usernameEdit->setText(username);
    if (!username.isEmpty())
        m_ui->passwordEdit->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

void SignInDialog::showError(const QString &message)
{
    setBusy(false);
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

void SignInDialog::onAccepted()
{
    QString error;
    const std::optional<ServerAddress> address = ServerAddress::parse(m_ui->serverEdit->text(), &error);
    if (!address) {
        showError(error);
        m_ui->serverEdit->setFocus();
        return;
    }
    if (m_ui->usernameEdit->text().trimmed().isEmpty()) {
        showError(tr("Enter your user name."));
        m_ui->usernameEdit->setFocus();
        return;
    }
    showError({});
    setBusy(true);
    emit signInRequested(*address, m_ui->usernameEdit->text().trimmed(), m_ui->passwordEdit->text());
}

} // namespace hearth
