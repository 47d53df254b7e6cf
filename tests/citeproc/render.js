// Reference renderings by citeproc-js (the CSL engine inside Zotero), for tests/test_citation.py.
// stdin: {"csl_dir": "...", "items": [CSL-JSON], "styles": ["apa", ...], "langs": ["vi-VN", "en-US"]}
// stdout: {"<id>": {"<style>": {"<lang>": "bibliography entry as plain text"}}}
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const items = Object.fromEntries(input.items.map((item) => [item.id, item]));
const out = {};
for (const style of input.styles) {
  const xml = fs.readFileSync(path.join(input.csl_dir, style + ".csl"), "utf8");
  for (const lang of input.langs) {
    const sys = {
      retrieveLocale: (l) => {
        const file = path.join(input.csl_dir, "locales-" + l + ".xml");
        return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
      },
      retrieveItem: (id) => items[id],
    };
    const engine = new CSL.Engine(sys, xml, lang, true);
    engine.setOutputFormat("text");
    for (const id of Object.keys(items)) {
      engine.updateItems([id]); // one item at a time: an entry alone, as the cite box shows it
      const [, entries] = engine.makeBibliography();
      ((out[id] = out[id] || {})[style] = out[id][style] || {})[lang] = entries.join("").trim();
    }
  }
}
process.stdout.write(JSON.stringify(out, null, 1));
