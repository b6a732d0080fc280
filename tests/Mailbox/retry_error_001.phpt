--TEST--
Mailbox: a Retry-After beyond max_retry_wait throws ThrottledException at once with retryAfter() (seconds or HTTP date)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t, ['max_retries' => 5, 'max_retry_wait' => 10]);
foreach (['300', '10.5', gmdate('D, d M Y H:i:s', time() + 600) . ' GMT'] as $after) {
    $t->clearFaults();
    $t->fault(['path' => '/mailFolders/inbox/messages\?', 'status' => 429, 'retry_after' => $after, 'times' => 1]);
    $s = mb_seq($t);
    $t0 = microtime(true);
    $e = mb_catch(fn () => iterator_to_array($m->messages('inbox')));
    $secs = microtime(true) - $t0;
    printf("%s: %s, extends GraphException %s, retryAfter %s, requests %d, at once %s\n", strlen($after) > 6 ? 'HTTP date +600 s' : $after,
        get_class($e), json_encode($e instanceof SqzGraph\GraphException), strlen($after) > 6 ? json_encode(abs($e->retryAfter() - 600) <= 2) : json_encode($e->retryAfter()),
        count(mb_graph($t, $s)), json_encode(mb_within($secs, 1)));
}
echo preg_replace('/\(request-id [0-9a-f-]+\)/', '(request-id …)', $e->getMessage()), "\n";
show('statusCode, graphCode', [$e->statusCode(), $e->graphCode()]);
// A 503 asking for longer than max_retry_wait: no wait either.
$t->clearFaults();
$t->fault(['path' => '/mailFolders/inbox/messages\?', 'status' => 503, 'retry_after' => '3600', 'times' => 1]);
$t0 = microtime(true);
$e = mb_catch(fn () => iterator_to_array($m->messages('inbox')));
echo mb_describe($e), ', at once ', json_encode(mb_within(microtime(true) - $t0, 1)), "\n";
?>
--EXPECT--
300: SqzGraph\ThrottledException, extends GraphException true, retryAfter 300, requests 1, at once true
10.5: SqzGraph\ThrottledException, extends GraphException true, retryAfter 10.5, requests 1, at once true
HTTP date +600 s: SqzGraph\ThrottledException, extends GraphException true, retryAfter true, requests 1, at once true
gave up after 1 attempt: Graph GET /me/mailFolders/inbox/messages failed: HTTP 429 TooManyRequests: Please retry again later. — Graph throttled the request; the job retries later (request-id …)
statusCode, graphCode: [429,"TooManyRequests"]
SqzGraph\ThrottledException retryAfter=3600.0 status=503 code='serviceNotAvailable', at once true
