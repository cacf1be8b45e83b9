#!/usr/bin/python3
"""Label Studio's legacy SDK and the seed scripts, replayed over HTTP against a real `quorum serve`.

label-studio-sdk cannot be installed here (no PyPI), so this test makes, with Debian's
python3-requests, the requests the SDK 0.0.x `Client` and `Project` make (label_studio_sdk/
client.py and project.py: get_versions, check_connection, start_project, import_tasks from a
list and from a file, get_tasks, create_prediction, create_predictions, export_tasks, get_project, list_projects,
delete_project), then does what the scripts of shared/seeds/000 and 001 do with the export.

Usage: ls_api_e2e.py QUORUM_BINARY DATA_DIR FRESH_DATABASE
  DATA_DIR holds labelstudio/seed_00*.xml; FRESH_DATABASE is tests/quorum_test_database, which
  prints a fresh database URL (SQLite, or PostgreSQL when QUORUM_TEST_POSTGRES is set).
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter

import requests

QUORUM, DATA, FRESH_DATABASE = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(db, *args):
    out = subprocess.run([QUORUM, "--db", db, *args], check=True, capture_output=True, text=True)
    return out.stdout.strip()


class Sdk:
    """The legacy SDK's request layer: Token auth, raise_for_status on every call."""

    def __init__(self, url, api_key):
        self.url = url.rstrip("/")
        self.session = requests.Session()
        self.headers = {"Authorization": f"Token {api_key}"}
        self.versions = self.make_request("GET", "/api/version").json()  # Client.__init__
        self.is_enterprise = "label-studio-enterprise-backend" in self.versions

    def make_request(self, method, url, *args, raise_exceptions=True, **kwargs):
        response = self.session.request(method, f"{self.url}/{url.lstrip('/')}", *args, headers=self.headers,
                                        timeout=(10, 180), **kwargs)
        if raise_exceptions:
            response.raise_for_status()
        return response

    def check_connection(self):
        return self.make_request("GET", "/health").json()

    def start_project(self, **kwargs):
        response = self.make_request("POST", "/api/projects", json=kwargs)
        if response.status_code != 201:
            raise RuntimeError("Project not created")
        return response.json()

    def import_tasks(self, project_id, tasks):
        params = {"return_task_ids": "1"}
        if isinstance(tasks, (list, dict)):
            response = self.make_request("POST", f"/api/projects/{project_id}/import", json=tasks, params=params)
        else:
            with open(tasks, mode="rb") as f:
                response = self.make_request("POST", f"/api/projects/{project_id}/import", files={"file": f}, params=params)
        return response.json()["task_ids"]

    def get_tasks(self, project_id):
        page, result = 1, []
        while True:
            query = {"filters": None, "ordering": [], "selectedItems": {"all": True, "excluded": []}}
            params = {"project": project_id, "page": page, "page_size": 100, "view": None,
                      "query": json.dumps(query), "fields": "all"}
            try:
                data = self.make_request("GET", "/api/tasks", params).json()
            except requests.HTTPError:  # "we'll get 404 from API on empty page"
                break
            result += data["tasks"]
            page += 1
        return result

    def create_prediction(self, task_id, result, score=0, model_version=None):
        data = {"task": task_id, "result": result, "score": score}
        if model_version is not None:
            data["model_version"] = model_version
        return self.make_request("POST", "/api/predictions", json=data).json()

    def get_task(self, task_id):
        return self.make_request("GET", f"/api/tasks/{task_id}").json()

    def create_predictions(self, project_id, predictions):
        return self.make_request("POST", f"/api/projects/{project_id}/import/predictions", json=predictions).json()

    def export_tasks(self, project_id, export_type="JSON", download_all_tasks=False):
        params = {"exportType": export_type, "download_all_tasks": download_all_tasks, "download_resources": False}
        return self.make_request("GET", f"/api/projects/{project_id}/export", params=params).json()

    def get_project(self, project_id):
        return self.make_request("GET", f"/api/projects/{project_id}").json()

    def list_projects(self):
        return self.make_request("GET", "/api/projects", params={"page_size": 10000000}).json()["results"]

    def delete_project(self, project_id):
        return self.make_request("DELETE", f"/api/projects/{project_id}/")


