package pipeline

import (
	"sync"
	"sync/atomic"
)

// runStatTasks runs tasks on up to workers goroutines (at least one). Task i
// writes only the i-th result, so the results do not depend on which
// goroutine ran a task or when.
func runStatTasks(tasks []func(*statRows), workers int) []statRows {
	out := make([]statRows, len(tasks))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, len(tasks))) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(tasks); i = int(next.Add(1) - 1) {
				tasks[i](&out[i])
			}
		})
	}
	wg.Wait()
	return out
}

// joinStatRows appends the rows of each part, table by table, in the order of
// parts. A new statRows field must be added here as well.
func joinStatRows(parts []statRows) *statRows {
	s := &statRows{}
	for _, p := range parts {
		s.stats = append(s.stats, p.stats...)
		s.tests = append(s.tests, p.tests...)
		s.residuals = append(s.residuals, p.residuals...)
		s.pairs = append(s.pairs, p.pairs...)
		s.keyness = append(s.keyness, p.keyness...)
		s.profiles = append(s.profiles, p.profiles...)
		s.pca = append(s.pca, p.pca...)
		s.corr = append(s.corr, p.corr...)
		s.reg = append(s.reg, p.reg...)
		s.trends = append(s.trends, p.trends...)
	}
	return s
}
