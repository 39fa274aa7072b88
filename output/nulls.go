package output

import "math"

// The row types hold no NaN or infinity (TableWriter refuses them): an
// undefined value is a null. These helpers are where a computed value
// becomes a column value, so that the rule lives in one place and the
// packages that compute (model, features) return plain numbers.

// NullFloat returns a pointer to x for a nullable DOUBLE column, or nil (a
// null) when x is NaN or ±Inf.
func NullFloat(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// FiniteOrZero guards a non-null DOUBLE column whose producer promises a
// finite value (the scorer's densities and shares): if it ever broke that
// promise, 0 is written rather than failing the whole table.
func FiniteOrZero(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// NullString returns a pointer to s for a nullable STRING column, or nil
// when s is empty (unknown).
func NullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
