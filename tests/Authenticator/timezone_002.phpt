--TEST--
importToken(): a legacy zone-less "Y-m-d H:i:s" expiry is read in the given zone (never date.timezone or TZ); int epochs as is; the imported record drives refresh decisions
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
date.timezone=America/Los_Angeles
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
[$a, $store, $config] = sqz_auth($t);

// unambiguous wall-clock times: exact epochs, whatever this process's zone (Los Angeles here)
$cases = [
    ['2026-03-29 01:59:59', 'Europe/Berlin', 1774745999],     // last second of CET before the gap
    ['2026-03-29 03:00:00', 'Europe/Berlin', 1774746000],     // first second of CEST
    ['2026-10-25 03:00:00', 'Europe/Berlin', 1792893600],     // after the fall-back hour
    ['2026-07-01 12:00:00', 'America/Los_Angeles', 1782932400],
    ['2026-01-01 00:00:00', 'Pacific/Kiritimati', 1767175200], // UTC+14
    ['2026-06-15 08:00:00', 'UTC', 1781510400],
    ['2026-06-15 08:00:00', 'Asia/Kolkata', 1781490600],      // UTC+5:30
];
foreach ($cases as [$wall, $zone, $epoch]) {
    $i = $a->importToken(['access_token' => 'legacy-at', 'refresh_token' => 'legacy-rt', 'expires' => $wall], $zone);
    $r = sqz_record($store);
    printf("%s %-20s %s%s\n", $wall, $zone, $i->expiresAt === $epoch ? 'ok' : "WRONG {$i->expiresAt} (want $epoch)",
        $r['expires_at'] === $epoch ? '' : ' (stored ' . $r['expires_at'] . ')');
}
// the same in other process zones
foreach (['UTC', 'Pacific/Kiritimati', 'Europe/Berlin'] as $processZone) {
    date_default_timezone_set($processZone);
    $i = $a->importToken(['access_token' => 'legacy-at', 'expires' => '2026-07-01 12:00:00'], 'America/Los_Angeles');
    echo "process zone $processZone: ", $i->expiresAt === 1782932400 ? 'ok' : "WRONG {$i->expiresAt}", "\n";
}
date_default_timezone_set('America/Los_Angeles');
// an int epoch is taken as is; the zone does not matter
$i = $a->importToken(['access_token' => 'legacy-at', 'expires' => 1782932400], 'Pacific/Kiritimati');
show('int epoch', $i->expiresAt);

// the imported record: current fingerprint, config scopes, now as obtained/last refresh
$before = time();
$i = $a->importToken(['access_token' => 'legacy-at', 'refresh_token' => 'legacy-rt', 'expires' => 1782932400], 'UTC');
$r = sqz_record($store);
show('fingerprint', $r['fingerprint'] === $config->fingerprint());
show('flow', $r['flow']);
show('tokens', [$r['access_token'], $r['refresh_token']]);
show('obtained now', $r['obtained_at'] >= $before && $r['obtained_at'] <= time());
show('scopes = Config scopes', $r['scopes'] === $config->toArray()['scopes']);
show('authorized', $i->authorized);
show('refreshTokenExpiresAt', $i->refreshTokenExpiresAt - $i->lastRefreshAt);

