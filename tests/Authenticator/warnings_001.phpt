--TEST--
TokenInfo warnings: client secret expiring within 30 days (days and UTC date), expired secret, an idle grant that dies within 14 days
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
date.timezone=Pacific/Kiritimati
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$day = 86400;
$today = intdiv(time(), $day) * $day;     // midnight UTC

function warnings_for(MockTenant $t, $expires, string $flow = 'delegated'): array
{
    [$a] = sqz_auth($t, ['flow' => $flow, 'client_secret_expires' => $expires]);
    return $a->status()->warnings;
}

// 'Y-m-d' (midnight UTC) 12 days ahead
$date = gmdate('Y-m-d', $today + 12 * $day);
$w = warnings_for($t, $date);
show('12 days: count', count($w));
show('12 days: names the days', (bool) preg_match('/\b12 days\b/', $w[0] ?? ''));
show('12 days: names the UTC date', str_contains($w[0] ?? '', $date));
show('12 days: says client secret', stripos($w[0] ?? '', 'client secret') !== false);
// as an int epoch, 12 days and 1 hour ahead: 13 calendar days started
$w = warnings_for($t, time() + 12 * $day + 3600);
show('epoch: names the UTC date', str_contains($w[0] ?? '', gmdate('Y-m-d', time() + 12 * $day + 3600)));
// exactly 30 days ahead: warned; 31 days: not
show('30 days', count(warnings_for($t, gmdate('Y-m-d', $today + 30 * $day))));
show('31 days', count(warnings_for($t, gmdate('Y-m-d', $today + 31 * $day + $day))));
// 1 day: singular
$w = warnings_for($t, time() + 3600);
show('1 day', (bool) preg_match('/\b1 day\b/', $w[0] ?? ''));
// expired yesterday
$date = gmdate('Y-m-d', $today - $day);
$w = warnings_for($t, $date);
show('expired: count', count($w));
show('expired: says expired and the date', str_contains($w[0] ?? '', 'expired') && str_contains($w[0] ?? '', $date));
// client credentials too
show('client_credentials', count(warnings_for($t, gmdate('Y-m-d', $today + 5 * $day), 'client_credentials')));
// no date, no warning
show('no date', warnings_for($t, null));

// idle grant: last refresh 80 days ago → dies in 10 days
[$a, $store] = sqz_auth($t);
sqz_sign_in($a, $t);
show('fresh grant', $a->status()->warnings);
$last = time() - 80 * $day;
sqz_patch_record($store, ['last_refresh_at' => $last]);
$s = $a->status();
show('idle: refreshTokenExpiresAt', $s->refreshTokenExpiresAt === $last + IDLE_LIMIT);
show('idle: count', count($s->warnings));
show('idle: names the days', (bool) preg_match('/\b10 days\b/', $s->warnings[0] ?? ''));
show('idle: names the UTC date', str_contains($s->warnings[0] ?? '', gmdate('Y-m-d', $last + IDLE_LIMIT)));
show('idle: still authorized', $s->authorized);
// 75 days ago → 15 days left: no warning
sqz_patch_record($store, ['last_refresh_at' => time() - 75 * $day]);
show('15 days left', $a->status()->warnings);
// both at once
[$b, $bstore] = sqz_auth($t, ['client_secret_expires' => gmdate('Y-m-d', $today + 3 * $day)]);
sqz_sign_in($b, $t);
sqz_patch_record($bstore, ['last_refresh_at' => time() - 85 * $day]);
show('both', count($b->status()->warnings));
// warnings also on the TokenInfo of refresh() and completeAuthorization()
show('refresh() carries them', count($b->refresh()->warnings));
?>
--EXPECT--
12 days: count: 1
12 days: names the days: true
12 days: names the UTC date: true
12 days: says client secret: true
epoch: names the UTC date: true
30 days: 1
31 days: 0
1 day: true
expired: count: 1
expired: says expired and the date: true
client_credentials: 1
no date: []
fresh grant: []
idle: refreshTokenExpiresAt: true
idle: count: 1
idle: names the days: true
idle: names the UTC date: true
idle: still authorized: true
15 days left: []
both: 2
refresh() carries them: 2
