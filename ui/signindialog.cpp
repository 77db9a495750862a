#include "ui/signindialog.h"

#include "ui_signindialog.h"

#include <QFileDialog>
#include <QPushButton>

namespace hearth {

SignInDialog::SignInDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::SignInDialog>())
{
    m_ui->setupUi(this);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    m_ui->errorLabel->hide();
    QPushButton *profile = m_ui->buttons->addButton(tr("Backend profile…"), QDialogButtonBox::ActionRole);
    profile->setObjectName(QStringLiteral("chooseProfile"));
    profile->setToolTip(tr("Connect to a Rails (Action Cable) or Supabase backend described by a profile file"));
    connect(profile, &QPushButton::clicked, this, &SignInDialog::chooseProfile);
    // The dialog stays open until the server has answered; the owner closes it on success.
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SignInDialog::onAccepted);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setServer(const QString &server)
{
    m_ui->serverEdit->setText(server);
    focusFirstEmptyField();
}

void SignInDialog::setUsername(const QString &username)
{
    m_ui->usernameEdit->setText(username);
    focusFirstEmptyField();
}

void SignInDialog::showEvent(QShowEvent *event)
{
    focusFirstEmptyField();
    QDialog::showEvent(event);
}

void SignInDialog::focusFirstEmptyField()
{
    if (!m_tokenMode && m_ui->serverEdit->text().trimmed().isEmpty())
        m_ui->serverEdit->setFocus();
    else if (!m_tokenMode && m_ui->usernameEdit->text().trimmed().isEmpty())
        m_ui->usernameEdit->setFocus();
    else
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

void SignInDialog::setTokenMode(const QString &backendName)
{
    m_tokenMode = !backendName.isEmpty();
    m_ui->serverEdit->setReadOnly(m_tokenMode);
    if (m_tokenMode)
        m_ui->serverEdit->setText(backendName);
    m_ui->usernameLabel->setVisible(!m_tokenMode);
    m_ui->usernameEdit->setVisible(!m_tokenMode);
    m_ui->serverLabel->setText(m_tokenMode ? tr("Backend:") : tr("&Server:"));
    m_ui->passwordLabel->setText(m_tokenMode ? tr("Access &token:") : tr("&Password:"));
    m_ui->passwordEdit->clear();
    m_ui->passwordEdit->setFocus();
}

void SignInDialog::chooseProfile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a backend profile"), {},
                                                      tr("Backend profiles (*.json)"));
    if (!path.isEmpty())
        emit profileChosen(path);
}

void SignInDialog::onAccepted()
{
    if (m_tokenMode) {
        if (m_ui->passwordEdit->text().trimmed().isEmpty()) {
            showError(tr("Enter the access token you were given for this backend."));
            return;
        }
        showError({});
        setBusy(true);
        emit tokenSubmitted(m_ui->passwordEdit->text().trimmed());
        return;
    }
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
    // Warned once per address: the second "Sign in" for the same one sends the password anyway.
    if (address->isUnencryptedBeyondThisMachine() && m_unencryptedConfirmed != address->httpBase) {
        m_unencryptedConfirmed = address->httpBase;
        showError(address->unencryptedWarning() + u' ' + tr("Choose \"Sign in\" again to send it anyway."));
        return;
    }
    showError({});
    setBusy(true);
    emit signInRequested(*address, m_ui->usernameEdit->text().trimmed(), m_ui->passwordEdit->text());
}

} // namespace hearth