def annotate(url, key, task_id, result, **extra):
    response = requests.post(f"{url}/api/tasks/{task_id}/annotations/", json={"result": result, **extra},
                             headers={"Authorization": f"Token {key}"}, timeout=30)
    check(response.status_code == 201, f"annotation of task {task_id}: {response.status_code} {response.text}")
    return response.json()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seed_000_pairwise(url, manager, annotator):
    """shared/seeds/000: the pairwise template, tasks, export, chosen/rejected pairs."""
    ls = Sdk(url, manager)
    check(not ls.is_enterprise, "the SDK must not take Quorum for Enterprise")
    check(ls.check_connection() == {"status": "UP"}, "check_connection")
    with open(os.path.join(DATA, "labelstudio", "seed_000_pairwise.xml")) as f:
        label_config = f.read()
    project = ls.start_project(title="RLHF Preference Collection", label_config=label_config)
    check(project["title"] == "RLHF Preference Collection", "project title")
    check(project["label_config"] == label_config, "label_config kept verbatim")

    prompts = [f"Explain topic {n}" for n in range(1, 6)]
    tasks = [{"data": {"prompt": p, "response_a": f"A: {p}", "response_b": f"B: {p}"}} for p in prompts]
    task_ids = ls.import_tasks(project["id"], tasks[:3])
    check(len(task_ids) == 3, f"3 task ids from a list, got {task_ids}")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(tasks[3:], f)
    task_ids += ls.import_tasks(project["id"], f.name)
    os.unlink(f.name)
    check(len(task_ids) == 5 and len(set(task_ids)) == 5, f"5 distinct task ids, got {task_ids}")

    listed = ls.get_tasks(project["id"])
    check([t["id"] for t in listed] == task_ids, "get_tasks returns every task in import order")
    check([t["data"]["prompt"] for t in listed] == prompts, "task data")
    check(ls.get_project(project["id"])["task_number"] == 5, "task_number")

    prediction = ls.create_prediction(task_ids[0], [{"from_name": "pref", "to_name": "prompt,response_a,response_b",
                                                      "type": "pairwise", "value": {"selected": "left"}}],
                                      score=0.8, model_version="claude-haiku")
    check(prediction["model_version"] == "claude-haiku" and prediction["score"] == 0.8, "prediction created")
    created = ls.create_predictions(project["id"], [
        {"task": task_id, "result": [{"from_name": "pref", "to_name": "pref", "type": "pairwise",
                                      "value": {"selected": "right"}}], "score": 0.6, "model_version": "rm-7b"}
        for task_id in task_ids[1:3]])
    check(created == {"created": 2}, f"create_predictions: {created}")
    check([p["model_version"] for p in ls.get_task(task_ids[1])["predictions"]] == ["rm-7b"], "predictions imported")

    # Annotators choose in the UI; here over the API: left, right, left; task 4 skipped, task 5 untouched.
    for task_id, side in zip(task_ids[:3], ["left", "right", "left"]):
        annotate(url, annotator, task_id, [{"from_name": "pref", "to_name": "pref", "type": "pairwise",
                                            "value": {"selected": side}}], lead_time=4.2)
    annotate(url, annotator, task_ids[3], [], was_cancelled=True)

    annotations = ls.export_tasks(project["id"], export_type="JSON")
    check(len(annotations) == 3, f"the JSON export holds the 3 annotated tasks, got {len(annotations)}")
    # The seed's own list comprehension, verbatim in substance: it must not raise.
    preference_pairs = [
        {
            "prompt": t["data"]["prompt"],
            "chosen": t["data"]["response_a"] if t["annotations"][0]["result"][0]["value"]["selected"] == "left" else t["data"]["response_b"],
            "rejected": t["data"]["response_b"] if t["annotations"][0]["result"][0]["value"]["selected"] == "left" else t["data"]["response_a"],
        }
        for t in annotations if t["annotations"]
    ]
    expected = [
        {"prompt": prompts[0], "chosen": f"A: {prompts[0]}", "rejected": f"B: {prompts[0]}"},
        {"prompt": prompts[1], "chosen": f"B: {prompts[1]}", "rejected": f"A: {prompts[1]}"},
        {"prompt": prompts[2], "chosen": f"A: {prompts[2]}", "rejected": f"B: {prompts[2]}"},
    ]
    check(preference_pairs == expected, f"chosen/rejected pairs: {preference_pairs}")
    check(annotations[0]["annotations"][0]["lead_time"] == 4.2, "lead_time")
    check(annotations[0]["predictions"][0]["result"][0]["value"]["selected"] == "left", "prediction exported")

    everything = ls.export_tasks(project["id"], export_type="JSON", download_all_tasks=True)
    check(len(everything) == 5, f"download_all_tasks=True exports all 5, got {len(everything)}")
    skipped = [t for t in everything if t["id"] == task_ids[3]][0]
    check(skipped["annotations"][0]["was_cancelled"] is True, "a skip exports as cancelled")
    check(all(a["result"] for t in everything for a in t["annotations"] if not a["was_cancelled"]),
          "no submitted annotation has an empty result")
    return project["id"]


