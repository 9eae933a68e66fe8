"""Render the app icon's PNG sizes from resources/icons/org.relj.Relj.svg (run after editing the SVG).

    .venv/bin/python packaging/render_icons.py

Writes resources/icons/hicolor/<N>x<N>/apps/org.relj.Relj.png for the freedesktop sizes, and copies
the SVG and the 256 px PNG into relj/ui/assets/ for the window icon. Uses Qt's own SVG renderer,
so the PNGs match what the app draws; commit the results.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.relj.Relj"
SVG = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ASSETS = ROOT / "relj" / "ui" / "assets"


def png_path(size: int) -> Path:
    return ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A build tool, not app code: Qt outside relj.ui is fine here.
    from PySide6.QtCore import QRectF, Qt  # noqa: TID251
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs an application
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: {SVG} is not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        out = png_path(size)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(out), "PNG"):
            print(f"render_icons: could not write {out}", file=sys.stderr)
            return 1
        print(f"{out.relative_to(ROOT)}")
    if ASSETS.is_dir():
        shutil.copyfile(SVG, ASSETS / SVG.name)
        shutil.copyfile(png_path(256), ASSETS / f"{APP_ID}.png")
        print(f"{ASSETS.relative_to(ROOT)}/{SVG.name}, {APP_ID}.png (256 px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
