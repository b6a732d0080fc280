--TEST--
sqzgraph CLI: --help for the tool and each command (works without the extension): each command's help is about that command only (its options and exit codes), the INI reference once in `help ini`, every exit code in the tool's help and `help exit-codes`; usage errors (an unknown help topic too) exit 64
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
[$rc, $out] = cli(['--help']);
echo "--help: $rc\n";
foreach (['authorize', 'status', 'refresh-tokens', 'test-connection', 'import', 'store-init', 'store-schema', 'version', 'help ini', 'Exit codes', 'store_dir', 'encryption_key_file'] as $w) {
    echo "  mentions $w: ", json_encode(str_contains($out, $w)), "\n";
}
foreach (['  0 ', '  1 ', '  2 ', '  3 ', '  64 ', '  69 '] as $code) {
    echo "  documents exit code", rtrim($code), ': ', json_encode(str_contains($out, "\n$code")), "\n";
}
[$rc2, $out2] = cli(['help']);
echo "help = --help: ", json_encode($rc2 === 0 && $out2 === $out), "\n";
[$rc, $out] = cli([]);
echo "no command: $rc, prints usage: ", json_encode(str_starts_with($out, 'Usage: sqzgraph') && $out === $out2), "\n";
[$rc, $codes] = cli(['help', 'exit-codes']);
echo "help exit-codes: $rc, the tool's table: ", json_encode(str_starts_with($codes, 'Exit codes') && str_contains($out2, $codes)), "\n";
[$rc, $ini] = cli(['help', 'ini']);
echo "help ini: $rc\n";
foreach (['[sqzgraph]', '[import]', 'store_dir', 'store_dsn', 'store_user', 'store_password_file', 'store_table', 'target =', 'client_secret_file', 'encryption_key_file', 'max_attempts = 3', 'error_category'] as $w) {
    echo "  mentions $w: ", json_encode(str_contains($ini, $w)), "\n";
}
foreach (['authorize', 'status', 'refresh-tokens', 'test-connection', 'import', 'store-init', 'store-schema', 'version'] as $cmd) {
    [$rc, $out] = cli([$cmd, '--help']);
    [$rc2, $out2] = cli(['help', $cmd]);
    // another command named in a command's help, other than the remedy `sqzgraph authorize --config FILE`
    preg_match_all('/sqzgraph (authorize|status|refresh-tokens|test-connection|import|store-init|store-schema|version)\b(?! --config FILE`)/', $out, $m);
    printf("%-15s --help: %d, = help %s: %s, %d lines, own exit codes: %s, no INI reference: %s, other commands named: %s\n", $cmd, $rc,
        $cmd, json_encode($out === $out2 && $rc2 === 0), substr_count($out, "\n"),
        json_encode(str_contains($out, "Exit codes (all commands: sqzgraph help exit-codes):\n  0   ")),
        json_encode(!str_contains($out, 'encryption_key_file') && !str_contains($out, 'max_attempts') && !str_contains($out, 'Any other status')),
        json_encode(array_values(array_unique(array_diff($m[1], [$cmd])))));
}
[$rc, $out] = cli(['status', '--help']);
echo $out;
// --help needs no extension (php -n: no php.ini, no sqzgraph)
$p = proc_open([PHP_BINARY, '-n', SQZ_CLI, 'status', '--help'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
fclose($pipes[1]);
fclose($pipes[2]);
echo 'without the extension: ', proc_close($p), ' ', json_encode(str_starts_with($out, 'Usage: sqzgraph status')), "\n";

foreach ([['frobnicate'], ['status'], ['status', '--config'], ['status', '--cnofig', 'x.ini'], ['status', 'x.ini'],
    ['refresh-tokens'], ['authorize', '--config', 'a', '--config', 'b'], ['status', '--verbose=1', '--config', 'a'],
    ['help', 'frobnicate'], ['help', 'ini', 'status'], ['version', 'x'], ['version', '--config', 'a']] as $args) {
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
  mentions store-init: true
  mentions store-schema: true
  mentions version: true
  mentions help ini: true
  mentions Exit codes: true
  mentions store_dir: false
  mentions encryption_key_file: false
  documents exit code  0: true
  documents exit code  1: true
  documents exit code  2: true
  documents exit code  3: true
  documents exit code  64: true
  documents exit code  69: true
help = --help: true
no command: 64, prints usage: true
help exit-codes: 0, the tool's table: true
help ini: 0
  mentions [sqzgraph]: true
  mentions [import]: true
  mentions store_dir: true
  mentions store_dsn: true
  mentions store_user: true
  mentions store_password_file: true
  mentions store_table: true
  mentions target =: true
  mentions client_secret_file: true
  mentions encryption_key_file: true
  mentions max_attempts = 3: true
  mentions error_category: true
authorize       --help: 0, = help authorize: true, 26 lines, own exit codes: true, no INI reference: true, other commands named: []
status          --help: 0, = help status: true, 14 lines, own exit codes: true, no INI reference: true, other commands named: []
refresh-tokens  --help: 0, = help refresh-tokens: true, 26 lines, own exit codes: true, no INI reference: true, other commands named: []
test-connection --help: 0, = help test-connection: true, 16 lines, own exit codes: true, no INI reference: true, other commands named: []
import          --help: 0, = help import: true, 54 lines, own exit codes: true, no INI reference: true, other commands named: []
store-init      --help: 0, = help store-init: true, 23 lines, own exit codes: true, no INI reference: true, other commands named: []
store-schema    --help: 0, = help store-schema: true, 15 lines, own exit codes: true, no INI reference: true, other commands named: ["store-init"]
version         --help: 0, = help version: true, 10 lines, own exit codes: true, no INI reference: true, other commands named: []
Usage: sqzgraph status --config FILE

Shows the authorization of a mailbox: authorized or why not, the account,
expiry times (UTC), the last error and warnings. No request is sent.

  --config FILE     the mailbox's INI file (sqzgraph help ini)

Exit codes (all commands: sqzgraph help exit-codes):
  0   authorized (client_credentials: nothing to sign in)
  1   the Store cannot be read (busy, or a failing disk or database)
  2   a sign-in is needed (run `sqzgraph authorize --config FILE`), or the INI
      file is wrong
  64  usage error (unknown option, missing argument)
  69  the sqzgraph extension is not loaded
without the extension: 0 true
frobnicate                                    64 sqzgraph: unknown command 'frobnicate' (commands: authorize, status, refresh-tokens, test-connection, import, store-init, store-schema, version; see sqzgraph --help)
status                                        64 sqzgraph: status: --config FILE is required (see sqzgraph status --help)
status --config                               64 sqzgraph: status: --config needs a value
status --cnofig x.ini                         64 sqzgraph: status: unknown option --cnofig (see sqzgraph status --help)
status x.ini                                  64 sqzgraph: status: unexpected argument 'x.ini' (see sqzgraph status --help)
refresh-tokens                                64 sqzgraph: refresh-tokens: give --config FILE (repeatable) or --config-dir DIR
authorize --config a --config b               64 sqzgraph: authorize: --config given twice
status --verbose=1 --config a                 64 sqzgraph: status: --verbose takes no value
help frobnicate                               64 sqzgraph: help: unknown topic 'frobnicate' (topics: authorize, status, refresh-tokens, test-connection, import, store-init, store-schema, version, ini, exit-codes)
help ini status                               64 sqzgraph: help: one topic at a time (topics: authorize, status, refresh-tokens, test-connection, import, store-init, store-schema, version, ini, exit-codes)
version x                                     64 sqzgraph: version: unexpected argument 'x' (see sqzgraph version --help)
version --config a                            64 sqzgraph: version: unknown option --config (see sqzgraph version --help)
