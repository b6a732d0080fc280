--TEST--
sqzgraph import: "not available yet" (exit 3) while the extension has no SqzGraph\Importer
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (class_exists('SqzGraph\Mailbox') && class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer exists: import_001.phpt covers the command'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
[$rc, $out, $err] = cli(['import', '--config', 'x.ini', '--target', 'out']);
echo "$rc ", json_encode($out), ' ', trim($err), "\n";
?>
--EXPECT--
3 "" sqzgraph: import is not available yet in this build of the extension (no SqzGraph\Mailbox / Importer)
