package storetest

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

func testCreateAndFind(t *testing.T, open Opener) {
	s := open(t)
	mustCreate(t, s, pm("PM-2024-001", "An earlier incident"))
	p := pm("PM-2025-001", "Gateway errors after a deploy", func(p *debrief.Postmortem) {
		p.Tags = []string{"deploys", "gateway"}
		p.Related = []string{"PM-2024-001"}
		p.ActionItems = []debrief.ActionItem{{ID: "ACT-1", Title: "Roll out region by region", OwnerTeam: "platform",
			Kind: debrief.KindPrevent, EffortDays: 2.5, Value: 4, Due: debrief.Date{Year: 2025, Month: 4, Day: 1}, Status: debrief.ActionInProgress}}
		p.AcceptedRisks = []debrief.AcceptedRisk{{ID: "RISK-1", Risk: "Manual rollbacks", OwnerTeam: "platform",
			ReviewBy: debrief.Date{Year: 2025, Month: 6, Day: 1}}}
	})
	if err := s.Create(ctx, anonymous, p); err != nil {
		t.Fatal(err)
	}
	if p.Version != 1 {
		t.Errorf("version after create = %d, want 1", p.Version)
	}
	got, err := s.FindByID(ctx, anonymous, "PM-2025-001")
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 {
		t.Errorf("stored version = %d, want 1", got.Version)
	}
	sameFile(t, got, p)

	_, err = s.FindByID(ctx, admin, "PM-2025-999")
	wantCode(t, err, debrief.ENOTFOUND)
}

func testCreateRefusesTakenID(t *testing.T, open Opener) {
	s := open(t)
	mustCreate(t, s, pm("PM-2025-001", "First"))
	err := s.Create(ctx, admin, pm("PM-2025-001", "Second"))
	wantCode(t, err, debrief.ECONFLICT)
	got, err := s.FindByID(ctx, admin, "PM-2025-001")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "First" {
		t.Errorf("title = %q, want the first postmortem kept", got.Title)
	}
}

