/*
 * What SQLite alone needs to store a history's order lines, without restock around it
 * (Sources/PERFORMANCE.md, "What SQLite alone needs"): the floor under restock's writing thread.
 *
 * Reads the order lines of a restock store into memory, then stores them in a fresh database
 * three ways, each timed in CPU seconds for the storing alone:
 *   lines   restock's own table as of schema 8 (restock 0.8.5: its 16 columns, primary key
 *           and three partial indexes; schema 9 adds an integer order_id_width first in the key,
 *           not modelled here), 256 rows to an INSERT OR FAIL, the values bound one by one, as
 *           restock binds them;
 *   vtab    the same table filled by INSERT ... SELECT from a virtual table serving the rows
 *           held in memory (no bound parameters);
 *   orders  one row per order, its lines packed in a blob (fewer rows for the B-tree).
 *
 *   cc -O2 -o /tmp/sqlite-floor Tests/Benchmark/sqlite-floor.c -lsqlite3
 *   /tmp/sqlite-floor STORE.sqlite lines|vtab|orders [/tmp/floor.sqlite]
 *
 * STORE.sqlite: a store after `restock ingest` of a history (e.g. `restock generate --skus
 * 20000`, whose orders file lists each order's lines together, in order_id order).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char *order, *key, *sku; sqlite3_int64 day, at; double quantity, price; int cancelled; } Line;
static Line *lines; static int count; static int low, high;

static char *copy(const unsigned char *text) { return strdup(text ? (const char *)text : ""); }

static void check(int rc, sqlite3 *db, const char *what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db)); exit(1);
  }
}

/* The virtual table: rows low ..< high of `lines`, in restock's column order. */
typedef struct { sqlite3_vtab base; } Table;
typedef struct { sqlite3_vtab_cursor base; int row; } Cursor;
static int vConnect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **error) {
  int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(order_id, line_key, sku, day, at, quantity, unit_price, cancelled)");
  Table *t = sqlite3_malloc(sizeof *t); memset(t, 0, sizeof *t); *out = &t->base; return rc;
}
static int vDisconnect(sqlite3_vtab *t) { sqlite3_free(t); return SQLITE_OK; }
static int vBestIndex(sqlite3_vtab *t, sqlite3_index_info *info) { info->estimatedCost = 1; return SQLITE_OK; }
static int vOpen(sqlite3_vtab *t, sqlite3_vtab_cursor **out) {
  Cursor *c = sqlite3_malloc(sizeof *c); memset(c, 0, sizeof *c); *out = &c->base; return SQLITE_OK;
}
static int vClose(sqlite3_vtab_cursor *c) { sqlite3_free(c); return SQLITE_OK; }
static int vFilter(sqlite3_vtab_cursor *c, int n, const char *s, int argc, sqlite3_value **argv) { ((Cursor *)c)->row = low; return SQLITE_OK; }
static int vNext(sqlite3_vtab_cursor *c) { ((Cursor *)c)->row++; return SQLITE_OK; }
static int vEof(sqlite3_vtab_cursor *c) { return ((Cursor *)c)->row >= high; }
static int vColumn(sqlite3_vtab_cursor *c, sqlite3_context *context, int column) {
  Line *l = &lines[((Cursor *)c)->row];
  switch (column) {
  case 0: sqlite3_result_text(context, l->order, -1, SQLITE_STATIC); break;
  case 1: sqlite3_result_text(context, l->key, -1, SQLITE_STATIC); break;
  case 2: sqlite3_result_text(context, l->sku, -1, SQLITE_STATIC); break;
  case 3: sqlite3_result_int64(context, l->day); break;
  case 4: sqlite3_result_int64(context, l->at); break;
  case 5: sqlite3_result_double(context, l->quantity); break;
  case 6: sqlite3_result_double(context, l->price); break;
  default: sqlite3_result_int(context, l->cancelled); break;
  }
  return SQLITE_OK;
}
static int vRowid(sqlite3_vtab_cursor *c, sqlite3_int64 *rowid) { *rowid = ((Cursor *)c)->row; return SQLITE_OK; }
static sqlite3_module module = {0, vConnect, vConnect, vBestIndex, vDisconnect, vDisconnect, vOpen, vClose,
                                vFilter, vNext, vEof, vColumn, vRowid};

