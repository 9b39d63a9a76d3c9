#!/usr/bin/env node
// Validates CSV files against a Table Schema with the reference JavaScript implementation of
// Frictionless Table Schema (npm package `tableschema`), plus what the schema asks beyond the
// standard in its `custom_checks` (as the French open-data validator Validata runs them):
//   - french-siret-value: a non-empty SIRET passes INSEE's check (Luhn; La Poste's
//     establishments, SIREN 356000000 but the head office, by a digit sum multiple of 5);
//   - one-of-required: column1 or column2 is filled on every row.
// And what the export promises on top of the schema: UTF-8 without BOM, the header exactly the
// schema's fields in the schema's order.
//
// Usage: node validate-scdl.js TABLESCHEMA_DIR SCHEMA.json FILE.csv...
//   TABLESCHEMA_DIR  a folder whose node_modules holds tableschema (npm install tableschema@1)
// Prints `ok    FILE (N rows)` or `FAIL  FILE: reason` per file, one line per problem; exits 0
// when every file is valid, 1 otherwise. With --expect-invalid, every file must be REJECTED
// (for the test's own negative cases): `ok` then means it was refused.
'use strict';
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const expectInvalid = args[0] === '--expect-invalid';
if (expectInvalid) args.shift();
if (args.length < 3) {
  console.error('usage: validate-scdl.js [--expect-invalid] TABLESCHEMA_DIR SCHEMA.json FILE.csv...');
  process.exit(2);
}
const {Table, Schema} = require(path.resolve(args[0], 'node_modules', 'tableschema'));
const descriptor = JSON.parse(fs.readFileSync(args[1], 'utf8'));
const files = args.slice(2);

function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; ++i) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function validSiret(value) {
  if (!/^[0-9]{14}$/.test(value)) return false;
  if (value.startsWith('356000000') && value !== '35600000000048') {
    let sum = 0;
    for (const c of value) sum += Number(c);
    return sum % 5 === 0;
  }
  return luhn(value);
}

function customProblems(rows) {
  const problems = [];
  for (const check of descriptor.custom_checks || []) {
    rows.forEach((row, i) => {
      const line = i + 2;
      if (check.name === 'french-siret-value') {
        const v = row[check.params.column];
        if (v !== null && v !== undefined && v !== '' && !validSiret(String(v)))
          problems.push(`row ${line}: ${check.params.column} '${v}' is not a valid SIRET`);
      } else if (check.name === 'one-of-required') {
        const a = row[check.params.column1], b = row[check.params.column2];
        if ((a === null || a === '') && (b === null || b === ''))
          problems.push(`row ${line}: neither ${check.params.column1} nor ${check.params.column2}`);
      } else {
        problems.push(`unknown custom check ${check.name}: cannot validate`);
      }
    });
  }
  return problems;
}

async function problemsOf(file, schema) {
  const bytes = fs.readFileSync(file);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return {problems: ['starts with a byte-order mark'], rows: 0};
  const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  const header = text.split(/\r?\n/, 1)[0];
  const expected = descriptor.fields.map((f) => f.name).join(',');
  if (header !== expected) return {problems: [`header '${header}' is not '${expected}'`], rows: 0};
  const problems = [];
  const table = await Table.load(file, {schema});
  const cast = await table.read({keyed: true, forceCast: true});
  cast.forEach((row, i) => {
    if (row instanceof Error)
      for (const e of row.errors || [row]) problems.push(`row ${i + 2}: ${e.message}`);
  });
  const raw = await (await Table.load(file, {schema})).read({keyed: true, cast: false});
  problems.push(...customProblems(raw));
  return {problems, rows: cast.length};
}

(async () => {
  const schema = await Schema.load(descriptor);
  if (!schema.valid) {
    console.log(`FAIL  ${args[1]}: not a valid Table Schema: ${schema.errors.join('; ')}`);
    process.exit(1);
  }
  let passed = 0, failed = 0;
  for (const file of files) {
    let result;
    try {
      result = await problemsOf(file, schema);
    } catch (e) {
      result = {problems: [`cannot be read: ${e.message}`], rows: 0};
    }
    const valid = result.problems.length === 0;
    if (valid !== expectInvalid) {
      ++passed;
      console.log(valid ? `ok    ${file} (${result.rows} rows)`
                        : `ok    ${file} refused: ${result.problems[0]}`);
    } else {
      ++failed;
      if (valid) console.log(`FAIL  ${file}: valid, but it should be refused`);
      for (const p of result.problems) console.log(`FAIL  ${file}: ${p}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
