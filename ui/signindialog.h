#pragma once

// Asks for the server address, user name and password. Checks the address itself so that a typo
// is explained at once; the sign-in request is made by whoever listens to signInRequested.
#include "core/serveraddress.h"

#include <QDialog>
#include <QUrl>

#include <memory>

namespace Ui {
class SignInDialog;
}

namespace hearth {

class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    explicit SignInDialog(QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setServer(const QString &server);
    void setUsername(const QString &username);
    void setBusy(bool busy);
    void showError(const QString &message);
    // For a backend without Hearth's sign-in (a backend profile): ask only for the access token
    // its installer was given. An empty name returns to server, user name and password.
    void setTokenMode(const QString &backendName);

signals:
    void signInRequested(const hearth::ServerAddress &address, const QString &username, const QString &password);
    void tokenSubmitted(const QString &token);
    void profileChosen(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Typing goes where something is missing: a prefilled address must not take a user name.
    void focusFirstEmptyField();
    void onAccepted();
    void chooseProfile();

    std::unique_ptr<Ui::SignInDialog> m_ui;
    bool m_tokenMode = false;
    QUrl m_unencryptedConfirmed; // the http:// address whose warning was shown
};

} // namespace hearth
