#pragma once

#include <QHash>
#include <QIcon>
#include <QKeySequence>
#include <QObject>

class QAction;
class QActionGroup;
class QUndoStack;

namespace ordinal::gui {

class ClusterActions;
class FileActions;
class MainWindow;
class Session;

// Every action of the window, as Tiled's and Kate's action managers keep them: created here
// once with their object name, icon and shortcut, worded here (and again on a language
// change), enabled here from the selection, the viewed moment and the undo stack. What an
// action does is connected by its owner (ClusterActions, FileActions, CanvasExport,
// PresenterMode, LanguageSwitcher, the window). Tests find an action by its object name.
class ActionHandler : public QObject
{
    Q_OBJECT

public:
    ActionHandler(MainWindow *window, Session *session, QUndoStack *undo);

    // The action by object name ("deletePodAction", ...), or nullptr.
    QAction *action(const QString &name) const { return m_actions.value(name); }
    QAction *action(const char *name) const;
    // The language actions, exclusive.
    QActionGroup *languageGroup() const { return m_languageGroup; }
    // What enabling reads besides the session: the selection's targets and what Reload reloads.
    void setClusterActions(const ClusterActions *cluster) { m_cluster = cluster; }
    void setFileActions(const FileActions *files) { m_files = files; }

    // Texts and tool tips in the current language.
    void retranslate();
    // Enables what applies to the selection at the viewed moment; undo, redo and play texts.
    void updateActions();

    // A freedesktop icon from the theme, else the one shipped in the resources.
    static QIcon themedIcon(const QString &name);

private:
    QAction *makeAction(const char *objectName, const QString &iconName,
                        const QKeySequence &shortcut = {});

    MainWindow *m_window;
    Session *m_session;
    QUndoStack *m_undo;
    const ClusterActions *m_cluster = nullptr;
    const FileActions *m_files = nullptr;
    QHash<QString, QAction *> m_actions;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace ordinal::gui
