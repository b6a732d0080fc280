--TEST--
Config logger: one debug line per token request (method, path, status, ms, request id), for failures too; never a secret
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = MockTenant::start('basic');
$lines = [];
$logger = function (string $level, string $message, array $context) use (&$lines): void {
    $lines[] = [$level, $message, $context];
};
[$a, $store] = sqz_auth($t, ['logger' => $logger, 'max_retries' => 1]);
sqz_sign_in($a, $t);
sqz_make_stale($store);
$a->accessToken();
$t->fault(['method' => 'POST', 'path' => '/oauth2/v2.0/token', 'status' => 503, 'retry_after' => '0']);
sqz_make_stale($store);
sqz_catch(fn () => $a->accessToken());
$ids = array_column($t->requests(), 'request_id');
echo 'lines: ', count($lines), "\n";
foreach ($lines as [$level, $message, $context]) {
    $text = $message . ' ' . json_encode($context);
    printf("%s %s %s %s %s\n", $level,
        str_contains($text, 'POST') ? 'POST' : '?',
        str_contains($text, '/' . TENANT . '/oauth2/v2.0/token') ? 'token-path' : '?',
        preg_match('/\b(200|503)\b/', $text, $m) ? $m[1] : '?',
        count(array_filter($ids, fn ($id) => $id !== null && str_contains($text, $id))) === 1 ? 'request-id' : 'no-request-id');
}
$rec = sqz_record($store);
$all = json_encode($lines);
show('no secret', !str_contains($all, SECRET) && !str_contains($all, $rec['access_token']) && !str_contains($all, $rec['refresh_token']));
?>
--EXPECT--
lines: 4
debug POST token-path 200 request-id
debug POST token-path 200 request-id
debug POST token-path 503 request-id
debug POST token-path 503 request-id
no secret: true
