package debrief

import (
	"reflect"
	"testing"
)

// TestCloneSharesNothing fills every slice and pointer of a postmortem and
// checks that its clone holds its own copies, field by field: a field
// added later and not cloned fails here.
func TestCloneSharesNothing(t *testing.T) {
	p := &Postmortem{}
	v := reflect.ValueOf(p).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Map:
			t.Fatalf("Postmortem.%s is a map: Clone must copy it", v.Type().Field(i).Name)
		}
	}
	c := reflect.ValueOf(p.Clone()).Elem()
	for i := range v.NumField() {
		f, g := v.Field(i), c.Field(i)
		switch f.Kind() {
		case reflect.Slice, reflect.Pointer:
			if f.Pointer() == g.Pointer() {
				t.Errorf("the clone shares Postmortem.%s", v.Type().Field(i).Name)
			}
		}
	}
	if !reflect.DeepEqual(p, p.Clone()) {
		t.Error("the clone differs from the postmortem")
	}
}
