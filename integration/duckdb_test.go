package integration

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

func openDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// glob is the read_parquet pattern of one table across all its partitions.
func glob(table string) string {
	return filepath.ToSlash(filepath.Join(outDir, table)) + "/*/*.parquet"
}

// files lists the Parquet files of one table.
func files(t *testing.T, table string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(outDir, table, "*", "*.parquet"))
	if err != nil || len(m) == 0 {
		t.Fatalf("no Parquet files for table %s (%v)", table, err)
	}
	sort.Strings(m)
	return m
}

// schemaColumn is one row of a table in docs/schema.md.
type schemaColumn struct {
	Name, Type string
	Nullable   bool
}

// parseSchemaDoc reads every "### `table`" section of docs/schema.md and the
// markdown table under it: | `column` | TYPE | null | meaning |.
func parseSchemaDoc(t *testing.T) map[string][]schemaColumn {
	t.Helper()
	doc := readText(t, "docs/schema.md")
	head := regexp.MustCompile("^### `([a-z_]+)`")
	row := regexp.MustCompile("^\\| `([a-z0-9_]+)` \\| ([A-Z ]+?) \\| (yes|no) \\|")
	tables := map[string][]schemaColumn{}
	cur := ""
	for _, line := range strings.Split(doc, "\n") {
		if m := head.FindStringSubmatch(line); m != nil {
			cur = m[1]
			continue
		}
		if strings.HasPrefix(line, "## ") {
			cur = ""
		}
		if m := row.FindStringSubmatch(line); m != nil && cur != "" {
			tables[cur] = append(tables[cur], schemaColumn{m[1], m[2], m[3] == "yes"})
		}
	}
	if len(tables) < 5 {
		t.Fatalf("docs/schema.md describes only %d tables", len(tables))
	}
	return tables
}

// TestDescribeMatchesSchemaDoc checks every table's columns, DuckDB types
// and nullability against docs/schema.md.
func TestDescribeMatchesSchemaDoc(t *testing.T) {
	db := openDB(t)
	doc := parseSchemaDoc(t)
	for table, want := range doc {
		if table == "matches" {
			continue // written only with --matches; checked in TestMatchesTable
		}
		t.Run(table, func(t *testing.T) {
			f := files(t, table)[0]
			got := describe(t, db, f)
			if len(got) != len(want) {
				t.Errorf("%s has %d columns, docs/schema.md lists %d\ngot:  %v\nwant: %v", table, len(got), len(want), got, want)
			}
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Errorf("column %d: DuckDB says %+v, docs/schema.md %+v", i, got[i], want[i])
				}
			}
		})
	}
}

// describe returns the columns of one file as DuckDB sees them, with the
// nullability the Parquet schema declares (DuckDB's DESCRIBE calls every
// Parquet column nullable, so repetition comes from parquet_schema).
func describe(t *testing.T, db *sql.DB, file string) []schemaColumn {
	t.Helper()
	rows, err := db.Query(fmt.Sprintf("DESCRIBE SELECT * FROM read_parquet('%s')", file))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []schemaColumn
	for rows.Next() {
		var name, typ string
		var null, key, def, extra sql.NullString
		if err := rows.Scan(&name, &typ, &null, &key, &def, &extra); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, schemaColumn{Name: name, Type: typ})
	}
	rep := map[string]string{}
	prow, err := db.Query(fmt.Sprintf("SELECT name, repetition_type FROM parquet_schema('%s') WHERE num_children IS NULL OR num_children = 0", file))
	if err != nil {
		t.Fatal(err)
	}
	defer prow.Close()
	for prow.Next() {
		var name string
		var r sql.NullString
		if err := prow.Scan(&name, &r); err != nil {
			t.Fatal(err)
		}
		rep[name] = r.String
	}
	for i := range cols {
		cols[i].Nullable = rep[cols[i].Name] != "REQUIRED"
	}
	return cols
}

// TestHivePartitionsAcrossRuns reads frames of both nights in one query.
func TestHivePartitionsAcrossRuns(t *testing.T) {
	db := openDB(t)
	var nights, rows int64
	err := db.QueryRow(fmt.Sprintf("SELECT count(DISTINCT run_date), count(*) FROM read_parquet('%s', hive_partitioning = true)", glob("frames"))).Scan(&nights, &rows)
	if err != nil {
		t.Fatal(err)
	}
	if nights != 2 || rows == 0 {
		t.Errorf("frames across runs: %d run dates, %d rows; want 2 and > 0", nights, rows)
	}
	var typ string
	if err := db.QueryRow(fmt.Sprintf("SELECT typeof(run_date) FROM read_parquet('%s', hive_partitioning = true) LIMIT 1", glob("frames"))).Scan(&typ); err != nil {
		t.Fatal(err)
	}
	if typ != "DATE" {
		t.Errorf("run_date reads as %s with hive partitioning, want DATE", typ)
	}
}

