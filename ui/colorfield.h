#pragma once

// A colour setting as a manager edits it: a swatch button that opens the colour dialog and a hex
// field ("#b5432f") for pasting the brand colour. Emits the text as typed, so the form's validation
// (the shared codec) judges it; the swatch follows whenever the text is a valid colour.
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace hearth {

class ColorField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColorField)

public:
    explicit ColorField(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &hex);
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *button() const { return m_button; }

signals:
    void textEdited(const QString &hex);

private:
    void chooseColor();
    void updateSwatch();

    QToolButton *m_button;
    QLineEdit *m_edit;
};

} // namespace hearth
