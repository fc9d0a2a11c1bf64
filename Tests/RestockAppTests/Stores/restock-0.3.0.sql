-- A store made by restock 0.3.0 (schema 4, before ingests.format): in the folder restock-0.3.0-data,
-- its files' modification time set to 2026-11-26 00:00:00 UTC, `restock run --data . --as-of 2026-11-14`;
-- then `sqlite3 restock.sqlite .dump`, with the folder's paths written as /data. StoreUpgradeTests reads it.
PRAGMA user_version = 4;
PRAGMA application_id = 1381192779;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO meta VALUES('time_zone','UTC');
CREATE TABLE runs(
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    as_of TEXT,
    settings TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT 'running',
    message TEXT);
INSERT INTO runs VALUES(1,'run',1494,'2026-12-03T06:14:45.298Z','2026-12-03T06:14:45.388Z','2026-11-14','{"as_of":"2026-11-14","data":"\/data","db":"\/data\/restock.sqlite","email":"","lead_time_days":"14","order_cover_days":"30","out":"\/data\/R","reload":"false","replay":"false","service_level":"0.95","time_zone":"UTC","top":"50","window_days":"365"}','success',NULL);
CREATE TABLE stages(
    run_id INTEGER NOT NULL REFERENCES runs(id),
    name TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    seconds REAL,
    rows INTEGER,
    outcome TEXT NOT NULL,
    PRIMARY KEY(run_id, name));
INSERT INTO stages VALUES(1,'ingest','2026-12-03T06:14:45.298Z','2026-12-03T06:14:45.337Z',0.039088964462280273437,10,'success');
INSERT INTO stages VALUES(1,'read','2026-12-03T06:14:45.338Z','2026-12-03T06:14:45.347Z',0.0052708387374877929687,2,'success');
INSERT INTO stages VALUES(1,'compute','2026-12-03T06:14:45.339Z','2026-12-03T06:14:45.347Z',0.0017246007919311523437,2,'success');
INSERT INTO stages VALUES(1,'report','2026-12-03T06:14:45.347Z','2026-12-03T06:14:45.387Z',0.039773702621459960937,5,'success');
CREATE TABLE ingests(
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id),
    file TEXT NOT NULL,
    path TEXT NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    modified_ns INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    unchanged_of INTEGER REFERENCES ingests(id),
    rows_read INTEGER NOT NULL,
    rows_new INTEGER NOT NULL,
    rows_replaced INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    ingested_at TEXT NOT NULL);
INSERT INTO ingests VALUES(1,1,'orders-shopify.csv','/data/orders-shopify.csv','orders',354,1795651200000000000,'c1:a7d6f47ddb2c034c',NULL,3,3,0,0,0,'2026-12-03T06:14:45Z');
INSERT INTO ingests VALUES(2,1,'orders.csv','/data/orders.csv','orders',211,1795651200000000000,'c1:085aa072bbc76816',NULL,5,4,0,0,1,'2026-12-03T06:14:45Z');
INSERT INTO ingests VALUES(3,1,'products.csv','/data/products.csv','products',135,1795651200000000000,'c1:d11e089dabcb2934',NULL,2,2,0,0,0,'2026-12-03T06:14:45Z');
CREATE TABLE rejects(
    ingest_id INTEGER NOT NULL REFERENCES ingests(id),
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    column_name TEXT NOT NULL,
    value TEXT NOT NULL,
    reason TEXT NOT NULL, code TEXT NOT NULL DEFAULT '');
INSERT INTO rejects VALUES(2,'orders.csv',6,'quantity','0','quantity must be a number other than 0, got "0"','bad_number:non_zero');
CREATE TABLE order_lines(
    order_id TEXT NOT NULL,
    line_key TEXT NOT NULL,
    sku TEXT NOT NULL,
    day INTEGER NOT NULL,
    at INTEGER,
    quantity REAL NOT NULL,
    unit_price REAL,
    cancelled INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(order_id, line_key)) WITHOUT ROWID;
