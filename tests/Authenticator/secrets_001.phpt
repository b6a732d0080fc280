--TEST--
Secrets never leave: var_dump / print_r / var_export / json_encode / casts of Authenticator and TokenInfo, exception messages and traces (with arguments), logger lines
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
zend.exception_ignore_args=0
zend.exception_string_param_max_len=1000000
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$log = [];
$logger = function (string $level, string $message, array $context) use (&$log): void {
    $log[] = $level . ' ' . $message . ' ' . json_encode($context);
};
[$a, $store, $config, $dir] = sqz_auth($t, ['logger' => $logger]);
$b = $a->beginAuthorization();
$verifier = json_decode($store->get(sqz_pending_key($b['state'])), true)['verifier'];
$r = $t->authorize($b['url']);
$code = $r['query']['code'];
$info = $a->completeAuthorization($r['query']);
$rec = sqz_record($store);
$secrets = ['client secret' => SECRET, 'access token' => $rec['access_token'], 'refresh token' => $rec['refresh_token'],
    'code' => $code, 'verifier' => $verifier];
sqz_make_stale($store);
$a->accessToken();
$rec = sqz_record($store);
$secrets['new access token'] = $rec['access_token'];
$secrets['new refresh token'] = $rec['refresh_token'];

function leaks(string $where, string $text, array $secrets): void
{
    $found = [];
    foreach ($secrets as $name => $s) {
        if ($s !== '' && str_contains($text, $s)) {
            $found[] = $name;
        }
    }
    echo $where, ': ', $found === [] ? 'clean' : 'LEAKS ' . implode(', ', $found), "\n";
}

foreach (['Authenticator' => $a, 'TokenInfo' => $info, 'refresh() TokenInfo' => $a->refresh()] as $label => $obj) {
    ob_start();
    var_dump($obj);
    print_r($obj);
    echo "\n";
    var_export($obj);
    echo "\n", json_encode($obj), "\n";
    var_dump((array) $obj, get_object_vars($obj));
    debug_print_backtrace();
    $out = ob_get_clean();
    leaks("$label dumps", $out, $secrets);
}
ob_start();
var_dump($a);
$dump = ob_get_clean();
show('Authenticator dump names the flow', str_contains($dump, 'delegated'));
show('Authenticator dump names the client id', str_contains($dump, CLIENT));

// exceptions with arguments in their traces
$traces = '';
$collect = function (callable $fn) use (&$traces): void {
    $e = sqz_catch($fn);
    if ($e === null) {
        echo "no exception\n";
        return;
    }
    // (string) $e has the trace with string arguments; the arguments of the extension's own
    // frames are dumped in full (the test's closures capture the secrets, so not those frames)
    $traces .= get_class($e) . ': ' . $e . "\n";
    foreach ($e->getTrace() as $frame) {
        if (str_starts_with($frame['class'] ?? '', 'SqzGraph\\')) {
            $traces .= $frame['function'] . ' ' . print_r($frame['args'] ?? [], true) . "\n";
            $GLOBALS['frames'][] = $frame['class'] . '::' . $frame['function'] . '(' . implode(', ', array_map(
                fn ($v) => is_object($v) ? get_class($v) : gettype($v), $frame['args'] ?? [])) . ')';
        }
    }
    for ($p = $e->getPrevious(); $p; $p = $p->getPrevious()) {
        $traces .= (string) $p;
    }
};
$collect(fn () => $a->completeAuthorization(['code' => $code, 'state' => $b['state']]));                 // reused state
$collect(fn () => $a->completeAuthorization(['code' => $code, 'state' => 'x', 'code_verifier' => $verifier]));
$collect(fn () => $a->importToken(['access_token' => $secrets['access token'], 'refresh_token' => $secrets['refresh token'], 'expires' => 'soon'], 'UTC'));
$collect(fn () => $a->importToken(['access_token' => $secrets['access token'], 'expires' => '2026-01-01 00:00:00'], 'Nowhere/Atlantis'));
$w = new SqzGraph\Authenticator(sqz_config($t, ['client_secret' => 'Sq~wrong-secret-value', 'logger' => $logger]), $store);
$secrets['wrong secret'] = 'Sq~wrong-secret-value';
$collect(fn () => $w->refresh(true));
$t->revokeRefreshTokens(ADMIN);
$collect(fn () => $a->refresh(true));
$collect(fn () => $a->accessToken());
echo implode("\n", $GLOBALS['frames']), "\n";
show('exceptions collected', substr_count($traces, 'Exception') + substr_count($traces, 'Error') >= 7);
leaks('exception strings and traces', $traces, $secrets);
leaks('status lastError', (string) $a->status()->lastError . (string) $w->status()->lastError, $secrets);

// the logger saw every HTTP request, never a secret
show('logger lines', count($log) >= 3);
leaks('logger', implode("\n", $log), $secrets);

// the Store holds the tokens (that is its job) but the pending record is gone
show('pending removed', $store->get(sqz_pending_key($b['state'])));

// not serializable, not cloneable
foreach ([fn () => serialize($a), fn () => unserialize('O:22:"SqzGraph\Authenticator":0:{}'), fn () => clone $a] as $fn) {
    $e = sqz_catch($fn);
    echo get_class($e ?? new stdClass), ': ', $e?->getMessage(), "\n";
}
?>
--EXPECTF--
Authenticator dumps: clean
TokenInfo dumps: clean
refresh() TokenInfo dumps: clean
Authenticator dump names the flow: true
Authenticator dump names the client id: true
SqzGraph\Authenticator::completeAuthorization(SensitiveParameterValue)
SqzGraph\Authenticator::completeAuthorization(SensitiveParameterValue)
SqzGraph\Authenticator::importToken(SensitiveParameterValue, string)
SqzGraph\Authenticator::importToken(SensitiveParameterValue, string)
SqzGraph\Authenticator::refresh(boolean)
SqzGraph\Authenticator::refresh(boolean)
SqzGraph\Authenticator::accessToken()
exceptions collected: true
exception strings and traces: clean
status lastError: clean
logger lines: true
logger: clean
pending removed: NULL
Exception: Serialization of 'SqzGraph\Authenticator' is not allowed
Exception: Unserialization of 'SqzGraph\Authenticator' is not allowed
Error: Trying to clone an uncloneable object of class SqzGraph\Authenticator
