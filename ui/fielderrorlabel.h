#pragma once

// The small red message under a form field ("must be between 1 and 50"): hidden while empty, read
// by screen readers as the field's error.
class QLabel;
class QString;
class QWidget;

namespace hearth {

QLabel *makeFieldErrorLabel(QWidget *parent);
void setFieldError(QLabel *label, const QString &message);

} // namespace hearth
