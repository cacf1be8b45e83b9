#!/usr/bin/python3
"""Checks a Hugging Face dataset folder the way datasets.load_dataset(DIR) would read it, without
the datasets package (not packaged by Debian): the README.md YAML header must declare
configs[].data_files and dataset_info.features; every declared file must exist; every line must
be a JSON object whose keys are exactly the declared features, each of the declared type; and
the split sizes must match. Prints one JSON summary line; exits 1 with the reason otherwise.

usage: check_hf_dataset.py DIR
"""
import json
import os
import sys

import yaml


def fail(message):
    print("check_hf_dataset: " + message, file=sys.stderr)
    sys.exit(1)


def fits(value, feature):
    if "dtype" in feature:
        dtype = feature["dtype"]
        if dtype == "string":
            return isinstance(value, str)
        if dtype == "bool":
            return isinstance(value, bool)
        if dtype == "int64":
            return isinstance(value, int) and not isinstance(value, bool)
        if dtype == "float64":
            return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
        fail("unknown dtype " + dtype)
    if "sequence" in feature:
        return isinstance(value, list) and all(fits(item, {"dtype": feature["sequence"]}) for item in value)
    if "list" in feature:
        fields = {field["name"]: field for field in feature["list"]}
        return isinstance(value, list) and all(
            isinstance(item, dict) and set(item) == set(fields) and all(fits(item[k], fields[k]) for k in item)
            for item in value)
    fail("feature without a type: " + json.dumps(feature))


def main(folder):
    with open(os.path.join(folder, "README.md"), encoding="utf-8") as card:
        text = card.read()
    if not text.startswith("---\n"):
        fail("README.md does not start with a YAML header")
    header = yaml.safe_load(text[4:text.index("\n---\n", 4)])
    features = header["dataset_info"]["features"]
    sizes = {split["name"]: split["num_examples"] for split in header["dataset_info"]["splits"]}
    rows = {}
    for config in header["configs"]:
        for data_file in config["data_files"]:
            path = os.path.join(folder, data_file["path"])
            if not os.path.isfile(path):
                fail("declared file missing: " + data_file["path"])
            count = 0
            with open(path, encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    row = json.loads(line)
                    where = "%s:%d" % (data_file["path"], number)
                    if list(row) != [feature["name"] for feature in features]:
                        fail(where + ": keys %s differ from the declared features" % list(row))
                    for feature in features:
                        if not fits(row[feature["name"]], feature):
                            fail(where + ": %s does not fit %s" % (feature["name"], json.dumps(feature)))
                    count += 1
            rows[data_file["split"]] = count
    if rows != sizes:
        fail("split sizes %s differ from the declared %s" % (rows, sizes))
    print(json.dumps({"splits": rows, "features": [feature["name"] for feature in features]}))


if __name__ == "__main__":
    main(sys.argv[1])
