package debrief

import (
	"encoding/json"
	"reflect"
	"testing"
)

// decodeDerived reads what Derived writes exactly as encoding/json does.
func TestDecodeDerivedRoundTrip(t *testing.T) {
	for _, f := range []Features{
		{},
		{Terms: []string{"cert"}, Weights: []float64{2.5}},
		{Terms: []string{"a", "b", "c"}, Weights: []float64{1, 0.1, 1e-7}, Kinds: []KindMatch{{ID: "cert-expiry", Name: "Certificate expiry", Score: 0.75, Evidence: []string{`"x509", ] "k": {`}}}},
		{Terms: []string{"a"}, Weights: []float64{123456789.5}, Kinds: []KindMatch{}},
	} {
		enc := f.Derived()
		got, ok := decodeDerived(enc)
		var want Derived
		if err := json.Unmarshal([]byte(enc), &want); err != nil {
			t.Fatal(err)
		}
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("decodeDerived(%s) = %+v, %v; encoding/json gives %+v", enc, got, ok, want)
		}
	}
}

// FuzzDecodeDerived: whatever decodeDerived accepts, encoding/json reads the
// same way, and it never panics.
func FuzzDecodeDerived(f *testing.F) {
	f.Add(`{"w":[1,2.5,0.1],"k":[{"id":"cert-expiry","score":1}]}`)
	f.Add(`{"w":[],"k":null}`)
	f.Add(`{"w":[1e400],"k":null}`)
	f.Add(`{"w":[Inf,NaN],"k":null}`)
	f.Add(`{"w":[1,,2],"k":null}`)
	f.Add(`{"w":[0x10],"k":null}`)
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := decodeDerived(s)
		var want Derived
		err := json.Unmarshal([]byte(s), &want)
		if ok != (err == nil) {
			t.Fatalf("decodeDerived(%q) ok=%v, encoding/json: %v", s, ok, err)
		}
		if ok && !reflect.DeepEqual(got, want) {
			t.Fatalf("decodeDerived(%q) = %+v, encoding/json %+v", s, got, want)
		}
	})
}

// FuzzDerivedKinds: DerivedKinds reads the kinds as encoding/json does.
func FuzzDerivedKinds(f *testing.F) {
	f.Add(`{"w":[1,2.5],"k":[{"id":"cert-expiry","name":"Certificate expiry","score":1,"evidence":["x509"]}]}`)
	f.Add(`{"w":[],"k":null}`)
	f.Add(`{"w":[1],"k":[]} `)
	f.Add(`{"w":[1],"k":[],"k":[{"id":"a"}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		got := DerivedKinds(s)
		var want struct {
			Kinds []KindMatch `json:"k"`
		}
		if err := json.Unmarshal([]byte(s), &want); err != nil {
			want.Kinds = nil
		}
		if len(got) != len(want.Kinds) || len(got) > 0 && !reflect.DeepEqual(got, want.Kinds) {
			t.Fatalf("DerivedKinds(%q) = %+v, encoding/json %+v", s, got, want.Kinds)
		}
	})
}
