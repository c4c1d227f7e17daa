#!/usr/bin/env python3
"""Write tests/structured_data/schemaorg_vocabulary.json: the schema.org properties (inherited ones
included) of the types Masthead's JSON-LD uses, read from Google's `schema-dts` npm package
(schema.org's vocabulary as TypeScript typings; Apache-2.0).

    npm install --prefix /tmp/sdts schema-dts@2.1.0
    python scripts/vendor_schemaorg_vocabulary.py /tmp/sdts/node_modules/schema-dts/dist/schema.d.ts

Run it again when a template emits a new type, or to follow a newer schema.org release.
"""

import json
import re
import sys
from pathlib import Path

TYPES = [
    "NewsArticle",
    "Event",
    "Place",
    "PostalAddress",
    "VirtualLocation",
    "Offer",
    "Person",
    "Organization",
    "NewsMediaOrganization",
    "ImageObject",
    "WebPageElement",
]
OUT = Path(__file__).resolve().parent.parent / "tests" / "structured_data" / "schemaorg_vocabulary.json"

INTERFACE = re.compile(r"^interface (\w+)Base(?: extends ([^{]+))? \{", re.M)
# A type with no properties of its own has only a "Leaf" interface on its parent's base.
LEAF = re.compile(r"^export interface (\w+)Leaf extends (\w+)Base \{", re.M)
PROPERTY = re.compile(r'^    "([A-Za-z][\w-]*)"\??:', re.M)


def parse(source):
    bases, props = {}, {}
    for match in INTERFACE.finditer(source):
        name = match.group(1)
        end = source.index("\n}", match.end())
        body = source[match.end() : end]
        props[name] = set(PROPERTY.findall(body))
        parents = match.group(2) or ""
        bases[name] = [p.strip()[: -len("Base")] for p in parents.split(",") if p.strip().endswith("Base")]
    for match in LEAF.finditer(source):
        name, parent = match.groups()
        if name != parent and name not in bases:
            bases[name], props[name] = [parent], set()
    return bases, props


def all_properties(name, bases, props):
    seen = set(props.get(name, ()))
    for parent in bases.get(name, ()):
        seen |= all_properties(parent, bases, props)
    return seen


def main(path):
    source = Path(path).read_text()
    bases, props = parse(source)
    vocabulary = {name: sorted(all_properties(name, bases, props)) for name in TYPES}
    for name, properties in vocabulary.items():
        if "name" not in properties:
            raise SystemExit(f"{name}: no properties found; has schema-dts changed its layout?")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "source": "npm schema-dts 2.1.0 (schema.org vocabulary), via scripts/vendor_schemaorg_vocabulary.py",
                "types": vocabulary,
            },
            indent=1,
            sort_keys=True,
        )
        + "\n"
    )
    print(f"wrote {OUT} ({sum(map(len, vocabulary.values()))} properties)")


if __name__ == "__main__":
    main(sys.argv[1])
