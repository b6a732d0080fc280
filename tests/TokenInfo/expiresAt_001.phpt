--TEST--
TokenInfo::expiresAt(): a DateTimeImmutable in UTC for the epoch (whatever date.timezone says), null without an expiry; a new object per call
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--INI--
date.timezone=Pacific/Kiritimati
--FILE--
<?php
require __DIR__ . '/token_info.inc';
$a = offline_auth();
$i = $a->importToken(['access_token' => 'at', 'refresh_token' => 'rt', 'expires' => 1795871100], 'UTC');
$d = $i->expiresAt();
var_dump(get_class($d), $d->getTimestamp(), $d->getOffset(), $d->format('Y-m-d\TH:i:sP'), $d->getTimezone()->getName());
var_dump($i->expiresAt() !== $d, $i->expiresAt() == $d);
// the php.ini zone is not involved even when the object is later shown in another zone
var_dump($d->setTimezone(new DateTimeZone('Europe/Berlin'))->format('Y-m-d H:i:s T'));
// just after the epoch, around the 2038 boundary, far ahead
foreach ([1, 2147483647, 2147483648, 4102444800] as $e) {
    echo $e, ' ', $a->importToken(['access_token' => 'at', 'expires' => $e], 'UTC')->expiresAt()?->format('Y-m-d\TH:i:s\Z'), "\n";
}
$none = offline_auth()->status();
var_dump($none->expiresAt, $none->expiresAt());
date_default_timezone_set('America/Los_Angeles');
var_dump($i->expiresAt()->format('c'));
?>
--EXPECT--
string(17) "DateTimeImmutable"
int(1795871100)
int(0)
string(25) "2026-11-28T13:05:00+00:00"
string(6) "+00:00"
bool(true)
bool(true)
string(23) "2026-11-28 14:05:00 CET"
1 1970-01-01T00:00:01Z
2147483647 2038-01-19T03:14:07Z
2147483648 2038-01-19T03:14:08Z
4102444800 2100-01-01T00:00:00Z
NULL
NULL
string(25) "2026-11-28T13:05:00+00:00"
