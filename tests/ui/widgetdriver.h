#pragma once

#include "tests/support/testcache.h"

#include <QApplication>
#include <QPushButton>
#include <QTest>
#include <QWidget>

namespace Toonbank::Tests {

/// Finds a named child of `root`, warning (so a failing test says which) when it is missing.
template <typename T> T *findNamed(QWidget *root, const char *name)
{
    T *widget = root->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no widget %s", name);
    return widget;
}

/// Taps a named button the way a person would: it must be visible and enabled.
inline void tapButton(QWidget *root, const char *name)
{
    auto *button = findNamed<QPushButton>(root, name);
    QVERIFY2(button && button->isVisible() && button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

/// Saves what `window` shows to <build>/test-output/screenshots/<name>.png.
inline void saveScreenshot(QWidget *window, const QString &name)
{
    QApplication::processEvents();
    const QString file = TestCache::outputDir(QStringLiteral("screenshots")) + QLatin1Char('/')
        + name + QStringLiteral(".png");
    QVERIFY(window->grab().save(file));
}

} // namespace Toonbank::Tests
