"""Turns wrk --latency reports of a baseline and a subject, run alternately in the
same session, into JSON lines (medians over the rounds; the shared machine is noisy).

usage: wrk_report.py BENCH ENGINE BASE_NAME NAME DIR
DIR holds base-N.txt and subject-N.txt for rounds N = 1, 2, ...
"""
import json
import pathlib
import re
import statistics
import sys


def parse(text):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", text)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return rate, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0


def medians(paths):
    runs = [parse(p.read_text()) for p in sorted(paths)]
    if any(r[2] for r in runs):
        sys.exit(f"non-2xx responses in {', '.join(map(str, paths))}")
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), len(runs)


def main():
    bench, engine, base_name, name, folder = sys.argv[1:6]
    folder = pathlib.Path(folder)
    base_rate, base_p99, rounds = medians(folder.glob("base-*.txt"))
    rate, p99, _ = medians(folder.glob("subject-*.txt"))
    common = {"bench": bench, "engine": engine, "rounds": rounds}
    lines = [
        {"metric": f"{base_name}_req_per_s", "value": round(base_rate), "unit": "1/s"},
        {"metric": f"{base_name}_p99_ms", "value": round(base_p99, 3), "unit": "ms"},
        {"metric": f"{name}_req_per_s", "value": round(rate), "unit": "1/s", "baseline": base_name,
         "baseline_value": round(base_rate), "ratio": round(rate / base_rate, 3)},
        {"metric": f"{name}_p99_ms", "value": round(p99, 3), "unit": "ms", "baseline": base_name,
         "baseline_value": round(base_p99, 3), "ratio": round(p99 / base_p99, 3) if base_p99 else None},
    ]
    for line in lines:
        print(json.dumps({**common, **line}))


if __name__ == "__main__":
    main()
