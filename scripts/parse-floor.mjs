// The floor the benchmark compares swadaya with: one thread that only reads and YAML.parses
// every .yaml file under the given directories, in the order the tool reads them.
//
//   node scripts/parse-floor.mjs DIR [DIR...]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

function yamlFilesUnder(dir, files = []) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yamlFilesUnder(path, files);
    else if (/\.ya?ml$/i.test(entry.name)) files.push(path);
  }
  return files;
}

let files = 0;
let documents = 0;
for (const dir of process.argv.slice(2)) {
  for (const file of yamlFilesUnder(dir)) {
    if (parse(readFileSync(file, 'utf8')) !== null) documents += 1;
    files += 1;
  }
}
process.stdout.write(`${JSON.stringify({ files, documents })}\n`);
