--TEST--
sqzgraph store_dsn mistakes name the file and what to write: store_dir and store_dsn both or neither, store_* keys without store_dsn, an unquoted DSN cut at its ";", an unsupported driver, SQLite in memory, a bad table name; store_password_file refused when its group or others can read it; never a password in a message: a DSN's password=, store_password or the file's (a connection that fails: pgsql, mysql); two INI files on one table and namespace are refused, on one table with two namespaces accepted
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\PdoStore')) die('skip SqzGraph\PdoStore not built yet');
foreach (['pdo_pgsql', 'pdo_mysql'] as $e) if (!extension_loaded($e)) die("skip ext/$e is needed"); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$cc = ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN];
$db = ['store_dir' => null, 'store_dsn' => "sqlite:$dir/s.db"];
$secrets = ['Db-Secret-1', 'Db-Secret-2', 'Db-Secret-3', 'Db-Secret-4'];
mkdir("$dir/secrets", 0700);
file_put_contents("$dir/secrets/pw", "Db-Secret-2\n");
chmod("$dir/secrets/pw", 0600);
$run = function (string $label, string $file, array $args = ['status'], array $php = []) use ($dir, $t, $secrets): void {
    [$rc, $out, $err] = $php === [] ? cli(array_merge($args, ['--config', $file])) : sqz_run(array_merge($php, [SQZ_CLI], $args, ['--config', $file]));
    $text = trim(cli_norm($out . $err, $dir, $t));
    foreach ($secrets as $s) {
        if (str_contains($out . $err, $s)) {
            $text .= " [LEAKED $s]";
        }
    }
    printf("%-26s %d %s\n", $label, $rc, str_replace("\n", "\n" . str_repeat(' ', 29), $text));
};
$cases = [
    'both' => ['store_dsn' => "sqlite:$dir/s.db"],
    'neither' => ['store_dir' => null],
    'user without dsn' => ['store_user' => 'squeeze'],
    'namespace without dsn' => ['store_dir' => null, 'store_namespace' => 'x'],
    'unquoted ;' => ['store_dsn' => "pgsql:host=$dir/pg;dbname=squeeze"] + $db,
    'driver' => ['store_dsn' => 'odbc:squeeze'] + $db,
    'no driver' => ['store_dsn' => '/var/lib/squeeze.db'] + $db,
    'sqlite memory' => ['store_dsn' => 'sqlite::memory:'] + $db,
    'bad table' => ['store_table' => 'sqzgraph store'] + $db,
    'password twice' => ['store_password' => 'Db-Secret-1', 'store_password_file' => 'secrets/pw'] + $db,
    'password in dsn and file' => ['store_dsn' => "\"pgsql:host=$dir/pg;password=Db-Secret-1\"", 'store_password_file' => 'secrets/pw'] + $db,
    'no password file' => ['store_password_file' => 'secrets/nope'] + $db,
];
foreach ($cases as $label => $extra) {
    $run($label, cli_ini($t, $dir, 'bad', $extra + $cc));
}
echo "--- the password file: private\n";
foreach ([0640, 0604, 0644] as $mode) {
    chmod("$dir/secrets/pw", $mode);
    $run(sprintf('mode %04o', $mode), cli_ini($t, $dir, 'pwfile', ['store_password_file' => 'secrets/pw', 'store_user' => 'squeeze',
        'store_dsn' => "\"pgsql:host=$dir/nopg;dbname=squeeze\""] + $db + $cc));
}
chmod("$dir/secrets/pw", 0600);
echo "--- no password in a connection failure\n";
$run('pgsql, password= in DSN', cli_ini($t, $dir, 'pg1', ['store_dsn' => "\"pgsql:host=$dir/nopg;dbname=squeeze;password=Db-Secret-1\"",
    'store_user' => 'squeeze'] + $db + $cc));
$run('pgsql, quoted password=', cli_ini($t, $dir, 'pg2', ['store_dsn' => "\"pgsql:host=$dir/nopg dbname=squeeze password='Db-Secret-4 x'\""]
    + $db + $cc));
$run('pgsql, password file', cli_ini($t, $dir, 'pg3', ['store_dsn' => "\"pgsql:host=$dir/nopg;dbname=squeeze\"", 'store_user' => 'squeeze',
    'store_password_file' => 'secrets/pw'] + $db + $cc), ['import', '--target', "$dir/out"]);
