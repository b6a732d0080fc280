--TEST--
sqzgraph store_dsn on a PHP without the PDO driver it names (pdo_pgsql left out of the child PHP): the message names the missing driver, the Debian package to install and where to enable it; exit 2 (a set-up mistake), never a connection attempt
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\PdoStore')) die('skip SqzGraph\PdoStore not built yet');
require_once __DIR__ . '/cli.inc';
$php = cli_php_without('pdo_pgsql');
[, $out] = sqz_run(array_merge($php, ['-r', 'echo extension_loaded("pdo_pgsql") ? "built in" : "left out";']));
if ($out !== 'left out') die('skip pdo_pgsql is built into this PHP (not a shared extension): it cannot be left out'); ?>
--FILE--
<?php
require_once __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$cc = ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN];
$db = ['store_dir' => null];
$php = cli_php_without('pdo_pgsql');
$pg = cli_ini($t, $dir, 'nodriver', ['store_dsn' => "\"pgsql:host=$dir/pg;dbname=squeeze\""] + $db + $cc);
[$rc, $out, $err] = sqz_run(array_merge($php, [SQZ_CLI, 'status', '--config', $pg]));
echo $rc, ' ', str_replace(PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION, 'X.Y', trim(cli_norm($out . $err, $dir, $t))), "\n";
?>
--EXPECTF--
2 sqzgraph: DIR/nodriver.ini: store_dsn: the PDO driver pdo_pgsql is not loaded in this PHP (%s, no php.ini); install it with `apt-get install phpX.Y-pgsql` (Debian, Ubuntu; it is then enabled for the CLI too) or enable extension=pdo_pgsql
