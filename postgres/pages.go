package postgres

import "github.com/debrief/debrief/paging"

// The archive keeps pages (internal/sqlstore/pages.go).
var _ paging.Store = (*DB)(nil)
