--TEST--
sqzgraph test-connection: the checks as a table; exit 0 when all pass, 2 when one fails (a folder that does not exist), 2 before a delegated sign-in
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Mailbox')) die('skip SqzGraph\Mailbox not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$cc = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
[$rc, $out, $err] = cli(['test-connection', '--config', $cc]);
echo "client_credentials: $rc, stderr ", json_encode($err), "\n";
$lines = explode("\n", trim($out));
echo $lines[0] === preg_replace('/\s+$/', '', $lines[0]) ? '' : '', preg_replace('/\s+/', ' ', $lines[0]), "\n";
foreach (array_slice($lines, 1) as $l) {
    echo preg_replace('/^(\S+)\s+(\S+)\s.*$/', '$1 $2', $l), "\n";
}

$bad = cli_ini($t, $dir, 'bad', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN,
    'folders' => ['inbox' => 'Inbox', 'exported' => 'Nowhere/Archive', 'error' => 'Error']]);
[$rc, $out] = cli(['test-connection', '--config', $bad]);
echo "missing folder: $rc ", json_encode((bool) preg_match('/^folder\.exported\s+FAIL\s+\S/m', $out)), ' ', json_encode(str_ends_with(trim($out), 'some checks failed')), "\n";

$d = cli_ini($t, $dir, 'd');
[$rc, $out, $err] = cli(['test-connection', '--config', $d]);
echo "delegated, not signed in: $rc ", json_encode((bool) preg_match('/^token\s+FAIL/m', $out)), "\n";
[$auth] = cli_auth($t, $dir, 'd');
sqz_sign_in($auth, $t);
[$rc, $out] = cli(['test-connection', '--config', $d]);
echo "delegated, signed in: $rc ", json_encode(str_ends_with(trim($out), 'all checks passed')), "\n";
?>
--EXPECT--
client_credentials: 0, stderr ""
check ok detail
token ok
mailbox ok
clock ok
folder.inbox ok
folder.exported ok
folder.error ok
permissions ok
all checks
missing folder: 2 true true
delegated, not signed in: 2 true
delegated, signed in: 0 true
