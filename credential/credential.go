// Package credential loads the secrets debrief's integrations need — a
// Slack webhook URL, an SMTP password, a GitHub or Jira token, a webhook
// signing secret — from the environment or from a file, never from a
// postmortem or a configuration file that lives in git. A Secret never
// shows its value when printed, logged or encoded; only Reveal gives it,
// to the code that puts it on the wire.
package credential

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Secret is a credential's value. Printing it with any verb, logging it,
// or encoding it as JSON or text gives "[redacted]".
type Secret struct {
	value string
}

// New wraps a value, as tests and callers that read it elsewhere do.
func New(value string) Secret { return Secret{value: value} }

// Reveal returns the value, for the request or the connection that needs
// it. Never log or wrap it in an error.
func (s Secret) Reveal() string { return s.value }

// IsZero reports whether the secret is empty.
func (s Secret) IsZero() bool { return s.value == "" }

const redacted = "[redacted]"

// String hides the value.
func (s Secret) String() string { return redacted }

// GoString hides the value from %#v.
func (s Secret) GoString() string { return redacted }

// Format hides the value from every fmt verb.
func (s Secret) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(redacted)) }

// MarshalText hides the value from encoders (JSON, YAML, slog).
func (s Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// Source says where a secret comes from: an environment variable or a
// file (a mounted Kubernetes or Docker secret, say). When both are set,
// the environment wins.
type Source struct {
	Env  string `yaml:"env" json:"env,omitempty"`
	File string `yaml:"file" json:"file,omitempty"`
}

// IsZero reports whether the source names nothing.
func (s Source) IsZero() bool { return s.Env == "" && s.File == "" }

// String names the source, never the value: "$SLACK_WEBHOOK_PAYMENTS" or
// "file /run/secrets/jira-token".
func (s Source) String() string {
	switch {
	case s.Env != "":
		return "$" + s.Env
	case s.File != "":
		return "file " + s.File
	}
	return "no source"
}

// ErrMissing is the error of a source that names no secret or an empty one.
var ErrMissing = errors.New("credential missing")

// Load reads the secret. A file's content is trimmed of surrounding white
// space (the newline editors add). Errors name the source, never the value.
func (s Source) Load() (Secret, error) {
	return s.load(os.LookupEnv, os.ReadFile)
}

func (s Source) load(env func(string) (string, bool), read func(string) ([]byte, error)) (Secret, error) {
	switch {
	case s.Env != "":
		v, ok := env(s.Env)
		if !ok || strings.TrimSpace(v) == "" {
			return Secret{}, fmt.Errorf("%w: the environment variable %s is not set", ErrMissing, s.Env)
		}
		return Secret{value: strings.TrimSpace(v)}, nil
	case s.File != "":
		b, err := read(s.File)
		if err != nil {
			return Secret{}, fmt.Errorf("reading the credential file %s: %w", s.File, unwrapPath(err))
		}
		v := strings.TrimSpace(string(b))
		if v == "" {
			return Secret{}, fmt.Errorf("%w: the credential file %s is empty", ErrMissing, s.File)
		}
		return Secret{value: v}, nil
	}
	return Secret{}, fmt.Errorf("%w: name an environment variable (env) or a file (file) that holds it", ErrMissing)
}

// unwrapPath drops the path from a *PathError, which the message already
// names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
