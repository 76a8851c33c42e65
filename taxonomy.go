package debrief

import "slices"

// DefaultCategories is the closed taxonomy of contributing-factor categories
// that every archive starts with; docs/format.md explains each one.
var DefaultCategories = []string{
	"change", "configuration", "capacity", "dependency", "detection",
	"tooling-ux", "process-runbook", "knowledge", "automation",
	"hardware", "vendor", "data", "security",
}

// Taxonomy is the set of contributing-factor categories a postmortem may use:
// the defaults plus any a team adds in its configuration.
type Taxonomy struct {
	categories []string
	// kinds is the set of incident kinds the kinds key may name; nil for
	// the default kinds.
	kinds *KindSet
	// anyKind accepts every well-formed kind id, as the stores do: the
	// kinds a team adds live in its .debrief.yaml, which callers check.
	anyKind bool
}

// DefaultTaxonomy returns the taxonomy of DefaultCategories.
func DefaultTaxonomy() Taxonomy { return Taxonomy{categories: slices.Clone(DefaultCategories)} }

// With returns a taxonomy that also holds the given categories.
func (t Taxonomy) With(extra ...string) Taxonomy {
	c := t.Categories()
	for _, e := range extra {
		if e != "" && !slices.Contains(c, e) {
			c = append(c, e)
		}
	}
	t.categories = c
	return t
}

// WithKinds returns a taxonomy whose incident kinds are those of ks.
func (t Taxonomy) WithKinds(ks *KindSet) Taxonomy {
	t.kinds = ks
	return t
}

// AnyKind returns a taxonomy that accepts every well-formed kind id.
func (t Taxonomy) AnyKind() Taxonomy {
	t.anyKind = true
	return t
}

// Kinds returns the taxonomy's incident kinds.
func (t Taxonomy) Kinds() *KindSet {
	if t.kinds == nil {
		return DefaultKinds()
	}
	return t.kinds
}

// HasKind reports whether the kinds key may name id.
func (t Taxonomy) HasKind(id string) bool {
	if t.anyKind {
		return validKindID(id)
	}
	return t.Kinds().Has(id)
}

// Has reports whether category belongs to the taxonomy.
func (t Taxonomy) Has(category string) bool {
	if t.categories == nil {
		return slices.Contains(DefaultCategories, category)
	}
	return slices.Contains(t.categories, category)
}

// Categories returns the categories in their documented order.
func (t Taxonomy) Categories() []string {
	if t.categories == nil {
		return slices.Clone(DefaultCategories)
	}
	return slices.Clone(t.categories)
}
