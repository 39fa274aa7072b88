package corpus

import (
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the English and numeric layouts ParseDate accepts, tried in
// order. time.Parse matches month names case-insensitively and rejects days
// that do not exist in the month (Feb 30).
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339, // also accepts fractional seconds
	"1/2/2006",   // US month/day/year
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// spanishMonths maps Spanish month names, lower case and unaccented, to months.
var spanishMonths = map[string]time.Month{
	"enero": time.January, "febrero": time.February, "marzo": time.March,
	"abril": time.April, "mayo": time.May, "junio": time.June, "julio": time.July,
	"agosto": time.August, "septiembre": time.September, "setiembre": time.September,
	"octubre": time.October, "noviembre": time.November, "diciembre": time.December,
}

// ParseDate reads a publication date and returns it as UTC midnight of the
// calendar date written, and whether it could be read. Accepted forms:
// 2026-01-16; RFC 3339 (2026-01-16T10:00:00Z, with any offset); 1/16/2026
// (US order); January 16, 2026; Jan 16, 2026; 16 January 2026; and Spanish
// 16 de enero de 2026 (any case, accents ignored). For RFC 3339 the date is
// the one printed in the string's own offset, not the UTC date: an article
// stamped 2026-01-16T23:30:00-05:00 was published on the 16th where its
// publisher is, and that is the day a reader saw. Impossible dates such as
// February 30 are not accepted.
func ParseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return midnight(t.Year(), t.Month(), t.Day())
		}
	}
	return parseSpanish(s)
}

// parseSpanish reads "16 de enero de 2026" (also "del 2026").
func parseSpanish(s string) (time.Time, bool) {
	f := strings.Fields(foldSpanish(s))
	if len(f) != 5 || f[1] != "de" || (f[3] != "de" && f[3] != "del") {
		return time.Time{}, false
	}
	m, ok := spanishMonths[f[2]]
	if !ok || len(f[0]) > 2 || len(f[4]) != 4 {
		return time.Time{}, false
	}
	d, err1 := strconv.Atoi(f[0])
	y, err2 := strconv.Atoi(f[4])
	if err1 != nil || err2 != nil || f[0][0] == '+' || f[4][0] == '+' || f[0][0] == '-' || f[4][0] == '-' {
		return time.Time{}, false
	}
	return midnight(y, m, d)
}

// midnight builds UTC midnight and refuses dates that time.Date would
// normalize (day 0, February 30) and years outside 1 to 9999, the range
// readers of a DATE column can hold (output.MinYear; corpus does not import
// output): year 0 parses, and would make a night's articles table
// unreadable in pandas.
func midnight(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if y < 1 || y > 9999 || t.Year() != y || t.Month() != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// foldSpanish lower-cases s and strips the acute accents Spanish uses.
func foldSpanish(s string) string {
	return strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ü", "u").
		Replace(strings.ToLower(s))
}
