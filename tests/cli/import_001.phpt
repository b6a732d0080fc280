--TEST--
sqzgraph import: one directory per message with message.eml (byte for byte the MIME) and its attachments; messages move to Exported; a second run finds nothing
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Mailbox') || !class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$ini = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
$inbox = $t->messagesIn(ADMIN, 'inbox');
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out"]);
echo "exit $rc, stderr ", json_encode($err), "\n";
echo preg_replace('/ in [\d.]+ s/', ' in N s', $out);
$dirs = glob("$dir/out/*", GLOB_ONLYDIR);
echo 'directories: ', count($dirs), "\n";
$mime = array_map(fn ($d) => hash_file('sha256', "$d/message.eml"), $dirs);
sort($mime);
$want = array_column($inbox, 'mime_sha256');
sort($want);
echo 'MIME byte for byte: ', json_encode($mime === $want), "\n";
echo 'attachments: ', count(glob("$dir/out/*/0*")), "\n";
echo 'inbox now: ', count($t->messagesIn(ADMIN, 'inbox')), ', exported: ', count($t->messagesIn(ADMIN, 'Exported')), "\n";
[$rc, $out] = cli(['import', '--config', $ini, '--target', "$dir/out"]);
echo "second run: $rc ", preg_replace('/ in [\d.]+ s/', ' in N s', $out);
[$rc, , $err] = cli(['import', '--config', $ini]);
echo "no --target: $rc ", trim($err), "\n";
?>
--EXPECT--
exit 0, stderr ""
imported   Invoice 1
imported   Invoice 2
imported   Invoice 3
imported   No attachment
imported   50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf
imported 5, failed 0, deferred 0, vanished 0, resumed 0 in N s
directories: 5
MIME byte for byte: true
attachments: 4
inbox now: 0, exported: 5
second run: 0 imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
no --target: 64 sqzgraph: import: --target DIR is required
