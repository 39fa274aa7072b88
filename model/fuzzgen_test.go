package model

import (
	"encoding/binary"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The fuzz targets of this package (fuzz_test.go) decode their bytes into data through
// gen, which is built to reach the inputs that break statistics: small samples, ties and
// constant samples, symmetric (palindromic) samples such as the per-day scores x, y, x
// whose trend is exactly flat, values one ulp apart, huge and tiny magnitudes, large
// offsets with small spread, near-collinear columns, and now and then a NaN or ±Inf.

// gen reads choices from fuzz bytes; past the end every choice is 0.
type gen struct {
	data []byte
	pos  int
}

func (g *gen) byte() byte {
	if g.pos >= len(g.data) {
		return 0
	}
	b := g.data[g.pos]
	g.pos++
	return b
}

// intn returns a choice in [0, n).
func (g *gen) intn(n int) int { return int(g.byte()) % n }

// raw returns the next 8 bytes as a float64, any bit pattern.
func (g *gen) raw() float64 {
	var b [8]byte
	for i := range b {
		b[i] = g.byte()
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b[:]))
}

// scales and offsets of a sample: per_1k-like values, then the extremes.
var (
	genScales  = []float64{1, 1, 1, 0.1, 1000, 1e-8, 1e8, 1e-45, 1e45, 1e-60, 1e60, 1e-300, 1e300, 5e-324}
	genOffsets = []float64{0, 0, 0, 1, 1000, 1e15, -1e6, 1e40}
)

// value returns the next value given the previous one (0 at the start of a sample).
func (g *gen) value(prev float64) float64 {
	b := g.byte()
	switch b % 10 {
	case 0, 1, 2, 3: // small integers: ties and symmetry
		return float64(int(b/10)%7 - 3)
	case 4: // a tie with the previous value
		return prev
	case 5: // its mirror
		return -prev
	case 6: // a few ulps away
		next := prev
		for range 1 + int(b/10)%4 {
			next = math.Nextafter(next, math.Inf(1))
		}
		return next
	case 7: // a per_1k-like value with two decimals
		return float64(g.byte()) + float64(g.byte()%100)/100
	case 8: // any finite bit pattern
		if v := g.raw(); !math.IsNaN(v) && !math.IsInf(v, 0) {
			return v
		}
		return prev
	default: // rarely, a non-finite value
		if b/10%8 != 0 {
			return prev + 1
		}
		return []float64{math.NaN(), math.Inf(1), math.Inf(-1)}[int(b/80)%3]
	}
}

// sample returns 0 to max values: a scale and offset, then values, possibly mirrored into
// a palindrome (x, y, x) or made constant.
func (g *gen) sample(max int) []float64 {
	n := g.intn(max + 1)
	scale := genScales[g.intn(len(genScales))]
	offset := genOffsets[g.intn(len(genOffsets))]
	shape := g.intn(4)
	x := make([]float64, n)
	prev := 0.0
	for i := range x {
		switch {
		case shape == 1 && i >= (n+1)/2: // palindrome
			x[i] = x[n-1-i]
			continue
		case shape == 2 && i > 0: // constant
			x[i] = x[0]
			continue
		}
		prev = g.value(prev)
		x[i] = offset + scale*prev
	}
	return x
}

// groups returns 0 to max samples.
func (g *gen) groups(max, size int) [][]float64 {
	gs := make([][]float64, g.intn(max+1))
	for i := range gs {
		gs[i] = g.sample(size)
	}
	return gs
}

// column returns a column of n values: a fresh sample, or a near-linear function of an
// earlier column (near-collinear designs), or a constant.
func (g *gen) column(n int, earlier [][]float64) []float64 {
	c := make([]float64, n)
	switch k := g.intn(4); {
	case k == 1 && len(earlier) > 0:
		src := earlier[g.intn(len(earlier))]
		a, b := g.value(1), g.value(0)
		tiny := genScales[g.intn(len(genScales))] * 1e-12
		for i := range c {
			c[i] = a*src[i] + b + tiny*g.value(0)
		}
	case k == 2:
		v := g.value(0)
		for i := range c {
			c[i] = v
		}
	default:
		s := g.sample(n)
		for i := range c {
			if len(s) > 0 {
				c[i] = s[i%len(s)]
			}
		}
		if len(s) > 0 && len(s) < n {
			for i := len(s); i < n; i++ { // fill the rest with fresh values
				c[i] = s[0] + g.value(c[i-1])
			}
		}
	}
	return c
}

// checkStat walks v (a result struct, or a slice or pointer of them) and fails when a
// float64 is ±Inf, or NaN while the nearest enclosing Note is empty. allowNaN names fields
// whose NaN is documented without a Note (Centroid.PC2 with one component).
func checkStat(t *testing.T, name string, v any, allowNaN ...string) {
	t.Helper()
	walkFloats(reflect.ValueOf(v), name, "", func(path string, x float64, note string) {
		t.Helper()
		switch {
		case math.IsInf(x, 0):
			t.Errorf("%s: %s = %v (an infinity must be NaN with a Note)", name, path, x)
		case math.IsNaN(x) && note == "" && !slices.ContainsFunc(allowNaN, func(s string) bool { return strings.HasSuffix(path, s) }):
			t.Errorf("%s: %s is NaN without a Note", name, path)
		}
	})
}

// walkFloats calls fn for every float64 reachable from v with the Note of the innermost
// struct that has one.
func walkFloats(v reflect.Value, path, note string, fn func(path string, x float64, note string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkFloats(v.Elem(), path, note, fn)
		}
	case reflect.Float64:
		fn(path, v.Float(), note)
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkFloats(v.Index(i), path+"["+strconv.Itoa(i)+"]", note, fn)
		}
	case reflect.Struct:
		if f := v.FieldByName("Note"); f.IsValid() && f.Kind() == reflect.String {
			note = f.String()
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkFloats(v.Field(i), path+"."+v.Type().Field(i).Name, note, fn)
			}
		}
	}
}

// sameFloat reports whether a and b are equal or both NaN.
func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// sameStat reports whether two results have the same floats (NaN equal to NaN) and Notes.
func sameStat(a, b any) bool {
	var fa, fb []float64
	var na, nb []string
	walkFloats(reflect.ValueOf(a), "", "", func(_ string, x float64, note string) { fa, na = append(fa, x), append(na, note) })
	walkFloats(reflect.ValueOf(b), "", "", func(_ string, x float64, note string) { fb, nb = append(fb, x), append(nb, note) })
	return slices.EqualFunc(fa, fb, sameFloat) && slices.Equal(na, nb)
}

// finiteAll reports whether every value is finite.
func finiteAll(xs ...[]float64) bool {
	for _, x := range xs {
		if !allFinite(x) {
			return false
		}
	}
	return true
}
