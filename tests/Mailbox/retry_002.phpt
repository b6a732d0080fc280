--TEST--
Mailbox: network errors are retried (idempotent requests); without Retry-After the backoff is capped by max_retry_wait; at most max_retries retries; 500 and 4xx are not retried
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t, ['max_retries' => 3, 'max_retry_wait' => 0.3]);
$path = '/mailFolders/inbox/messages\?';
$run = function (string $label, array $rule, ?SqzGraph\Mailbox $mb = null) use ($t, $m, $path): void {
    $t->clearFaults();
    $t->fault($rule + ['path' => $path]);
    $s = mb_seq($t);
    $t0 = microtime(true);
    $e = mb_catch(fn () => iterator_to_array(($mb ?? $m)->messages('inbox')));
    $secs = microtime(true) - $t0;
    $log = mb_graph($t, $s);
    $gaps = [];
    for ($i = 1; $i < count($log); $i++) {
        $gaps[] = $log[$i]['ts'] - $log[$i - 1]['ts'];
    }
    echo "$label: ", mb_describe($e), ', statuses ', json_encode(array_column($log, 'status')),
        ', waits <= max_retry_wait: ', json_encode($gaps === [] || mb_within(max($gaps), 0.4)), "\n";
    if ($e !== null) {
        echo '  ', preg_replace('/\(request-id [0-9a-f-]+\)/', '(request-id …)', $e->getMessage()), "\n";
    }
};
$run('dropped twice', ['action' => 'drop', 'times' => 2]);
$run('cut short once', ['action' => 'truncate', 'times' => 1]);
$run('503 without Retry-After, 2x', ['status' => 503, 'times' => 2]);
$run('503 forever', ['status' => 503, 'retry_after' => '0.1']);
$run('drop forever', ['action' => 'drop']);
$run('500', ['status' => 500, 'times' => 1]);
$run('400', ['status' => 400, 'times' => 1]);
$run('max_retries 0', ['status' => 503, 'retry_after' => '0', 'times' => 1], mb_mailbox($t, ['max_retries' => 0]));
?>
--EXPECTF--
dropped twice: no exception, statuses [0,0,200], waits <= max_retry_wait: true
cut short once: no exception, statuses [200,200], waits <= max_retry_wait: true
503 without Retry-After, 2x: no exception, statuses [503,503,200], waits <= max_retry_wait: true
503 forever: SqzGraph\GraphException status=503 code='serviceNotAvailable', statuses [503,503,503,503], waits <= max_retry_wait: true
  gave up after 4 attempts: Graph GET /me/mailFolders/inbox/messages failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id …)
drop forever: SqzGraph\TransportException curl=52, statuses [0,0,0,0], waits <= max_retry_wait: true
  gave up after 4 attempts: GET /me/mailFolders/inbox/messages failed: Empty reply from server (curl error 52)
500: SqzGraph\GraphException status=500 code='generalException', statuses [500], waits <= max_retry_wait: true
  Graph GET /me/mailFolders/inbox/messages failed: HTTP 500 generalException: An unexpected error occurred. (request-id …)
400: SqzGraph\GraphException status=400 code='BadRequest', statuses [400], waits <= max_retry_wait: true
  Graph GET /me/mailFolders/inbox/messages failed: HTTP 400 BadRequest: Bad request. (request-id …)
max_retries 0: SqzGraph\GraphException status=503 code='serviceNotAvailable', statuses [503], waits <= max_retry_wait: true
  gave up after 1 attempt: Graph GET /me/mailFolders/inbox/messages failed: HTTP 503 serviceNotAvailable: The service is temporarily unavailable. Please retry after a delay. — Microsoft Graph is temporarily unavailable; the job retries later (request-id …)
