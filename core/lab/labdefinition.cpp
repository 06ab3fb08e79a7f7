// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labdefinition.h"

#include <QCoreApplication>

#include <cmath>

namespace wirelab {

namespace {

QString rangeText(double v, LabParameter::Type type)
{
    if (type == LabParameter::Type::Int)
        return QString::number(qlonglong(v));
    return QString::number(v);
}

QString outOfRange(const LabParameter &p, const QString &got)
{
    return QCoreApplication::translate("wirelab::LabParameter", "%1 must be between %2 and %3; got %4.")
        .arg(p.key, rangeText(p.minimum, p.type), rangeText(p.maximum, p.type), got);
}

} // namespace

QVariant LabParameter::parse(const QString &text, QString *error) const
{
    const QString t = text.trimmed();
    switch (type) {
    case Type::Int: {
        bool ok = false;
        const qlonglong v = t.toLongLong(&ok);
        if (!ok) {
            if (error)
                *error = QCoreApplication::translate("wirelab::LabParameter", "%1 must be a whole number; got \"%2\".").arg(key, text);
            return {};
        }
        QVariant value(v);
        if (!validate(value, error))
            return {};
        return value;
    }
    case Type::Double: {
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok || !std::isfinite(v)) {
            if (error)
                *error = QCoreApplication::translate("wirelab::LabParameter", "%1 must be a number; got \"%2\".").arg(key, text);
            return {};
        }
        QVariant value(v);
        if (!validate(value, error))
            return {};
        return value;
    }
    case Type::Bool: {
        const QString l = t.toLower();
        if (l == QLatin1String("true") || l == QLatin1String("1") || l == QLatin1String("yes")
            || l == QLatin1String("on"))
            return QVariant(true);
        if (l == QLatin1String("false") || l == QLatin1String("0") || l == QLatin1String("no")
            || l == QLatin1String("off"))
            return QVariant(false);
        if (error)
            *error = QCoreApplication::translate("wirelab::LabParameter", "%1 must be true or false; got \"%2\".").arg(key, text);
        return {};
    }
    case Type::Choice: {
        QVariant value(t);
        if (!validate(value, error))
            return {};
        return value;
    }
    }
    return {};
}

bool LabParameter::validate(const QVariant &value, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    switch (type) {
    case Type::Int: {
        const int typeId = value.metaType().id();
        const bool integral = typeId == QMetaType::Int || typeId == QMetaType::UInt
            || typeId == QMetaType::LongLong || typeId == QMetaType::ULongLong
            || typeId == QMetaType::Long || typeId == QMetaType::ULong || typeId == QMetaType::Short
            || typeId == QMetaType::UShort;
        if (!integral)
            return fail(QCoreApplication::translate("wirelab::LabParameter", "%1 must be a whole number; got \"%2\".").arg(key, value.toString()));
        const qlonglong v = value.toLongLong();
        if (double(v) < minimum || double(v) > maximum)
            return fail(outOfRange(*this, QString::number(v)));
        return true;
    }
    case Type::Double: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || value.metaType().id() == QMetaType::QString || !std::isfinite(v))
            return fail(QCoreApplication::translate("wirelab::LabParameter", "%1 must be a number; got \"%2\".").arg(key, value.toString()));
        if (v < minimum || v > maximum)
            return fail(outOfRange(*this, QString::number(v)));
        return true;
    }
    case Type::Bool:
        if (value.metaType().id() != QMetaType::Bool)
            return fail(QCoreApplication::translate("wirelab::LabParameter", "%1 must be true or false; got \"%2\".").arg(key, value.toString()));
        return true;
    case Type::Choice: {
        const QString v = value.toString();
        if (!choices.contains(v))
            return fail(QCoreApplication::translate("wirelab::LabParameter", "%1 must be one of %2; got \"%3\".")
                            .arg(key, choices.join(QLatin1String(", ")), v));
        return true;
    }
    }
    return fail(QCoreApplication::translate("wirelab::LabParameter", "%1 has an unknown type.").arg(key));
}

const LabParameter *LabDefinition::parameter(const QString &key) const
{
    for (const LabParameter &p : parameters) {
        if (p.key == key)
            return &p;
    }
    return nullptr;
}

} // namespace wirelab
