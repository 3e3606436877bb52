#include "window/canvasexport.h"

#include "canvas/clusterscene.h"
#include "dialogs/exportdialog.h"
#include "mainwindow.h"
#include "session.h"
#include "window/actionhandler.h"

#include "console/tablewriter.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPainter>
#include <QProgressDialog>
#include <QSettings>
#include <QSvgGenerator>

namespace ordinal::gui {

CanvasExport::CanvasExport(MainWindow *window, Session *session, ClusterScene *scene,
                           ActionHandler *actions)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_scene(scene)
{
    connect(actions->action("exportPngAction"), &QAction::triggered, this,
            &CanvasExport::exportPngDialog);
    connect(actions->action("exportSvgAction"), &QAction::triggered, this,
            &CanvasExport::exportSvgDialog);
    connect(actions->action("exportFramesAction"), &QAction::triggered, this,
            &CanvasExport::exportFramesDialog);
}

std::unique_ptr<ClusterScene> CanvasExport::snapshotScene() const
{
    // The cluster at the viewed moment in a scene of its own, as frames are: an export shows
    // the cluster, not the window's state (selection, the DNS panel's ring, half-run animations).
    auto scene = std::make_unique<ClusterScene>(m_session);
    scene->setAnimationsEnabled(false);
    scene->setCanvasPalette(m_scene->canvasStyle().presenter ? m_window->palette()
                                                             : QApplication::palette());
    scene->setPresenter(m_scene->isPresenter());
    scene->sync(m_session->viewStore(), m_session->viewTime(), false);
    return scene;
}

void CanvasExport::renderContent(ClusterScene *scene, QPainter *painter, const QRectF &target)
{
    const QRectF source = scene->contentRect();
    painter->fillRect(target, scene->canvasStyle().background);
    // Centred: QGraphicsScene::render keeps the aspect ratio but puts the picture top left.
    const qreal scale = std::min(target.width() / source.width(), target.height() / source.height());
    QRectF placed(QPointF(0, 0), source.size() * scale);
    placed.moveCenter(target.center());
    scene->render(painter, placed, source, Qt::KeepAspectRatio);
}

bool CanvasExport::exportPng(const QString &path, qreal scale)
{
    const std::unique_ptr<ClusterScene> scene = snapshotScene();
    const QRectF source = scene->contentRect();
    QSizeF size = source.size() * scale;
    if (size.width() > 8000 || size.height() > 8000)
        size.scale(8000, 8000, Qt::KeepAspectRatio);
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(scene->canvasStyle().background);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        renderContent(scene.get(), &painter, QRectF(QPointF(0, 0), size));
    }
    if (!image.save(path, "PNG")) {
        m_window->showError(tr("The image could not be written to %1.").arg(path));
        return false;
    }
    m_window->showInfo(tr("Exported %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool CanvasExport::exportSvg(const QString &path)
{
    const std::unique_ptr<ClusterScene> scene = snapshotScene();
    const QRectF source = scene->contentRect();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Ordinal canvas at %1").arg(core::goDuration(m_session->viewTime())));
    generator.setDescription(tr("Nodes, pods and services of the simulated cluster"));
    {
        QPainter painter;
        if (!painter.begin(&generator)) {
            m_window->showError(tr("The SVG could not be written to %1.").arg(path));
            return false;
        }
        renderContent(scene.get(), &painter, QRectF(QPointF(0, 0), source.size()));
    }
    if (!QFileInfo::exists(path)) {
        m_window->showError(tr("The SVG could not be written to %1.").arg(path));
        return false;
    }
    m_window->showInfo(tr("Exported %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool CanvasExport::exportFrames(const QString &folder, core::Millis from, core::Millis to,
                                core::Millis step, const QSize &size, bool presenterStyle,
                                QString *error)
{
    if (step <= 0 || to < from || !QDir(folder).exists()) {
        *error = tr("Invalid range or folder.");
        return false;
    }
    // A scene of its own, fed by hand from the history: the live canvas is not disturbed.
    ClusterScene frames(m_session);
    frames.setAnimationsEnabled(false);
    frames.setCanvasPalette(m_scene->canvasStyle().presenter ? m_window->palette()
                                                             : QApplication::palette());
    frames.setPresenter(presenterStyle);
    const qint64 count = (to - from) / step + 1;
    QProgressDialog progress(tr("Exporting frames…"), tr("Cancel"), 0, int(count), m_window);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    QFont stamp = m_window->font();
    stamp.setPixelSize(std::max(14, size.height() / 40));
    for (qint64 i = 0; i < count; ++i) {
        const core::Millis t = from + i * step;
        frames.sync(m_session->simulation().storeAt(t), t, false);
        QImage image(size, QImage::Format_RGB32);
        image.fill(frames.canvasStyle().background);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            const QRectF target = QRectF(QPointF(0, 0), QSizeF(size)).adjusted(0, stamp.pixelSize() * 2, 0, 0);
            renderContent(&frames, &painter, target);
            painter.setFont(stamp);
            painter.setPen(frames.canvasStyle().mutedText);
            painter.drawText(QRectF(16, 8, size.width() - 32, stamp.pixelSize() * 1.6),
                             Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("t = %1").arg(core::goDuration(t)));
        }
        const QString file = QDir(folder).filePath(QStringLiteral("frame-%1.png").arg(i, 5, 10, QLatin1Char('0')));
        if (!image.save(file, "PNG")) {
            *error = tr("Could not write %1.").arg(file);
            return false;
        }
        progress.setValue(int(i + 1));
        if (progress.wasCanceled()) {
            *error = tr("Cancelled after %n frame(s).", nullptr, int(i + 1));
            return false;
        }
    }
    return true;
}

void CanvasExport::exportPngDialog()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Canvas as PNG"),
                                                      QDir::home().filePath(QStringLiteral("ordinal.png")),
                                                      tr("PNG images (*.png)"));
    if (!path.isEmpty())
        exportPng(path);
}

void CanvasExport::exportSvgDialog()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Canvas as SVG"),
                                                      QDir::home().filePath(QStringLiteral("ordinal.svg")),
                                                      tr("SVG drawings (*.svg)"));
    if (!path.isEmpty())
        exportSvg(path);
}

void CanvasExport::exportFramesDialog()
{
    ExportDialog dialog(m_session->now(), m_window);
    dialog.setFolder(QSettings().value(QStringLiteral("files/framesDir"), QDir::homePath()).toString());
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings().setValue(QStringLiteral("files/framesDir"), dialog.folder());
    QString error;
    if (exportFrames(dialog.folder(), dialog.from(), dialog.to(), dialog.step(), dialog.frameSize(),
                     dialog.presenterStyle(), &error))
        m_window->showInfo(tr("Frames written to %1").arg(dialog.folder()));
    else
        m_window->showError(error);
}

} // namespace ordinal::gui
