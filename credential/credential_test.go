package credential

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const value = "xoxb-very-secret-token"

func TestSecretNeverShows(t *testing.T) {
	s := New(value)
	type config struct {
		Token Secret
		Name  string
	}
	c := config{Token: s, Name: "jira"}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("sync", "token", s, "config", c)
	slog.New(slog.NewTextHandler(&logged, nil)).Info("sync", "token", s)
	js, _ := json.Marshal(c)
	for _, out := range []string{
		fmt.Sprint(s), fmt.Sprintf("%v %+v %#v %s %q %x", s, s, s, s, s, s),
		fmt.Sprintf("%v %+v %#v", c, c, c), fmt.Sprint(&c), string(js), logged.String(),
		fmt.Errorf("calling jira with %v", s).Error(),
	} {
		if strings.Contains(out, value) || strings.Contains(out, "very-secret") || !strings.Contains(out, "[redacted]") {
			t.Errorf("the secret shows: %s", out)
		}
	}
	if s.Reveal() != value || s.IsZero() || !New("").IsZero() {
		t.Error("Reveal or IsZero is wrong")
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "token")
	if err := os.WriteFile(file, []byte(value+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DEBRIEF_TEST_TOKEN", " "+value+" ")
	t.Setenv("DEBRIEF_TEST_BLANK", "")
	tests := []struct {
		name    string
		src     Source
		wantErr string
	}{
		{"environment", Source{Env: "DEBRIEF_TEST_TOKEN"}, ""},
		{"environment wins over a file", Source{Env: "DEBRIEF_TEST_TOKEN", File: empty}, ""},
		{"file", Source{File: file}, ""},
		{"unset variable", Source{Env: "DEBRIEF_TEST_NOPE"}, "DEBRIEF_TEST_NOPE is not set"},
		{"blank variable", Source{Env: "DEBRIEF_TEST_BLANK"}, "DEBRIEF_TEST_BLANK is not set"},
		{"missing file", Source{File: filepath.Join(dir, "nope")}, "credential file " + filepath.Join(dir, "nope") + ": no such file"},
		{"empty file", Source{File: empty}, "is empty"},
		{"nothing", Source{}, "name an environment variable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.src.Load()
			if tt.wantErr == "" {
				if err != nil || s.Reveal() != value {
					t.Fatalf("Load = %v, %v", s, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Load error = %v, want one saying %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), value) {
				t.Errorf("the error shows the secret: %v", err)
			}
			if tt.name != "missing file" && !errors.Is(err, ErrMissing) {
				t.Errorf("%v is not ErrMissing", err)
			}
		})
	}
	if got := (Source{Env: "X"}).String() + " " + (Source{File: "/f"}).String(); got != "$X file /f" {
		t.Errorf("String = %q", got)
	}
}
