package lexicon

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// importLog collects the diagnostics of a dictionary import, each with a
// position in the file, so that every reader reports alike.
type importLog struct {
	file  string
	diags []Diagnostic
}

func (g *importLog) add(sev Severity, line, col int, format string, args ...any) {
	g.diags = append(g.diags, Diagnostic{Pos: Position{File: g.file, Line: line, Col: col},
		Severity: sev, Msg: fmt.Sprintf(format, args...)})
}

func (g *importLog) warn(line, col int, format string, args ...any) {
	g.add(SeverityWarning, line, col, format, args...)
}

// errorf returns a positioned error list, the form of every lexicon error.
func (g *importLog) errorf(line int, format string, args ...any) ErrorList {
	return ErrorList{{Pos: Position{File: g.file, Line: line, Col: 1}, Msg: fmt.Sprintf(format, args...)}}
}

// dictionaryLines turns the bytes of a line-based dictionary (LIWC,
// WordStat, Lexicoder) into lines, as the files are distributed: a UTF-8
// byte-order mark is dropped; UTF-16 with a byte-order mark is decoded;
// a file that is not valid UTF-8 is read as Windows-1252, the encoding of
// older Windows tools, with a warning; and a line ends at LF, CRLF or a
// lone CR (classic Mac OS files such as the Moral Foundations Dictionary
// 2.0). Line i of the result is line i+1 of the file.
func dictionaryLines(data []byte, g *importLog) []string {
	text := decodeDictionary(data, g)
	var lines []string
	for len(text) > 0 {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			lines = append(lines, text)
			break
		}
		lines = append(lines, text[:i])
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		text = text[i+1:]
	}
	return lines
}

// decodeDictionary returns the file's text as UTF-8.
func decodeDictionary(data []byte, g *importLog) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xFF\xFE")), bytes.HasPrefix(data, []byte("\xFE\xFF")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := dec.Bytes(data); err == nil {
			return string(out)
		}
		g.warn(1, 1, "file starts with a UTF-16 byte-order mark but does not decode as UTF-16")
	}
	if utf8.Valid(data) {
		return string(data)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil { // cannot happen: every byte has a Windows-1252 meaning
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	line := lineAt(data, invalidAt(data))
	g.warn(line, 1, "file is not valid UTF-8 (first invalid byte on line %d); read as Windows-1252", line)
	return string(out)
}

// invalidAt returns the offset of the first byte that is not valid UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// lineAt returns the 1-based line of byte offset off, counting LF, CRLF
// and lone CR as line ends, as dictionaryLines does.
func lineAt(data []byte, off int) int {
	n := 1
	for i := 0; i < off && i < len(data); i++ {
		if data[i] == '\n' || data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			n++
		}
	}
	return n
}
