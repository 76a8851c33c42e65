package debrief

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// A review comment is a remark of a reviewer on a postmortem, anchored to a
// section of its body or to a sentence in it, and resolved once answered.
// Comments are the conversation about a document rather than the document,
// so they live in the archive, not in the file; the reviewers, the review
// date and the approvals are in the file's front matter (docs/format.md).

// Comment is one review comment.
type Comment struct {
	ID           int64
	PostmortemID string
	// Section is the title of the body section the comment is about, ""
	// for the document as a whole; Quote the sentence it is about, ""
	// for the whole section.
	Section string
	Quote   string
	Body    string
	// Author names the user who wrote it.
	Author     string
	Created    time.Time
	Resolved   bool
	ResolvedBy string
	ResolvedAt time.Time
}

// Limits of a comment's text, in characters.
const (
	MaxCommentBody  = 4000
	MaxCommentQuote = 500
	MaxSectionTitle = 200
)

// Validate checks a comment before it is stored.
func (c *Comment) Validate() error {
	c.Body = strings.TrimSpace(c.Body)
	c.Section = strings.TrimSpace(c.Section)
	c.Quote = strings.TrimSpace(c.Quote)
	switch {
	case c.Body == "":
		return Errorf(EINVALID, "the comment is empty: write what the reviewer wants to ask or say")
	case utf8.RuneCountInString(c.Body) > MaxCommentBody:
		return Errorf(EINVALID, "the comment has %d characters, more than %d: split it, or link to a longer note", utf8.RuneCountInString(c.Body), MaxCommentBody)
	case utf8.RuneCountInString(c.Quote) > MaxCommentQuote:
		return Errorf(EINVALID, "the quoted text has more than %d characters: quote one sentence", MaxCommentQuote)
	case utf8.RuneCountInString(c.Section) > MaxSectionTitle:
		return Errorf(EINVALID, "the section title has more than %d characters", MaxSectionTitle)
	case !utf8.ValidString(c.Body + c.Quote + c.Section):
		return Errorf(EINVALID, "the comment is not valid UTF-8 text")
	case strings.TrimSpace(c.Author) == "":
		return Errorf(EINVALID, "the comment has no author")
	}
	return nil
}

// ReviewService keeps the review comments of postmortems. Like every read,
// it never shows or changes the comments of a postmortem the viewer may
// not see: such a postmortem is not found.
type ReviewService interface {
	// AddComment stores a comment on c.PostmortemID, setting its ID and
	// Created.
	AddComment(ctx context.Context, v Viewer, c *Comment) error
	// Comments lists the comments of a postmortem, oldest first.
	Comments(ctx context.Context, v Viewer, postmortemID string) ([]*Comment, error)
	// ResolveComment marks the comment id of the postmortem resolved by
	// v's user. Resolving a resolved comment changes nothing.
	ResolveComment(ctx context.Context, v Viewer, postmortemID string, id int64) (*Comment, error)
}