$run('mysql, store_password', cli_ini($t, $dir, 'my1', ['store_dsn' => "\"mysql:unix_socket=$dir/nomysql.sock;dbname=squeeze\"",
    'store_user' => 'squeeze', 'store_password' => 'Db-Secret-3'] + $db + $cc), ['refresh-tokens']);
$run('sqlite, no directory', cli_ini($t, $dir, 'lite', ['store_dsn' => "sqlite:$dir/nodir/s.db"] + $db + $cc));
echo "--- world-readable INI with a database password\n";
$open = cli_ini($t, $dir, 'open', ['store_password' => 'Db-Secret-3', 'store_dsn' => "sqlite:$dir/s.db", 'store_dir' => null,
    'client_secret' => null] + $cc);
chmod($open, 0644);
$run('store_password', $open, ['store-init']);
echo "--- one Store, two INI files\n";
mkdir("$dir/conf.d");
$a = cli_ini($t, "$dir/conf.d", 'a', ['store_namespace' => 'a'] + $db + $cc);
$b = cli_ini($t, "$dir/conf.d", 'b', ['store_namespace' => 'b', 'store_dsn' => "sqlite:$dir/conf.d/../s.db"] + $db + $cc);
[$rc, $out, $err] = cli(['store-init', '--config-dir', "$dir/conf.d"]);
echo "two namespaces, one table: $rc ", cli_norm($out . $err, $dir);
$b = cli_ini($t, "$dir/conf.d", 'b', ['store_namespace' => 'a', 'store_dsn' => "sqlite:$dir/conf.d/../s.db"] + $db + $cc);
foreach (['refresh-tokens', 'import', 'store-init'] as $cmd) {
    [$rc, $out, $err] = cli(array_merge([$cmd, '--config-dir', "$dir/conf.d"], $cmd === 'import' ? ['--target', "$dir/out"] : []));
    echo "$cmd, one namespace: $rc ", cli_norm($out . $err, $dir);
}
$b = cli_ini($t, "$dir/conf.d", 'b', ['store_dir' => null, 'store_dsn' => '"pgsql:dbname=squeeze;host=/run/pg"', 'store_user' => 'x']);
$c = cli_ini($t, "$dir/conf.d", 'c', ['store_dir' => null, 'store_dsn' => '"pgsql:host=/run/pg;dbname=squeeze;password=Db-Secret-1"', 'store_user' => 'y']);
[$rc, $out, $err] = cli(['refresh-tokens', '--config-dir', "$dir/conf.d"]);
echo "pgsql, the same database written otherwise: $rc ", cli_norm($out . $err, $dir), str_contains($out . $err, 'Db-Secret') ? "LEAKED\n" : '';
?>
--EXPECTF--
both                       2 sqzgraph: DIR/bad.ini: store_dir and store_dsn are both set; keep one: store_dir = DIR for a directory on this host, or store_dsn = DSN (with store_user, store_password_file, store_namespace) for a table in a database that several hosts share
neither                    2 sqzgraph: DIR/bad.ini: store_dir is required (a directory of its own for this mailbox's token record), or store_dsn = DSN for a table in a database that several hosts share (sqzgraph help ini)
user without dsn           2 sqzgraph: DIR/bad.ini: store_user is set without store_dsn; it belongs to a Store in a database (store_dsn = pgsql:host=...;dbname=...), not to store_dir: remove it
namespace without dsn      2 sqzgraph: DIR/bad.ini: store_namespace is set without store_dsn; it belongs to a Store in a database (store_dsn = pgsql:host=...;dbname=...)
unquoted ;                 2 sqzgraph: DIR/bad.ini: store_dsn: put the DSN in double quotes (store_dsn = "pgsql:host=...;dbname=..."): unquoted, INI ends the value at the first ; (what follows is a comment)
driver                     2 sqzgraph: DIR/bad.ini: store_dsn: the driver 'odbc' is not supported (pgsql, mysql or sqlite), e.g. store_dsn = pgsql:host=db.example.com;dbname=squeeze
no driver                  2 sqzgraph: DIR/bad.ini: store_dsn: no driver (write pgsql:, mysql: or sqlite: first), e.g. store_dsn = pgsql:host=db.example.com;dbname=squeeze
sqlite memory              2 sqzgraph: DIR/bad.ini: store_dsn: an SQLite Store is a file: write sqlite:/var/lib/squeeze/sqzgraph.db
bad table                  2 sqzgraph: DIR/bad.ini: store_table or store_namespace: SqzGraph\PdoStore::__construct(): Argument #2 ($options) option "table" must be an SQL identifier%s
password twice             2 sqzgraph: DIR/bad.ini: store_password and store_password_file are both set; keep one (store_password_file: the INI file need not hold the password)
password in dsn and file   2 sqzgraph: DIR/bad.ini: store_dsn holds a password= and store_password_file is set too; keep one (store_password_file: the INI file need not hold the password)
no password file           2 sqzgraph: DIR/bad.ini: store_password_file: cannot read DIR/secrets/nope
--- the password file: private
mode 0640                  2 sqzgraph: DIR/pwfile.ini: store_password_file: DIR/secrets/pw is readable by its group (mode 0640); it holds the database password: chmod 600 DIR/secrets/pw (owned by the user the jobs run as)
mode 0604                  2 sqzgraph: DIR/pwfile.ini: store_password_file: DIR/secrets/pw is readable by every user (mode 0604); it holds the database password: chmod 600 DIR/secrets/pw (owned by the user the jobs run as)
mode 0644                  2 sqzgraph: DIR/pwfile.ini: store_password_file: DIR/secrets/pw is readable by every user (mode 0644); it holds the database password: chmod 600 DIR/secrets/pw (owned by the user the jobs run as)
--- no password in a connection failure
pgsql, password= in DSN    1 sqzgraph: DIR/pg1.ini: cannot connect to the database store_dsn = pgsql:host=DIR/nopg;dbname=squeeze;password=*** as user squeeze: SQLSTATE[08006] [7] %s; check that the database server runs and is reachable from this host, and store_dsn, store_user and the password; the next run tries again
pgsql, quoted password=    1 sqzgraph: DIR/pg2.ini: cannot connect to the database store_dsn = pgsql:host=DIR/nopg dbname=squeeze password=***: SQLSTATE[08006] [7] %s; check that the database server runs and is reachable from this host, and store_dsn, store_user and the password; the next run tries again
pgsql, password file       1 sqzgraph: DIR/pg3.ini: cannot connect to the database store_dsn = pgsql:host=DIR/nopg;dbname=squeeze as user squeeze: SQLSTATE[08006] [7] %s; check that the database server runs and is reachable from this host, and store_dsn, store_user and the password; the next run tries again
mysql, store_password      1 DIR/my1.ini: transient: cannot connect to the database store_dsn = mysql:unix_socket=DIR/nomysql.sock;dbname=squeeze as user squeeze: SQLSTATE[HY000] [2002] %s; check that the database server runs and is reachable from this host, and store_dsn, store_user and the password; the next run tries again
sqlite, no directory       2 sqzgraph: DIR/lite.ini: cannot connect to the database store_dsn = sqlite:DIR/nodir/s.db: SQLSTATE[HY000] [14] %s; check that the directory of the database file exists and is writable by this user
--- world-readable INI with a database password
store_password             0 DIR/open.ini: table sqzgraph_store ready in sqlite:DIR/s.db
                             sqzgraph: warning: DIR/open.ini is readable by every user and holds the database password; chmod 600 it or use store_password_file
--- one Store, two INI files
two namespaces, one table: 0 DIR/conf.d/a.ini: table sqzgraph_store ready in sqlite:DIR/s.db
DIR/conf.d/b.ini: table sqzgraph_store ready in sqlite:DIR/conf.d/../s.db
refresh-tokens, one namespace: 2 sqzgraph: refresh-tokens: DIR/conf.d/a.ini and DIR/conf.d/b.ini use the same Store: table sqzgraph_store, store_namespace a, in the same database (sqlite:DIR/conf.d/../s.db); they would share one token record and import journal: give each mailbox a store_namespace of its own (its address, say)
import, one namespace: 2 sqzgraph: import: DIR/conf.d/a.ini and DIR/conf.d/b.ini use the same Store: table sqzgraph_store, store_namespace a, in the same database (sqlite:DIR/conf.d/../s.db); they would share one token record and import journal: give each mailbox a store_namespace of its own (its address, say)
store-init, one namespace: 2 sqzgraph: store-init: DIR/conf.d/a.ini and DIR/conf.d/b.ini use the same Store: table sqzgraph_store, store_namespace a, in the same database (sqlite:DIR/conf.d/../s.db); they would share one token record and import journal: give each mailbox a store_namespace of its own (its address, say)
pgsql, the same database written otherwise: 2 sqzgraph: refresh-tokens: DIR/conf.d/b.ini and DIR/conf.d/c.ini use the same Store: table sqzgraph_store, no store_namespace, in the same database (pgsql:host=/run/pg;dbname=squeeze;password=***); they would share one token record and import journal: give each mailbox a store_namespace of its own (its address, say)