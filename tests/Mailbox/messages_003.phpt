--TEST--
Mailbox::messages(): "limit" stops early (and asks for no more than it needs); forward-only; a well-known name works as folder id; an empty folder
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('sample');
$m = mb_mailbox($t);
$s = mb_seq($t);
$got = iterator_to_array($m->messages('inbox', ['limit' => 3]));
show('limit 3', [array_keys($got), array_map(fn ($x) => $x->subject, $got)]);
show('one request, $top=3', [count(mb_graph($t, $s)), mb_query(mb_graph($t, $s)[0]['target'])['$top']]);
$s = mb_seq($t);
$got = iterator_to_array($m->messages('inbox', ['limit' => 5, 'page_size' => 2]));
show('limit 5 in pages of 2', [count($got), count(mb_graph($t, $s))]);
$it = $m->messages('inbox', ['page_size' => 2]);
foreach ($it as $k => $x) {
    if ($k === 2) {
        break;
    }
}
$e = mb_catch(function () use ($it) {
    foreach ($it as $x) {
    }
});
echo get_class($e), ': ', $e->getMessage(), "\n";
// rewind() before any advance is harmless
$it = $m->messages('inbox', ['page_size' => 2]);
$it->rewind();
$it->rewind();
show('after two rewinds', [$it->key(), $it->current()->subject]);
$it->next();
show('next', [$it->key(), $it->current()->subject, $it->valid()]);
show('current() is the same object until next()', $it->current() === $it->current());
$empty = $m->messages($m->resolveFolder('Error')->id);
show('empty', [$empty->valid(), $empty->current(), $empty->key(), iterator_count($m->messages('drafts'))]);
?>
--EXPECT--
limit 3: [[0,1,2],["Invoice INV-2024-0001","Invoice INV-2024-0002","Invoice INV-2024-0003"]]
one request, $top=3: [1,"3"]
limit 5 in pages of 2: [5,3]
Error: SqzGraph\MessageIterator is forward-only: call Mailbox::messages() again to start over
after two rewinds: [0,"Invoice INV-2024-0001"]
next: [1,"Invoice INV-2024-0002",true]
current() is the same object until next(): true
empty: [false,null,null,0]
