--TEST--
sqzgraph --version and sqzgraph version: the extension's version (phpversion), libcurl (TLS backend, HTTP/2), OpenSSL, json-c and the gzip decoder as `php --ri sqzgraph` shows them, and PHP's; without the extension PHP's version and exit 69
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
[$rc, $out, $err] = cli(['--version']);
[$rc2, $out2, $err2] = cli(['version']);
echo "--version: $rc, stderr ", json_encode($err), "; version: the same: ", json_encode([$rc2, $out2, $err2] === [$rc, $out, $err]), "\n";
// what php --ri sqzgraph says, from a child of its own
[, $ri] = sqz_run(array_merge(sqz_php(), ['--ri', 'sqzgraph']));
preg_match_all('/^(.+?) => (.*)$/m', $ri, $m);
$i = array_combine($m[1], $m[2]);
$want = 'sqzgraph ' . phpversion('sqzgraph') . "\n"
    . "libcurl {$i['libcurl version']} (TLS: {$i['libcurl TLS backend']}, HTTP/2: {$i['libcurl HTTP/2']})\n"
    . 'OpenSSL ' . preg_replace('/^OpenSSL /', '', $i['OpenSSL (libcrypto) version']) . "\n"
    . "json-c {$i['json-c version']}\n"
    . "gzip decoded by {$i['gzip decoding']}\n"
    . 'PHP ' . PHP_VERSION . ' (cli' . (PHP_ZTS ? ', thread-safe' : '') . ') ' . PHP_BINARY . "\n";
echo 'the versions of php --ri sqzgraph: ', json_encode($out === $want), "\n";
echo 'lines: ', implode(', ', array_map(fn ($l) => strtok($l, ' '), explode("\n", rtrim($out)))), "\n";
// without the extension (php -n)
$p = proc_open([PHP_BINARY, '-n', SQZ_CLI, '--version'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
fclose($pipes[1]);
fclose($pipes[2]);
echo 'without the extension: ', proc_close($p), ' ', json_encode($out === 'PHP ' . PHP_VERSION . ' (cli' . (PHP_ZTS ? ', thread-safe' : '') . ') ' . PHP_BINARY . "\n"),
    ' ', strtok($err, "(") , "\n";
?>
--EXPECT--
--version: 0, stderr ""; version: the same: true
the versions of php --ri sqzgraph: true
lines: sqzgraph, libcurl, OpenSSL, json-c, gzip, PHP
without the extension: 69 true sqzgraph: the sqzgraph PHP extension is not loaded in this PHP