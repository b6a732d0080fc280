--TEST--
sqzgraph test-connection: "not available yet" (exit 3) while the extension has no SqzGraph\Mailbox
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (class_exists('SqzGraph\Mailbox')) die('skip SqzGraph\Mailbox exists: test_connection_001.phpt covers the command'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
[$rc, $out, $err] = cli(['test-connection', '--config', 'x.ini']);
echo "$rc ", json_encode($out), ' ', trim($err), "\n";
?>
--EXPECT--
3 "" sqzgraph: test-connection is not available yet in this build of the extension (no SqzGraph\Mailbox)
