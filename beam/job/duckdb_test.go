package job

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/google/go-cmp/cmp"
)

// duckQueries are read the way the README tells researchers to: every part
// file of every partition through one glob, with the run date from the
// directory names. Sums of doubles are rounded: DuckDB adds them in file
// order, which differs in the last bits.
var duckQueries = []string{
	`SELECT run_date, count(*), count(DISTINCT article_id), sum(n_tokens), round(sum(coverage), 9) FROM read_parquet('%[1]s/articles/*/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL`,
	`SELECT outlet, dimension, sum(hits), round(avg(per_1k), 9), count(share) FROM read_parquet('%[1]s/frames/*/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL`,
	`SELECT actor, count(*), count(stance), round(sum(stance), 9) FROM read_parquet('%[1]s/stance/*/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL`,
	`SELECT source, line, article_id, reason FROM read_parquet('%[1]s/rejects/*/*.parquet', hive_partitioning = true) ORDER BY ALL`,
	`SELECT count(*), sum(hits) FROM read_parquet('%[1]s/terms/*/*.parquet', hive_partitioning = true)`,
	`SELECT records_read, articles, rejects FROM read_parquet('%[1]s/runs/*/*.parquet', hive_partitioning = true)`,
}

// sameInDuckDB runs duckQueries on both outputs with a real DuckDB and
// fails unless each gives the same rows from the shards as from the run's
// single files.
func sameInDuckDB(t *testing.T, want, got string) {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range duckQueries {
		w := queryRows(t, db, fmt.Sprintf(q, filepath.ToSlash(want)))
		g := queryRows(t, db, fmt.Sprintf(q, filepath.ToSlash(got)))
		if len(w) == 0 {
			t.Errorf("%s: no rows from framing run's output", q)
		}
		if d := cmp.Diff(w, g); d != "" {
			t.Errorf("DuckDB gives other rows from the shards (-run +beam):\n%s\n%s", q, d)
		}
	}
}

// queryRows returns every row of q, each printed as one string.
func queryRows(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		s := make([]string, len(vals))
		for i, v := range vals {
			s[i] = fmt.Sprintf("%v", v)
		}
		out = append(out, strings.Join(s, " | "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
