--TEST--
sqzgraph on a database Store (store_dsn on SQLite): before store-init every command says to run it (exit 2); store-init creates the table (again: no change); authorize, status, refresh-tokens, test-connection and import work; two mailboxes share the table under their store_namespace; the records are rows a PdoStore in PHP reads; store-schema prints the DDL
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\PdoStore') || !class_exists('SqzGraph\Importer')) die('skip SqzGraph\PdoStore / Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$db = "$dir/squeeze.db";
$cc = ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN];
// relative sqlite path: relative to the INI file, like every path in it
$del = cli_ini($t, $dir, 'del', ['store_dir' => null, 'store_dsn' => 'sqlite:squeeze.db', 'store_namespace' => 'delegated']);
$app = cli_ini($t, $dir, 'app', ['store_dir' => null, 'store_dsn' => "sqlite:$db", 'store_namespace' => ADMIN] + $cc);
$show = function (string $label, array $args, ?callable $filter = null) use ($dir, $t): int {
    [$rc, $out, $err] = cli($args);
    $text = cli_norm($out . $err, $dir, $t);
    $text = preg_replace(['/ in [\d.]+ s( \([\d.]+ messages\/s\))?/', '/request-id [0-9a-f-]{36}/'], [' in N s', 'request-id RID'], $text);
    echo "$label: exit $rc\n", $filter !== null ? $filter($text) : $text;
    return $rc;
};

echo "--- before store-init\n";
$show('status', ['status', '--config', $del]);
$show('import', ['import', '--config', $app, '--target', "$dir/out"]);
$show('refresh-tokens', ['refresh-tokens', '--config', $del, '--config', $app]);
echo "--- store-init, twice\n";
$show('store-init', ['store-init', '--config', $del, '--config', $app]);
$show('store-init again', ['store-init', '--config', $app]);
echo "--- delegated: authorize, status\n";
[$rc, $url] = cli(['authorize', '--config', $del, '--print-url']);
$show('authorize', ['authorize', '--config', $del, '--redirect', $t->authorizeAuto(trim($url))],
    fn ($s) => preg_replace('/^(expires|refresh token valid until): .*$/m', '$1: …', $s));
