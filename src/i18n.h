/* i18n.h — gettext for interface text. */
#ifndef HMS_I18N_H
#define HMS_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define gettext(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
/* Marks a string for translation where it is defined; translate it with
 * _() where it is used. */
#define N_(s) (s)

#endif
