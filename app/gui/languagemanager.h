// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

namespace wirelab {

// Loads the translators for one language: Qt's own (standard dialogs), the shell's and the labs' (both
// embedded under :/i18n). Installing them makes Qt send LanguageChange to every widget, which
// retranslates itself, so a switch applies at once.
class LanguageManager final : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "" follows the system locale; "en" and "de" force a language.
    void apply(const QString &setting);
    QString setting() const { return m_setting; }
    // The language in effect: "en" or "de".
    QString language() const { return m_language; }
    static QStringList supportedLanguages() { return {QStringLiteral("en"), QStringLiteral("de")}; }

    // The stored setting (QSettings "ui/language"), and storing it.
    static QString storedSetting();
    static void storeSetting(const QString &setting);

Q_SIGNALS:
    void languageChanged(const QString &language);

private:
    void unload();
    bool load(const QString &fileName, const QString &directory);

    QString m_setting;
    QString m_language = QStringLiteral("en");
    std::vector<std::unique_ptr<QTranslator>> m_translators;
};

} // namespace wirelab
