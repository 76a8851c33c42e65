package web

import (
	"strconv"
	"testing"
)

func TestSizedLRUKeepsWithinItsSize(t *testing.T) {
	c := newSizedLRU[string](100, 10, func(v string) int { return len(v) })
	c.put("a", "1234")
	c.put("b", "1234")
	c.get("a") // a is now the most recently used
	c.put("c", "1234")
	if _, ok := c.get("b"); ok {
		t.Error("b, the least recently used, was kept beyond the size")
	}
	for _, k := range []string{"a", "c"} {
		if _, ok := c.get(k); !ok {
			t.Errorf("%s was dropped", k)
		}
	}
	if c.total != 8 {
		t.Errorf("total size %d, want 8", c.total)
	}
	// Replacing an entry counts its new size, not both.
	c.put("a", "12")
	if c.total != 6 {
		t.Errorf("total size after replacing a: %d, want 6", c.total)
	}
	if v, _ := c.get("a"); v != "12" {
		t.Errorf("a = %q, want the new value", v)
	}
	// An entry larger than the whole cache is not kept, and drops nothing.
	c.put("big", "12345678901")
	if _, ok := c.get("big"); ok {
		t.Error("an entry larger than the cache was kept")
	}
	if _, ok := c.get("c"); !ok {
		t.Error("c was dropped for an entry that is not kept")
	}
}

func TestSizedLRUKeepsWithinItsCount(t *testing.T) {
	c := newSizedLRU[string](3, 1<<20, func(v int) int { return 1 })
	for i := range 5 {
		c.put(strconv.Itoa(i), i)
	}
	if n := c.ll.Len(); n != 3 {
		t.Errorf("%d entries, want 3", n)
	}
	if _, ok := c.get("1"); ok {
		t.Error("an old entry was kept beyond the count")
	}
	if v, ok := c.get("4"); !ok || v != 4 {
		t.Errorf("the newest entry: %v, %v", v, ok)
	}
}
