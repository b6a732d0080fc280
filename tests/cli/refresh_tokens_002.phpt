--TEST--
sqzgraph refresh-tokens --parallel N: worker processes refresh the mailboxes at the same time, each mailbox once; the lines come in the order of the files and equal those of --parallel 1; the exit status is the worst; a bad --parallel is a usage error
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
mkdir("$dir/conf.d");
$files = [];
for ($i = 1; $i <= 10; $i++) {
    $files[] = cli_ini($t, "$dir/conf.d", sprintf('m%02d', $i), ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]
        + ($i === 4 ? ['client_secret' => 'Sq~wrong'] : []));
}
file_put_contents("$dir/conf.d/m07.ini", "[sqzgraph]\nflow = client_credentials\nstore_dir = s7\ntenantid = x\n");
$args = array_merge(...array_map(fn ($f) => ['--config', $f], $files));

$run = function (string $label, array $extra) use ($t, $dir, $args): array {
    $t->clearRequests();
    [$rc, $out, $err] = cli(array_merge(['refresh-tokens'], $extra, $args));
    $tokens = array_values(array_filter($t->requests(), fn ($r) => str_ends_with($r['target'], '/oauth2/v2.0/token')));
    // the most token requests the tenant was serving at one instant
    $events = [];
    foreach ($tokens as $r) {
        $events[] = [$r['ts'], 1];
        $events[] = [$r['ts'] + $r['ms'] / 1000 - 0.05, -1];   // the log's times are rounded: 50 ms of slack
    }
    usort($events, fn ($a, $b) => $a[0] <=> $b[0] ?: $a[1] <=> $b[1]);
    $now = $max = 0;
    foreach ($events as [, $d]) {
        $max = max($max, $now += $d);
    }
    echo "$label: exit $rc, token requests ", count($tokens), ', ', $max > 1 ? 'overlapping' : 'one at a time', "\n";
    if ($err !== '') {
        echo 'stderr: ', cli_norm($err, $dir, $t);
    }
    return [$rc, cli_norm($out, $dir, $t)];
};

// each token request takes 300 ms (times the valgrind slowdown, as workers start slower there): with 4 workers several are in flight at once
$t->fault(['method' => 'POST', 'path' => '/oauth2/v2.0/token', 'action' => 'delay', 'delay_ms' => 300 * MockTenant::slowdown()]);
[$rc4, $out4] = $run('--parallel 4', ['--parallel', '4']);
echo $out4;
echo "--- again, all valid now: no request\n";
[$rc, $out] = $run('default (8)', []);
echo $out;
echo "--- --parallel 1 prints the same lines as --parallel 4 (stores emptied first)\n";
foreach (glob("$dir/conf.d/store-*") as $s) {
    sqz_rmrf_dir($s);
}
[$rc1, $out1] = $run('--parallel 1', ['--parallel', '1']);
echo 'same lines and status: ', json_encode($out1 === $out4 && $rc1 === $rc4), "\n";
echo "--- usage\n";
foreach (['0', '65', 'x', ''] as $p) {
    [$rc, , $err] = cli(['refresh-tokens', '--parallel', $p, '--config', $files[0]]);
    echo "--parallel '$p': $rc ", trim($err), "\n";
}
echo "--- a worker's protocol: one JSON line per file\n";
[$rc, $out] = cli(['refresh-tokens', '--worker', '--config', $files[0], '--config', $files[6]]);
echo "exit $rc\n", preg_replace('/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/', 'TIME', cli_norm($out, $dir));
?>
--EXPECTF--
--parallel 4: exit 2, token requests 9, overlapping
DIR/conf.d/m01.ini: refreshed (expires TIME)
DIR/conf.d/m02.ini: refreshed (expires TIME)
DIR/conf.d/m03.ini: refreshed (expires TIME)
DIR/conf.d/m04.ini: error: acquiring an application token for application 3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c failed: AADSTS7000215%s
DIR/conf.d/m05.ini: refreshed (expires TIME)
DIR/conf.d/m06.ini: refreshed (expires TIME)
DIR/conf.d/m07.ini: error: unknown option 'tenantid'; did you mean 'tenant_id'?
DIR/conf.d/m08.ini: refreshed (expires TIME)
DIR/conf.d/m09.ini: refreshed (expires TIME)
DIR/conf.d/m10.ini: refreshed (expires TIME)
--- again, all valid now: no request
default (8): exit 2, token requests 1, one at a time
DIR/conf.d/m01.ini: valid (expires TIME)
DIR/conf.d/m02.ini: valid (expires TIME)
DIR/conf.d/m03.ini: valid (expires TIME)
DIR/conf.d/m04.ini: error: acquiring an application token for application 3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c failed: AADSTS7000215%s
DIR/conf.d/m05.ini: valid (expires TIME)
DIR/conf.d/m06.ini: valid (expires TIME)
DIR/conf.d/m07.ini: error: unknown option 'tenantid'; did you mean 'tenant_id'?
DIR/conf.d/m08.ini: valid (expires TIME)
DIR/conf.d/m09.ini: valid (expires TIME)
DIR/conf.d/m10.ini: valid (expires TIME)
--- --parallel 1 prints the same lines as --parallel 4 (stores emptied first)
--parallel 1: exit 2, token requests 9, one at a time
same lines and status: true
--- usage
--parallel '0': 64 sqzgraph: refresh-tokens: --parallel must be a whole number from 1 to 64
--parallel '65': 64 sqzgraph: refresh-tokens: --parallel must be a whole number from 1 to 64
--parallel 'x': 64 sqzgraph: refresh-tokens: --parallel must be a whole number from 1 to 64
--parallel '': 64 sqzgraph: refresh-tokens: --parallel must be a whole number from 1 to 64
--- a worker's protocol: one JSON line per file
exit 2
[0,"valid (expires TIME)",0]
[1,"error: unknown option 'tenantid'; did you mean 'tenant_id'?",2]