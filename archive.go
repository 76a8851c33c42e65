package debrief

import (
	"errors"
	"fmt"
)

// ArchiveError is a problem that shows only when several postmortems are
// checked together: Index says which one, Field where in it. First is,
// for a duplicate id, the index of the postmortem that has the id first,
// and -1 otherwise.
type ArchiveError struct {
	Index int
	First int
	FieldError
}

// CheckArchive checks a set of files, as validate and import do, for what
// no single postmortem can check alone: that postmortem ids are unique,
// that an action item or accepted risk shared by
// several postmortems says the same thing in each and links only
// postmortems with the same audience (CheckShared), and that related ids
// exist. It is ArchiveIndex.Check for postmortems held in memory.
func CheckArchive(pms []*Postmortem) []ArchiveError {
	var x ArchiveIndex
	for _, p := range pms {
		x.Add(IndexOf(p))
	}
	return x.Check(nil)
}

// Held is what the archive holds that one save must agree with, as a store
// reads it in the save's transaction.
type Held struct {
	// Taken is set when a new postmortem's id is in use, by a stored
	// postmortem or a deleted one.
	Taken bool
	// Stored reports whether a postmortem with the id is stored. When it
	// is nil, related ids are not checked: an import's files are checked
	// as a set, against the archive, by CheckArchive first, and may relate
	// to files that land after them.
	Stored func(id string) bool
	// Items and Risks hold, for each action item and accepted risk of the
	// postmortem saved that other postmortems list too, those others.
	Items, Risks map[string][]SharedLink
}

// CheckSave applies the rules that span the archive to p, which v saves:
// a new postmortem's id is not taken (an ECONFLICT error that says the
// same whether v may see the postmortem that holds it or not), every
// related id names a stored postmortem, and every action item or accepted
// risk that other postmortems list too keeps the sharing rule
// (CheckShared). A broken rule of p's own fields is a *Refusal, an
// EINVALID error whose FieldError (ErrorField) says where in p.
func CheckSave(v Viewer, p *Postmortem, held Held) error {
	if held.Taken {
		return Errorf(ECONFLICT, "postmortem id %s is not available: choose another id", p.ID)
	}
	if held.Stored != nil {
		if missing := missingRelated(p, held.Stored, "does not exist: name a postmortem in the archive, or leave it out until it is saved"); len(missing) > 0 {
			return fieldError(missing[0])
		}
	}
	for k, a := range p.ActionItems {
		if err := CheckShared(v, p, "action item", a.ID, held.Items[a.ID]); err != nil {
			return fieldError(FieldError{fmt.Sprintf("action_items[%d].id", k), ErrorMessage(err)})
		}
	}
	for k, r := range p.AcceptedRisks {
		if err := CheckShared(v, p, "accepted risk", r.ID, held.Risks[r.ID]); err != nil {
			return fieldError(FieldError{fmt.Sprintf("accepted_risks[%d].id", k), ErrorMessage(err)})
		}
	}
	return nil
}

// missingRelated returns the related ids of p that name no postmortem that
// exists, saying so with why.
func missingRelated(p *Postmortem, exists func(id string) bool, why string) []FieldError {
	var out []FieldError
	for k, r := range p.Related {
		if ValidPostmortemID(r) && !exists(r) {
			out = append(out, FieldError{fmt.Sprintf("related[%d]", k), fmt.Sprintf("related postmortem %s %s", r, why)})
		}
	}
	return out
}

// Refusal is a save that CheckSave refuses because of what Field of the
// postmortem says. It wraps an *Error with code EINVALID, so ErrorCode
// reads it like any other application error.
type Refusal struct{ FieldError }

func (e *Refusal) Error() string { return e.Unwrap().Error() }

// Unwrap returns the *Error with code EINVALID and a user-facing message.
func (e *Refusal) Unwrap() error {
	return &Error{Code: EINVALID, Message: e.Field + ": " + e.Message}
}

func fieldError(e FieldError) error { return &Refusal{e} }

// ErrorField returns the field of the postmortem that a *Refusal in err's
// chain names.
func ErrorField(err error) (FieldError, bool) {
	var r *Refusal
	if errors.As(err, &r) {
		return r.FieldError, true
	}
	return FieldError{}, false
}
