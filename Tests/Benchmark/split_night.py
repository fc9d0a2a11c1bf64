#!/usr/bin/env python3
"""Split a generated data folder into "history up to the night before" and "the last night's drop".

    split_night.py DATA LAST_DAY HISTORY_DIR NIGHT_DIR

History gets every order line ordered before LAST_DAY, every receipt received before it, and
every backorder opened before it, with a fulfilled_at/cancelled_at on LAST_DAY blanked (it
was still open the night before). The night folder gets orders-LAST_DAY.csv,
backorders-LAST_DAY.csv (rows opened or closed on LAST_DAY, in their final state) and
receipts-LAST_DAY.csv, plus a fresh products export (products-LAST_DAY.csv). Dates are
compared on their first 10 characters, which is the calendar day for the generator's UTC
and +01:00 stamps except around midnight (close enough for a benchmark split).
"""
import csv, os, sys

data, last, hist, night = sys.argv[1:5]
os.makedirs(hist, exist_ok=True)
os.makedirs(night, exist_ok=True)

def split(name, is_night, history_row=lambda r, h: r):
    with open(os.path.join(data, name), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        base = name[:-4]
        with open(os.path.join(hist, name), "w", newline="", encoding="utf-8") as h, \
             open(os.path.join(night, f"{base}-{last}.csv"), "w", newline="", encoding="utf-8") as n:
            hw, nw = csv.writer(h, lineterminator="\n"), csv.writer(n, lineterminator="\n")
            hw.writerow(header); nw.writerow(header)
            idx = {c: i for i, c in enumerate(header)}
            for row in reader:
                if is_night(row, idx):
                    nw.writerow(row)
                    kept = history_row(row, idx)
                    if kept is not None:
                        hw.writerow(kept)
                else:
                    hw.writerow(row)

split("orders.csv", lambda r, i: r[i["ordered_at"]][:10] >= last, lambda r, i: None)
split("receipts.csv", lambda r, i: r[i["received_at"]][:10] >= last, lambda r, i: None)

def backorder_history(r, i):
    if r[i["backordered_at"]][:10] >= last:
        return None
    r = list(r)
    for c in ("fulfilled_at", "cancelled_at"):
        if r[i[c]][:10] >= last:
            r[i[c]] = ""
    return r

split("backorders.csv",
      lambda r, i: max(r[i["backordered_at"]][:10], r[i["fulfilled_at"]][:10], r[i["cancelled_at"]][:10]) >= last,
      backorder_history)
with open(os.path.join(data, "products.csv"), "rb") as src:
    body = src.read()
for target in (os.path.join(hist, "products.csv"), os.path.join(night, f"products-{last}.csv")):
    with open(target, "wb") as out:
        out.write(body)
