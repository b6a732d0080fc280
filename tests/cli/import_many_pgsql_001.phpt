--TEST--
sqzgraph on PostgreSQL (the test server of scripts/test.sh): two mailboxes in one table under their store_namespace, the password from store_password_file (its newline dropped); store-init; import --config-dir --parallel 2; a mailbox whose import lock another process holds through its own connection (an advisory lock, as another host would) is "locked", exit 0; refresh-tokens; a wrong password says what to check (exit 2); no password in any output
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
require __DIR__ . '/../db.inc';
sqz_test_db_skipif('pgsql');
if (!class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
require __DIR__ . '/../db.inc';
const OBRIEN = "o'brien+mail@contoso.example";
$t = MockTenant::start('basic');
$t->addFolder(OBRIEN, 'Exported');
$t->addFolder(OBRIEN, 'Error');
$dir = sqz_tmp('cli');
$table = sqz_test_table('cli_many', 'pgsql');
$password = sqz_test_db_password('pgsql');
$dsn = getenv('SQZ_PGSQL_DSN');
file_put_contents("$dir/db-password", "$password\n");
chmod("$dir/db-password", 0600);
$store = ['store_dir' => null, 'store_dsn' => "\"$dsn\"", 'store_user' => getenv('SQZ_PGSQL_USER'), 'store_password_file' => '../db-password',
    'store_table' => $table];
$cc = ['flow' => 'client_credentials', 'redirect_uri' => null];
mkdir("$dir/conf.d");
cli_ini($t, "$dir/conf.d", 'a', ['mailbox' => ADMIN, 'store_namespace' => ADMIN] + $store + $cc);
cli_ini($t, "$dir/conf.d", 'b', ['mailbox' => OBRIEN, 'store_namespace' => OBRIEN] + $store + $cc);
$leaks = 0;
$norm = function (string $s) use ($dir, $t, $dsn, $table, $password, &$leaks): string {
    if ($password !== '' && str_contains($s, $password)) {
        $leaks++;
    }
    $s = str_replace([$dsn, $table, 'as user ' . getenv('SQZ_PGSQL_USER')], ['DSN', 'TABLE', 'as user USER'], cli_norm($s, $dir, $t));
    return preg_replace(['/ in [\d.]+ s/', '/(SQLSTATE\[08006\] \[7\]) [^;]*;/'], [' in N s', '$1 …;'], $s);
};
$run = function (array $args) use ($dir, $norm): void {
    [$rc, $out, $err] = cli($args);
    echo str_replace($dir, 'DIR', implode(' ', $args)), ": exit $rc\n", $norm($out . $err);
};
$run(['store-init', '--config-dir', "$dir/conf.d"]);
$run(['import', '--config-dir', "$dir/conf.d", '--target', "$dir/spool", '--parallel', '2']);
$run(['refresh-tokens', '--config-dir', "$dir/conf.d"]);
$pdo = sqz_test_pdo('pgsql', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
echo "rows:\n";
foreach ($pdo->query("SELECT encode(ns, 'escape'), encode(k, 'escape') FROM \"$table\" ORDER BY 1, 2")->fetchAll(PDO::FETCH_NUM) as [$ns, $k]) {
    echo "  $ns | $k\n";
}
echo "--- another process holds a's import lock on its own connection\n";
$t->addMessage(ADMIN, ['subject' => 'Late invoice', 'attachments' => [['name' => 'late.pdf', 'content_type' => 'application/pdf', 'size' => 900]]]);
$t->addMessage(OBRIEN, ['subject' => 'Late too']);
file_put_contents("$dir/holder.php", '<?php
$store = new SqzGraph\PdoStore(new PDO(getenv("SQZ_PGSQL_DSN"), getenv("SQZ_PGSQL_USER"), getenv("SQZ_PGSQL_PASSWORD")),
    ["table" => $argv[1], "namespace" => $argv[2]]);
echo $store->lock($argv[3], 10) ? "locked\n" : "timeout\n";
fflush(STDOUT);
stream_get_contents(STDIN);
');
$fp = (new SqzGraph\Config(sqz_cc_options($t, ['mailbox' => ADMIN])))->fingerprint();
$holder = proc_open(array_merge(sqz_php(), ["$dir/holder.php", $table, ADMIN, "import:$fp"]), [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $pipes);
echo 'holder: ', fgets($pipes[1]);
$run(['import', '--config-dir', "$dir/conf.d", '--target', "$dir/spool", '--parallel', '2']);
fclose($pipes[0]);
fclose($pipes[1]);
echo 'holder exit: ', proc_close($holder), "\n";
$run(['import', '--config-dir', "$dir/conf.d", '--target', "$dir/spool"]);
echo 'spool: a ', count(glob("$dir/spool/a/*", GLOB_ONLYDIR)), ', b ', count(glob("$dir/spool/b/*", GLOB_ONLYDIR)), "\n";
echo "--- a wrong password\n";
file_put_contents("$dir/db-password", "wrong-$password\n");
$run(['status', '--config', "$dir/conf.d/a.ini"]);
echo 'password in any output: ', $leaks, "\n";
?>
--EXPECT--
store-init --config-dir DIR/conf.d: exit 0
DIR/conf.d/a.ini: table TABLE ready in DSN
DIR/conf.d/b.ini: table TABLE ready in DSN
import --config-dir DIR/conf.d --target DIR/spool --parallel 2: exit 0
DIR/conf.d/a.ini: imported 5, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/conf.d/b.ini: imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
refresh-tokens --config-dir DIR/conf.d: exit 0
DIR/conf.d/a.ini: valid (expires TIME)
DIR/conf.d/b.ini: valid (expires TIME)
rows:
  admin@contoso.example | import.journal
  admin@contoso.example | token
  o'brien+mail@contoso.example | import.journal
  o'brien+mail@contoso.example | token
--- another process holds a's import lock on its own connection
holder: locked
import --config-dir DIR/conf.d --target DIR/spool --parallel 2: exit 0
DIR/conf.d/a.ini: locked: another run holds this mailbox (on this host or another); nothing done
DIR/conf.d/b.ini: imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
holder exit: 0
import --config-dir DIR/conf.d --target DIR/spool: exit 0
DIR/conf.d/a.ini: imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/conf.d/b.ini: imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
spool: a 6, b 2
--- a wrong password
status --config DIR/conf.d/a.ini: exit 2
sqzgraph: DIR/conf.d/a.ini: cannot connect to the database store_dsn = DSN as user USER: SQLSTATE[08006] [7] …; check store_user and the password (store_password_file or store_password)
password in any output: 0