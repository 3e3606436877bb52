#include "history/scenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace ordinal::gui {

namespace {
const QString kFormat = QStringLiteral("ordinal-scenario");
constexpr int kVersion = 1;
} // namespace

void Scenario::clear()
{
    m_steps.clear();
    m_end = 0;
}

void Scenario::append(const Step &step)
{
    m_steps.append(step);
    m_end = std::max(m_end, step.at);
}

void Scenario::truncate(qsizetype actionCount)
{
    while (!m_steps.isEmpty() && m_steps.constLast().actionIndex > actionCount)
        m_steps.removeLast();
}

QByteArray Scenario::toJson() const
{
    QJsonArray steps;
    for (const Step &step : m_steps) {
        QJsonObject o;
        o.insert(QStringLiteral("at"), double(step.at));
        if (step.api) {
            o.insert(QStringLiteral("api"), step.api->toJson());
        } else if (!step.files.isEmpty()) {
            QJsonArray files;
            for (const ManifestText &f : step.files) {
                files.append(QJsonObject{{QStringLiteral("file"), f.first},
                                         {QStringLiteral("text"), QString::fromUtf8(f.second)}});
            }
            o.insert(QStringLiteral("apply"), files);
        } else {
            o.insert(QStringLiteral("command"), step.command);
            if (!step.ns.isEmpty())
                o.insert(QStringLiteral("namespace"), step.ns);
            if (!step.baseDir.isEmpty())
                o.insert(QStringLiteral("baseDir"), step.baseDir);
        }
        steps.append(o);
    }
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("end"), double(m_end)},
                     {QStringLiteral("steps"), steps}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool Scenario::fromJson(const QByteArray &json, Scenario *scenario, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        *error = tr("not a scenario file: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat) {
        *error = tr("not a scenario file (format is not \"%1\")").arg(kFormat);
        return false;
    }
    if (root.value(QStringLiteral("version")).toInt() > kVersion) {
        *error = tr("the scenario was written by a newer Ordinal (version %1)")
                     .arg(root.value(QStringLiteral("version")).toInt());
        return false;
    }
    Scenario result;
    qsizetype index = 0;
    for (const QJsonValue &v : root.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject o = v.toObject();
        Step step;
        step.at = core::Millis(o.value(QStringLiteral("at")).toDouble());
        step.actionIndex = ++index;
        for (const QJsonValue &f : o.value(QStringLiteral("apply")).toArray()) {
            step.files << ManifestText(f.toObject().value(QStringLiteral("file")).toString(),
                                       f.toObject().value(QStringLiteral("text")).toString().toUtf8());
        }
        step.command = o.value(QStringLiteral("command")).toString();
        step.ns = o.value(QStringLiteral("namespace")).toString();
        step.baseDir = o.value(QStringLiteral("baseDir")).toString();
        if (o.contains(QStringLiteral("api"))) {
            QString why;
            step.api = core::ApiWrite::fromJson(o.value(QStringLiteral("api")).toObject(), &why);
            if (!step.api) {
                *error = tr("step %1: %2").arg(index).arg(why);
                return false;
            }
        } else if (step.files.isEmpty() && step.command.isEmpty()) {
            *error = tr("step %1 has neither \"apply\" nor \"command\"").arg(index);
            return false;
        }
        result.append(step);
    }
    result.m_end = std::max(result.m_end, core::Millis(root.value(QStringLiteral("end")).toDouble()));
    *scenario = result;
    return true;
}

bool Scenario::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(toJson());
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool Scenario::load(const QString &path, Scenario *scenario, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    if (!fromJson(file.readAll(), scenario, error)) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
        return false;
    }
    return true;
}

bool Scenario::replayStep(Session *session, const Step &step, QString *error)
{
    core::Simulation &sim = session->simulation();
    if (step.at > sim.now())
        sim.advanceTo(step.at);
    if (step.api) {
        const core::ApiStatus status = step.api->applyTo(sim);
        session->actionDone();
        if (!status.ok()) {
            *error = tr("%1: %2").arg(step.api->summary(), status.message);
            return false;
        }
    } else if (!step.files.isEmpty()) {
        const core::ActionResult r = session->applyManifests(step.files);
        if (!r.ok) {
            *error = r.error;
            return false;
        }
    } else {
        const QString previous = session->console().currentNamespace();
        if (!step.ns.isEmpty())
            session->console().setCurrentNamespace(step.ns);
        const core::ConsoleOutput out = session->runCommand(step.command, step.baseDir);
        if (!step.ns.isEmpty())
            session->console().setCurrentNamespace(previous);
        session->console().stopWatch();
        if (!out.ok()) {
            *error = tr("%1: %2").arg(step.command, out.text.trimmed());
            return false;
        }
    }
    return true;
}

} // namespace ordinal::gui
