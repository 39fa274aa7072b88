package model

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"
)

func TestKeynessGolden(t *testing.T) {
	g := modelsGolden(t)
	// R 4.2.2, the G² and log-ratio formulas evaluated in testdata/models_golden.R.
	k := Keyness(30, 5, 10000, 8000)
	checkRel(t, "G2", k.G2, g["key.g2"], 1e-8)
	checkRel(t, "p", k.P, g["key.p"], 1e-8)
	checkRel(t, "log ratio", k.LogRatio, g["key.lr"], 1e-8)
	if k.LogRatio <= 0 {
		t.Errorf("overused in A: log ratio %g, want > 0", k.LogRatio)
	}
	if r := Keyness(5, 30, 10000, 8000); r.LogRatio >= 0 || !nearRel(r.G2, Keyness(5, 30, 10000, 8000).G2, 0) {
		t.Errorf("underused in A: %+v", r)
	}
	if z := Keyness(0, 0, 100, 100); z.G2 != 0 || z.P != 1 || z.LogRatio != 0 {
		t.Errorf("absent term: %+v", z)
	}
	for _, bad := range [][4]float64{{1, 1, 0, 10}, {-1, 1, 10, 10}, {11, 1, 10, 10}, {math.NaN(), 1, 10, 10}} {
		if k := Keyness(bad[0], bad[1], bad[2], bad[3]); k.Note == "" || !math.IsNaN(k.G2) {
			t.Errorf("Keyness%v = %+v, want NaN with a Note", bad, k)
		}
	}
}

// TestKeynessQuanteda checks the signed, Yates-corrected likelihood ratio
// against testdata/keyness_quanteda.csv, written by keyness_quanteda.py (an
// independent Python implementation of quanteda.textstats' lr_lambda with
// correction "default"; Python 3.11.7, scipy 1.17.1).
func TestKeynessQuanteda(t *testing.T) {
	f, err := os.Open("testdata/keyness_quanteda.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 10 {
		t.Fatalf("%d rows in the reference file", len(rows))
	}
	for _, row := range rows[1:] {
		var v [6]float64
		for i := range v {
			if v[i], err = strconv.ParseFloat(row[i], 64); err != nil {
				t.Fatal(err)
			}
		}
		k := Keyness(v[0], v[1], v[2], v[3])
		if k.Note != "" {
			t.Errorf("%v: note %q", row[:4], k.Note)
		}
		checkRel(t, fmt.Sprint(row[:4], " g2"), k.G2Quanteda, v[4], 1e-10)
		checkRel(t, fmt.Sprint(row[:4], " p"), k.PQuanteda, v[5], 1e-9)
		if (k.G2Quanteda > 0) != (k.LogRatio > 0) && math.Abs(k.G2Quanteda) > 1e-3 {
			t.Errorf("%v: signed G² %g and log ratio %g disagree on the direction", row[:4], k.G2Quanteda, k.LogRatio)
		}
	}
	if z := Keyness(0, 0, 100, 100); z.G2Quanteda != 0 || z.PQuanteda != 1 {
		t.Errorf("absent term: %+v", z)
	}
}
