#!/usr/bin/python3
"""schema_check: validates fact-sheet data files against schema/factsheet.schema.json
and target files against schema/targets.schema.json.

    tests/schema_check.py [--schema SCHEMA] FILE...

Each FILE is checked against the schema its location calls for, as the
program reads it: a file directly in a directory named targets (such as
data/targets/health-china-2030.json) is a target file, checked against
schema/targets.schema.json; any other file is a fact sheet, checked against
schema/factsheet.schema.json. A file whose "$schema" names the other one of
the two (say a fact sheet saying "../../schema/targets.schema.json") has a
problem: VS Code would check it against the wrong schema. --schema checks
every FILE against SCHEMA instead and skips that comparison.

Checks the schemas themselves first (Draft202012Validator.check_schema), then
every FILE. Prints one line per problem, "FILE: PATH: message", where PATH is
written the way factsheet's own messages write it (indicators[3].value;
"(root)" for the file as a whole). Exit status: 0 when the schema and every
file are valid, 1 when any problem was found, 2 on a usage error or when
python3-jsonschema is missing.

The schema is what an editor such as VS Code sees; this script reads the files
the way src/model/load.c does where plain Python JSON would differ: a UTF-8
byte-order mark is skipped, bytes that are not UTF-8, duplicate keys and
NaN/Infinity are problems, and an integer is a number written without a
decimal point or exponent (2025.0 is not a year). Messages come from the
schema's errorMessage / patternErrorMessage when it has one (the text VS Code
shows), else from jsonschema. Cross-references (unique ids, items naming an
existing indicator, one unit per chart) are left to `bin/factsheet --check`.

Needs Debian's python3-jsonschema (apt-get install python3-jsonschema).
"""
import argparse
import json
import os
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError, ValidationError
except ImportError:
    sys.stderr.write("schema_check: needs python3-jsonschema; "
                     "run: apt-get install -y python3-jsonschema\n")
    sys.exit(2)

SCHEMA_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                          os.pardir, "schema"))
FACTSHEET_SCHEMA = "factsheet.schema.json"
TARGETS_SCHEMA = "targets.schema.json"
TARGETS_DIR = "targets"  # src/model/load_targets.c reads *.json directly in data/targets


class DupDict(dict):
    """A JSON object that remembers keys written more than once."""
    dups = ()


def _pairs(pairs):
    d = DupDict()
    dups = []
    for k, v in pairs:
        if k in d and k not in dups:
            dups.append(k)
        d[k] = v
    if dups:
        d.dups = tuple(dups)
    return d


def _reject_constant(name):
    raise ValueError("%s is not a JSON number" % name)


def load_json(path):
    """Returns (document, problems); problems are (path, message) pairs."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return None, [("(root)", "cannot open: %s" % (e.strerror or e))]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, [("(root)", "byte 0x%02X at offset %d is not valid UTF-8; save the file as "
                       "UTF-8" % (data[e.start], e.start))]
    try:
        doc = json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except ValueError as e:  # json.JSONDecodeError is a ValueError
        where = ""
        if isinstance(e, json.JSONDecodeError):
            where = "line %d column %d: " % (e.lineno, e.colno)
            e = e.msg
        return None, [("(root)", "not valid JSON: %s%s" % (where, e))]
    return doc, duplicate_keys(doc, [])


def duplicate_keys(node, at):
    found = []
    if isinstance(node, dict):
        for k in getattr(node, "dups", ()):
            found.append((format_path(at + [k]), 'duplicate key "%s"' % k))
        for k, v in node.items():
            found += duplicate_keys(v, at + [k])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += duplicate_keys(v, at + [i])
    return found


def format_path(parts):
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += "[%d]" % p
        else:
            out += ("." if out else "") + str(p)
    return out or "(root)"


# ECMAScript (VS Code) and Python disagree on "$": Python's also matches
# before a final newline, so "abc\n" would pass ^[A-Za-z0-9_-]+$. Anchor a
# trailing "$" at the very end, as JavaScript does.
_regex_cache = {}


def _compile(pattern):
    rx = _regex_cache.get(pattern)
    if rx is None:
        py = pattern
        if py.endswith("$") and not py.endswith("\\$"):
            py = py[:-1] + r"\Z"
        rx = _regex_cache[pattern] = re.compile(py)
    return rx


def bad_patterns(node, at):
    """Patterns Python cannot compile: check_schema leaves them to a crash later."""
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "pattern" and isinstance(v, str):
                try:
                    _compile(v)
                except re.error as e:
                    found.append((format_path(at + [k]), "bad regular expression: %s" % e))
            elif k == "patternProperties" and isinstance(v, dict):
                for p in v:
                    try:
                        _compile(p)
                    except re.error as e:
                        found.append((format_path(at + [k, p]), "bad regular expression: %s" % e))
            found += bad_patterns(v, at + [k])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += bad_patterns(v, at + [i])
    return found


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not _compile(pattern).search(instance):
        yield ValidationError("%r does not match %r" % (instance, pattern))


def _strict_integer(checker, instance):
    # Jansson's integers: written without "." or exponent, so json gives int.
    return isinstance(instance, int) and not isinstance(instance, bool)


Validator = jsonschema.validators.extend(
    Draft202012Validator,
    validators={"pattern": _pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _strict_integer),
)


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        prev, row[0] = row[0], i
        for j in range(1, len(b) + 1):
            cur = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] != b[j - 1]))
            prev, row[j] = row[j], cur
    return row[len(b)]


def describe(error):
    """Yields (path, message) for one jsonschema error."""
    at = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    shown = json.dumps(error.instance, ensure_ascii=False)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = list(schema.get("properties", {}))
        for key in error.instance:
            if key in known:
                continue
            best, nearest = 3, None  # suggest close matches only, like the loader
            for k in known:
                d = edit_distance(key, k)
                if d < best:
                    best, nearest = d, k
            msg = 'unknown key "%s"' % key
            if nearest:
                msg += '; did you mean "%s"?' % nearest
            yield format_path(at + [key]), msg
        return
    if error.validator == "pattern" and schema.get("patternErrorMessage"):
        yield format_path(at), "%s (got %s)" % (schema["patternErrorMessage"], shown)
        return
    if error.validator in ("type", "enum", "const") and schema.get("errorMessage"):
        yield format_path(at), "%s (got %s)" % (schema["errorMessage"], shown)
        return
    yield format_path(at), error.message


def schema_for(path):
    """The name of the schema a file's location calls for."""
    parent = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return TARGETS_SCHEMA if parent == TARGETS_DIR else FACTSHEET_SCHEMA


