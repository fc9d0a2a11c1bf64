#!/usr/bin/env bash
# Prints the SQL of the yardstick that bench.sh and instructions.sh run with the sqlite3 shell:
# `sqlite3 .import` of the four history files in HISTORY_DIR into tables keyed as restock keys
# them, every column as text (README, "Performance").
#
#   Tests/Benchmark/yardstick-sql.sh HISTORY_DIR > import.sql
set -euo pipefail
history="${1:?usage: yardstick-sql.sh HISTORY_DIR}"
head -1 "$history/orders.csv" | grep -qx 'order_id,line_id,ordered_at,sku,quantity,unit_price,status' \
  || { echo "yardstick-sql.sh: $history/orders.csv's columns are not the generator's; the yardstick's tables would not fit" >&2; exit 2; }
cat <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE orders(order_id, line_id, ordered_at, sku, quantity, unit_price, status,
  PRIMARY KEY(order_id, line_id)) WITHOUT ROWID;
CREATE TABLE backorders(backorder_id PRIMARY KEY, order_id, sku, quantity, backordered_at, fulfilled_at, cancelled_at) WITHOUT ROWID;
CREATE TABLE products(sku PRIMARY KEY, name, category, supplier, unit_cost, unit_price, case_pack, service_level,
  lead_time_days, reorder_point, order_quantity, on_hand, on_order) WITHOUT ROWID;
CREATE TABLE receipts(po_id, sku, supplier, ordered_at, received_at, quantity, PRIMARY KEY(po_id, sku)) WITHOUT ROWID;
.import --csv --skip 1 $history/orders.csv orders
.import --csv --skip 1 $history/backorders.csv backorders
.import --csv --skip 1 $history/products.csv products
.import --csv --skip 1 $history/receipts.csv receipts
SQL
