package corpus

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonNames are the recognized keys, in the order of jsonFields' result.
var jsonNames = [...]string{"id", "outlet", "date", "title", "url", "text", "lang"}

// maxFastDepth bounds the nesting of ignored values that decodeFast skips;
// anything deeper goes to encoding/json, whose own limit is 10,000.
const maxFastDepth = 32

// decodeFast decodes line the way json.Unmarshal into a jsonRecord does,
// but only when the outcome is certain without reflection: line is one
// valid JSON object; each recognized field is named exactly in lower case,
// appears at most once and holds a string or null; every other key is
// printable ASCII without escapes and matches no recognized name in any
// case; ignored values nest at most maxFastDepth deep. Strings are
// unescaped as encoding/json does (each invalid UTF-8 byte becomes U+FFFD,
// \u surrogate pairs are joined); a lone surrogate is left to
// encoding/json. It reports false for anything else, and the caller then
// decodes with encoding/json, so errors and their texts are never its own.
// json.Unmarshal was about 8 % of a run's CPU, nearly all of it on lines
// like these. Each field is one fresh allocation: nothing refers to line
// afterwards.
func decodeFast(line []byte) (jsonRecord, bool) {
	rec, _, ok := decodeFastInfo(line)
	return rec, ok
}

// decodeFastInfo is decodeFast, also returning what scanning the text
// field learned about its value (see textInfo), so that build need not read
// the text again.
func decodeFastInfo(line []byte) (jsonRecord, textInfo, bool) {
	var f [len(jsonNames)]string
	var text textInfo
	var seen uint8
	i := skipSpace(line, 0)
	if i == len(line) || line[i] != '{' {
		return jsonRecord{}, text, false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		i++
	} else {
		for {
			k, next, ok := fastKey(line, i)
			if !ok {
				return jsonRecord{}, text, false
			}
			i = skipSpace(line, next)
			if k >= 0 {
				if seen&(1<<k) != 0 {
					return jsonRecord{}, text, false // duplicate: let encoding/json apply its rules
				}
				seen |= 1 << k
				var info textInfo
				f[k], info, i, ok = fastField(line, i)
				if k == textField {
					text = info
				}
			} else {
				i, ok = skipValue(line, i, 1)
			}
			if !ok {
				return jsonRecord{}, text, false
			}
			i = skipSpace(line, i)
			if i == len(line) {
				return jsonRecord{}, text, false
			}
			if line[i] == '}' {
				i++
				break
			}
			if line[i] != ',' {
				return jsonRecord{}, text, false
			}
			i = skipSpace(line, i+1)
		}
	}
	if skipSpace(line, i) != len(line) {
		return jsonRecord{}, text, false
	}
	return jsonRecord{ID: f[0], Outlet: f[1], Date: f[2], Title: f[3], URL: f[4], Text: f[5], Lang: f[6]}, text, true
}

// textField is the index of "text" in jsonNames.
const textField = 5

// fastKey reads the key starting at b[i] and the colon after it. It
// returns the index of the recognized name, or -1 for a key that matches
// none; ok is false for a key it cannot be sure about or bad syntax.
func fastKey(b []byte, i int) (k, next int, ok bool) {
	if i == len(b) || b[i] != '"' {
		return 0, 0, false
	}
	start := i + 1
	for i = start; i < len(b) && b[i] != '"'; i++ {
		if c := b[i]; c < 0x20 || c >= utf8.RuneSelf || c == '\\' {
			return 0, 0, false
		}
	}
	if i == len(b) {
		return 0, 0, false
	}
	key := b[start:i]
	i = skipSpace(b, i+1)
	if i == len(b) || b[i] != ':' {
		return 0, 0, false
	}
	for n, name := range jsonNames {
		if string(key) == name {
			return n, i + 1, true
		}
	}
	for _, name := range jsonNames {
		if bytes.EqualFold(key, []byte(name)) {
			return 0, 0, false // "ID", "Text": encoding/json folds case; leave it to it
		}
	}
	return -1, i + 1, true
}

// fastField reads the value of a recognized field at b[i]: a string, or
// null, which leaves the field empty. Anything else is not ok.
func fastField(b []byte, i int) (string, textInfo, int, bool) {
	if i < len(b) && b[i] == '"' {
		end, info, ok := scanString(b, i+1)
		if !ok || info.lone {
			return "", info, 0, false // encoding/json decides what a lone surrogate becomes
		}
		if info.plain {
			return string(b[i+1 : end-1]), info, end, true
		}
		s, ok := unquote(b[i+1:end-1], info.invalid)
		return s, info, end, ok
	}
	if bytes.HasPrefix(b[i:], []byte("null")) {
		return "", textInfo{}, i + 4, true
	}
	return "", textInfo{}, 0, false
}

// textInfo is what scanString learns about a string's value (after
// unescaping and repair, which leave it valid UTF-8): its rune count, how
// many of its runes are U+FFFD and whether it holds a NUL. build needs
// these for the text, and counting them while scanning spares it two more
// passes over the longest field.
type textInfo struct {
	runes, bad int
	nul        bool
	plain      bool // no escape and valid UTF-8: the bytes are the value
	invalid    bool // some byte is not valid UTF-8 (and becomes U+FFFD)
	lone       bool // a \u escape is a surrogate not part of a pair
}

