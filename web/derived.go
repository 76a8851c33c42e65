package web

import (
	"context"
	"crypto/sha256"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// Derived data of a postmortem that the pages show and that costs more than
// reading it: lint findings, the rendered body, the archive's per-result
// facts. Each is cached under a key that changes with the content, so the
// caches never need invalidating. Access control happens before: the pages
// look a postmortem up for the viewer first, and only then use its derived
// data.

// fileFindings returns the lint findings of a canonical file, sorted.
func (p *pages) fileFindings(id string, file []byte) []Finding {
	if p.cfg.Findings == nil {
		return nil
	}
	sum := sha256.Sum256(file)
	key := string(sum[:])
	if fs, ok := p.findings.get(key); ok {
		return fs
	}
	fs, err := p.cfg.Findings(id+".md", file)
	if err != nil {
		p.log.Warn("lint", "id", id, "err", err)
		return nil
	}
	sortFindings(fs)
	p.findings.put(key, fs)
	return fs
}

// resultFacts is what the archive shows of a result beyond its summary.
type resultFacts struct {
	TimeToResolve time.Duration
	Resolved      bool
	Lint          lintCounts
}

func factsKey(id string, version int) string { return id + "@" + strconv.Itoa(version) }

// resultFacts returns the facts of each summary, reading the postmortems
// not in the cache, a few at a time.
func (p *pages) resultFacts(ctx context.Context, v debrief.Viewer, items []*debrief.PostmortemSummary) []resultFacts {
	out := make([]resultFacts, len(items))
	var missing []int
	for i, it := range items {
		if f, ok := p.facts.get(factsKey(it.ID, it.Version)); ok {
			out[i] = f
		} else {
			missing = append(missing, i)
		}
	}
	if len(missing) == 0 {
		return out
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(len(missing), max(2, runtime.GOMAXPROCS(0))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				it := items[i]
				pm, err := p.cfg.Postmortems.FindByID(ctx, v, it.ID)
				if err != nil {
					continue
				}
				var f resultFacts
				f.TimeToResolve, f.Resolved = pm.TimeToResolve()
				if p.cfg.Findings != nil {
					f.Lint = countFindings(p.fileFindings(pm.ID, markdown.Write(pm)))
				}
				out[i] = f
				p.facts.put(factsKey(pm.ID, pm.Version), f)
			}
		}()
	}
	for _, i := range missing {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}
