#pragma once

#include "canvasitem.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>

namespace ordinal::gui {

// What a Service card shows.
struct ServiceDisplay
{
    QString name;
    bool headless = false;
    QString clusterIP;
    QString ports;     // "80/TCP (web)"
    QString selector;  // "app=nginx"
    int ready = 0;     // Endpoints addresses
    int notReady = 0;  // Endpoints notReadyAddresses

    bool operator==(const ServiceDisplay &) const = default;
};

// A Service as a card above the nodes, with a line to every pod it publishes (the ready
// addresses of its Endpoints, i.e. the records its DNS name answers with).
class ServiceItem : public CanvasItem
{
    Q_DECLARE_TR_FUNCTIONS(ServiceItem)

public:
    ServiceItem(const QString &key, const CanvasStyle *style);

    enum { Type = UserType + 4 };
    int type() const override { return Type; }

    const ServiceDisplay &display() const { return m_display; }
    void setDisplay(const ServiceDisplay &display);
    void setWidth(qreal width);
    qreal width() const { return m_width; }
    // A published pod: its card and its node's card, in scene coordinates. The line runs down
    // the node's side margin and enters the pod from that side, so it never crosses text.
    struct Target
    {
        QRectF pod;
        QRectF node;
        bool operator==(const Target &) const = default;
    };
    void setTargets(const QList<Target> &sceneTargets);
    int targetCount() const { return int(m_targets.size()); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    QRectF cardRect() const;

    ServiceDisplay m_display;
    QList<Target> m_targets; // item coordinates
    qreal m_width = 320;
};

// What a StatefulSet card shows.
struct StatefulSetDisplay
{
    QString name;
    int replicas = 0;
    int ready = 0;
    int current = 0;
    int updated = 0;
    QString policy;
    QString image;
    QString serviceName;
    QString strategy;
    int partition = 0;

    bool operator==(const StatefulSetDisplay &) const = default;
};

// A StatefulSet as a card above the nodes: desired and ready replicas, pod management policy,
// image and update strategy (what scale / set image / partition change).
class StatefulSetItem : public CanvasItem
{
    Q_DECLARE_TR_FUNCTIONS(StatefulSetItem)

public:
    StatefulSetItem(const QString &key, const CanvasStyle *style);

    enum { Type = UserType + 5 };
    int type() const override { return Type; }

    const StatefulSetDisplay &display() const { return m_display; }
    void setDisplay(const StatefulSetDisplay &display);
    void setWidth(qreal width);
    qreal width() const { return m_width; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    StatefulSetDisplay m_display;
    qreal m_width = 320;
};

} // namespace ordinal::gui