// Masks for testing eight bytes at once (see scanString).
const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// scanString checks the string body starting at b[i] and returns the index
// just past its closing quote, with what it learned about the value.
func scanString(b []byte, i int) (end int, info textInfo, ok bool) {
	info.plain = true
	for i < len(b) {
		// Eight printable ASCII bytes that are neither '"' nor '\\' at a
		// time: the bulk of any text.
		for i+8 <= len(b) {
			v := binary.LittleEndian.Uint64(b[i:])
			quote, backslash := v^(lowBits*'"'), v^(lowBits*'\\')
			special := (v-lowBits*0x20)&^v | // a byte below 0x20
				(quote-lowBits)&^quote | (backslash-lowBits)&^backslash | // '"' or '\\'
				v // a byte from 0x80
			if special&highBits != 0 {
				break
			}
			i += 8
			info.runes += 8
		}
		if i == len(b) {
			break
		}
		c := b[i]
		switch {
		case plainByte[c]:
			i++
			info.runes++
		case c == '"':
			return i + 1, info, true
		case c == '\\':
			info.plain = false
			if i+1 == len(b) {
				return 0, info, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				r, ok := hex4(b, i+2)
				if !ok {
					return 0, info, false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok := hex4(b, i+2)
					if r >= 0xDC00 || i+1 >= len(b) || b[i] != '\\' || b[i+1] != 'u' || !ok || r2 < 0xDC00 || r2 > 0xDFFF {
						info.lone = true
					} else {
						i += 6 // the pair is one rune
					}
				}
				info.nul = info.nul || r == 0
				if r == utf8.RuneError {
					info.bad++
				}
			default:
				return 0, info, false
			}
			info.runes++
		case c < 0x20:
			return 0, info, false
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError {
				info.bad++
				if size == 1 {
					info.plain, info.invalid = false, true
				}
			}
			i += size
			info.runes++
		}
	}
	return 0, info, false
}

// plainByte marks the bytes that stand for themselves in a JSON string:
// printable ASCII but the quote and the backslash. It is never written
// after initialization.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// hex4 decodes the four hex digits at b[i:i+4].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// unquote decodes a string body that scanString accepted, in one
// allocation unless invalid bytes make it longer. Each invalid UTF-8 byte
// becomes U+FFFD and a \u surrogate pair one rune, as in encoding/json;
// scanString has turned down lone surrogates. invalid says whether s has
// bytes that are not valid UTF-8 (scanString knows).
func unquote(s []byte, invalid bool) (string, bool) {
	var sb strings.Builder
	sb.Grow(len(s))
	for len(s) > 0 {
		n := bytes.IndexByte(s, '\\')
		if n < 0 {
			n = len(s)
		}
		if invalid {
			writeRepaired(&sb, s[:n])
		} else {
			sb.Write(s[:n])
		}
		s = s[n:]
		if len(s) == 0 {
			break
		}
		switch c := s[1]; c {
		case 'u':
			r, _ := hex4(s, 2)
			s = s[6:]
			if utf16.IsSurrogate(r) {
				r2, ok := hex4(s, 2)
				if r >= 0xDC00 || len(s) < 6 || s[0] != '\\' || s[1] != 'u' || !ok || r2 < 0xDC00 || r2 > 0xDFFF {
					return "", false
				}
				r, s = utf16.DecodeRune(r, r2), s[6:]
			}
			sb.WriteRune(r)
			continue
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 't':
			sb.WriteByte('\t')
		default: // '"', '\\', '/'
			sb.WriteByte(c)
		}
		s = s[2:]
	}
	return sb.String(), true
}

// writeRepaired writes s with each invalid UTF-8 byte replaced by U+FFFD.
func writeRepaired(sb *strings.Builder, s []byte) {
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		sb.WriteRune(r)
		s = s[size:]
	}
}

// skipValue checks the JSON value of an ignored field at b[i] and returns
// the index just past it.
func skipValue(b []byte, i, depth int) (int, bool) {
	if i == len(b) {
		return 0, false
	}
	switch c := b[i]; {
	case c == '"':
		end, _, ok := scanString(b, i+1)
		return end, ok
	case c == '{' || c == '[':
		if depth >= maxFastDepth {
			return 0, false
		}
		return skipComposite(b, i, depth)
	case c == 't':
		return skipLiteral(b, i, "true")
	case c == 'f':
		return skipLiteral(b, i, "false")
	case c == 'n':
		return skipLiteral(b, i, "null")
	case c == '-' || '0' <= c && c <= '9':
		return skipNumber(b, i)
	}
	return 0, false
}

// skipComposite checks the object or array at b[i].
func skipComposite(b []byte, i, depth int) (int, bool) {
	closing := byte(']')
	if b[i] == '{' {
		closing = '}'
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == closing {
		return i + 1, true
	}
	for {
		var ok bool
		if closing == '}' {
			if i == len(b) || b[i] != '"' {
				return 0, false
			}
			if i, _, ok = scanString(b, i+1); !ok {
				return 0, false
			}
			if i = skipSpace(b, i); i == len(b) || b[i] != ':' {
				return 0, false
			}
			i = skipSpace(b, i+1)
		}
		if i, ok = skipValue(b, i, depth+1); !ok {
			return 0, false
		}
		if i = skipSpace(b, i); i == len(b) {
			return 0, false
		}
		switch b[i] {
		case closing:
			return i + 1, true
		case ',':
			i = skipSpace(b, i+1)
		default:
			return 0, false
		}
	}
}

// skipLiteral checks that b[i:] starts with lit.
func skipLiteral(b []byte, i int, lit string) (int, bool) {
	if !bytes.HasPrefix(b[i:], []byte(lit)) {
		return 0, false
	}
	return i + len(lit), true
}

// skipNumber checks a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func skipNumber(b []byte, i int) (int, bool) {
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = skipDigits(b, i)
	default:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		j := skipDigits(b, i+1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := skipDigits(b, i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return i, true
}

// skipDigits returns the index of the first non-digit at or after i.
func skipDigits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