INSERT INTO order_lines VALUES('#1001','TASSE','TASSE',20768,1794384900000000,2.0,12.5,0,0);
INSERT INTO order_lines VALUES('#1001','TELLER','TELLER',20768,1794384900000000,1.0,3.0,0,0);
INSERT INTO order_lines VALUES('#1002','TASSE','TASSE',20770,1794584400000000,1.0,12.5,1,0);
INSERT INTO order_lines VALUES('1','1','TASSE',20759,NULL,3.0,12.5,0,0);
INSERT INTO order_lines VALUES('1','2','TELLER',20759,NULL,2.0,3.0,0,0);
INSERT INTO order_lines VALUES('2','1','TASSE',20762,NULL,4.0,12.5,0,0);
INSERT INTO order_lines VALUES('C2','1','TASSE',20766,NULL,-1.0,12.5,0,0);
CREATE TABLE backorders(
    key TEXT NOT NULL PRIMARY KEY,
    order_id TEXT NOT NULL,
    sku TEXT NOT NULL,
    quantity REAL NOT NULL,
    b_day INTEGER NOT NULL,
    b_at INTEGER,
    f_day INTEGER,
    f_at INTEGER,
    c_day INTEGER,
    c_at INTEGER,
    version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE products(
    sku TEXT NOT NULL PRIMARY KEY,
    name TEXT, category TEXT, supplier TEXT,
    unit_cost REAL, unit_price REAL, on_hand REAL, on_order REAL,
    reorder_point REAL, order_quantity REAL, lead_time_days REAL,
    service_level REAL, case_pack INTEGER,
    version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
INSERT INTO products VALUES('TASSE','Tasse blau',NULL,NULL,4.2000000000000001776,12.5,14.0,0.0,NULL,NULL,10.0,NULL,NULL,0);
INSERT INTO products VALUES('TELLER','Teller weiss',NULL,NULL,1.1000000000000000888,3.0,30.0,0.0,NULL,NULL,7.0,NULL,NULL,0);
CREATE TABLE receipts(
    po_id TEXT NOT NULL,
    sku TEXT NOT NULL,
    supplier TEXT,
    o_day INTEGER NOT NULL,
    o_at INTEGER,
    r_day INTEGER NOT NULL,
    r_at INTEGER,
    quantity REAL,
    version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(po_id, sku)) WITHOUT ROWID;
CREATE TABLE run_results(
    run_id INTEGER NOT NULL REFERENCES runs(id),
    sku TEXT NOT NULL,
    reorder_point REAL NOT NULL,
    reorder_point_increase REAL NOT NULL,
    order_now_units REAL,
    revenue_at_risk REAL NOT NULL,
    recommended INTEGER NOT NULL,
    PRIMARY KEY(run_id, sku)) WITHOUT ROWID;
INSERT INTO run_results VALUES(1,'TASSE',20.0,20.0,25.0,1347.5461071428571813,1);
INSERT INTO run_results VALUES(1,'TELLER',6.0,6.0,0.0,77.10624999999998863,1);
CREATE TABLE sku_days(
    block INTEGER NOT NULL,
    sku TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY(block, sku)) WITHOUT ROWID;
INSERT INTO sku_days VALUES(324,'TASSE',X'01170100000001000000000000000000084000000000000029401a01000000010000000000000000001040000000000000294020010000000100000000000000000000400000000000002940');
INSERT INTO sku_days VALUES(324,'TELLER',X'0117010000000100000000000000000000400000000000000840200100000001000000000000000000f03f0000000000000840');
CREATE TABLE sku_events(
    sku TEXT NOT NULL PRIMARY KEY,
    data BLOB NOT NULL);
CREATE INDEX ingests_file ON ingests(file, size, modified_ns);
CREATE INDEX rejects_ingest ON rejects(ingest_id);
CREATE INDEX backorders_order ON backorders(order_id, sku);
CREATE INDEX order_lines_credits ON order_lines(day) WHERE quantity < 0;
COMMIT;
