--TEST--
sqzgraph import --config-dir DIR --parallel 2: every mailbox (a database Store, a store_dir, one that does not exist), one line each in the order of the files, failed messages indented below their mailbox, the worst exit status; --target PARENT puts each into PARENT/NAME, without it each INI file's [import] target; a second run finds nothing; the same lines with --parallel 1; mistakes: two mailboxes into one directory, --parallel out of range or with one --config
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\PdoStore') || !class_exists('SqzGraph\Importer')) die('skip SqzGraph\PdoStore / Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
const OBRIEN = "o'brien+mail@contoso.example";
$t = MockTenant::start('basic');
$t->addFolder(OBRIEN, 'Exported');
$t->addFolder(OBRIEN, 'Error');
$dir = sqz_tmp('cli');
$cc = ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN];
mkdir("$dir/conf.d");
$a = cli_ini($t, "$dir/conf.d", 'a', ['store_dir' => null, 'store_dsn' => "sqlite:$dir/squeeze.db", 'store_namespace' => ADMIN] + $cc);
file_put_contents($a, "[import]\nrequire_attachments = true\ntarget = ../out-a\n", FILE_APPEND);
$b = cli_ini($t, "$dir/conf.d", 'b', ['mailbox' => OBRIEN] + $cc);
$c = cli_ini($t, "$dir/conf.d", 'c', ['mailbox' => 'nobody@contoso.example'] + $cc);
[$rc, $out] = cli(['store-init', '--config', $a]);
echo "store-init: $rc\n";
// the words of libpq vary with its version
$norm = fn (string $s) => preg_replace(['/ in [\d.]+ s/', '/request-id [0-9a-f-]{36}/', '/(SQLSTATE\[08006\] \[7\]) [^;]*;/'],
    [' in N s', 'request-id RID', '$1 …;'], cli_norm($s, $dir, $t));
$run = function (array $args) use ($dir, $norm): array {
    [$rc, $out, $err] = cli(array_merge(['import'], $args));
    echo str_replace($dir, 'DIR', implode(' ', $args)), ": exit $rc\n", $norm($out), $err === '' ? '' : 'stderr: ' . $norm($err);
    return [$rc, $norm($out)];
};
$run(['--config-dir', "$dir/conf.d", '--target', "$dir/spool", '--parallel', '2']);
foreach (['a', 'b', 'c'] as $n) {
    echo "spool/$n: ", is_dir("$dir/spool/$n") ? count(glob("$dir/spool/$n/*", GLOB_ONLYDIR)) . ' messages' : 'none', "\n";
}
echo 'admin: exported ', count($t->messagesIn(ADMIN, 'Exported')), ', error ', count($t->messagesIn(ADMIN, 'Error')),
    '; o\'brien: exported ', count($t->messagesIn(OBRIEN, 'Exported')), "\n";
echo "--- again, --parallel 1: nothing left\n";
[$rc1, $out1] = $run(['--config-dir', "$dir/conf.d", '--target', "$dir/spool", '--parallel', '1']);
echo "--- without --target: each [import] target (b has none); a database that cannot be reached is transient (1)\n";
foreach ($t->messagesIn(ADMIN, 'Exported') as $m) {
    $t->deleteMessage($m['id'], 'inbox');   // back into the Inbox: imported again, into out-a
}
$t->deleteMessage($t->messagesIn(OBRIEN, 'Exported')[0]['id'], 'inbox');
$d = cli_ini($t, $dir, 'd', ['store_dir' => null, 'store_dsn' => "\"pgsql:host=$dir/nopg;dbname=squeeze\""] + $cc);
$run(['--config', $a, '--config', $b, '--config', $d]);
echo 'out-a: ', count(glob("$dir/out-a/*", GLOB_ONLYDIR)), " messages\n";
$run(['--config', $a, '--config', $d, '--parallel', '2']);
echo "--- mistakes\n";
mkdir("$dir/other");
copy($b, "$dir/other/b.ini");
chmod("$dir/other/b.ini", 0600);
foreach ([['--config-dir', "$dir/conf.d", '--config', "$dir/other/b.ini", '--target', "$dir/spool"],
    ['--config', $a, '--config', "$dir/other/../conf.d/a.ini", '--target', "$dir/spool", '--max-messages', '0'],
    ['--config-dir', "$dir/conf.d", '--parallel', '0'], ['--config', $a, '--parallel', '2'], ['--config-dir', "$dir/nothing"],
    ['--config-dir', "$dir/conf.d", '--target', '']] as $args) {
    [$rc, $out, $err] = cli(array_merge(['import'], $args));
    echo str_replace($dir, 'DIR', implode(' ', $args)), ": $rc ", $norm(trim($out . $err)), "\n";
}
?>
--EXPECT--
store-init: 0
--config-dir DIR/conf.d --target DIR/spool --parallel 2: exit 2
DIR/conf.d/a.ini: imported 4, failed 1, deferred 0, vanished 0, resumed 0 in N s
  failed    No attachment: missing_attachments
