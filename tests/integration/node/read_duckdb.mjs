// Opens a DuckDB file read-only with @duckdb/node-api (the library Evidence's DuckDB connector uses),
// runs every SQL text given as a JSON list on stdin, prints the rows of the last one as JSON.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const queries = JSON.parse(readFileSync(0, 'utf8'));
const instance = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
let rows = [];
for (const sql of queries) {
  rows = (await connection.runAndReadAll(sql)).getRowsJson();
}
connection.closeSync();
console.log(JSON.stringify(rows));
