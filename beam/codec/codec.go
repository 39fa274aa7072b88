// Package codec encodes the elements that framing-beam's pipeline shuffles
// (decoded articles, scored rows) exactly, by walking their struct fields.
package codec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"time"
)

// The elements that cross a shuffle are encoded by walking their struct fields: strings as bytes, integers as
// varints, floats as their IEEE bits, pointers with a presence byte. Neither
// standard codec is exact for them: encoding/gob drops a pointer to a zero
// value (a share of 0 would come back null) and encoding/json replaces
// invalid UTF-8 in a string, which a reject's reason may quote. The encoding
// is not a storage format: it lives as long as one pipeline.

var timeType = reflect.TypeFor[time.Time]()

// Append appends the encoding of v to b. It panics on a type it cannot
// encode (maps, channels, unsigned integers, float32): a programming error.
func Append(b []byte, v reflect.Value) []byte { return encode(b, v) }

// encode appends the binary form of v to b.
func encode(b []byte, v reflect.Value) []byte {
	if v.Type() == timeType {
		t := v.Interface().(time.Time)
		b = binary.AppendVarint(b, t.Unix())
		b = binary.AppendVarint(b, int64(t.Nanosecond()))
		_, off := t.Zone()
		return binary.AppendVarint(b, int64(off))
	}
	switch v.Kind() {
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		return append(b, v.String()...)
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int())
	case reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, 0)
		}
		return encode(append(b, 1), v.Elem())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b = binary.AppendUvarint(b, uint64(v.Len()))
			return append(b, v.Bytes()...)
		}
		b = binary.AppendUvarint(b, uint64(v.Len()))
		for i := range v.Len() {
			b = encode(b, v.Index(i))
		}
		return b
	case reflect.Struct:
		for i := range v.NumField() {
			b = encode(b, v.Field(i))
		}
		return b
	}
	panic(fmt.Sprintf("codec: cannot encode %v", v.Type())) // a programming error: a field of a new kind
}

var errShort = errors.New("decoding element: truncated")

// decoder reads what encode wrote.
type decoder struct {
	b []byte
}

func (d *decoder) uvarint() (uint64, error) {
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		return 0, errShort
	}
	d.b = d.b[n:]
	return x, nil
}

func (d *decoder) varint() (int64, error) {
	x, n := binary.Varint(d.b)
	if n <= 0 {
		return 0, errShort
	}
	d.b = d.b[n:]
	return x, nil
}

func (d *decoder) bytes() ([]byte, error) {
	n, err := d.uvarint()
	if err != nil {
		return nil, err
	}
	if uint64(len(d.b)) < n {
		return nil, errShort
	}
	p := d.b[:n]
	d.b = d.b[n:]
	return p, nil
}

func (d *decoder) byte1() (byte, error) {
	if len(d.b) == 0 {
		return 0, errShort
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c, nil
}

// flag reads a byte that must be 0 or 1.
func (d *decoder) flag() (bool, error) {
	c, err := d.byte1()
	if err == nil && c > 1 {
		err = fmt.Errorf("decoding element: flag byte %d", c)
	}
	return c == 1, err
}

// decode fills v, which must be settable, from d.
func (d *decoder) decode(v reflect.Value) error {
	if v.Type() == timeType {
		return d.decodeTime(v)
	}
	switch v.Kind() {
	case reflect.String:
		p, err := d.bytes()
		v.SetString(string(p))
		return err
	case reflect.Bool:
		c, err := d.flag()
		v.SetBool(c)
		return err
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, err := d.varint()
		v.SetInt(x)
		return err
	case reflect.Float64:
		if len(d.b) < 8 {
			return errShort
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(d.b)))
		d.b = d.b[8:]
		return nil
	case reflect.Pointer:
		c, err := d.flag()
		if err != nil || !c {
			return err
		}
		p := reflect.New(v.Type().Elem())
		v.Set(p)
		return d.decode(p.Elem())
	case reflect.Slice:
		return d.decodeSlice(v)
	case reflect.Struct:
		for i := range v.NumField() {
			if err := d.decode(v.Field(i)); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("decoding element: cannot decode %v", v.Type())
}

func (d *decoder) decodeSlice(v reflect.Value) error {
	if v.Type().Elem().Kind() == reflect.Uint8 {
		p, err := d.bytes()
		v.SetBytes(append([]byte(nil), p...))
		return err
	}
	n, err := d.uvarint()
	if err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	if n > uint64(len(d.b)) { // every element takes at least one byte
		return errShort
	}
	s := reflect.MakeSlice(v.Type(), int(n), int(n))
	for i := range int(n) {
		if err := d.decode(s.Index(i)); err != nil {
			return err
		}
	}
	v.Set(s)
	return nil
}

func (d *decoder) decodeTime(v reflect.Value) error {
	var x [3]int64
	for i := range x {
		var err error
		if x[i], err = d.varint(); err != nil {
			return err
		}
	}
	t := time.Unix(x[0], x[1])
	if x[2] == 0 {
		t = t.UTC()
	} else {
		t = t.In(time.FixedZone("", int(x[2])))
	}
	v.Set(reflect.ValueOf(t))
	return nil
}

// Marshal encodes x; Beam coders are registered as Marshal and Unmarshal
// of each element type.
func Marshal[T any](x T) ([]byte, error) {
	return encode(nil, reflect.ValueOf(&x).Elem()), nil
}

// Unmarshal decodes what Marshal wrote; any other input is an error, never
// a panic.
func Unmarshal[T any](b []byte) (T, error) {
	var x T
	d := decoder{b: b}
	if err := d.decode(reflect.ValueOf(&x).Elem()); err != nil {
		return x, err
	}
	if len(d.b) != 0 {
		return x, fmt.Errorf("decoding element: %d bytes left over", len(d.b))
	}
	return x, nil
}
