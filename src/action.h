/* action.h — the named actions keys are bound to.
 *
 * The names are what users write in keymap files (kebab-case); the help
 * texts are what the help screen shows, translated.  What an action does
 * lives in app.c, which maps each action to a function. */
#ifndef HMS_ACTION_H
#define HMS_ACTION_H

enum action {
	ACTION_NONE,
	/* leaving, help, screen */
	ACTION_QUIT,
	ACTION_HELP,
	ACTION_CLOSE,
	ACTION_REDRAW,
	ACTION_SUSPEND,
	/* history and links */
	ACTION_BACK,
	ACTION_FORWARD,
	ACTION_FOLLOW,
	ACTION_NEXT_LINK,
	ACTION_PREV_LINK,
	ACTION_OPEN,
	ACTION_TOGGLE_FOCUS,
	ACTION_GOTO,
	/* movement */
	ACTION_UP,
	ACTION_DOWN,
	ACTION_LEFT,
	ACTION_RIGHT,
	ACTION_PAGE_UP,
	ACTION_PAGE_DOWN,
	ACTION_HALF_UP,
	ACTION_HALF_DOWN,
	ACTION_TOP,
	ACTION_BOTTOM,
	ACTION_TOGGLE_EXPAND,
	/* search */
	ACTION_SEARCH,
	ACTION_SEARCH_NEXT,
	ACTION_SEARCH_PREV,
	/* views */
	ACTION_VIEW_OUTLINE,
	ACTION_VIEW_PROJECTS,
	ACTION_VIEW_DISEASES,
	ACTION_VIEW_KPIS,
	ACTION_VIEW_PROGRAMS,
	ACTION_VIEW_FUNDS,
	ACTION_VIEW_ROADMAP,
	ACTION_VIEW_GLOSSARY,
	ACTION_VIEW_COMPARE,
	ACTION_VIEW_SEARCH,
	ACTION_VIEW_SOURCE,
	ACTION_VIEW_BOOKMARKS,
	/* tables, roadmap, compare */
	ACTION_SORT,
	ACTION_SORT_REVERSE,
	ACTION_SORT_RESET,
	ACTION_TOTALS,
	ACTION_FILTER,
	ACTION_EXPORT,
	ACTION_DIFF_ONLY,
	ACTION_SHIFT_PAIR,
	/* bookmarks and notes */
	ACTION_BOOKMARK,
	ACTION_NOTE,
	ACTION_NOTE_EDITOR,
	/* the prompt's line editor */
	ACTION_PROMPT_ACCEPT,
	ACTION_PROMPT_CANCEL,
	ACTION_PROMPT_BACKSPACE,
	ACTION_PROMPT_DELETE,
	ACTION_PROMPT_LEFT,
	ACTION_PROMPT_RIGHT,
	ACTION_PROMPT_HOME,
	ACTION_PROMPT_END,
	ACTION_PROMPT_KILL,
	ACTION_PROMPT_KILL_WORD,
	ACTION_PROMPT_HISTORY_PREV,
	ACTION_PROMPT_HISTORY_NEXT,
	ACTION_PROMPT_COMPLETE,
	ACTION_PROMPT_TOGGLE_REGEX,
	ACTION_COUNT
};

/* The action called name, or ACTION_NONE. */
enum action action_find(const char *name);
/* "follow-link" */
const char *action_name(enum action a);
/* One line of help, translated. */
const char *action_help(enum action a);

#endif
