package features

import "math/bits"

// Scanning eight bytes at a time: the cleaner, the sentence splitter and
// the quote finder look for a few byte values in long runs of text that
// hold none of them, and testing a word of eight bytes at once costs about
// what testing one byte did.

// Masks for looking at eight bytes at once.
const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// load64 returns the eight bytes of s from i as a little-endian number (the
// compiler makes it one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// zeroBytes returns the high bit of each byte of x that is 0, exactly: no
// carry crosses from one byte to the next.
func zeroBytes(x uint64) uint64 {
	return ^((x&^highBits + ^uint64(highBits)) | x) & highBits
}

// skipPlain returns the index of the first byte of s from i, below end,
// that is from 0x80 or one of a, b and c, looking at eight bytes at a time;
// or the index where fewer than eight bytes are left before end, from which
// the caller goes on byte by byte. It tests each word with the inexact
// (x - 1) &^ x, which never misses a zero byte, and finds the exact first
// byte only in a word that has one.
func skipPlain(s string, i, end int, a, b, c byte) int {
	pa, pb, pc := lowBits*uint64(a), lowBits*uint64(b), lowBits*uint64(c)
	for i+8 <= end {
		v := load64(s, i)
		xa, xb, xc := v^pa, v^pb, v^pc
		if (v|(xa-lowBits)&^xa|(xb-lowBits)&^xb|(xc-lowBits)&^xc)&highBits != 0 {
			m := v&highBits | zeroBytes(xa) | zeroBytes(xb) | zeroBytes(xc)
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	return i
}

// skipPlain1 is skipPlain for one byte value a.
func skipPlain1(s string, i, end int, a byte) int {
	pa := lowBits * uint64(a)
	for i+8 <= end {
		v := load64(s, i)
		xa := v ^ pa
		if (v|(xa-lowBits)&^xa)&highBits != 0 {
			m := v&highBits | zeroBytes(xa)
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	return i
}