// TestRowCountsMatchRuns compares each night's table sizes with its runs row.
func TestRowCountsMatchRuns(t *testing.T) {
	db := openDB(t)
	q := fmt.Sprintf(`SELECT r.run_date, r.records_read, r.articles, r.rejects,
		(SELECT count(*) FROM read_parquet('%s', hive_partitioning = true) a WHERE a.run_date = r.run_date),
		(SELECT count(*) FROM read_parquet('%s', hive_partitioning = true) j WHERE j.run_date = r.run_date),
		(SELECT count(*) FROM read_parquet('%s', hive_partitioning = true) f WHERE f.run_date = r.run_date)
		FROM read_parquet('%s', hive_partitioning = true) r ORDER BY r.run_date`,
		glob("articles"), glob("rejects"), glob("frames"), glob("runs"))
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		var day any
		var records, arts, rejs, gotArts, gotRejs, gotFrames int64
		if err := rows.Scan(&day, &records, &arts, &rejs, &gotArts, &gotRejs, &gotFrames); err != nil {
			t.Fatal(err)
		}
		if records != arts+rejs {
			t.Errorf("%v: records %d != articles %d + rejects %d", day, records, arts, rejs)
		}
		if gotArts != arts || gotRejs != rejs {
			t.Errorf("%v: tables hold %d articles and %d rejects, runs says %d and %d", day, gotArts, gotRejs, arts, rejs)
		}
		if gotFrames != 4*arts {
			t.Errorf("%v: %d frame rows for %d articles", day, gotFrames, arts)
		}
	}
	if n != 2 {
		t.Errorf("runs has %d rows, want 2", n)
	}
}

// TestNullCountsMatchFooter computes every column's nulls from the data and
// compares them with the footer statistics that DuckDB trusts for IS NULL.
func TestNullCountsMatchFooter(t *testing.T) {
	db := openDB(t)
	for table := range parseSchemaDoc(t) {
		if table == "matches" {
			continue
		}
		for _, f := range files(t, table) {
			for _, c := range describe(t, db, f) {
				var data int64
				if err := db.QueryRow(fmt.Sprintf(`SELECT count(*) - count("%s") FROM read_parquet('%s')`, c.Name, f)).Scan(&data); err != nil {
					t.Fatal(err)
				}
				var footer sql.NullInt64
				err := db.QueryRow(fmt.Sprintf(`SELECT sum(stats_null_count) FROM parquet_metadata('%s') WHERE path_in_schema = '%s'`, f, c.Name)).Scan(&footer)
				if err != nil {
					t.Fatal(err)
				}
				if !footer.Valid || footer.Int64 != data {
					t.Errorf("%s %s: %d nulls in the data, footer says %v", filepath.Base(filepath.Dir(f)), c.Name, data, footer)
				}
			}
		}
	}
}

// TestKeyValueMetadata checks the framing.* keys of every file.
func TestKeyValueMetadata(t *testing.T) {
	db := openDB(t)
	for table := range parseSchemaDoc(t) {
		if table == "matches" {
			continue
		}
		for _, f := range files(t, table) {
			rows, err := db.Query(fmt.Sprintf("SELECT decode(key), decode(value) FROM parquet_kv_metadata('%s')", f))
			if err != nil {
				t.Fatal(err)
			}
			kv := map[string]string{}
			for rows.Next() {
				var k, v string
				if err := rows.Scan(&k, &v); err != nil {
					t.Fatal(err)
				}
				kv[k] = v
			}
			rows.Close()
			for _, k := range []string{"framing.version", "framing.run_id", "framing.lexicon_sha256", "framing.schema_version"} {
				if kv[k] == "" {
					t.Errorf("%s: no %s in key-value metadata (have %v)", f, k, kv)
				}
			}
		}
	}
}

// TestQueriesReturnRows runs every query of notebooks/queries.sql against
// the example output: each must run and return rows.
func TestQueriesReturnRows(t *testing.T) {
	db := openDB(t)
	qs := parseQueries(t)
	if len(qs) < 7 {
		t.Fatalf("queries.sql has %d queries, want at least 7", len(qs))
	}
	for _, q := range qs {
		t.Run(q.name, func(t *testing.T) {
			sqlText := strings.ReplaceAll(q.sql, "'out/", "'"+filepath.ToSlash(outDir)+"/")
			rows, err := db.Query(sqlText)
			if err != nil {
				t.Fatalf("%v\n%s", err, sqlText)
			}
			defer rows.Close()
			n := 0
			for rows.Next() {
				n++
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Errorf("query %s returned no rows", q.name)
			}
		})
	}
}
