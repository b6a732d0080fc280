--TEST--
sqzgraph CLI without the extension loaded: says how to load it (php -d extension=..., pecl install) and exits 69
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$p = proc_open([PHP_BINARY, '-n', SQZ_CLI, 'status', '--config', 'x.ini'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
fclose($pipes[1]);
fclose($pipes[2]);
echo 'exit: ', proc_close($p), "\n";
echo 'stdout: ', json_encode($out), "\n";
echo 'names the problem: ', json_encode(str_contains($err, 'extension is not loaded')), "\n";
echo 'php -d extension=: ', json_encode((bool) preg_match('~php -d extension=\S*sqzgraph\.so~', $err)), "\n";
echo 'pecl: ', json_encode(str_contains($err, 'pecl install sqzgraph')), "\n";
echo 'ini line: ', json_encode(str_contains($err, 'extension=sqzgraph')), "\n";
echo 'names this php: ', json_encode(str_contains($err, PHP_BINARY)), "\n";
?>
--EXPECT--
exit: 69
stdout: ""
names the problem: true
php -d extension=: true
pecl: true
ini line: true
names this php: true
