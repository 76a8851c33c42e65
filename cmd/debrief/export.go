package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
	"github.com/spf13/cobra"
)

func newExportCmd(g *globals) *cobra.Command {
	var o storeOptions
	cmd := &cobra.Command{
		Use:   "export DIR",
		Short: "Write every postmortem of the archive as a Markdown file",
		Long: `Export writes every postmortem of the archive into DIR as ID-slug.md, in its
canonical form (docs/format.md): export, import into an empty archive and
export again gives byte-identical files, so an archive can live in git.

Restricted postmortems are exported too: whoever runs export can read the
archive's database anyway. DIR is created when missing. A file that already holds the same bytes is
left alone; a file of the same postmortem under an older title (same id,
other slug) is replaced by the new name. Other files in DIR are never
touched.

Exit status: 0 when every postmortem was written, 2 on usage or I/O errors.`,
		Example: `  debrief export postmortems/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("export needs one folder to write into")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			s, err := openStore(cmd.Context(), g, o)
			if err != nil {
				return err
			}
			defer s.Close()
			old, err := existingFiles(dir)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			written, same := 0, 0
			err = s.Export(cmd.Context(), debrief.Operator, func(id string, file []byte) error {
				doc, _ := markdown.Parse(file)
				name := id + "-" + slug(doc.Postmortem.Title) + ".md"
				path := filepath.Join(dir, name)
				for _, o := range old[id] {
					if o != name {
						if err := os.Remove(filepath.Join(dir, o)); err != nil {
							return err
						}
						g.log.Debug("removed the file of an older title", "path", filepath.Join(dir, o))
					}
				}
				if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, file) {
					same++
					return nil
				}
				if err := writeFileAtomic(path, file); err != nil {
					return err
				}
				written++
				return nil
			})
			if err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("export into %s: %v", dir, err)}
			}
			n := written + same
			fmt.Fprintf(g.stderr, "exported %d postmortem%s into %s: %d written, %d already up to date\n", n, plural(n), dir, written, same)
			return nil
		},
	}
	addStoreFlags(cmd, &o)
	return cmd
}

// existingFiles maps postmortem ids to the names of the files in dir that
// hold them under the export's naming, ID-slug.md.
func existingFiles(dir string) (map[string][]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, e := range entries {
		name := e.Name()
		m := idInName.FindString(name)
		if e.IsDir() || m == "" || !strings.HasSuffix(name, ".md") || !strings.HasPrefix(name[len(m):], "-") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		// Only a file whose front matter says it is that postmortem counts.
		if doc, _ := markdown.Parse(src); doc.Postmortem.ID == m {
			out[m] = append(out[m], name)
		}
	}
	return out, nil
}

// writeFileAtomic writes data to path through a temporary file in the same
// folder, so that an interrupted export never leaves half a file.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".export-*.md")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		if rerr := os.Remove(tmp); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
			return errors.Join(err, rerr)
		}
	}
	return err
}
