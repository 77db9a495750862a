#include "core/logging.h"

Q_LOGGING_CATEGORY(lcCore, "hearth.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "hearth.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "hearth.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRealtime, "hearth.realtime", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "hearth.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "hearth.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "hearth.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "hearth.ui", QtInfoMsg)
