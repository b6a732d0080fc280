--TEST--
Mailbox::__construct(): client credentials address /users/{rawurlencoded mailbox}, never /me
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_cc_mailbox($t, OBRIEN);
$s = mb_seq($t);
$f = $m->resolveFolder('Inbox');
$msgs = iterator_to_array($m->messages($f->id));
show('subjects', array_map(fn ($x) => $x->subject, $msgs));
show('moved', $m->move($msgs[0]->id, 'inbox') === $msgs[0]->id);
$targets = array_column(mb_graph($t, $s), 'target');
show('count', count($targets));
show('all /users/o%27brien%2Bmail%40contoso.example/', array_unique(array_map(
    fn ($x) => str_starts_with($x, '/v1.0/users/o%27brien%2Bmail%40contoso.example/'), $targets)));
show('kinds', array_values(array_unique(array_column(mb_graph($t, $s), 'token_kind'))));
?>
--EXPECTF--
subjects: ["Hello O'Brien"]
moved: true
count: %d
all /users/o%27brien%2Bmail%40contoso.example/: [true]
kinds: ["app"]
