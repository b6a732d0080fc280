--TEST--
sqzgraph refresh-tokens --parallel: a worker process killed mid-run leaves a "transient" line for each of its mailboxes not done (exit 1); the other workers' lines are printed in order
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!function_exists('posix_kill') || !is_dir('/proc/self')) die('skip needs posix and /proc'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$files = [];
for ($i = 1; $i <= 4; $i++) {
    $files[] = cli_ini($t, $dir, "m$i", ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
}
// every token request hangs for 3 s: the workers are all waiting when one is killed
$t->fault(['method' => 'POST', 'path' => '/oauth2/v2.0/token', 'action' => 'delay', 'delay_ms' => 3000]);
$cmd = array_merge(sqz_php(), [SQZ_CLI, 'refresh-tokens', '--parallel', '2'], ...array_map(fn ($f) => ['--config', $f], $files));
$p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$parent = proc_get_status($p)['pid'];
$children = static function (int $ppid): array {
    $kids = [];
    foreach (glob('/proc/[0-9]*/stat') as $stat) {
        $s = @file_get_contents($stat);
        if ($s !== false && preg_match('/\) \S+ (\d+) /', $s, $m) && (int) $m[1] === $ppid) {
            $kids[] = (int) basename(dirname($stat));
        }
    }
    sort($kids);
    return $kids;
};
for ($i = 0; $i < 500 && count($children($parent)) < 2; $i++) {
    usleep(10000);
}
usleep(500000);
$kids = $children($parent);
echo 'workers: ', count($kids), "\n";
posix_kill($kids[1], SIGKILL);   // started second: it holds m2 and m4
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
echo 'exit ', proc_close($p), "\n", cli_norm($out, $dir, $t), 'stderr: ', json_encode($err), "\n";
?>
--EXPECTF--
workers: 2
exit 1
DIR/m1.ini: refreshed (expires TIME)
DIR/m2.ini: transient: the worker process ended (exit %i) before this mailbox was done; run refresh-tokens again
DIR/m3.ini: refreshed (expires TIME)
DIR/m4.ini: transient: the worker process ended (exit %i) before this mailbox was done; run refresh-tokens again
stderr: ""