func testCreateRefusesInvalid(t *testing.T, open Opener) {
	s := open(t)
	tests := []struct {
		name string
		p    *debrief.Postmortem
	}{
		{"bad id", pm("PM-1", "Bad id")},
		{"no title", pm("PM-2025-002", "")},
		{"bad severity", pm("PM-2025-003", "Sev", func(p *debrief.Postmortem) { p.Severity = "SEV9" })},
		{"times out of order", pm("PM-2025-004", "Times", func(p *debrief.Postmortem) { p.Detected = p.Started.Add(-1) })},
		{"NUL byte", pm("PM-2025-005", "Nul", func(p *debrief.Postmortem) { p.Body += "\x00" })},
		{"not UTF-8", pm("PM-2025-006", "Latin-1", func(p *debrief.Postmortem) { p.Body += "caf\xe9" })},
		{"too large", pm("PM-2025-007", "Large", func(p *debrief.Postmortem) {
			p.Body += strings.Repeat("All work and no play. ", debrief.MaxFileSize/20)
		})},
		{"too many headings", pm("PM-2025-008", "Headings", func(p *debrief.Postmortem) {
			p.Body += strings.Repeat("# h\n", debrief.MaxHeadings+1)
		})},
		{"nested too deep", pm("PM-2025-009", "Deep", func(p *debrief.Postmortem) {
			p.Body += strings.Repeat("> ", debrief.MaxNesting+1) + "deep\n"
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantCode(t, s.Create(ctx, admin, tt.p), debrief.EINVALID)
		})
	}
	page := mustFind(t, s, admin, "")
	if page.Total != 0 {
		t.Errorf("%d postmortems stored, want none: %v", page.Total, ids(page))
	}
}

func testUpdate(t *testing.T, open Opener) {
	s := open(t)
	p := pm("PM-2025-001", "Gateway errors")
	mustCreate(t, s, p)
	p.Title = "Gateway errors after a config push"
	p.Severity = debrief.SEV2
	if err := s.Update(ctx, anonymous, p, 1); err != nil {
		t.Fatal(err)
	}
	if p.Version != 2 {
		t.Errorf("version after update = %d, want 2", p.Version)
	}
	got, err := s.FindByID(ctx, anonymous, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameFile(t, got, p)
	if got.Version != 2 {
		t.Errorf("stored version = %d, want 2", got.Version)
	}
	if page := mustFind(t, s, anonymous, "sev:SEV2 config push"); !slices.Equal(ids(page), []string{p.ID}) {
		t.Errorf("search after update = %v, want the updated postmortem", ids(page))
	}
	wantCode(t, s.Update(ctx, admin, pm("PM-2025-404", "Missing"), 1), debrief.ENOTFOUND)
}

func testUpdateConflict(t *testing.T, open Opener) {
	s := open(t)
	p := pm("PM-2025-001", "Gateway errors")
	mustCreate(t, s, p)
	mine, theirs := *p, *p
	theirs.Title = "Their title"
	if err := s.Update(ctx, admin, &theirs, 1); err != nil {
		t.Fatal(err)
	}
	mine.Title = "My title"
	err := s.Update(ctx, admin, &mine, 1)
	wantCode(t, err, debrief.ECONFLICT)
	var c *debrief.ConflictError
	if !errors.As(err, &c) || c.Current != 2 || c.Expected != 1 {
		t.Fatalf("error = %#v, want a *ConflictError at current version 2", err)
	}
	if v, ok := debrief.CurrentVersion(err); !ok || v != 2 {
		t.Errorf("CurrentVersion = %d, %v; want 2, true", v, ok)
	}
	got, _ := s.FindByID(ctx, admin, p.ID)
	if got.Title != "Their title" {
		t.Errorf("title = %q: the stale update overwrote the newer one", got.Title)
	}
}

func testUpdateConcurrent(t *testing.T, open Opener) {
	s := open(t)
	p := pm("PM-2025-001", "Gateway errors")
	mustCreate(t, s, p)
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := *p
			q.Title = "Edit " + string(rune('A'+i))
			errs[i] = s.Update(ctx, admin, &q, 1)
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch debrief.ErrorCode(err) {
		case "":
			ok++
		case debrief.ECONFLICT:
		default:
			t.Errorf("concurrent update: %v", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d concurrent updates from version 1 succeeded, want exactly 1", ok)
	}
	got, _ := s.FindByID(ctx, admin, p.ID)
	if got.Version != 2 {
		t.Errorf("version = %d, want 2", got.Version)
	}
}

func testUpdateIdenticalKeepsVersion(t *testing.T, open Opener) {
	s := open(t)
	p := pm("PM-2025-001", "Gateway errors")
	mustCreate(t, s, p)
	q := *p
	if err := s.Update(ctx, admin, &q, 1); err != nil {
		t.Fatal(err)
	}
	if q.Version != 1 {
		t.Errorf("version after an update that changes nothing = %d, want 1", q.Version)
	}
}

func testImport(t *testing.T, open Opener) {
	s := open(t)
	p := pm("PM-2025-001", "Gateway errors")
	steps := []struct {
		name    string
		change  func(*debrief.Postmortem)
		want    debrief.ImportResult
		version int
	}{
		{"new", nil, debrief.Created, 1},
		{"same again", nil, debrief.Unchanged, 1},
		{"changed", func(p *debrief.Postmortem) { p.Status = debrief.StatusInReview }, debrief.Updated, 2},
		{"same again after the change", nil, debrief.Unchanged, 2},
	}
	for _, st := range steps {
		if st.change != nil {
			st.change(p)
		}
		q := *p
		q.Version = 7 // Import ignores the version it is given.
		got, err := s.Import(ctx, &q)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got != st.want || q.Version != st.version {
			t.Errorf("%s: import = %v at version %d, want %v at version %d", st.name, got, q.Version, st.want, st.version)
		}
	}
	_, err := s.Import(ctx, pm("PM-2025-002", "Bad", func(p *debrief.Postmortem) { p.Status = "done" }))
	wantCode(t, err, debrief.EINVALID)
}

func testImportBatch(t *testing.T, open Opener) {
	s := open(t)
	mustCreate(t, s, pm("PM-2025-001", "Stored before"))
	batch := []*debrief.Postmortem{
		pm("PM-2025-002", "New"),
		pm("PM-2025-003", "Refused", func(p *debrief.Postmortem) { p.Body += "\x00" }),
		pm("PM-2025-001", "Stored before, changed"),
		pm("PM-2025-004", "Also new"),
		pm("PM-2025-002", "New"), // the same again in the same batch
	}
	results, errs, err := s.ImportBatch(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []debrief.ImportResult{debrief.Created, debrief.Unchanged, debrief.Updated, debrief.Created, debrief.Unchanged}
	for i := range batch {
		if i == 1 {
			wantCode(t, errs[i], debrief.EINVALID)
			continue
		}
		if errs[i] != nil || results[i] != want[i] {
			t.Errorf("%d: %s = %v, %v; want %v", i, batch[i].ID, results[i], errs[i], want[i])
		}
	}
	if batch[2].Version != 2 || batch[0].Version != 1 {
		t.Errorf("versions = %d, %d; want 1, 2", batch[0].Version, batch[2].Version)
	}
	page := mustFind(t, s, admin, "")
	if got := ids(page); !slices.Equal(got, []string{"PM-2025-004", "PM-2025-002", "PM-2025-001"}) || page.Total != 3 {
		t.Errorf("stored %v, want the three good ones", got)
	}
	_, err = s.FindByID(ctx, admin, "PM-2025-003")
	wantCode(t, err, debrief.ENOTFOUND)
	if _, _, err := s.ImportBatch(ctx, nil); err != nil {
		t.Errorf("an empty batch: %v", err)
	}
}

// testImportPrepared hands batches to a store that prepares them ahead
// (debrief import does while the batch before is written): what it prepared
// before an earlier batch was written must land the same, a batch whose
// preparation was dropped is prepared again, and a postmortem updated by a
// later batch ends up as that batch has it.
func testImportPrepared(t *testing.T, open Opener) {
	s := open(t)
	p, ok := s.(interface{ PrepareImport([]*debrief.Postmortem) })
	if !ok {
		t.Skip("the store prepares nothing ahead")
	}
	a := []*debrief.Postmortem{pm("PM-2025-011", "First"), pm("PM-2025-012", "Second")}
	b := []*debrief.Postmortem{pm("PM-2025-011", "First, changed"), pm("PM-2025-013", "Third")}
	c := []*debrief.Postmortem{pm("PM-2025-014", "Fourth"), pm("PM-2025-012", "Second")}
	p.PrepareImport(a)
	p.PrepareImport(b)
	p.PrepareImport(c) // more than are held: a's preparation is dropped
	for _, step := range []struct {
		batch []*debrief.Postmortem
		want  []debrief.ImportResult
	}{
		{a, []debrief.ImportResult{debrief.Created, debrief.Created}},
		{b, []debrief.ImportResult{debrief.Updated, debrief.Created}},
		{c, []debrief.ImportResult{debrief.Created, debrief.Unchanged}},
	} {
		results, errs, err := s.ImportBatch(ctx, step.batch)
		if err != nil {
			t.Fatal(err)
		}
		for i := range step.batch {
			if errs[i] != nil || results[i] != step.want[i] {
				t.Errorf("%s = %v, %v; want %v", step.batch[i].ID, results[i], errs[i], step.want[i])
			}
		}
	}
	got, err := s.FindByID(ctx, admin, "PM-2025-011")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "First, changed" || got.Version != 2 {
		t.Errorf("PM-2025-011 is %q version %d; want the second batch's, version 2", got.Title, got.Version)
	}
	if page := mustFind(t, s, admin, ""); page.Total != 4 {
		t.Errorf("%d postmortems stored, want 4", page.Total)
	}
}

// shared returns an action item that several postmortems list.
func shared(status debrief.ActionStatus) debrief.ActionItem {
	return debrief.ActionItem{ID: "ACT-7", Title: "Renew every edge certificate through one job", OwnerTeam: "platform",
		Due: debrief.Date{Year: 2025, Month: 5, Day: 1}, Status: status}
}

func testSharedActionItems(t *testing.T, open Opener) {
	s := open(t)
	withItem := func(status debrief.ActionStatus) func(*debrief.Postmortem) {
		return func(p *debrief.Postmortem) { p.ActionItems = []debrief.ActionItem{shared(status)} }
	}
	a := pm("PM-2025-001", "Certificate expired on the edge", withItem(debrief.ActionOpen))
	b := pm("PM-2025-002", "Certificate expired again", withItem(debrief.ActionOpen))
	mustCreate(t, s, a, b)
	a.ActionItems[0].Status = debrief.ActionDone
	if err := s.Update(ctx, admin, a, 1); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindByID(ctx, admin, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ActionItems[0].Status != debrief.ActionDone {
		t.Errorf("the shared item in %s is %q, want done as saved through %s", b.ID, got.ActionItems[0].Status, a.ID)
	}
	if got.Version != 2 {
		t.Errorf("%s is at version %d, want 2: its file changed", b.ID, got.Version)
	}
	// The file of b says the same as its structure.
	doc, probs := markdown.Parse(markdown.Write(got))
	if len(probs) > 0 || doc.Postmortem.ActionItems[0].Status != debrief.ActionDone {
		t.Errorf("the file of %s does not hold the change: %v", b.ID, probs)
	}
	// Importing both files as they are now changes nothing.
	for _, p := range []*debrief.Postmortem{a, got} {
		q := *p
		if r, err := s.Import(ctx, &q); err != nil || r != debrief.Unchanged {
			t.Errorf("re-import %s = %v, %v; want unchanged", p.ID, r, err)
		}
	}
}

func testOrphanItemsGo(t *testing.T, open Opener) {
	s := open(t)
	p := pm("PM-2025-001", "Gateway errors", func(p *debrief.Postmortem) { p.ActionItems = []debrief.ActionItem{shared(debrief.ActionOpen)} })
	mustCreate(t, s, p)
	p.ActionItems = nil
	if err := s.Update(ctx, admin, p, 1); err != nil {
		t.Fatal(err)
	}
	refs, err := s.References(ctx, []string{"ACT-7"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs.ActionItems) != 0 {
		t.Errorf("ACT-7 is still stored although no postmortem lists it: %+v", refs.ActionItems)
	}
}

func testReferences(t *testing.T, open Opener) {
	s := open(t)
	risk := debrief.AcceptedRisk{ID: "RISK-3", Risk: "Manual renewals", OwnerTeam: "platform", ReviewBy: debrief.Date{Year: 2025, Month: 9, Day: 1}}
	both := func(p *debrief.Postmortem) {
		p.ActionItems = []debrief.ActionItem{shared(debrief.ActionOpen)}
		p.AcceptedRisks = []debrief.AcceptedRisk{risk}
	}
	mustCreate(t, s, pm("PM-2025-002", "B", both), pm("PM-2025-001", "A", both), pm("PM-2025-003", "C", restricted))
	refs, err := s.References(ctx, []string{"ACT-7", "ACT-8"}, []string{"RISK-3"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"PM-2025-001", "PM-2025-002", "PM-2025-003"}; !slices.Equal(refs.IDs, want) {
		t.Errorf("ids = %v, want %v", refs.IDs, want)
	}
	item := refs.ActionItems["ACT-7"]
	if item.Item != shared(debrief.ActionOpen) || !slices.Equal(item.Postmortems, []string{"PM-2025-001", "PM-2025-002"}) {
		t.Errorf("ACT-7 = %+v", item)
	}
	if _, ok := refs.ActionItems["ACT-8"]; ok {
		t.Errorf("ACT-8 is not stored but is referenced")
	}
	if r := refs.AcceptedRisks["RISK-3"]; r.Risk != risk || len(r.Postmortems) != 2 {
		t.Errorf("RISK-3 = %+v", r)
	}
}

func testExport(t *testing.T, open Opener) {
	s := open(t)
	a, b := pm("PM-2025-002", "B"), pm("PM-2025-001", "A")
	mustCreate(t, s, a, b)
	var got []string
	err := s.Export(ctx, admin, func(id string, file []byte) error {
		got = append(got, id)
		p, _ := s.FindByID(ctx, admin, id)
		if string(file) != string(markdown.Write(p)) {
			t.Errorf("exported %s is not its canonical file", id)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"PM-2025-001", "PM-2025-002"}; !slices.Equal(got, want) {
		t.Errorf("exported %v, want %v in id order", got, want)
	}
	stop := errors.New("stop")
	if err := s.Export(ctx, admin, func(string, []byte) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("export returned %v, want the callback's error", err)
	}
}

// testCreateTakenIDNamesNothing checks that refusing a taken id says the
// same whoever holds it, and never that a postmortem exists.
func testCreateTakenIDNamesNothing(t *testing.T, open Opener) {
	s := open(t)
	restrictedArchive(t, s)
	refusal := func(id string) string {
		t.Helper()
		err := s.Create(ctx, payments, pm(id, "Checkout retries", teams("payments")))
		wantCode(t, err, debrief.ECONFLICT)
		return strings.ReplaceAll(debrief.ErrorMessage(err), id, "ID")
	}
	hidden, visible := refusal(secret), refusal("PM-2025-021")
	if hidden != visible {
		t.Errorf("a restricted id is refused with %q, a visible one with %q", hidden, visible)
	}
	for _, word := range []string{"exist", "restricted", "leaked", "security"} {
		if strings.Contains(strings.ToLower(hidden), word) {
			t.Errorf("the refusal %q says %q", hidden, word)
		}
	}
}

// testNextID checks the ids that NextID hands out: never one in use, never
// the same twice, and nothing that tells a restricted postmortem from a
// suggestion that was never saved.
func testNextID(t *testing.T, open Opener) {
	next := func(s debrief.Store, v debrief.Viewer, year int) string {
		t.Helper()
		id, err := s.NextID(ctx, v, year)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	t.Run("sequence", func(t *testing.T) {
		s := open(t)
		for _, want := range []string{"PM-2025-001", "PM-2025-002"} {
			if got := next(s, payments, 2025); got != want {
				t.Errorf("NextID = %s, want %s", got, want)
			}
		}
		mustCreate(t, s, pm("PM-2025-003", "Taken"), pm("PM-2025-005", "Taken too", restricted, teams("security")),
			pm("PM-2024-004", "Last year"))
		// After the highest the viewer sees, skipping what is in use.
		for _, c := range []struct {
			v    debrief.Viewer
			want string
		}{{payments, "PM-2025-004"}, {payments, "PM-2025-006"}, {admin, "PM-2025-007"}} {
			if got := next(s, c.v, 2025); got != c.want {
				t.Errorf("NextID for %s = %s, want %s", c.v.User, got, c.want)
			}
		}
		mustCreate(t, s, pm("PM-2025-020", "Far ahead"))
		if got := next(s, payments, 2025); got != "PM-2025-021" {
			t.Errorf("NextID = %s, want PM-2025-021, after the highest id in sight", got)
		}
		if got := next(s, admin, 2024); got != "PM-2024-005" {
			t.Errorf("NextID(2024) = %s, want PM-2024-005", got)
		}
	})
	t.Run("restricted or abandoned", func(t *testing.T) {
		withSecret, abandoned := open(t), open(t)
		for _, s := range []debrief.Store{withSecret, abandoned} {
			mustCreate(t, s, pm("PM-2025-001", "A"), pm("PM-2025-002", "B"))
		}
		mustCreate(t, withSecret, pm("PM-2025-003", "Secret", restricted, teams("security")))
		next(abandoned, admin, 2025) // handed out and never saved
		if a, b := next(withSecret, payments, 2025), next(abandoned, payments, 2025); a != b {
			t.Errorf("after a restricted postmortem NextID = %s, after an abandoned suggestion %s", a, b)
		}
	})
	t.Run("concurrent", func(t *testing.T) {
		s := open(t)
		const n = 8
		got := make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				id, err := s.NextID(ctx, payments, 2025)
				if err != nil {
					t.Error(err)
				}
				got[i] = id
			}()
		}
		wg.Wait()
		slices.Sort(got)
		if len(slices.Compact(slices.Clone(got))) != n {
			t.Errorf("concurrent NextID handed out %v: some twice", got)
		}
	})
}
