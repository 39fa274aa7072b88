package codec

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// element has a field of every kind the pipeline's elements use.
type element struct {
	S    string
	B    bool
	I    int
	I32  int32
	I64  int64
	F    float64
	PF   *float64
	PS   *string
	Raw  []byte
	T    time.Time
	List []inner
	Ptr  *inner
}

type inner struct {
	Name  string
	Share *float64
}

func ptr[T any](x T) *T { return &x }

// TestRoundTrip checks the cases the standard codecs get wrong: a pointer
// to a zero value (gob makes it nil), invalid UTF-8 (JSON replaces it),
// negative zero, and time zones.
func TestRoundTrip(t *testing.T) {
	cases := map[string]element{
		"zero":            {},
		"pointer to zero": {PF: ptr(0.0), PS: ptr(""), Ptr: &inner{Share: ptr(0.0)}},
		"invalid utf-8":   {S: "caf\xe9 \xff", Raw: []byte{0, 0xff}},
		"floats":          {F: math.Copysign(0, -1), PF: ptr(math.SmallestNonzeroFloat64), List: []inner{{Share: ptr(-1e308)}, {}}},
		"ints":            {I: -1, I32: math.MinInt32, I64: math.MaxInt64},
		"times":           {T: time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)},
		"zoned time":      {T: time.Date(2026, 1, 20, 13, 4, 5, 6, time.FixedZone("", -5*3600))},
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			b, err := Marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Unmarshal[element](b)
			if err != nil {
				t.Fatal(err)
			}
			opt := cmp.Comparer(func(a, b time.Time) bool {
				_, oa := a.Zone()
				_, ob := b.Zone()
				return a.Equal(b) && oa == ob
			})
			if d := cmp.Diff(want, got, opt); d != "" {
				t.Errorf("round trip (-want +got):\n%s", d)
			}
			if math.Signbit(want.F) != math.Signbit(got.F) {
				t.Errorf("sign of zero lost")
			}
		})
	}
}

// FuzzUnmarshal: arbitrary bytes decode to an element or an error, never a
// panic, and a decoded element survives a round trip (the input may have
// used longer varints than Marshal writes, so bytes are compared after one
// round).
func FuzzUnmarshal(f *testing.F) {
	b, _ := Marshal(element{S: "x", PF: ptr(1.5), List: []inner{{Name: "n"}}})
	f.Add(b)
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Unmarshal[element](data)
		if err != nil {
			return
		}
		again, err := Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		e2, err := Unmarshal[element](again)
		if err != nil {
			t.Fatalf("Marshal's own output %x: %v", again, err)
		}
		if third, _ := Marshal(e2); string(third) != string(again) {
			t.Errorf("%x decoded and encoded as %x, then as %x", data, again, third)
		}
	})
}
