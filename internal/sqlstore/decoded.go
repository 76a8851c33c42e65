package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/debrief/debrief"
)

// A stored postmortem keeps its front matter twice: as the YAML of its
// canonical file (documents.front_matter), which export and history show
// byte for byte, and as JSON of the postmortem read from it
// (documents.decoded), which reading it back decodes. Parsing the YAML
// took a postmortem page read for the first time a tenth of its work;
// decoding the JSON takes an eighth of that.

// encodeDecoded returns the JSON of c, a postmortem as read back from its
// canonical file, without its body, file and version, which the row keeps
// elsewhere.
func encodeDecoded(c *debrief.Postmortem) (string, error) {
	front := *c
	front.Body, front.File, front.Version = "", nil, 0
	b, err := json.Marshal(&front)
	if err != nil {
		return "", fmt.Errorf("encode postmortem %s: %w", c.ID, err)
	}
	return string(b), nil
}

// readStored returns the stored postmortem id from its row: decoded when
// the row has it, else its front matter parsed.
func readStored(id, front, body string, decoded sql.NullString, version int) (*debrief.Postmortem, error) {
	if !decoded.Valid || decoded.String == "" {
		return parseStored(id, front+body, version)
	}
	p := &debrief.Postmortem{}
	if err := json.Unmarshal([]byte(decoded.String), p); err != nil {
		return nil, fmt.Errorf("stored postmortem %s does not decode: %w", id, err)
	}
	p.Body, p.File, p.Version = body, []byte(front+body), version
	return p, nil
}

// decodedBatch is how many rows fillDecoded fills per transaction.
const decodedBatch = 500

// fillDecoded fills in the decoded front matter of the rows stored before
// the archive kept it, in batches of a transaction each; another replica
// doing the same at once only writes the same values.
func (db *DB) fillDecoded(ctx context.Context) error {
	err := db.walk(ctx, "pk IN (SELECT pk FROM documents WHERE decoded IS NULL)", nil, decodedBatch, nil, func(s *stored) any {
		js, err := encodeDecoded(s.postmortem)
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
