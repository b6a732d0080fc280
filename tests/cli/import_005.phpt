--TEST--
sqzgraph import progress: on a terminal one redrawn bar (done/total, messages per second, ETA) instead of a line per message, first drawn once the listing is known with what the run waits for ("fetching 5 messages…", then at once "writing message 1…"), then the summary; the bar's text from sqz_cli_progress_bar() for known and unknown totals
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet');
if (!is_executable('/usr/bin/script')) die('skip needs script(1) from util-linux for a pseudo-terminal'); ?>
--FILE--
<?php
const SQZ_CLI_LIBRARY = true;
require __DIR__ . '/../../scripts/sqzgraph';
require __DIR__ . '/cli.inc';
foreach ([[0, 40, 0.0], [1, 40, 0.5], [12, 40, 4.0], [40, 40, 10.0], [7, null, 2.0], [3, 0, 1.0], [1, 5000, 3.0], [50, 20, 5.0]] as [$d, $n, $s]) {
    printf("%-5s %-5s %-5s %s|\n", $d, json_encode($n), $s, sqz_cli_progress_bar($d, $n, $s, 20));
}
echo sqz_cli_duration(59.2), ' ', sqz_cli_duration(75), ' ', sqz_cli_duration(3725), "\n";

$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$ini = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
$cmd = implode(' ', array_map('escapeshellarg', array_merge(sqz_php(), [SQZ_CLI, 'import', '--config', $ini, '--target', "$dir/out"])));
[$rc, $out] = sqz_run(['/usr/bin/script', '-qefc', $cmd, '/dev/null'], ['TERM' => 'xterm']);
$out = str_replace("\r\n", "\n", $out);   // the terminal's line discipline
echo "exit $rc\n";
echo 'no plain lines: ', json_encode(!str_contains($out, '[1/5]')), "\n";
preg_match_all('/\r\e\[K(\[[#.]{30}\] \d+\/5  [\d.]+ msg\/s  ETA [\d:-]+)/', $out, $m);
echo 'bars drawn: ', json_encode(count($m[1]) >= 1), ', the last: ', preg_replace('/[\d.]+ msg\/s/', 'R msg/s', end($m[1])), "\n";
preg_match_all('/\r\e\[K([^\r\n]*)/', $out, $all);
echo 'the first bar: ', preg_replace('/ETA [\d:-]+/', 'ETA E', $all[1][0] ?? ''), "|\n";
echo 'the second: ', preg_replace(['/ETA [\d:-]+/', '/[\d.]+ msg\/s/'], ['ETA E', 'R msg/s'], $all[1][1] ?? ''), "|\n";
echo 'then: ', json_encode(preg_replace('/ in [\d.]+ s \([\d.]+ messages\/s\)/', ' in N s', substr($out, strrpos($out, 'ETA 0:00') + 8))), "\n";
?>
--EXPECT--
0     40    0     [....................] 0/40  0.0 msg/s  ETA --:--|
1     40    0.5   [....................] 1/40  2.0 msg/s  ETA 0:20|
12    40    4     [######..............] 12/40  3.0 msg/s  ETA 0:10|
40    40    10    [####################] 40/40  4.0 msg/s  ETA 0:00|
7     null  2     7  3.5 msg/s  ETA --:--|
3     0     1     3  3.0 msg/s  ETA --:--|
1     5000  3     [....................] 1/5000  0.3 msg/s  ETA 4:09:57|
50    20    5     [####################] 50/20  10.0 msg/s  ETA 0:00|
1:00 1:15 1:02:05
exit 0
no plain lines: true
bars drawn: true, the last: [##############################] 5/5  R msg/s  ETA 0:00
the first bar: [..............................] 0/5  0.0 msg/s  ETA E  fetching 5 messages…|
the second: [..............................] 0/5  R msg/s  ETA E  writing message 1…|
then: "\nimported 5, failed 0, deferred 0, vanished 0, resumed 0 in N s\n"