static const char *restockTable =
  "CREATE TABLE order_lines(order_id TEXT NOT NULL, line_key TEXT NOT NULL, sku TEXT NOT NULL, day INTEGER NOT NULL,"
  " at INTEGER, quantity REAL NOT NULL, unit_price REAL, cancelled INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 0,"
  " f_day INTEGER, f_at INTEGER, c_day INTEGER, c_at INTEGER, shipping INTEGER, shipped REAL, backordered REAL,"
  " stocked INTEGER, PRIMARY KEY(order_id, line_key)) WITHOUT ROWID;"
  "CREATE INDEX order_lines_credits ON order_lines(day) WHERE quantity < 0;"
  "CREATE INDEX order_lines_late ON order_lines(sku) WHERE quantity > 0 AND (backordered > 0 OR f_day > day"
  " OR shipped < quantity OR shipping = 0);"
  "CREATE INDEX order_lines_not_stocked ON order_lines(sku) WHERE stocked = 0;";

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: sqlite-floor STORE.sqlite lines|vtab|orders [OUT.sqlite]\n"); return 2; }
  const char *mode = argv[2], *out = argc > 3 ? argv[3] : "/tmp/floor.sqlite";
  sqlite3 *store; sqlite3_stmt *s;
  check(sqlite3_open_v2(argv[1], &store, SQLITE_OPEN_READONLY, 0), store, "open");
  check(sqlite3_prepare_v2(store, "SELECT count(*) FROM order_lines", -1, &s, 0), store, "count");
  sqlite3_step(s); int capacity = sqlite3_column_int(s, 0); sqlite3_finalize(s);
  lines = calloc(capacity, sizeof *lines);
  check(sqlite3_prepare_v2(store, "SELECT order_id, line_key, sku, day, at, quantity, unit_price, cancelled"
                           " FROM order_lines ORDER BY order_id, line_key", -1, &s, 0), store, "read");
  while (count < capacity && sqlite3_step(s) == SQLITE_ROW) {
    Line *l = &lines[count++];
    l->order = copy(sqlite3_column_text(s, 0)); l->key = copy(sqlite3_column_text(s, 1));
    l->sku = copy(sqlite3_column_text(s, 2)); l->day = sqlite3_column_int64(s, 3); l->at = sqlite3_column_int64(s, 4);
    l->quantity = sqlite3_column_double(s, 5); l->price = sqlite3_column_double(s, 6); l->cancelled = sqlite3_column_int(s, 7);
  }
  sqlite3_finalize(s); sqlite3_close(store);

  remove(out);
  sqlite3 *db; check(sqlite3_open(out, &db), db, "open out");
  check(sqlite3_exec(db, "PRAGMA page_size=16384; PRAGMA cache_size=-65536; PRAGMA journal_mode=OFF", 0, 0, 0), db, "pragmas");
  int rows = 0;
  clock_t start = clock();
  if (strcmp(mode, "lines") == 0 || strcmp(mode, "vtab") == 0) {
    check(sqlite3_exec(db, restockTable, 0, 0, 0), db, "schema");
    check(sqlite3_exec(db, "BEGIN", 0, 0, 0), db, "begin");
    const char *columns = "INSERT OR FAIL INTO order_lines(order_id, line_key, sku, day, at, quantity, unit_price,"
                          " cancelled, stocked, f_day, f_at, c_day, c_at, shipping, shipped, backordered) ";
    char *sql = malloc(256 * 40 + 512); strcpy(sql, columns);
    if (strcmp(mode, "vtab") == 0) {
      check(sqlite3_create_module(db, "held_lines", &module, 0), db, "module");
      check(sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.held USING held_lines", 0, 0, 0), db, "vtab");
      strcat(sql, "SELECT *, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM temp.held");
    } else {
      strcat(sql, "VALUES ");
      for (int i = 0; i < 256; i++) strcat(sql, i ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    }
    sqlite3_stmt *insert; check(sqlite3_prepare_v2(db, sql, -1, &insert, 0), db, "prepare");
    sqlite3_stmt *tail = 0;
    for (int i = 0; i < count; ) {
      int n = count - i < 256 ? count - i : 256;
      if (strcmp(mode, "vtab") == 0) {
        low = i; high = i + n; i += n;
        check(sqlite3_step(insert), db, "insert"); sqlite3_reset(insert); continue;
      }
      sqlite3_stmt *st = insert;
      if (n < 256) {  /* the last rows: a statement of their own size */
        char *t = malloc(n * 40 + 512); strcpy(t, columns); strcat(t, "VALUES ");
        for (int k = 0; k < n; k++) strcat(t, k ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        check(sqlite3_prepare_v2(db, t, -1, &tail, 0), db, "prepare tail"); st = tail; free(t);
      }
      for (int k = 0; k < n; k++, i++) {
        Line *l = &lines[i]; int p = k * 16;
        sqlite3_bind_text(st, p + 1, l->order, -1, SQLITE_TRANSIENT); sqlite3_bind_text(st, p + 2, l->key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, p + 3, l->sku, -1, SQLITE_TRANSIENT); sqlite3_bind_int64(st, p + 4, l->day);
        sqlite3_bind_int64(st, p + 5, l->at); sqlite3_bind_double(st, p + 6, l->quantity);
        sqlite3_bind_double(st, p + 7, l->price); sqlite3_bind_int(st, p + 8, l->cancelled);
      }
      check(sqlite3_step(st), db, "insert"); sqlite3_reset(st);
    }
    if (tail) sqlite3_finalize(tail);
    sqlite3_finalize(insert);
    rows = count;
  } else if (strcmp(mode, "orders") == 0) {
    check(sqlite3_exec(db, "CREATE TABLE orders(order_id TEXT NOT NULL PRIMARY KEY, lines BLOB NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID; BEGIN", 0, 0, 0), db, "schema");
    /* 256 orders to a statement, as restock inserts 256 lines. */
    char *sql = malloc(256 * 8 + 128); strcpy(sql, "INSERT OR FAIL INTO orders(order_id, lines) VALUES ");
    for (int k = 0; k < 256; k++) strcat(sql, k ? ",(?,?)" : "(?,?)");
    sqlite3_stmt *insert; check(sqlite3_prepare_v2(db, sql, -1, &insert, 0), db, "prepare");
    sqlite3_stmt *single; check(sqlite3_prepare_v2(db, "INSERT OR FAIL INTO orders(order_id, lines) VALUES(?, ?)", -1, &single, 0), db, "prepare");
    unsigned char *blob = malloc(1 << 20);
    int held = 0, remaining = 0;
    for (int i = 0; i < count; i++) if (i == 0 || strcmp(lines[i].order, lines[i - 1].order) != 0) remaining++;
    for (int i = 0; i < count; ) {
      int size = 0, j = i;
      for (; j < count && strcmp(lines[j].order, lines[i].order) == 0 && size < (1 << 20) - 256; j++) {
        Line *l = &lines[j]; int nk = strlen(l->key), ns = strlen(l->sku);
        blob[size++] = nk; memcpy(blob + size, l->key, nk); size += nk;
        blob[size++] = ns; memcpy(blob + size, l->sku, ns); size += ns;
        memcpy(blob + size, &l->day, 4); size += 4; memcpy(blob + size, &l->at, 8); size += 8;
        memcpy(blob + size, &l->quantity, 8); size += 8; memcpy(blob + size, &l->price, 8); size += 8;
        blob[size++] = l->cancelled;
      }
      /* The last orders, fewer than 256, one statement each. */
      sqlite3_stmt *st = remaining - held < 256 && held == 0 ? single : insert;
      int p = st == single ? 0 : held * 2;
      sqlite3_bind_text(st, p + 1, lines[i].order, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob(st, p + 2, blob, size, SQLITE_TRANSIENT);
      if (st == single) { check(sqlite3_step(st), db, "insert"); sqlite3_reset(st); remaining--; }
      else if (++held == 256) { check(sqlite3_step(st), db, "insert"); sqlite3_reset(st); remaining -= 256; held = 0; }
      rows++; i = j;
    }
    sqlite3_finalize(insert); sqlite3_finalize(single);
  } else { fprintf(stderr, "mode: lines, vtab or orders\n"); return 2; }
  check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
  double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
  printf("%s: %d order lines as %d rows, %.2f s of CPU to store them\n", mode, count, rows, seconds);
  sqlite3_close(db);
  return 0;
}
