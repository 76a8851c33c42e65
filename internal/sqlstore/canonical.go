package sqlstore

import (
	"fmt"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// notFound is the error of a postmortem that does not exist, or that the
// viewer may not see: the two are indistinguishable on purpose.
func notFound(id string) error {
	return debrief.Errorf(debrief.ENOTFOUND, "postmortem %s not found", id)
}

// parseStored reads a stored canonical file back into a postmortem.
func parseStored(id, file string, version int) (*debrief.Postmortem, error) {
	doc, probs := markdown.Parse([]byte(file))
	if len(probs) > 0 {
		return nil, fmt.Errorf("stored postmortem %s does not parse: %v", id, probs[0])
	}
	doc.Postmortem.Version = version
	doc.Postmortem.File = []byte(file)
	return doc.Postmortem, nil
}

// canonical returns p's canonical file and the postmortem read back from
// it, which is what gets indexed, or an EINVALID error when p cannot be
// stored.
func canonical(p *debrief.Postmortem) ([]byte, *debrief.Postmortem, error) {
	file := markdown.Write(p)
	if err := p.Storable(file); err != nil {
		return nil, nil, err
	}
	// The file must read back without problems; that writing what it
	// reads back gives the same bytes again is the markdown package's
	// promise, which its FuzzParse checks.
	doc, probs := markdown.Parse(file)
	if len(probs) > 0 {
		return nil, nil, debrief.Errorf(debrief.EINVALID, "postmortem %s cannot be stored: its canonical file does not read back: %s", p.ID, probs[0].Message)
	}
	return file, doc.Postmortem, nil
}
