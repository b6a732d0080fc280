--TEST--
Mailbox::saveMime(): a stream that already received bytes is not retried (no duplicated bytes); before any byte it is; a stream refusing writes is a clear error
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$id = $t->addMessage(ADMIN, ['mime_fixture' => 'pmmp-issue274.eml', 'received' => 1600000000])['immutable_id'];
$raw = file_get_contents(FIXTURES . '/pmmp-issue274.eml');
$m = mb_mailbox($t, ['max_retries' => 3]);
$dir = mb_tmp();
// Cut in the middle of the body: half of it reached the stream, which cannot be rewound.
$t->fault(['path' => '/\$value$', 'action' => 'truncate', 'times' => 1]);
$fp = fopen('php://memory', 'w+b');
$s = mb_seq($t);
$e = mb_catch(fn () => $m->saveMime($id, $fp));
$got = mb_contents($fp);
echo mb_describe($e), "\n";
show('one attempt', count(mb_graph($t, $s)));
show('what the stream holds: a prefix of the message', [strlen($got) > 0 && strlen($got) < strlen($raw), str_starts_with($raw, $got)]);
// Dropped before the first byte: retried, the stream gets the message once.
$t->clearFaults();
$t->fault(['path' => '/\$value$', 'action' => 'drop', 'times' => 1]);
$fp = fopen('php://memory', 'w+b');
$s = mb_seq($t);
$n = $m->saveMime($id, $fp);
show('dropped then retried', [array_column(mb_graph($t, $s), 'status'), $n === strlen($raw), mb_contents($fp) === $raw]);
// A 503 error body never reaches the stream.
$t->fault(['path' => '/\$value$', 'status' => 503, 'retry_after' => '0', 'times' => 1]);
$fp = fopen('php://memory', 'w+b');
$n = $m->saveMime($id, $fp);
show('503 then retried', [$n === strlen($raw), mb_contents($fp) === $raw]);
// A stream opened read-only.
file_put_contents("$dir/ro", 'x');
$fp = fopen("$dir/ro", 'rb');
$e = mb_catch(fn () => @$m->saveMime($id, $fp));
echo get_class($e), ': ', $e->getMessage(), "\n";
show('file untouched', file_get_contents("$dir/ro"));
// Not a stream at all.
$e = mb_catch(fn () => $m->saveMime($id, 42));
echo get_class($e), ': ', $e->getMessage(), "\n";
$e = mb_catch(fn () => $m->saveMime($id, ''));
echo get_class($e), ': ', $e->getMessage(), "\n";
$ctx = stream_context_create();
$e = mb_catch(fn () => $m->saveMime($id, $ctx));
echo get_class($e), ': ', $e->getMessage(), "\n";
?>
--EXPECT--
SqzGraph\TransportException curl=18
one attempt: 1
what the stream holds: a prefix of the message: [true,true]
dropped then retried: [[0,200],true,true]
503 then retried: [true,true]
SqzGraph\StoreException: cannot write to the target stream
file untouched: 'x'
TypeError: SqzGraph\Mailbox::saveMime(): Argument #2 ($target) must be of type string|resource, int given
ValueError: SqzGraph\Mailbox::saveMime(): Argument #2 ($target) must be a non-empty file path without NUL bytes
TypeError: SqzGraph\Mailbox::saveMime(): supplied resource is not a valid stream resource
