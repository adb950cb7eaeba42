/* action.c — the table of named actions. */
#include "config.h"

#include <string.h>

#include "action.h"
#include "i18n.h"
#include "util.h"

static const struct {
	const char	*name;
	const char	*help;
} action_table[ACTION_COUNT] = {
	[ACTION_NONE] = { "none", N_("Do nothing (unbinds a key)") },
	[ACTION_QUIT] = { "quit", N_("Quit hms") },
	[ACTION_HELP] = { "help", N_("Show the keys of this view") },
	[ACTION_CLOSE] = { "close", N_("Close help or the source view and return to where you were") },
	[ACTION_REDRAW] = { "redraw", N_("Redraw the whole screen") },
	[ACTION_SUSPEND] = { "suspend", N_("Suspend hms (resume with fg)") },
	[ACTION_BACK] = { "back", N_("Go back in history") },
	[ACTION_FORWARD] = { "forward", N_("Go forward in history") },
	[ACTION_NEXT_SECTION] = { "next-section", N_("Next section of the document (as info's ])") },
	[ACTION_PREV_SECTION] = { "prev-section", N_("Previous section of the document (as info's [)") },
	[ACTION_FOLLOW] = { "follow-link", N_("Follow the selected link, or open the selection") },
	[ACTION_NEXT_LINK] = { "next-link", N_("Select the next link") },
	[ACTION_PREV_LINK] = { "prev-link", N_("Select the previous link") },
	[ACTION_OPEN] = { "open", N_("Open the selected item in the reader") },
	[ACTION_TOGGLE_FOCUS] = { "toggle-focus", N_("Move between the list and the reader") },
	[ACTION_GOTO] = { "goto", N_("Go to an id, a title or a view by name") },
	[ACTION_UP] = { "up", N_("Move up a line") },
	[ACTION_DOWN] = { "down", N_("Move down a line") },
	[ACTION_LEFT] = { "left", N_("Move or scroll left") },
	[ACTION_RIGHT] = { "right", N_("Move or scroll right") },
	[ACTION_PAGE_UP] = { "page-up", N_("Move up a page") },
	[ACTION_PAGE_DOWN] = { "page-down", N_("Move down a page") },
	[ACTION_HALF_UP] = { "half-page-up", N_("Move up half a page") },
	[ACTION_HALF_DOWN] = { "half-page-down", N_("Move down half a page") },
	[ACTION_TOP] = { "top", N_("Go to the top") },
	[ACTION_BOTTOM] = { "bottom", N_("Go to the bottom") },
	[ACTION_TOGGLE_EXPAND] = { "toggle-expand", N_("Expand or collapse the selected item") },
	[ACTION_SEARCH] = { "search", N_("Search as you type: a page first (// all content), else everything") },
	[ACTION_SEARCH_NEXT] = { "search-next", N_("Next match (round the page after a page search), then the next hit") },
	[ACTION_SEARCH_PREV] = { "search-prev", N_("Previous match (round the page after a page search), then the previous hit") },
	[ACTION_VIEW_OUTLINE] = { "view-outline", N_("Outline: the documents chapter by chapter") },
	[ACTION_VIEW_PROJECTS] = { "view-projects", N_("The integrated projects of each period") },
	[ACTION_VIEW_DISEASES] = { "view-diseases", N_("Disease areas of each period") },
	[ACTION_VIEW_KPIS] = { "view-kpis", N_("KPIs: targets and progress") },
	[ACTION_VIEW_PROGRAMS] = { "view-programs", N_("Programs: who funds what") },
	[ACTION_VIEW_FUNDS] = { "view-funds", N_("Funds: the programs behind what the cursor is on") },
	[ACTION_VIEW_ROADMAP] = { "view-roadmap", N_("Roadmap: measures against time") },
	[ACTION_VIEW_GLOSSARY] = { "view-glossary", N_("Glossary of abbreviations and names") },
	[ACTION_VIEW_COMPARE] = { "view-compare", N_("Compare periods 1, 2 and 3") },
	[ACTION_VIEW_SEARCH] = { "view-search", N_("The last search results") },
	[ACTION_VIEW_SOURCE] = { "view-source", N_("The source text of this entity") },
	[ACTION_VIEW_BOOKMARKS] = { "view-bookmarks", N_("Bookmarks and notes") },
	[ACTION_SORT] = { "sort", N_("Sort by this column (again: reverse)") },
	[ACTION_SORT_REVERSE] = { "sort-reverse", N_("Reverse the sort order") },
	[ACTION_SORT_RESET] = { "sort-reset", N_("Back to the document order") },
	[ACTION_TOTALS] = { "totals", N_("Subtotals: ministry, project, FY, none") },
	[ACTION_FILTER] = { "filter", N_("Filter: words, COL:WORD (p:3), -WORD") },
	[ACTION_EXPORT] = { "export", N_("Export the table as TSV or CSV") },
	[ACTION_DIFF_ONLY] = { "diff-only", N_("Show only rows that differ") },
	[ACTION_SHIFT_PAIR] = { "shift-pair", N_("Show the other pair of periods") },
	[ACTION_BOOKMARK] = { "bookmark", N_("Bookmark this entity (again: remove)") },
	[ACTION_NOTE] = { "note", N_("Write a note on this entity") },
	[ACTION_NOTE_EDITOR] = { "note-editor", N_("Write a note on this entity in $VISUAL or $EDITOR") },
	[ACTION_PROMPT_ACCEPT] = { "prompt-accept", N_("Accept the input") },
	[ACTION_PROMPT_CANCEL] = { "prompt-cancel", N_("Cancel the input") },
	[ACTION_PROMPT_BACKSPACE] = { "prompt-backspace", N_("Delete the character before the cursor") },
	[ACTION_PROMPT_DELETE] = { "prompt-delete", N_("Delete the character under the cursor") },
	[ACTION_PROMPT_LEFT] = { "prompt-left", N_("Move the cursor left") },
	[ACTION_PROMPT_RIGHT] = { "prompt-right", N_("Move the cursor right") },
	[ACTION_PROMPT_HOME] = { "prompt-home", N_("Move the cursor to the start") },
	[ACTION_PROMPT_END] = { "prompt-end", N_("Move the cursor to the end") },
	[ACTION_PROMPT_KILL] = { "prompt-kill", N_("Delete the whole input") },
	[ACTION_PROMPT_KILL_WORD] = { "prompt-kill-word", N_("Delete the word before the cursor") },
	[ACTION_PROMPT_HISTORY_PREV] = { "prompt-history-prev", N_("Previous input from history") },
	[ACTION_PROMPT_HISTORY_NEXT] = { "prompt-history-next", N_("Next input from history") },
	[ACTION_PROMPT_COMPLETE] = { "prompt-complete", N_("Complete the input") },
	[ACTION_PROMPT_TOGGLE_REGEX] = { "prompt-toggle-regex", N_("Switch between plain and regex search") },
};

enum action
action_find(const char *name)
{
	size_t i;

	for (i = 0; i < ACTION_COUNT; i++) {
		if (strcmp(action_table[i].name, name) == 0)
			return (enum action)i;
	}
	return ACTION_NONE;
}

const char *
action_name(enum action a)
{
	return action_table[a].name;
}

const char *
action_help(enum action a)
{
	return _(action_table[a].help);
}
