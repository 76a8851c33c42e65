// Package config reads .debrief.yaml, the per-repository settings that
// extend the contributing-factor taxonomy and tune the linter. The file is
// found in the folder of the postmortem being checked or in any folder above.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/remind"
	"github.com/debrief/debrief/tracker"
	"go.yaml.in/yaml/v3"
)

// FileName is the name of the configuration file.
const FileName = ".debrief.yaml"

// Config is the content of a .debrief.yaml file.
type Config struct {
	// Path is the file it was read from, "" for the defaults.
	Path     string   `yaml:"-"`
	Taxonomy Taxonomy `yaml:"taxonomy"`
	Kinds    []Kind   `yaml:"kinds"`
	Lint     Lint     `yaml:"lint"`
	// Score tunes the return-for-work score of action items
	// (docs/actions.md); unset weights keep their defaults.
	Score *debrief.ScoreWeights `yaml:"score"`
	// Reminders says where each team's daily digest goes.
	Reminders *remind.Config `yaml:"reminders"`
	// Trackers are the GitHub and Jira projects action items sync with.
	Trackers *tracker.Config `yaml:"trackers"`
	Insights Insights        `yaml:"insights"`

	// kinds is the default kinds with Kinds added, compiled by Parse.
	kinds *debrief.KindSet
}

// Kind adds an incident kind, or words to a default kind with the same id
// (see docs/kinds.md).
type Kind struct {
	ID         string   `yaml:"id"`
	Name       string   `yaml:"name"`
	Definition string   `yaml:"definition"`
	Strong     []string `yaml:"strong"`
	Signals    []string `yaml:"signals"`
	Against    []string `yaml:"against"`
}

// Taxonomy extends the default contributing-factor categories.
type Taxonomy struct {
	Categories []string `yaml:"categories"`
}

// Lint tunes `debrief lint`.
type Lint struct {
	// Rules maps a rule id, or a category such as "blame", to a severity
	// (error, warning, info) or to "off".
	Rules map[string]string `yaml:"rules"`
	// Roles are extra words for people's roles ("SRE", "deployer") that the
	// blame rules treat as a person.
	Roles []string `yaml:"roles"`
	// Accept lists words, names or phrases never to flag, such as a product
	// called "Blame".
	Accept []string `yaml:"accept"`
}

// CategoryTaxonomy returns the default taxonomy extended by the file: its
// contributing-factor categories and its incident kinds.
func (c *Config) CategoryTaxonomy() debrief.Taxonomy {
	return debrief.DefaultTaxonomy().With(c.Taxonomy.Categories...).WithKinds(c.KindSet())
}

// KindSet returns the default incident kinds with the file's added.
func (c *Config) KindSet() *debrief.KindSet {
	if c.kinds == nil {
		return debrief.DefaultKinds()
	}
	return c.kinds
}

// Weights returns the score weights: the defaults, with those the file
// sets in their place.
func (c *Config) Weights() (debrief.ScoreWeights, error) {
	w := debrief.DefaultScoreWeights()
	if c.Score == nil {
		return w, nil
	}
	for s, v := range c.Score.Severity {
		w.Severity[s] = v
	}
	if c.Score.CustomerFacing != 0 {
		w.CustomerFacing = c.Score.CustomerFacing
	}
	if c.Score.HalfLifeDays != 0 {
		w.HalfLifeDays = c.Score.HalfLifeDays
	}
	if c.Score.Recurred != 0 {
		w.Recurred = c.Score.Recurred
	}
	return w, w.Validate()
}

// Parse reads a configuration file's content; unknown keys are errors, so a
// misspelt setting never goes silently unused.
func Parse(path string, data []byte) (*Config, error) {
	c := &Config{Path: path}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(c.Kinds) > 0 {
		extra := make([]debrief.IncidentKind, len(c.Kinds))
		for i, k := range c.Kinds {
			if !debrief.DefaultKinds().Has(k.ID) && (k.Name == "" || k.Definition == "") {
				return nil, fmt.Errorf("%s: kinds[%d]: a new kind %q needs a name and a definition", path, i, k.ID)
			}
			extra[i] = debrief.IncidentKind{ID: k.ID, Name: k.Name, Definition: k.Definition, Strong: k.Strong, Signals: k.Signals, Against: k.Against}
		}
		ks, err := debrief.DefaultKinds().With(extra)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		c.kinds = ks
	}
	if _, err := c.Weights(); err != nil {
		return nil, fmt.Errorf("%s: %s", path, debrief.ErrorMessage(err))
	}
	for _, level := range c.Lint.Rules {
		switch level {
		case "off", "error", "warning", "info":
		default:
			return nil, fmt.Errorf("%s: rule level %q is not one of off, error, warning, info", path, level)
		}
	}
	return c, nil
}

// Finder finds the configuration that applies to a path, reading each file
// once.
type Finder struct {
	mu    sync.Mutex
	byDir map[string]*Config
}

// For returns the configuration of the nearest .debrief.yaml in path's folder
// (or path itself, if it is a folder) or any folder above it, or the defaults
// when there is none.
func (f *Finder) For(path string) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	dir := abs
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		dir = filepath.Dir(abs)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.byDir == nil {
		f.byDir = map[string]*Config{}
	}
	return f.find(dir)
}

func (f *Finder) find(dir string) (*Config, error) {
	if c, ok := f.byDir[dir]; ok {
		return c, nil
	}
	var c *Config
	p := filepath.Join(dir, FileName)
	data, err := os.ReadFile(p)
	switch {
	case err == nil:
		if c, err = Parse(p, data); err != nil {
			return nil, err
		}
	case errors.Is(err, fs.ErrNotExist):
		parent := filepath.Dir(dir)
		if parent == dir {
			c = &Config{}
		} else if c, err = f.find(parent); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	f.byDir[dir] = c
	return c, nil
}
