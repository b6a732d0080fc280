--TEST--
Absurd numbers from the servers: Retry-After of ten years (seconds or an HTTP date, Graph and token endpoint) ends at once with ThrottledException instead of sleeping; a 300-digit one too; expires_in negative, zero, absurdly large or not a number is refused and nothing is stored
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/security.inc';
$t = MockTenant::start('basic');
$decade = 10 * 365 * 86400;

function attempt(string $label, callable $f): void
{
    $t0 = microtime(true);
    try {
        $r = $f();
        echo "$label: ", is_string($r) ? 'a token' : json_encode($r);
    } catch (SqzGraph\Exception $e) {
        echo "$label: ", get_class($e);
        if ($e instanceof SqzGraph\ThrottledException) {
            echo " retryAfter=", $e->retryAfter();
        }
        if ($e instanceof SqzGraph\GraphException) {
            echo " status=", $e->statusCode();
        }
        echo "\n  ", preg_replace(['/127\.0\.0\.1:\d+/', '/request-id [0-9a-f-]+/'], ['HOST', 'request-id R'], $e->getMessage());
    }
    echo "\n  waited: ", microtime(true) - $t0 < 3 * MockTenant::slowdown() ? 'no' : 'yes', "\n";
}

// Graph: retries allowed, but a Retry-After beyond max_retry_wait is not waited for.
$a = new SqzGraph\Authenticator(new SqzGraph\Config(sec_cc_options($t->authority, $t->graph, ['max_retries' => 5])),
    new SqzGraph\FileStore(sec_tmp('f') . '/store'));
$m = new SqzGraph\Mailbox($a);
$inbox = $m->resolveFolder('inbox');
$t->fault(['path' => '/messages\?', 'status' => 429, 'retry_after' => (string) $decade, 'times' => 1]);
attempt('429, ten years in seconds', fn () => iterator_to_array($m->messages($inbox->id)));
$t->fault(['path' => '/messages\?', 'status' => 503, 'retry_after' => gmdate('D, d M Y H:i:s \G\M\T', time() + $decade), 'times' => 1]);
$t0 = time();
try {
    iterator_to_array($m->messages($inbox->id));
} catch (SqzGraph\ThrottledException $e) {
    echo "503, ten years as an HTTP date: ThrottledException, retryAfter within a minute of ten years: ",
        var_export(abs($e->retryAfter() - $decade) < 60 * MockTenant::slowdown(), true), "\n";
}
$t->fault(['path' => '/messages\?', 'status' => 429, 'retry_after' => '1' . str_repeat('0', 300), 'times' => 1]);
attempt('429, a 300-digit Retry-After', fn () => iterator_to_array($m->messages($inbox->id)));
echo "then: ", count(iterator_to_array($m->messages($inbox->id))), " messages\n";

// Token endpoint: the same for a client-credentials request.
$b = new SqzGraph\Authenticator(new SqzGraph\Config(sec_cc_options($t->authority, $t->graph, ['max_retries' => 5, 'mailbox' => 'o.brien@contoso.example'])),
    $store = new SqzGraph\FileStore($dir = sec_tmp('f2') . '/store'));
$t->fault(['method' => 'POST', 'path' => 'oauth2/v2\.0/token', 'status' => 429, 'retry_after' => (string) $decade, 'times' => 1]);
attempt('token endpoint 429, ten years', fn () => $b->accessToken());

// expires_in: what the token endpoint says must make sense.
foreach (['negative' => -5, 'zero' => 0, 'a thousand years' => 86400 * 365 * 1000, 'not a number' => 'soon', 'a string' => '3599'] as $label => $v) {
    $t->tokenResponseOverrides(['expires_in' => $v]);
    $store->delete('token');
    attempt("expires_in $label", fn () => $b->accessToken());
    $s = $b->status();
    echo "  stored: ", var_export($store->get('token') !== null, true), ", authorized: ", var_export($s->authorized, true), "\n";
}
?>
--EXPECTF--
429, ten years in seconds: SqzGraph\ThrottledException retryAfter=315360000 status=429
  gave up after 1 attempt: Graph GET %s failed: HTTP 429 TooManyRequests: Please retry again later. — Graph throttled the request; the job retries later (request-id R)
  waited: no
503, ten years as an HTTP date: ThrottledException, retryAfter within a minute of ten years: true
429, a 300-digit Retry-After: SqzGraph\ThrottledException retryAfter=3162240000 status=429
  gave up after 1 attempt: Graph GET %s failed: HTTP 429 TooManyRequests: Please retry again later. — Graph throttled the request; the job retries later (request-id R)
  waited: no
then: 5 messages
token endpoint 429, ten years: SqzGraph\ThrottledException retryAfter=315360000 status=429
  %s
  waited: no
expires_in negative: SqzGraph\GraphException status=200
  %sunusable expires_in%s
  waited: no
  stored: false, authorized: false
expires_in zero: SqzGraph\GraphException status=200
  %sunusable expires_in%s
  waited: no
  stored: false, authorized: false
expires_in a thousand years: SqzGraph\GraphException status=200
  %sunusable expires_in%s
  waited: no
  stored: false, authorized: false
expires_in not a number: SqzGraph\GraphException status=200
  %sunusable expires_in%s
  waited: no
  stored: false, authorized: false
expires_in a string: a token
  waited: no
  stored: true, authorized: true
