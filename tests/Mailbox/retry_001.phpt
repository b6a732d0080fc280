--TEST--
Mailbox: 429, 502, 503 and 504 are retried after the Retry-After the server asked for (seconds, fractional seconds)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_mailbox($t, ['max_retries' => 3, 'max_retry_wait' => 5]);
$path = '/mailFolders/inbox/messages\?';
$cases = [
    '429, Retry-After: 1' => [['status' => 429, 'retry_after' => '1'], 1.0, 1.5],
    '503 twice, Retry-After: 0.4' => [['status' => 503, 'retry_after' => '0.4', 'times' => 2], 0.4, 0.9],
    '502 HTML page, Retry-After: 0.3' => [['action' => 'html', 'status' => 502, 'retry_after' => '0.3'], 0.3, 0.8],
    '504, Retry-After: 0.2' => [['status' => 504, 'retry_after' => '0.2'], 0.2, 0.7],
];
foreach ($cases as $label => [$rule, $min, $max]) {
    $t->clearFaults();
    $t->fault($rule + ['path' => $path, 'times' => 1]);
    $s = mb_seq($t);
    $msgs = iterator_to_array($m->messages('inbox'));
    $log = mb_graph($t, $s);
    $gaps = [];
    for ($i = 1; $i < count($log); $i++) {
        $gaps[] = $log[$i]['ts'] - $log[$i - 1]['ts'];
    }
    printf("%-34s %d messages, statuses %s, each wait as asked: %s, not much longer: %s\n", $label, count($msgs),
        json_encode(array_column($log, 'status')), json_encode(min($gaps) >= $min - 0.05), json_encode(mb_within(max($gaps), $max)));
}
?>
--EXPECT--
429, Retry-After: 1                5 messages, statuses [429,200], each wait as asked: true, not much longer: true
503 twice, Retry-After: 0.4        5 messages, statuses [503,503,200], each wait as asked: true, not much longer: true
502 HTML page, Retry-After: 0.3    5 messages, statuses [502,200], each wait as asked: true, not much longer: true
504, Retry-After: 0.2              5 messages, statuses [504,200], each wait as asked: true, not much longer: true
