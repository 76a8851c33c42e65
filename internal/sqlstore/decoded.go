package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/debrief/debrief"
)

// A stored postmortem keeps its front matter twice: as the YAML of its
// canonical file (documents.front_matter), which export and history show
// byte for byte, and as JSON of the postmortem read from it
// (documents.decoded), which reading it back decodes. Parsing the YAML
// took a postmortem page read for the first time a tenth of its work;
// with the JSON a postmortem reads back in about half the time
// (BenchmarkGet). The JSON follows the hash of
// the file it was read from (postmortems.file_hash): a row written since
// by a version of debrief that did not keep it, during a rolling upgrade
// or after a downgrade, has another hash, and its front matter is parsed.

// encodeDecoded returns the JSON of c, a postmortem as read back from its
// canonical file, without its body, file and version, which the row keeps
// elsewhere, after hash, the canonical file's (fileHash).
func encodeDecoded(c *debrief.Postmortem, hash string) (string, error) {
	front := *c
	front.Body, front.File, front.Version = "", nil, 0
	b, err := json.Marshal(&front)
	if err != nil {
		return "", fmt.Errorf("encode postmortem %s: %w", c.ID, err)
	}
	return hash + string(b), nil
}

// fileHash is the hash of a canonical file, as postmortems.file_hash keeps
// it.
func fileHash(file []byte) string {
	sum := sha256.Sum256(file)
	return hex.EncodeToString(sum[:])
}

// readStored returns the stored postmortem id from its row: decoded when
// the row has it for the file whose hash is hash, else its front matter
// parsed.
func readStored(id, front, body string, decoded sql.NullString, hash string, version int) (*debrief.Postmortem, error) {
	js, ok := strings.CutPrefix(decoded.String, hash)
	if !decoded.Valid || hash == "" || !ok || js == "" {
		return parseStored(id, front+body, version)
	}
	p := &debrief.Postmortem{}
	if err := json.Unmarshal([]byte(js), p); err != nil {
		return nil, fmt.Errorf("stored postmortem %s does not decode: %w", id, err)
	}
	p.Body, p.File, p.Version = body, []byte(front+body), version
	return p, nil
}

// read returns the postmortem id of the stored row s.
func (s *stored) read(id string) (*debrief.Postmortem, error) {
	return readStored(id, string(s.file[:s.front]), string(s.file[s.front:]), s.decoded, s.hash.String, s.version)
}

// decodedBatch is how many rows fillDecoded fills per transaction.
const decodedBatch = 500

// fillDecoded fills in the decoded front matter of the rows stored before
// the archive kept it, in batches of a transaction each; another replica
// doing the same at once only writes the same values.
func (db *DB) fillDecoded(ctx context.Context) error {
	err := db.walk(ctx, "pk IN (SELECT pk FROM documents WHERE decoded IS NULL)", nil, decodedBatch, nil, func(s *stored) any {
		js, err := encodeDecoded(s.postmortem, fileHash(s.file))
		if err != nil {
			return err
		}
		return js
	}, func(tx *Tx, s *stored, js any) error {
		if err, ok := js.(error); ok {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE documents SET decoded = ? WHERE pk = ?`, js, s.pk)
		return err
	}, nil)
	if err != nil {
		return fmt.Errorf("keep the decoded front matter: %w", err)
	}
	return nil
}
