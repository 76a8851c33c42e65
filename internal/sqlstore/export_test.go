package sqlstore

// Statements counts the prepared statements kept for each pool.
func (db *DB) Statements() (write, read int) {
	db.writeStmts.mu.Lock()
	write = len(db.writeStmts.stmts)
	db.writeStmts.mu.Unlock()
	db.readStmts.mu.Lock()
	defer db.readStmts.mu.Unlock()
	return write, len(db.readStmts.stmts)
}
