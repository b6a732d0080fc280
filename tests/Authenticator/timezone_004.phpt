--TEST--
importToken(): a wall-clock time that is ambiguous (DST fall-back) or does not exist (spring-forward gap) in the zone resolves to the EARLIEST candidate instant, so a legacy token is never taken as valid after it expired
--DESCRIPTION--
A legacy writer did date('Y-m-d H:i:s', $expiry) in local time. During the repeated
hour of a fall-back that string names two instants; which one was meant is lost.
Taking the later one can keep a token "valid" up to an hour after it expired (the
founding bug); taking the earlier one only refreshes up to an hour early, which is
harmless. The same rule (earliest candidate = local time minus the larger of the two
offsets around the transition) gives a defined answer for the non-existent hour.
ext/date alone is not enough: it picks the later instant for Europe/Berlin's
02:30 on 2026-10-25 but the earlier one for America/New_York's 01:30 on 2026-11-01.
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
date.timezone=UTC
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a] = sqz_auth($t);
foreach ([
    ['fall-back, ambiguous', '2026-10-25 02:30:00', 'Europe/Berlin', 1792888200],       // 02:30 CEST = 00:30Z (02:30 CET = 01:30Z)
    ['fall-back, ambiguous', '2026-10-25 02:00:00', 'Europe/Berlin', 1792886400],       // 02:00 CEST = 00:00Z
    ['fall-back, ambiguous', '2026-11-01 01:30:00', 'America/New_York', 1793511000],    // 01:30 EDT = 05:30Z (EST = 06:30Z)
    ['spring-forward gap', '2026-03-29 02:30:00', 'Europe/Berlin', 1774744200],         // 00:30Z (CET reading: 01:30Z)
    ['spring-forward gap', '2026-03-08 02:30:00', 'America/New_York', 1772951400],      // 06:30Z (EST reading: 07:30Z)
] as [$what, $wall, $zone, $want]) {
    $i = $a->importToken(['access_token' => 'legacy-at', 'refresh_token' => 'legacy-rt', 'expires' => $wall], $zone);
    printf("%s %s %s: %s\n", $what, $wall, $zone, $i->expiresAt === $want ? 'ok'
        : sprintf('WRONG %d = %s, want %d = %s', $i->expiresAt, gmdate('H:i\Z', $i->expiresAt), $want, gmdate('H:i\Z', $want)));
}
?>
--EXPECT--
fall-back, ambiguous 2026-10-25 02:30:00 Europe/Berlin: ok
fall-back, ambiguous 2026-10-25 02:00:00 Europe/Berlin: ok
fall-back, ambiguous 2026-11-01 01:30:00 America/New_York: ok
spring-forward gap 2026-03-29 02:30:00 Europe/Berlin: ok
spring-forward gap 2026-03-08 02:30:00 America/New_York: ok