def seed_001_five_point(url, manager, annotators):
    """shared/seeds/001: the 5-point preference template with predictions, three annotators per
    task, export, majority vote with 60% agreement into chosen/rejected pairs."""
    ls = Sdk(url, manager)
    with open(os.path.join(DATA, "labelstudio", "seed_001_preference.xml")) as f:
        label_config = f.read()
    project = ls.start_project(title="LLM Response Preference Ranking",
                               description="Pairwise comparison of model responses for RLHF training",
                               label_config=label_config, maximum_annotations=3)
    check(project["maximum_annotations"] == 3, "maximum_annotations")
    tasks = [{"data": {"prompt": f"Question {n}", "response_a": f"first answer {n}", "response_b": f"second answer {n}"},
              "predictions": [{"model_version": "gpt-4o-preliminary", "score": 0.73,
                               "result": [{"from_name": "preference", "to_name": "prompt", "type": "choices",
                                           "value": {"choices": ["response_b_slightly_better"]}}]}]}
             for n in range(1, 5)]
    task_ids = ls.import_tasks(project["id"], tasks)
    check(len(task_ids) == 4, "4 tasks imported")
    check(ls.get_project(project["id"])["total_predictions_number"] == 4, "4 predictions")

    def choice(label, rating=None):
        result = [{"from_name": "preference", "to_name": "prompt", "type": "choices", "value": {"choices": [label]}}]
        if rating is not None:
            result.append({"from_name": "helpfulness", "to_name": "prompt", "type": "rating", "value": {"rating": rating}})
        return result

    votes = {  # task index -> the three annotators' choices
        0: ["response_a_much_better", "response_a_slightly_better", "response_b_slightly_better"],  # A, 2/3
        1: ["response_b_much_better", "response_b_much_better", "response_b_slightly_better"],      # B, 3/3
        2: ["tie", "tie", "response_a_slightly_better"],                                            # ties win: skipped
        3: ["response_a_slightly_better", "response_b_slightly_better", "tie"],                     # 1/3: skipped
    }
    for index, labels in votes.items():
        for key, label in zip(annotators, labels):
            annotate(url, key, task_ids[index], choice(label, rating=4))

    export = ls.export_tasks(project["id"], export_type="JSON")
    check(len(export) == 4, "4 annotated tasks exported")
    check(all(len(t["annotations"]) == 3 for t in export), "three annotations per task")
    check(all(t["predictions"][0]["model_version"] == "gpt-4o-preliminary" for t in export), "predictions kept")

    pairs = []
    for t in export:
        counts = Counter(a["result"][0]["value"]["choices"][0] for a in t["annotations"] if not a["was_cancelled"])
        a_votes = counts["response_a_much_better"] + counts["response_a_slightly_better"]
        b_votes = counts["response_b_much_better"] + counts["response_b_slightly_better"]
        total = a_votes + b_votes + counts["tie"]
        if total == 0 or counts["tie"] > a_votes + b_votes or max(a_votes, b_votes) / total < 0.6:
            continue
        a_wins = a_votes > b_votes
        pairs.append({"prompt": t["data"]["prompt"],
                      "chosen": t["data"]["response_a" if a_wins else "response_b"],
                      "rejected": t["data"]["response_b" if a_wins else "response_a"],
                      "agreement_ratio": round(max(a_votes, b_votes) / total, 3)})
    expected = [{"prompt": "Question 1", "chosen": "first answer 1", "rejected": "second answer 1", "agreement_ratio": 0.667},
                {"prompt": "Question 2", "chosen": "second answer 2", "rejected": "first answer 2", "agreement_ratio": 1.0}]
    check(pairs == expected, f"5-point pairs: {pairs}")

    helpfulness = [r["value"]["rating"] for t in export for a in t["annotations"] for r in a["result"]
                   if r["from_name"] == "helpfulness"]
    check(helpfulness == [4] * 12, "ratings exported")
    return project["id"]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = subprocess.run([FRESH_DATABASE, tmp, "ls.db"], check=True, capture_output=True, text=True).stdout.strip()
        run(db, "init", "--email", "admin@localhost", "--password", "admin-password-1")
        manager = run(db, "token", "create", "--email", "admin@localhost")
        annotators = []
        for n in range(1, 4):
            run(db, "user", "add", "--email", f"ann{n}@example.org", "--role", "annotator")
            annotators.append(run(db, "token", "create", "--email", f"ann{n}@example.org"))
        port = free_port()
        server = subprocess.Popen([QUORUM, "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):  # waits for the listener; not a timing assertion
                try:
                    requests.get(f"{url}/health", timeout=1)
                    break
                except requests.ConnectionError:
                    time.sleep(0.05)
            first = seed_000_pairwise(url, manager, annotators[0])
            second = seed_001_five_point(url, manager, annotators)

            ls = Sdk(url, manager)
            listed = ls.list_projects()
            check([p["id"] for p in listed] == [second, first], f"list_projects, newest first: {[p['id'] for p in listed]}")
            who = ls.make_request("GET", "/api/current-user/whoami").json()
            check(who["email"] == "admin@localhost", "whoami")
            check(Sdk(url, annotators[0]).list_projects() != [], "annotators see their workspace's projects")
            refused = requests.post(f"{url}/api/projects", json={"title": "x", "label_config": "<View/>"},
                                    headers={"Authorization": f"Token {annotators[0]}"}, timeout=30)
            check(refused.status_code == 403 and "detail" in refused.json(), "annotators cannot create projects")
            check(ls.delete_project(first).status_code == 204, "delete_project")
            check([p["id"] for p in ls.list_projects()] == [second], "the deleted project is gone")
        finally:
            server.terminate()
            server.wait(timeout=30)
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    print("all Label Studio SDK calls and seed scripts passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
