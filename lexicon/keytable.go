package lexicon

import (
	"maps"
	"slices"
)

// Index keys (a folded first word, or a glob prefix) are hashed with 64-bit
// FNV-1a, one byte at a time, so that candidates can hash a token's
// prefixes on its way to the whole token: each prefix hash is one step from
// the last. mix spreads the bits for the tables.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func mix(h uint64) uint64 {
	h ^= h >> 32
	h *= 0xd6e8feb86659fd93
	return h ^ h>>32
}

// keyTable finds the entries indexed under a key: open addressing with
// linear probing over a table at most half full, each slot holding part of
// the key's hash and the key's number, so that a probe for a word no entry
// starts with, nearly every word of a text, costs a slot or two. A Go map
// cost several times as much per probe. It is immutable once built, so one
// serves every worker.
type keyTable struct {
	slots []keySlot // a power of two long
	keys  []string
	ids   [][]int32 // ids[k]: the entries under keys[k], in index order
}

type keySlot struct {
	tag uint32 // the high half of the key's mixed hash
	key int32  // 1 + the key's index in keys; 0 for an empty slot
}

// newKeyTable builds the table of index. Keys go in sorted order so that
// the table does not depend on map order (its answers never do).
func newKeyTable(index map[string][]int32) keyTable {
	var kt keyTable
	size := 8
	for size < 2*len(index) {
		size *= 2
	}
	kt.slots = make([]keySlot, size)
	mask := uint64(size - 1)
	for _, key := range slices.Sorted(maps.Keys(index)) {
		x := mix(fnvString(key))
		i := x & mask
		for kt.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		kt.keys = append(kt.keys, key)
		kt.ids = append(kt.ids, index[key])
		kt.slots[i] = keySlot{tag: uint32(x >> 32), key: int32(len(kt.keys))}
	}
	return kt
}

// hashes returns the fnvString of every key.
func (kt *keyTable) hashes() []uint64 {
	hs := make([]uint64, len(kt.keys))
	for i, k := range kt.keys {
		hs[i] = fnvString(k)
	}
	return hs
}

// lookup returns the entries under key s, whose fnvString is h, or nil.
func (kt *keyTable) lookup(s string, h uint64) []int32 {
	if len(kt.keys) == 0 {
		return nil
	}
	x := mix(h)
	mask := uint64(len(kt.slots) - 1)
	tag := uint32(x >> 32)
	for i := x & mask; ; i = (i + 1) & mask {
		sl := kt.slots[i]
		if sl.key == 0 {
			return nil
		}
		if sl.tag == tag && kt.keys[sl.key-1] == s {
			return kt.ids[sl.key-1]
		}
	}
}

// hashSet is a one-hash Bloom filter of FNV hashes: has never answers no
// for a hash that was added, and rarely yes for another (16 bits per
// member). It indexes by the top bits of the hash, which the FNV
// multiplications have mixed with every byte, so a probe is a shift and a
// bit test.
type hashSet struct {
	bits  []uint64
	shift uint
}

func newHashSet(hashes []uint64) hashSet {
	n := uint(12)
	for 1<<n < 16*len(hashes) {
		n++
	}
	s := hashSet{bits: make([]uint64, 1<<n/64), shift: 64 - n}
	for _, h := range hashes {
		b := h >> (s.shift & 63)
		s.bits[b/64] |= 1 << (b % 64)
	}
	return s
}

func (s *hashSet) has(h uint64) bool {
	b := h >> (s.shift & 63) // the mask tells the compiler the shift is below 64
	return s.bits[b/64]&(1<<(b%64)) != 0
}

// globIndex walks a token's prefixes to find the glob prefixes among them,
// a trie walk with hash sets for nodes: prefixes holds the hash of every
// prefix of every glob key (as a trie holds its nodes) and keys those of
// the keys themselves. The walk stops at the first prefix of the token that
// no glob key begins with, after one or two bytes for most words, and
// probes the table only where a key may end. Prefixes shorter than the
// shortest key are not looked up: nearly every one- and two-letter start
// begins some key.
type globIndex struct {
	table    keyTable
	prefixes hashSet
	keys     hashSet
	min, max int // shortest and longest key, in bytes
}

func newGlobIndex(glob map[string][]int32) globIndex {
	g := globIndex{table: newKeyTable(glob)}
	var prefixes, keys []uint64
	for key := range glob {
		h := uint64(fnvOffset)
		for i := 0; i < len(key); i++ {
			h = (h ^ uint64(key[i])) * fnvPrime
			prefixes = append(prefixes, h)
		}
		keys = append(keys, h)
		g.max = max(g.max, len(key))
		if g.min == 0 || len(key) < g.min {
			g.min = len(key)
		}
	}
	g.prefixes, g.keys = newHashSet(prefixes), newHashSet(keys)
	return g
}
