//! The database's schema as the engine reports it — tables, columns and whether they take NULL,
//! primary keys, unique constraints, indexes and foreign keys — in one engine-neutral form, so a
//! test can tell that the SQLite and PostgreSQL migrations describe the same schema.

use crate::{Backend, Result, Store};
use std::collections::BTreeSet;

/// One fact of the schema, e.g. `column needs.contact_sealed null` or
/// `index needs_incident on needs(incident_id, id)`. Unique constraints and primary keys are
/// named by their columns, since each engine names them its own way.
pub type SchemaFacts = BTreeSet<String>;

/// Tables the migration tool keeps for itself.
const TOOL_TABLES: [&str; 1] = ["_sqlx_migrations"];

impl Store {
    /// The schema's facts (see [`SchemaFacts`]).
    pub async fn schema_facts(&self) -> Result<SchemaFacts> {
        match self.backend {
            Backend::Sqlite => self.sqlite_facts().await,
            Backend::Postgres => self.postgres_facts().await,
        }
    }

    async fn sqlite_facts(&self) -> Result<SchemaFacts> {
        let mut facts = SchemaFacts::new();
        let tables: Vec<(String,)> = sqlx::query_as(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )
        .fetch_all(&self.reader)
        .await?;
        for (table,) in tables {
            if TOOL_TABLES.contains(&table.as_str()) {
                continue;
            }
            facts.insert(format!("table {table}"));
            // name, not null, position in the primary key.
            let columns: Vec<(String, i64, i64)> = sqlx::query_as(&format!(
                "SELECT name, \"notnull\", pk FROM pragma_table_info('{table}')"
            ))
            .fetch_all(&self.reader)
            .await?;
            let mut primary: Vec<(i64, String)> = Vec::new();
            for (column, not_null, pk) in &columns {
                // A primary key column never takes NULL, whatever SQLite's pragma says.
                let null = if *not_null == 0 && *pk == 0 {
                    "null"
                } else {
                    "not null"
                };
                facts.insert(format!("column {table}.{column} {null}"));
                if *pk > 0 {
                    primary.push((*pk, column.clone()));
                }
            }
            primary.sort();
            if !primary.is_empty() {
                let cols: Vec<String> = primary.into_iter().map(|(_, c)| c).collect();
                facts.insert(format!("primary key {table}({})", cols.join(", ")));
            }
            // name, unique, origin: `c` CREATE INDEX, `u` UNIQUE constraint, `pk` primary key.
            let indexes: Vec<(String, i64, String)> = sqlx::query_as(&format!(
                "SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"
            ))
            .fetch_all(&self.reader)
            .await?;
            for (index, unique, origin) in indexes {
                let columns: Vec<(i64, Option<String>)> = sqlx::query_as(&format!(
                    "SELECT seqno, name FROM pragma_index_info('{index}') ORDER BY seqno"
                ))
                .fetch_all(&self.reader)
                .await?;
                let cols: Vec<String> = columns
                    .into_iter()
                    .map(|(_, c)| c.unwrap_or_else(|| "(expression)".to_owned()))
                    .collect();
                let cols = cols.join(", ");
                match origin.as_str() {
                    "pk" => {}
                    "u" => {
                        facts.insert(format!("unique {table}({cols})"));
                    }
                    _ => {
                        let kind = if unique != 0 { "unique index" } else { "index" };
                        facts.insert(format!("{kind} {index} on {table}({cols})"));
                    }
                }
            }
            let keys: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(&format!(
                "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('{table}') \
                 ORDER BY id, seq"
            ))
            .fetch_all(&self.reader)
            .await?;
            for (_, target, from, to) in keys {
                let to = to.unwrap_or_else(|| "(primary key)".to_owned());
                facts.insert(format!("foreign key {table}.{from} -> {target}.{to}"));
            }
        }
        Ok(facts)
    }

    async fn postgres_facts(&self) -> Result<SchemaFacts> {
        let mut facts = SchemaFacts::new();
        let columns: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT c.table_name::text, c.column_name::text, c.is_nullable::text \
             FROM information_schema.columns c JOIN information_schema.tables t \
               ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
             WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'",
        )
        .fetch_all(&self.reader)
        .await?;
        for (table, column, nullable) in columns {
            if TOOL_TABLES.contains(&table.as_str()) {
                continue;
            }
            facts.insert(format!("table {table}"));
            let null = if nullable == "YES" {
                "null"
            } else {
                "not null"
            };
            facts.insert(format!("column {table}.{column} {null}"));
        }
        // Constraints with their columns in key order: p primary, u unique, f foreign.
        let constraints: Vec<ConstraintRow> =
            sqlx::query_as(
                "SELECT rel.relname::text AS table_name, con.contype::text AS kind, \
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.n) \
                      FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n) \
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns, \
                   ref.relname::text AS target, \
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.n) \
                      FROM unnest(con.confkey) WITH ORDINALITY k(attnum, n) \
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS target_columns \
                 FROM pg_constraint con \
                 JOIN pg_class rel ON rel.oid = con.conrelid \
                 JOIN pg_namespace ns ON ns.oid = rel.relnamespace \
                 LEFT JOIN pg_class ref ON ref.oid = con.confrelid \
                 WHERE ns.nspname = current_schema() AND con.contype IN ('p', 'u', 'f')",
            )
            .fetch_all(&self.reader)
            .await?;
        for ConstraintRow {
            table_name: table,
            kind,
            columns: cols,
            target,
            target_columns: target_cols,
        } in constraints
        {
            if TOOL_TABLES.contains(&table.as_str()) {
                continue;
            }
            match kind.as_str() {
                "p" => facts.insert(format!("primary key {table}({cols})")),
                "u" => facts.insert(format!("unique {table}({cols})")),
                _ => facts.insert(format!(
                    "foreign key {table}.{cols} -> {}.{}",
                    target.unwrap_or_default(),
                    target_cols.unwrap_or_default()
                )),
            };
        }
        // Indexes made by CREATE INDEX (not those behind a constraint), columns in key order.
        let indexes: Vec<(String, String, bool, Option<String>)> = sqlx::query_as(
            "SELECT tbl.relname::text, idx.relname::text, i.indisunique, \
               (SELECT string_agg(COALESCE(a.attname::text, '(expression)'), ', ' ORDER BY k.n) \
                  FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n) \
                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) \
             FROM pg_index i \
             JOIN pg_class idx ON idx.oid = i.indexrelid \
             JOIN pg_class tbl ON tbl.oid = i.indrelid \
             JOIN pg_namespace ns ON ns.oid = tbl.relnamespace \
             WHERE ns.nspname = current_schema() \
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c \
                 WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))",
        )
        .fetch_all(&self.reader)
        .await?;
        for (table, index, unique, cols) in indexes {
            if TOOL_TABLES.contains(&table.as_str()) {
                continue;
            }
            let kind = if unique { "unique index" } else { "index" };
            facts.insert(format!(
                "{kind} {index} on {table}({})",
                cols.unwrap_or_default()
            ));
        }
        Ok(facts)
    }
}

/// A primary key, unique or foreign key constraint of the PostgreSQL schema, columns in key
/// order.
#[derive(sqlx::FromRow)]
struct ConstraintRow {
    table_name: String,
    kind: String,
    columns: String,
    target: Option<String>,
    target_columns: Option<String>,
}