// decisions: a legacy expiry written as Berlin wall-clock time 200 s from now is stale,
// 600 s from now is fresh — in this Los Angeles process
$rt = $t->delegatedToken(TENANT, CLIENT, SECRET, ADMIN, 'openid profile offline_access ' . $t->baseUrl . '/Mail.ReadWrite')['refresh_token'];
$berlin = new DateTimeZone('Europe/Berlin');
$wall = fn (int $epoch) => (new DateTimeImmutable("@$epoch"))->setTimezone($berlin)->format('Y-m-d H:i:s');
$a->importToken(['access_token' => 'legacy-at-fresh', 'refresh_token' => $rt, 'expires' => $wall(time() + 600)], 'Europe/Berlin');
$t->clearRequests();
show('600 s left: legacy token used', $a->accessToken());
show('requests', count($t->requests()));
$a->importToken(['access_token' => 'legacy-at-stale', 'refresh_token' => $rt, 'expires' => $wall(time() + 200)], 'Europe/Berlin');
$tok = $a->accessToken();
show('200 s left: refreshed', $tok !== 'legacy-at-stale' && $t->graphGet($tok, '/me')['status'] === 200);
show('token requests', sqz_grants($t));
show('legacy refresh token rotated', sqz_record($store)['refresh_token'] !== $rt);
// an expired legacy record with a refresh token refreshes too
$a->importToken(['access_token' => 'legacy-at-expired', 'refresh_token' => sqz_record($store)['refresh_token'], 'expires' => '2020-01-01 00:00:00'], 'Europe/Berlin');
show('expired legacy: status authorized (refresh token)', $a->status()->authorized);
show('expired legacy: refreshed', $a->accessToken() !== 'legacy-at-expired');
// without a refresh token an expired legacy record cannot be used
$a->importToken(['access_token' => 'legacy-at-expired', 'expires' => '2020-01-01 00:00:00'], 'Europe/Berlin');
$s = $a->status();
show('expired, no refresh token', [$s->authorized, $s->needsReauthorization, $s->reason]);
echo sqz_describe(sqz_catch(fn () => $a->accessToken())), "\n";

// bad input: nothing stored
$a->forget();
foreach ([
    [['access_token' => 'x', 'expires' => '2026-07-01 12:00:00'], 'Mars/Olympus'],
    [['access_token' => 'x', 'expires' => '2026-07-01 12:00:00'], ''],
    [['access_token' => 'x', 'expires' => '01.07.2026 12:00'], 'Europe/Berlin'],
    [['access_token' => 'x', 'expires' => '2026-02-30 12:00:00'], 'Europe/Berlin'],
    [['access_token' => 'x', 'expires' => '2026-07-01T12:00:00Z'], 'Europe/Berlin'],
    [['access_token' => 'x', 'expires' => 1.5], 'UTC'],
    [['access_token' => 'x'], 'UTC'],
    [['access_token' => '', 'expires' => 1782932400], 'UTC'],
    [['refresh_token' => 'x', 'expires' => 1782932400], 'UTC'],
] as [$rec, $zone]) {
    $e = sqz_catch(fn () => $a->importToken($rec, $zone));
    echo get_class($e ?? new stdClass), $e instanceof SqzGraph\ConfigException ? ' key=' . $e->key() : '', "\n";
}
show('nothing stored', $store->get('token'));
?>
--EXPECT--
2026-03-29 01:59:59 Europe/Berlin        ok
2026-03-29 03:00:00 Europe/Berlin        ok
2026-10-25 03:00:00 Europe/Berlin        ok
2026-07-01 12:00:00 America/Los_Angeles  ok
2026-01-01 00:00:00 Pacific/Kiritimati   ok
2026-06-15 08:00:00 UTC                  ok
2026-06-15 08:00:00 Asia/Kolkata         ok
process zone UTC: ok
process zone Pacific/Kiritimati: ok
process zone Europe/Berlin: ok
int epoch: 1782932400
fingerprint: true
flow: 'delegated'
tokens: ["legacy-at","legacy-rt"]
obtained now: true
scopes = Config scopes: true
authorized: true
refreshTokenExpiresAt: 7776000
600 s left: legacy token used: 'legacy-at-fresh'
requests: 0
200 s left: refreshed: true
token requests: 'refresh_token'
legacy refresh token rotated: true
expired legacy: status authorized (refresh token): true
expired legacy: refreshed: true
expired, no refresh token: [false,true,"no_refresh_token"]
SqzGraph\ReauthenticationRequiredException reason='no_refresh_token' error=NULL errorCode=NULL
ValueError
ValueError
SqzGraph\ConfigException key=expires
SqzGraph\ConfigException key=expires
SqzGraph\ConfigException key=expires
SqzGraph\ConfigException key=expires
SqzGraph\ConfigException key=expires
SqzGraph\ConfigException key=access_token
SqzGraph\ConfigException key=access_token
nothing stored: NULL
