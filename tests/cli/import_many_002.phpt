--TEST--
sqzgraph import --config-dir: a mailbox whose import lock another process holds — in a database Store (another host would hold it the same way) or in a store_dir — is a "locked" line that is no failure (exit 0) and nothing of it is touched; a single --config run of it still exits 1 as before; once the lock is free the next run imports it
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
$b = cli_ini($t, "$dir/conf.d", 'b', ['mailbox' => OBRIEN] + $cc);
[$rc] = cli(['store-init', '--config', $a]);
echo "store-init: $rc\n";
$fp = fn (string $mailbox) => (new SqzGraph\Config(sqz_cc_options($t, ['mailbox' => $mailbox])))->fingerprint();

// another process holds a's import lock in the database Store, as an import on another host would
file_put_contents("$dir/lock_child.php", '<?php
$store = new SqzGraph\PdoStore(new PDO($argv[1]), ["namespace" => $argv[2]]);
echo $store->lock($argv[3], 10) ? "locked\n" : "timeout\n";
fflush(STDOUT);
stream_get_contents(STDIN);
');
$holder = proc_open(array_merge(sqz_php(), ["$dir/lock_child.php", "sqlite:$dir/squeeze.db", ADMIN, 'import:' . $fp(ADMIN)]),
    [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $pipes);
echo 'holder: ', fgets($pipes[1]);
// and this process holds b's in its store_dir
$fileStore = new SqzGraph\FileStore("$dir/conf.d/store-b");
echo 'b held here: ', json_encode($fileStore->lock('import:' . $fp(OBRIEN), 0)), "\n";

$norm = fn (string $s) => preg_replace('/ in [\d.]+ s( \([\d.]+ messages\/s\))?/', ' in N s', cli_norm($s, $dir, $t));
$run = function (array $args) use ($dir, $norm): void {
    [$rc, $out, $err] = cli(array_merge(['import'], $args));
    echo str_replace($dir, 'DIR', implode(' ', $args)), ": exit $rc\n", $norm($out), $err === '' ? '' : 'stderr: ' . $norm($err);
};
$run(['--config-dir', "$dir/conf.d", '--target', "$dir/spool", '--parallel', '2']);
echo 'inbox: admin ', count($t->messagesIn(ADMIN, 'inbox')), ', o\'brien ', count($t->messagesIn(OBRIEN, 'inbox')),
    '; spool entries: ', count(glob("$dir/spool/*/*")), "\n";
echo "--- one --config, as before\n";
$run(['--config', $a, '--target', "$dir/spool/a"]);
echo "--- b free, a still held\n";
$fileStore->unlock('import:' . $fp(OBRIEN));
$run(['--config-dir', "$dir/conf.d", '--target', "$dir/spool", '--parallel', '1']);
echo "--- the holder ends\n";
fclose($pipes[0]);
fclose($pipes[1]);
echo 'holder exit: ', proc_close($holder), "\n";
$run(['--config-dir', "$dir/conf.d", '--target', "$dir/spool"]);
echo 'spool: a ', count(glob("$dir/spool/a/*", GLOB_ONLYDIR)), ', b ', count(glob("$dir/spool/b/*", GLOB_ONLYDIR)), "\n";
?>
--EXPECT--
store-init: 0
holder: locked
b held here: true
--config-dir DIR/conf.d --target DIR/spool --parallel 2: exit 0
DIR/conf.d/a.ini: locked: another run holds this mailbox (on this host or another); nothing done
DIR/conf.d/b.ini: locked: another run holds this mailbox (on this host or another); nothing done
inbox: admin 5, o'brien 1; spool entries: 0
--- one --config, as before
--config DIR/conf.d/a.ini --target DIR/spool/a: exit 1
imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s; another run of this mailbox holds the lock, try again later
--- b free, a still held
--config-dir DIR/conf.d --target DIR/spool --parallel 1: exit 0
DIR/conf.d/a.ini: locked: another run holds this mailbox (on this host or another); nothing done
DIR/conf.d/b.ini: imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
--- the holder ends
holder exit: 0
--config-dir DIR/conf.d --target DIR/spool: exit 0
DIR/conf.d/a.ini: imported 5, failed 0, deferred 0, vanished 0, resumed 0 in N s
DIR/conf.d/b.ini: imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
spool: a 5, b 1