def schema_mismatch(doc, name):
    """A problem when the document's "$schema" names the other known schema."""
    declared = doc.get("$schema") if isinstance(doc, dict) else None
    if not isinstance(declared, str):
        return []
    base = declared.replace("\\", "/").rsplit("/", 1)[-1]
    if base not in (FACTSHEET_SCHEMA, TARGETS_SCHEMA) or base == name:
        return []
    if name == TARGETS_SCHEMA:
        why = "a file in a %s/ directory is a target file" % TARGETS_DIR
        want = "../../schema/" + TARGETS_SCHEMA
    else:
        why = "only files in a %s/ directory are target files; this one is read as a fact " \
              "sheet" % TARGETS_DIR
        want = "../schema/" + FACTSHEET_SCHEMA
    return [("$schema", '"%s" names %s, but %s; expected "%s"' % (declared, base, why, want))]


def check_file(validators, path):
    """validators: schema name -> validator, or None -> the one for every file."""
    doc, problems = load_json(path)
    if doc is not None:
        if None in validators:
            validator = validators[None]
        else:
            name = schema_for(path)
            validator = validators[name]
            problems += schema_mismatch(doc, name)
        for error in validator.iter_errors(doc):
            problems.extend(describe(error))
    for where, msg in problems:
        print("%s: %s: %s" % (path, where, msg))
    return not problems


def load_schema(path, shown):
    """Returns a validator for the schema at path, or None after printing its problems."""
    schema, problems = load_json(path)
    if schema is not None:
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as e:
            # check_schema raises only the best match; list them all.
            meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
            for err in list(meta.iter_errors(schema)) or [e]:
                problems.append((format_path(list(err.absolute_path)), err.message))
        seen = {where for where, _ in problems}
        problems += [p for p in bad_patterns(schema, []) if p[0] not in seen]
    if problems:
        for where, msg in problems:
            print("%s: %s: %s" % (shown, where, msg))
        return None
    return Validator(schema)


def main(argv):
    ap = argparse.ArgumentParser(
        prog="schema_check",
        description="Validate fact-sheet data files and target files against their JSON Schemas.")
    ap.add_argument("--schema",
                    help="check every FILE against this schema (default: by location, "
                         "schema/targets.schema.json for files in a targets/ directory, "
                         "schema/factsheet.schema.json for the others)")
    ap.add_argument("files", nargs="+", metavar="FILE")
    args = ap.parse_args(argv)

    if args.schema:
        wanted = {None: (args.schema, args.schema)}
    else:
        wanted = {name: (os.path.join(SCHEMA_DIR, name),
                         os.path.relpath(os.path.join(SCHEMA_DIR, name)))
                  for name in (FACTSHEET_SCHEMA, TARGETS_SCHEMA)}
    validators = {}
    for key, (path, shown) in wanted.items():
        validators[key] = load_schema(path, shown)
    if None in validators.values():
        return 1

    ok = True
    for f in args.files:
        ok = check_file(validators, f) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
