--TEST--
Time-zone independence: the same record gives the same refresh decision and the same expiresAt under any date.timezone and TZ
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store] = sqz_auth($t);
sqz_sign_in($a, $t);
$record = sqz_record($store);
$optionsFile = sqz_tmp('tz') . '/options.json';
file_put_contents($optionsFile, json_encode(sqz_options($t)));

$envs = [
    'UTC / TZ unset' => [['date.timezone' => 'UTC'], ['TZ' => null]],
    'Europe/Berlin' => [['date.timezone' => 'Europe/Berlin'], ['TZ' => 'Europe/Berlin']],
    'America/Los_Angeles' => [['date.timezone' => 'America/Los_Angeles'], ['TZ' => 'America/Los_Angeles']],
    'Pacific/Kiritimati' => [['date.timezone' => 'Pacific/Kiritimati'], ['TZ' => 'Pacific/Kiritimati']],
    'php.ini UTC, TZ Kiritimati' => [['date.timezone' => 'UTC'], ['TZ' => 'Pacific/Kiritimati']],
    'php.ini Los_Angeles, TZ Asia/Kolkata' => [['date.timezone' => 'America/Los_Angeles'], ['TZ' => 'Asia/Kolkata']],
];
// expires_at relative to now: fresh, just outside the 300 s margin, just inside it
$scenarios = ['fresh (3599 s)' => null, '400 s left' => 400, '290 s left' => 290];

foreach ($scenarios as $label => $left) {
    $expiresAt = $left === null ? $record['expires_at'] : time() + $left;
    $seen = [];
    foreach ($envs as $envLabel => [$ini, $env]) {
        $dir = sqz_tmp('tz') . '/store';
        (new SqzGraph\FileStore($dir))->put('token', json_encode(['expires_at' => $expiresAt] + $record, JSON_UNESCAPED_SLASHES));
        $seq = sqz_seq($t);
        [$rc, $out, $err] = sqz_run(array_merge(sqz_php($ini), [__DIR__ . '/tz_child.inc', $optionsFile, $dir, 'lifecycle']), $env);
        $o = json_decode($out, true);
        if ($rc !== 0 || !is_array($o)) {
            echo "$label / $envLabel: child failed ($rc): $out $err\n";
            continue;
        }
        if ($o['php_zone'] !== $ini['date.timezone']) {
            echo "$envLabel: child zone is {$o['php_zone']}\n";
        }
        $o['token_requests'] = sqz_grants($t, $seq);
        $seen[$envLabel] = $o;
    }
    $decisions = array_unique(array_map(fn ($o) => json_encode([$o['status'], $o['refreshed'], $o['token_requests'], $o['after']['stale_margin']]), $seen));
    echo "$label: ", count($seen), ' processes, ', count($decisions), " distinct outcome(s)\n";
    $o = reset($seen);
    show('  expiresAt = record', $o['status']['expiresAt'] === $expiresAt);
    show('  expiresAt() in UTC', $o['status']['iso'] === gmdate('Y-m-d\TH:i:s', $expiresAt) . '+00:00');
    show('  authorized', $o['status']['authorized']);
    show('  refreshed', $o['refreshed']);
    show('  token requests', $o['token_requests']);
    show('  after: outside the margin', !$o['after']['stale_margin']);
}
// the zones really differed (local offsets seen by the children)
show('distinct local offsets', count(array_unique(array_map(fn ($o) => $o['local_offset'], $seen))) >= 4);
show('distinct libc offsets', count(array_unique(array_map(fn ($o) => $o['libc_offset'], $seen))) >= 4);
?>
--EXPECT--
fresh (3599 s): 6 processes, 1 distinct outcome(s)
  expiresAt = record: true
  expiresAt() in UTC: true
  authorized: true
  refreshed: false
  token requests: ''
  after: outside the margin: true
400 s left: 6 processes, 1 distinct outcome(s)
  expiresAt = record: true
  expiresAt() in UTC: true
  authorized: true
  refreshed: false
  token requests: ''
  after: outside the margin: true
290 s left: 6 processes, 1 distinct outcome(s)
  expiresAt = record: true
  expiresAt() in UTC: true
  authorized: true
  refreshed: true
  token requests: 'refresh_token'
  after: outside the margin: true
distinct local offsets: true
distinct libc offsets: true
