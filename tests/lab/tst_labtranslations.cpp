// SPDX-License-Identifier: GPL-3.0-or-later
// Every user-visible string of every registered lab has a finished German translation in
// translations/wirelab_labs_de.ts, with the same %-placeholders as the English.
#include "lab/labregistry.h"
#include "labs.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <map>

using namespace wirelab;

class TestLabTranslations final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyLabStringHasGerman();
    void placeholdersSurviveTranslation();

private:
    // (context, source) -> translation, finished entries only
    std::map<std::pair<QString, QString>, QString> m_german;
    int m_unfinished = 0;
};

void TestLabTranslations::initTestCase()
{
    QFile file(QStringLiteral(WIRELAB_TEST_DATA "/../../translations/wirelab_labs_de.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    QString context, source, translation;
    bool finished = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const QStringView type = xml.attributes().value(QLatin1String("type"));
                finished = type.isEmpty();
                translation = xml.readElementText(QXmlStreamReader::IncludeChildElements); // numerus forms too
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (finished && !translation.isEmpty())
                m_german[{context, source}] = translation;
            else
                ++m_unfinished;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(!m_german.empty());
}

void TestLabTranslations::everyLabStringHasGerman()
{
    LabRegistry registry;
    setupAllLabs(registry);
    QStringList missing;
    auto check = [&](const LabText &text) {
        if (text.isEmpty())
            return;
        if (!m_german.count({QString::fromLatin1(text.context), QString::fromUtf8(text.source)}))
            missing << QStringLiteral("%1: %2").arg(QLatin1String(text.context), QString::fromUtf8(text.source).left(60));
    };
    for (const LabDefinition &lab : registry.labs()) {
        check(lab.title);
        check(lab.summary);
        for (const LabParameter &p : lab.parameters) {
            check(p.label);
            check(p.help);
            for (const LabText &choice : p.choiceLabels)
                check(choice);
        }
        for (const LabStep &step : lab.steps) {
            check(step.title);
            check(step.guide);
            for (const LabAction &action : step.actions)
                check(action.label);
            for (const LabCheckpoint &checkpoint : step.checkpoints)
                check(checkpoint.description);
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    QCOMPARE(m_unfinished, 0);
}

void TestLabTranslations::placeholdersSurviveTranslation()
{
    static const QRegularExpression placeholder(QStringLiteral("%\\d+"));
    QStringList broken;
    for (const auto &[key, german] : m_german) {
        QStringList in, out;
        for (const auto &m : placeholder.globalMatch(key.second))
            in << m.captured();
        for (const auto &m : placeholder.globalMatch(german))
            out << m.captured();
        in.sort();
        out.sort();
        in.removeDuplicates();
        out.removeDuplicates();
        if (in != out)
            broken << key.second.left(60);
    }
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestLabTranslations)
#include "tst_labtranslations.moc"
