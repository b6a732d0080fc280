--TEST--
TokenInfo: properties cannot be written, unset or added
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/token_info.inc';
$i = offline_auth()->importToken(['access_token' => 'at', 'refresh_token' => 'rt', 'expires' => 1795871100], 'UTC');
foreach ([
    fn () => $i->authorized = false,
    fn () => $i->expiresAt = 0,
    function () use ($i) { unset($i->reason); },
    function () use ($i) { $i->scopes[] = 'x'; },
    fn () => $i->somethingElse = 1,
] as $fn) {
    $e = null;
    try {
        $fn();
    } catch (Error $e) {
    }
    echo $e ? get_class($e) . ': ' . $e->getMessage() : 'no error', "\n";
}
var_dump($i->authorized, $i->expiresAt, $i->scopes === ['openid', 'profile', 'offline_access', 'http://127.0.0.1:9/Mail.ReadWrite']);
?>
--EXPECTF--
Error: Cannot modify readonly property SqzGraph\TokenInfo::$authorized
Error: Cannot modify readonly property SqzGraph\TokenInfo::$expiresAt
Error: Cannot unset readonly property SqzGraph\TokenInfo::$reason
Error: Cannot %r(indirectly )?%rmodify readonly property SqzGraph\TokenInfo::$scopes
Error: Cannot create dynamic property SqzGraph\TokenInfo::$somethingElse
bool(true)
int(1795871100)
bool(true)
