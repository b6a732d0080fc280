--TEST--
sqzgraph CLI: --help for the tool and each command (works without the extension), usage errors exit 64
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
[$rc, $out] = cli(['--help']);
echo "--help: $rc\n";
foreach (['authorize', 'status', 'refresh-tokens', 'test-connection', 'import', 'Exit codes:', 'store_dir', 'encryption_key_file'] as $w) {
    echo "  mentions $w: ", json_encode(str_contains($out, $w)), "\n";
}
foreach (['  0 ', '  1 ', '  2 ', '  3 ', '  64 ', '  69 '] as $code) {
    echo "  documents exit code", rtrim($code), ': ', json_encode(str_contains($out, "\n$code")), "\n";
}
[$rc2, $out2] = cli(['help']);
echo "help = --help: ", json_encode($rc2 === 0 && $out2 === $out), "\n";
[$rc, $out] = cli([]);
echo "no command: $rc, prints usage: ", json_encode(str_starts_with($out, 'Usage: sqzgraph')), "\n";
foreach (['authorize', 'status', 'refresh-tokens', 'test-connection', 'import'] as $cmd) {
    [$rc, $out] = cli([$cmd, '--help']);
    [$rc2, $out2] = cli(['help', $cmd]);
    echo "$cmd --help: $rc, ", json_encode(str_starts_with($out, "Usage: sqzgraph $cmd") && str_contains($out, 'Exit codes:')
        && $out === $out2), "\n";
}
// --help needs no extension (php -n: no php.ini, no sqzgraph)
$p = proc_open([PHP_BINARY, '-n', SQZ_CLI, 'status', '--help'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
fclose($pipes[1]);
fclose($pipes[2]);
echo 'without the extension: ', proc_close($p), ' ', json_encode(str_starts_with($out, 'Usage: sqzgraph status')), "\n";

foreach ([['frobnicate'], ['status'], ['status', '--config'], ['status', '--cnofig', 'x.ini'], ['status', 'x.ini'],
    ['refresh-tokens'], ['authorize', '--config', 'a', '--config', 'b'], ['status', '--verbose=1', '--config', 'a']] as $args) {
    [$rc, $out, $err] = cli($args);
    printf("%-45s %d %s\n", implode(' ', $args), $rc, trim($err));
}
?>
--EXPECT--
--help: 0
  mentions authorize: true
  mentions status: true
  mentions refresh-tokens: true
  mentions test-connection: true
  mentions import: true
  mentions Exit codes:: true
  mentions store_dir: true
  mentions encryption_key_file: true
  documents exit code  0: true
  documents exit code  1: true
  documents exit code  2: true
  documents exit code  3: true
  documents exit code  64: true
  documents exit code  69: true
help = --help: true
no command: 64, prints usage: true
authorize --help: 0, true
status --help: 0, true
refresh-tokens --help: 0, true
test-connection --help: 0, true
import --help: 0, true
without the extension: 0 true
frobnicate                                    64 sqzgraph: unknown command 'frobnicate' (commands: authorize, status, refresh-tokens, test-connection, import; see sqzgraph --help)
status                                        64 sqzgraph: status: --config FILE is required (see sqzgraph status --help)
status --config                               64 sqzgraph: status: --config needs a value
status --cnofig x.ini                         64 sqzgraph: status: unknown option --cnofig (see sqzgraph status --help)
status x.ini                                  64 sqzgraph: status: unexpected argument 'x.ini' (see sqzgraph status --help)
refresh-tokens                                64 sqzgraph: refresh-tokens: give --config FILE (repeatable) or --config-dir DIR
authorize --config a --config b               64 sqzgraph: authorize: --config given twice
status --verbose=1 --config a                 64 sqzgraph: status: --verbose takes no value
