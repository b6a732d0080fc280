--TEST--
Mailbox::messages(): a lazy Iterator of Message, oldest first, page by page ($select of the used fields only, $top = page_size, nextLink followed)
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('sample');
$m = mb_mailbox($t);
$inbox = $m->resolveFolder('inbox');
$s = mb_seq($t);
$it = $m->messages($inbox->id, ['page_size' => 7]);
show('iterator', [$it instanceof Iterator, get_class($it)]);
show('requests before iterating', count(mb_graph($t, $s)));
$keys = $received = $subjects = [];
foreach ($it as $k => $msg) {
    if ($k === 0) {
        show('requests for the first message', count(mb_graph($t, $s)));
    }
    if ($k === 7) {
        show('requests for the eighth', count(mb_graph($t, $s)));
    }
    $keys[] = $k;
    $received[] = $msg->receivedAt;
    $subjects[] = $msg->subject;
}
show('count', count($keys));
show('keys 0..39', $keys === range(0, 39));
$sorted = $received;
sort($sorted);
show('oldest first', $received === $sorted && count(array_unique($received)) === 40);
$mock = $t->messagesIn(ADMIN, 'inbox');
usort($mock, fn ($a, $b) => strcmp($a['received'], $b['received']));
show('same order as the mock by receivedDateTime', $subjects === array_column($mock, 'subject'));
show('first, last', [$subjects[0], $subjects[39]]);
$log = mb_graph($t, $s);
show('requests', count($log));
$first = mb_query($log[0]['target']);
show('path', parse_url($log[0]['target'], PHP_URL_PATH) === '/v1.0/me/mailFolders/' . rawurlencode($inbox->id) . '/messages');
show('query', $first);
show('pages', array_map(fn ($r) => [mb_query($r['target'])['$top'], mb_query($r['target'])['$skip'] ?? null], $log));
show('later pages keep $select/$orderby', array_values(array_unique(array_map(fn ($r) => mb_query($r['target'])['$select'] . ' ' . mb_query($r['target'])['$orderby'], $log))));
// The default page is large.
$s = mb_seq($t);
show('default', [count(iterator_to_array($m->messages($inbox->id))), mb_query(mb_graph($t, $s)[0]['target'])['$top'], count(mb_graph($t, $s))]);
$s = mb_seq($t);
show('page_size 1000', [count(iterator_to_array($m->messages('inbox', ['page_size' => 1000]))), mb_query(mb_graph($t, $s)[0]['target'])['$top']]);
?>
--EXPECT--
iterator: [true,"SqzGraph\\MessageIterator"]
requests before iterating: 0
requests for the first message: 1
requests for the eighth: 2
count: 40
keys 0..39: true
oldest first: true
same order as the mock by receivedDateTime: true
first, last: ["Invoice INV-2024-0001","Test multipart-digest"]
requests: 6
path: true
query: {"$select":"id,internetMessageId,subject,from,receivedDateTime,hasAttachments","$orderby":"receivedDateTime asc","$top":"7","$expand":"singleValueExtendedProperties($filter=id eq 'Integer 0x0E08')"}
pages: [["7",null],["7","7"],["7","14"],["7","21"],["7","28"],["7","35"]]
later pages keep $select/$orderby: ["id,internetMessageId,subject,from,receivedDateTime,hasAttachments receivedDateTime asc"]
default: [40,"250",1]
page_size 1000: [40,"1000"]
