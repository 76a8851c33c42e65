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
}

// DefaultTaxonomy returns the taxonomy of DefaultCategories.
func DefaultTaxonomy() Taxonomy { return Taxonomy{categories: slices.Clone(DefaultCategories)} }

// With returns a taxonomy that also holds the given categories.
func (t Taxonomy) With(extra ...string) Taxonomy {
	c := slices.Clone(t.categories)
	for _, e := range extra {
		if e != "" && !slices.Contains(c, e) {
			c = append(c, e)
		}
	}
	return Taxonomy{categories: c}
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
