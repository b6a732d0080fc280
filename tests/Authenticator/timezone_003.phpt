--TEST--
importToken() in child processes under different date.timezone / TZ: the same legacy record gives the same epoch everywhere
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$optionsFile = sqz_tmp('tz') . '/options.json';
file_put_contents($optionsFile, json_encode(sqz_options($t)));
$envs = [
    [['date.timezone' => 'UTC'], ['TZ' => null]],
    [['date.timezone' => 'Europe/Berlin'], ['TZ' => 'Europe/Berlin']],
    [['date.timezone' => 'America/Los_Angeles'], ['TZ' => 'America/Los_Angeles']],
    [['date.timezone' => 'Pacific/Kiritimati'], ['TZ' => 'Pacific/Kiritimati']],
    [['date.timezone' => 'UTC'], ['TZ' => 'Pacific/Kiritimati']],
    [['date.timezone' => 'Asia/Kolkata'], ['TZ' => 'America/Los_Angeles']],
];
foreach ([['2026-03-29 03:30:00', 'Europe/Berlin', 1774747800], ['2026-11-28 14:05:00', 'Europe/Berlin', 1795871100],
    ['2026-07-01 12:00:00', 'America/Los_Angeles', 1782932400], ['1795871100', 'Pacific/Kiritimati', 1795871100]] as [$wall, $zone, $want]) {
    $got = [];
    foreach ($envs as [$ini, $env]) {
        $dir = sqz_tmp('tz') . '/store';
        [$rc, $out, $err] = sqz_run(array_merge(sqz_php($ini), [__DIR__ . '/tz_child.inc', $optionsFile, $dir, 'import', $wall, $zone]), $env);
        $o = json_decode($out, true);
        $got[] = is_array($o) ? $o['expiresAt'] . ($o['stored'] === $o['expiresAt'] ? '' : '/stored ' . $o['stored']) : "child failed ($rc): $out $err";
    }
    $distinct = array_unique($got);
    echo "$wall $zone: ", count($distinct) === 1 && reset($distinct) === (string) $want ? 'ok' : 'WRONG ' . json_encode($got), "\n";
}
?>
--EXPECT--
2026-03-29 03:30:00 Europe/Berlin: ok
2026-11-28 14:05:00 Europe/Berlin: ok
2026-07-01 12:00:00 America/Los_Angeles: ok
1795871100 Pacific/Kiritimati: ok
