"""Turns two wrk --latency reports (a baseline and a subject) into JSON lines.

usage: wrk_report.py BENCH ENGINE BASE_NAME BASE_TEXT NAME TEXT
"""
import json
import re
import sys


def parse(text):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return rate, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0


def main():
    bench, engine, base_name, base_text, name, text = sys.argv[1:7]
    base_rate, base_p99, base_err = parse(base_text)
    rate, p99, err = parse(text)
    if base_err or err:
        sys.exit(f"{bench}: non-2xx responses (baseline {base_err}, subject {err})")
    out = [
        {"metric": f"{base_name}_req_per_s", "value": round(base_rate), "unit": "1/s"},
        {"metric": f"{base_name}_p99_ms", "value": round(base_p99, 3), "unit": "ms"},
        {"metric": f"{name}_req_per_s", "value": round(rate), "unit": "1/s", "baseline": base_name,
         "baseline_value": round(base_rate), "ratio": round(rate / base_rate, 3)},
        {"metric": f"{name}_p99_ms", "value": round(p99, 3), "unit": "ms", "baseline": base_name,
         "baseline_value": round(base_p99, 3), "ratio": round(p99 / base_p99, 3) if base_p99 else None},
    ]
    for line in out:
        print(json.dumps({"bench": bench, "engine": engine, **line}))


if __name__ == "__main__":
    main()
