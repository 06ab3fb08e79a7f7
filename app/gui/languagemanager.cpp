// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace wirelab {

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    unload();
}

QString LanguageManager::storedSetting()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void LanguageManager::storeSetting(const QString &setting)
{
    QSettings().setValue(QStringLiteral("ui/language"), setting);
}

void LanguageManager::unload()
{
    for (const auto &translator : m_translators)
        QCoreApplication::removeTranslator(translator.get());
    m_translators.clear();
}

bool LanguageManager::load(const QString &fileName, const QString &directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(fileName, directory))
        return false;
    QCoreApplication::installTranslator(translator.get());
    m_translators.push_back(std::move(translator));
    return true;
}

void LanguageManager::apply(const QString &setting)
{
    m_setting = setting;
    QString language = QStringLiteral("en");
    if (supportedLanguages().contains(setting)) {
        language = setting;
    } else {
        // The first of the user's preferred languages that we have.
        for (const QString &ui : QLocale::system().uiLanguages()) {
            const QString code = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
            if (supportedLanguages().contains(code)) {
                language = code;
                break;
            }
        }
    }
    unload();
    if (language != QLatin1String("en")) {
        load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        load(QStringLiteral("wirelab_") + language, QStringLiteral(":/i18n"));
        load(QStringLiteral("wirelab_labs_") + language, QStringLiteral(":/i18n"));
    }
    // Number formats follow the language too (1.234,5 in German).
    QLocale::setDefault(setting.isEmpty() ? QLocale::system() : QLocale(language));
    const bool changed = language != m_language;
    m_language = language;
    if (changed)
        Q_EMIT languageChanged(language);
}

} // namespace wirelab