DIR/conf.d/b.ini: imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/conf.d/c.ini: error: Graph GET /users/nobody%40contoso.example/mailFolders failed: HTTP 404 ErrorInvalidUser: The requested user 'nobody@contoso.example' is invalid. — the mailbox address is unknown in this tenant; check the mailbox option (request-id RID)
spool/a: 4 messages
spool/b: 1 messages
spool/c: 0 messages
admin: exported 4, error 1; o'brien: exported 1
--- again, --parallel 1: nothing left
--config-dir DIR/conf.d --target DIR/spool --parallel 1: exit 2
DIR/conf.d/a.ini: imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/conf.d/b.ini: imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/conf.d/c.ini: error: Graph GET /users/nobody%40contoso.example/mailFolders failed: HTTP 404 ErrorInvalidUser: The requested user 'nobody@contoso.example' is invalid. — the mailbox address is unknown in this tenant; check the mailbox option (request-id RID)
--- without --target: each [import] target (b has none); a database that cannot be reached is transient (1)
--config DIR/conf.d/a.ini --config DIR/conf.d/b.ini --config DIR/d.ini: exit 2
DIR/conf.d/a.ini: imported 4, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/conf.d/b.ini: error: no target directory: set target = DIR in its [import] section, or give import --target PARENT (each mailbox then goes to PARENT/NAME, NAME being its INI file's name without .ini)
DIR/d.ini: transient: cannot connect to the database store_dsn = pgsql:host=DIR/nopg;dbname=squeeze: SQLSTATE[08006] [7] …; check that the database server runs and is reachable from this host, and store_dsn, store_user and the password; the next run tries again
out-a: 4 messages
--config DIR/conf.d/a.ini --config DIR/d.ini --parallel 2: exit 1
DIR/conf.d/a.ini: imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/d.ini: transient: cannot connect to the database store_dsn = pgsql:host=DIR/nopg;dbname=squeeze: SQLSTATE[08006] [7] …; check that the database server runs and is reachable from this host, and store_dsn, store_user and the password; the next run tries again
--- mistakes
--config-dir DIR/conf.d --config DIR/other/b.ini --target DIR/spool: 2 sqzgraph: import: DIR/other/b.ini and DIR/conf.d/b.ini would write into the same directory DIR/spool/b; each mailbox needs a target of its own (give the INI files different names)
--config DIR/conf.d/a.ini --config DIR/other/../conf.d/a.ini --target DIR/spool --max-messages 0: 64 sqzgraph: import: --max-messages must be a whole number from 1 to 999999999, got '0'
--config-dir DIR/conf.d --parallel 0: 64 sqzgraph: import: --parallel must be a whole number from 1 to 64
--config DIR/conf.d/a.ini --parallel 2: 64 sqzgraph: import: --parallel is for several mailboxes (--config-dir DIR, or --config repeated)
--config-dir DIR/nothing: 64 sqzgraph: import: --config-dir DIR/nothing is not a directory
--config-dir DIR/conf.d --target : 64 sqzgraph: import: --target needs a directory