$show('status', ['status', '--config', $del], fn ($s) => implode("\n", preg_grep('/^(store|authorized|account):/', explode("\n", $s))) . "\n");
echo "--- client_credentials: test-connection, import\n";
$show('test-connection', ['test-connection', '--config', $app], fn ($s) => preg_replace('/^(\S+)\s+(ok|FAIL)\s.*$/m', '$1 $2', $s));
$show('import', ['import', '--config', $app, '--target', "$dir/out"]);
echo 'directories: ', count(glob("$dir/out/*", GLOB_ONLYDIR)), ', exported: ', count($t->messagesIn(ADMIN, 'Exported')), "\n";
$show('refresh-tokens', ['refresh-tokens', '--config', $del, '--config', $app, '--parallel', '2']);
echo "--- the rows\n";
$pdo = new PDO("sqlite:$db", null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
foreach ($pdo->query('SELECT ns, k FROM sqzgraph_store ORDER BY ns, k')->fetchAll(PDO::FETCH_NUM) as [$ns, $k]) {
    echo "  $ns | ", preg_replace('/^(import:|pending:)[0-9a-f]{64}$/', '$1HASH', $k), "\n";
}
$store = new SqzGraph\PdoStore($pdo, ['namespace' => 'delegated']);
$auth = new SqzGraph\Authenticator(new SqzGraph\Config(sqz_options($t)), $store);
echo 'a PdoStore in PHP, namespace delegated: authorized ', json_encode($auth->status()->authorized), "\n";
echo "--- store-schema\n";
[$rc, $out] = cli(['store-schema', 'sqlite']);
echo "sqlite: $rc ", json_encode($out === SqzGraph\PdoStore::schema('sqlite') . "\n"), "\n";
[$rc, $out] = cli(['store-schema', 'pgsql', 'squeeze.sqzgraph_mail']);
echo "pgsql squeeze.sqzgraph_mail: $rc ", json_encode($out === SqzGraph\PdoStore::schema('pgsql', 'squeeze.sqzgraph_mail') . "\n"), "\n";
[$rc, $out] = cli(['store-schema', '--config', $app]);
echo "--config: $rc ", json_encode($out === SqzGraph\PdoStore::schema('sqlite') . "\n"), "\n";
foreach ([['store-schema'], ['store-schema', 'oracle'], ['store-schema', 'pgsql', 'bad name'], ['store-schema', 'pgsql', 'a', 'b'],
    ['store-schema', '--config', cli_ini($t, $dir, 'filestore')]] as $args) {
    [$rc, $out, $err] = cli($args);
    echo cli_norm(implode(' ', array_slice($args, 1)), $dir) ?: '(nothing)', ": $rc ", cli_norm(trim($out . $err), $dir), "\n";
}
?>
--EXPECT--
--- before store-init
status: exit 2
sqzgraph: PdoStore (sqlite, table "sqzgraph_store"): get of record 'token' failed: SQLSTATE[HY000]: no such table: sqzgraph_store; the table does not exist: run `sqzgraph store-init --config DIR/del.ini` (or apply the SQL `sqzgraph store-schema --config DIR/del.ini` prints)
import: exit 2
sqzgraph: PdoStore (sqlite, table "sqzgraph_store"): get of record 'import.throttled' failed: SQLSTATE[HY000]: no such table: sqzgraph_store; the table does not exist: run `sqzgraph store-init --config DIR/app.ini` (or apply the SQL `sqzgraph store-schema --config DIR/app.ini` prints)
refresh-tokens: exit 2
DIR/del.ini: error: PdoStore (sqlite, table "sqzgraph_store"): get of record 'token' failed: SQLSTATE[HY000]: no such table: sqzgraph_store; the table does not exist: run `sqzgraph store-init --config DIR/del.ini` (or apply the SQL `sqzgraph store-schema --config DIR/del.ini` prints)
DIR/app.ini: error: PdoStore (sqlite, table "sqzgraph_store"): get of record 'token' failed: SQLSTATE[HY000]: no such table: sqzgraph_store; the table does not exist: run `sqzgraph store-init --config DIR/app.ini` (or apply the SQL `sqzgraph store-schema --config DIR/app.ini` prints)
--- store-init, twice
store-init: exit 0
DIR/del.ini: table sqzgraph_store ready in sqlite:DIR/squeeze.db
DIR/app.ini: table sqzgraph_store ready in sqlite:DIR/squeeze.db
store-init again: exit 0
DIR/app.ini: table sqzgraph_store ready in sqlite:DIR/squeeze.db
--- delegated: authorize, status
authorize: exit 0
authorized: admin@contoso.example
expires: …
refresh token valid until: …
status: exit 0
store:                    table sqzgraph_store, namespace delegated in sqlite:DIR/squeeze.db
authorized:               yes
account:                  admin@contoso.example
--- client_credentials: test-connection, import
test-connection: exit 0
check ok
token ok
mailbox ok
clock ok
folder.inbox ok
folder.exported ok
folder.error ok
permissions ok
all checks passed
import: exit 0
fetching 5 messages…
[1/5] imported  Invoice 1
[2/5] imported  Invoice 2
[3/5] imported  Invoice 3
[4/5] imported  No attachment
[5/5] imported  50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf
imported 5, failed 0, deferred 0, vanished 0, resumed 0 in N s
directories: 5, exported: 5
refresh-tokens: exit 0
DIR/del.ini: valid (expires TIME)
DIR/app.ini: valid (expires TIME)
--- the rows
  admin@contoso.example | import.journal
  admin@contoso.example | token
  delegated | token
a PdoStore in PHP, namespace delegated: authorized true
--- store-schema
sqlite: 0 true
pgsql squeeze.sqzgraph_mail: 0 true
--config: 0 true
(nothing): 64 sqzgraph: store-schema: give DRIVER [TABLE] (pgsql, mysql or sqlite) or --config FILE (see sqzgraph store-schema --help)
oracle: 64 sqzgraph: store-schema: unknown driver 'oracle' (pgsql, mysql or sqlite)
pgsql bad name: 64 sqzgraph: store-schema: SqzGraph\PdoStore::schema(): Argument #2 ($table) must be an SQL identifier (letters, digits and _, not starting with a digit, at most 63 bytes; optionally schema.table)
pgsql a b: 64 sqzgraph: store-schema: give DRIVER [TABLE] (pgsql, mysql or sqlite) or --config FILE (see sqzgraph store-schema --help)
--config DIR/filestore.ini: 2 sqzgraph: store-schema: DIR/filestore.ini uses store_dir, not a database (store_dsn)