package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	_ "github.com/duckdb/duckdb-go/v2"
)

// duckCheck asks DuckDB how many nulls the note column of b holds, two ways.
func duckCheck(name string, b []byte) error {
	dir, err := os.MkdirTemp("", "repro")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	p := filepath.Join(dir, "f.parquet")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return err
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	var total, counted, isNull int64
	q := fmt.Sprintf(`SELECT count(*), count(note), count(*) FILTER (WHERE note IS NULL) FROM read_parquet('%s')`, p)
	if err := db.QueryRow(q).Scan(&total, &counted, &isNull); err != nil {
		return err
	}
	var where int64
	q = fmt.Sprintf(`SELECT count(*) FROM read_parquet('%s') WHERE note IS NULL`, p)
	if err := db.QueryRow(q).Scan(&where); err != nil {
		return err
	}
	fmt.Printf("%-9s duckdb: count(*)=%d count(note)=%d FILTER(note IS NULL)=%d WHERE note IS NULL=%d\n",
		name, total, counted, isNull, where)
	return nil
}
