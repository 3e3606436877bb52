// ordinal_icongen: renders the application's SVG icon to the PNG sizes the hicolor theme
// needs. A build tool only, never installed. It paints into a QImage with the raster engine
// and creates no application object, so it needs no display and no platform plugin; the
// icons hold no text, so no font is needed either.
//
//   ordinal_icongen SOURCE.svg OUTPUT.png SIZE

#include <QImage>
#include <QPainter>
#include <QString>
#include <QStringList>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    bool sizeOk = false;
    const int size = args.size() == 4 ? args.at(3).toInt(&sizeOk) : 0;
    if (!sizeOk || size <= 0) {
        std::fprintf(stderr, "usage: ordinal_icongen SOURCE.svg OUTPUT.png SIZE\n");
        return 2;
    }

    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "ordinal_icongen: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }

    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    // Straight alpha in the file, as every icon consumer expects.
    if (!image.convertToFormat(QImage::Format_ARGB32).save(args.at(2), "PNG")) {
        std::fprintf(stderr, "ordinal_icongen: cannot write %s\n", qPrintable(args.at(2)));
        return 1;
    }
    return 0;
}
