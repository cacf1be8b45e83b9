"""Reads `quorum export --format csv` with Python's csv module and checks it against the
native JSON Lines export of the same project: one row per record, every field's value, and per
question the number of submitted answers, the majority answer and its share.

    check_csv_export.py EXPORT.csv EXPORT.jsonl

Prints {"rows": N, "questions": [...]} and exits 0, or prints the mismatches and exits 1.
"""
import collections
import csv
import json
import sys


def main(csv_path, jsonl_path):
    with open(jsonl_path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    with open(csv_path, encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    problems = []
    if len(rows) != len(records):
        problems.append(f"{len(rows)} CSV rows for {len(records)} records")
    header = list(rows[0].keys()) if rows else []
    questions = [column[: -len("_answers")] for column in header if column.endswith("_answers")]
    # Questions without a scale (text, spans, ...) have no majority column: their agreement is
    # empty in every row.
    scaled = {question for question in questions if any(row[question + "_agreement"] for row in rows)}
    for row, record in zip(rows, records):
        where = f"record {record.get('id')}"
        if row["external_id"] != record.get("id", ""):
            problems.append(f"{where}: external_id {row['external_id']!r}")
        for name, value in record["fields"].items():
            cell = row.get(name)
            got = cell if isinstance(value, str) else json.loads(cell)
            if got != value:
                problems.append(f"{where}: field {name}: {cell!r} != {value!r}")
        for question in questions:
            answers = [r["values"][question] for r in record.get("responses", [])
                       if r.get("status") == "submitted" and r.get("values", {}).get(question) is not None]
            if int(row[question + "_answers"]) != len(answers):
                problems.append(f"{where}: {question}_answers {row[question + '_answers']} != {len(answers)}")
            if question not in scaled or not answers:
                continue
            counts = collections.Counter(str(answer) for answer in answers).most_common()
            top, top_votes = counts[0]
            shared = len(counts) > 1 and counts[1][1] == top_votes
            if row[question] != ("" if shared else top):
                problems.append(f"{where}: {question} {row[question]!r}, majority {top!r} (shared: {shared})")
            if abs(float(row[question + "_agreement"]) - top_votes / len(answers)) > 1e-12:
                problems.append(f"{where}: {question}_agreement {row[question + '_agreement']}")
    if problems:
        print("\n".join(problems[:20]))
        return 1
    print(json.dumps({"rows": len(rows), "questions": questions}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
